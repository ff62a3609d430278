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

/// Names a user's module may define, which generated code must not pick
/// up in place of its own.
#[allow(dead_code, non_camel_case_types, non_upper_case_globals)]
mod shadowing {
    use voucherify_model::voucherify_model;

    pub struct Option;
    pub struct Result;
    pub struct Some;
    pub struct Box;
    pub struct String;
    pub struct Vec;
    pub struct Default;
    pub const None: () = ();
    pub const Ok: () = ();
    pub const Err: () = ();
    pub const VARIANTS: &[&str] = &["shadowed"];
    pub const value: u8 = 0;
    pub const extra: u8 = 0;
    pub const name: u8 = 0;

    #[voucherify_model]
    pub enum Visitor {
        Gold,
        #[voucherify(other)]
        Other(std::string::String),
    }

    #[voucherify_model]
    pub enum Field {
        Silver,
        Bronze,
    }

    #[voucherify_model]
    pub struct Holder {
        pub visitor: core::option::Option<Visitor>,
        pub field: Field,
        #[voucherify(redact)]
        pub secret: core::option::Option<core::option::Option<std::string::String>>,
        pub names: std::vec::Vec<std::string::String>,
        pub at: core::option::Option<voucherify_model::time::Date>,
        #[voucherify(extra)]
        pub extra: voucherify_model::Extra,
    }
}

#[test]
fn generated_names_do_not_clash_with_the_users() {
    use shadowing::{Field, Holder, Visitor};

    let text = r#"{"visitor":"gold","field":"bronze","secret":null,"names":["a"],"at":"2024-02-29","x":1}"#;
    let holder: Holder = voucherify_model::from_str(text).unwrap();
    assert_eq!(holder.visitor, Some(Visitor::Gold));
    assert_eq!(holder.field, Field::Bronze);
    assert_eq!(holder.secret, Some(None));
    assert_eq!(voucherify_model::to_string(&holder).unwrap(), text);
    let serde_text = serde_json::to_string(&holder).unwrap();
    assert_eq!(serde_text, text);
    assert_eq!(serde_json::from_str::<Holder>(text).unwrap(), holder);
    let error = voucherify_model::from_str::<Holder>(r#"{"field":"gold","names":[]}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "field: unknown variant `gold`, expected `silver` or `bronze` at line 1 column 15"
    );
    assert!(format!("{holder:?}").starts_with("Holder { visitor: Some(Gold), field: Bronze"));
}

/// A struct whose only field is `extra`.
#[voucherify_model::voucherify_model]
struct OnlyExtra {
    #[voucherify(extra)]
    extra: voucherify_model::Map,
}

#[test]
fn struct_of_extra_alone_keeps_every_key() {
    let text = r#"{"a":1,"b":[true]}"#;
    let value: OnlyExtra = voucherify_model::from_str(text).unwrap();
    assert_eq!(value.extra.len(), 2);
    assert_eq!(voucherify_model::to_string(&value).unwrap(), text);
    assert_eq!(serde_json::to_string(&value).unwrap(), text);
}

/// A model whose serde attributes the direct reader does not follow.
#[voucherify_model::voucherify_model]
#[serde(rename_all = "camelCase")]
struct Camel {
    first_name: Option<String>,
    loyalty_points: i64,
}

/// A model holding it, which the direct reader does follow.
#[voucherify_model::voucherify_model]
struct Holder {
    id: String,
    camel: Option<Camel>,
    camels: Vec<Camel>,
    #[voucherify(extra)]
    extra: voucherify_model::Extra,
}

#[test]
fn a_nested_model_the_direct_reader_does_not_follow_goes_through_serde_alone() {
    use voucherify_model::__hooks::{read_direct, write_direct};

    let text = r#"{"id":"h1","camel":{"firstName":"Al","loyaltyPoints":3},"camels":[{"loyaltyPoints":1}],"x":true}"#;
    // The holder is read and written directly, its `Camel`s by serde.
    let holder: Holder = read_direct(text.as_bytes()).expect("read directly");
    let camel = holder.camel.as_ref().unwrap();
    assert_eq!(camel.first_name.as_deref(), Some("Al"));
    assert_eq!(camel.loyalty_points, 3);
    assert_eq!(holder.extra["x"], true);
    let written = write_direct(&holder, Vec::new()).expect("written directly");
    assert_eq!(String::from_utf8(written).unwrap(), text);
    assert_eq!(serde_json::from_str::<Holder>(text).unwrap(), holder);

    // A mistake inside still names its path.
    let error =
        voucherify_model::from_str::<Holder>(r#"{"id":"h1","camels":[{"loyaltyPoints":"3"}]}"#)
            .unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"camels[0].loyaltyPoints: invalid type: string "3", expected i64 at line 1 column 41"#
    );
}
