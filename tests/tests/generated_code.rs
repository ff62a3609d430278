//! What the macro generates, seen from a downstream crate: the `Model`
//! bound, and the fixes of issue 10's bugs.

use voucherify_model::{CustomersCreateResponseBody, CustomersListResponseBody};
use voucherify_tests::{load, reload, Account};

#[test]
fn model_bound_reads_and_writes_any_model() {
    let customer: CustomersCreateResponseBody = load(r#"{"id":"c1","tier":"gold"}"#).unwrap();
    assert_eq!(customer.id.as_deref(), Some("c1"));
    assert_eq!(customer.extra["tier"], "gold");

    let account: Account = load(r#"{"id":"a1","note":null}"#).unwrap();
    assert_eq!(account.note, Some(None));

    let error = load::<CustomersListResponseBody>(r#"{"total":"3"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"total: invalid type: string "3", expected i64 at line 1 column 12"#
    );

    let input = br#"{"id":"a2","nickname":"Al"}"#;
    let (first, text, written): (Account, _, _) = reload(input).unwrap();
    assert_eq!(first.nickname.as_deref(), Some("Al"));
    assert_eq!(text.as_bytes(), input);
    assert_eq!(written, [&input[..], &input[..]].concat());
}

#[test]
fn model_bound_covers_collections_of_models() {
    let many: Vec<Account> = load(r#"[{"id":"a"},{"id":"b"}]"#).unwrap();
    let ids: Vec<&str> = many.iter().map(|account| account.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
}
