//! Personal values stay out of `Debug` output and out of error messages:
//! unknown keys show only their names, and a failure at a
//! `#[voucherify(redact)]` field says what was wrong without the value.

use std::collections::{BTreeMap, HashMap};

use serde_json::json;
use voucherify_model::indexmap::IndexMap;
use voucherify_model::{
    voucherify_model, CustomersCreateResponseBody, CustomersListResponseBody, Extra, Map,
};
use voucherify_tests::Account;

/// A model whose unknown keys land in a plain `Map`, with a redacted field
/// that holds structs, and one inside a list of structs.
#[voucherify_model]
pub struct Household {
    pub id: Option<String>,
    #[voucherify(redact)]
    pub members: Option<Vec<Person>>,
    pub pets: Option<BTreeMap<String, Pet>>,
    #[voucherify(extra)]
    pub extra: Map,
}

#[voucherify_model]
pub struct Person {
    pub nickname: Option<String>,
    pub born: Option<voucherify_model::time::Date>,
}

#[voucherify_model]
pub struct Pet {
    pub kind: Option<String>,
    #[voucherify(redact)]
    pub chip: Option<String>,
    #[voucherify(extra)]
    pub extra: Extra,
}

#[test]
fn debug_of_a_whole_model_shows_no_personal_value() {
    let text = json!({
        "id": "cust_1",
        "name": "Private Name",
        "email": "private@example.com",
        "phone": "+48 555 0100",
        "birthdate": "1990-02-14",
        "address": {"city": "Private City", "line_1": "Private Street 1"},
        "source_id": "Private.Source@example.com",
        "description": "Private note on the customer",
        "metadata": {"plan": "Private plan"},
        "system_metadata": {"consents": "Private consent"},
        "assets": {"cockpit_url": "https://cockpit.example/Private-token"},
        "national_id": "Private 8001014",
        "nested": {"spouse": "Private Spouse"}
    })
    .to_string();
    let customer: CustomersCreateResponseBody = voucherify_model::from_str(&text).unwrap();
    let list = CustomersListResponseBody {
        customers: Some(vec![customer.clone()]),
        ..Default::default()
    };
    for debug in [
        format!("{customer:?}"),
        format!("{customer:#?}"),
        format!("{list:?}"),
    ] {
        assert!(
            !debug.contains("Private"),
            "a personal value shows: {debug}"
        );
        assert!(
            !debug.contains("8001014"),
            "an unknown value shows: {debug}"
        );
        // Keys are the API's schema, and stay visible.
        assert!(debug.contains("national_id"), "{debug}");
        assert!(debug.contains("nested"), "{debug}");
        assert!(debug.contains("cust_1"), "{debug}");
    }
}

#[test]
fn unknown_keys_in_a_plain_map_show_only_their_keys() {
    let household: Household = voucherify_model::from_str(
        r#"{"id":"h1","members":[{"nickname":"Private Nick"}],"pets":{"rex":{"kind":"dog","chip":"Private Chip","owner":"Private Owner"}},"landlord":"Private Landlord"}"#,
    )
    .unwrap();
    let debug = format!("{household:?}");
    assert!(!debug.contains("Private"), "{debug}");
    assert!(debug.contains(r#"{"landlord": <redacted>}"#), "{debug}");
    assert!(debug.contains(r#"{"owner": <redacted>}"#), "{debug}");
    assert!(debug.contains(r#"kind: Some("dog")"#), "{debug}");
}

#[test]
fn extra_debug_lists_keys_in_order_with_values_hidden() {
    let extra: Extra = [
        ("b".to_owned(), json!("Private B")),
        ("a".to_owned(), json!({"x": 1})),
    ]
    .into_iter()
    .collect();
    let debug = format!("{extra:?}");
    assert!(!debug.contains("Private"), "{debug}");
    assert!(debug.contains(r#""a": <redacted>"#), "{debug}");
    assert!(debug.contains(r#""b": <redacted>"#), "{debug}");
    assert_eq!(format!("{:?}", Extra::new()), "{}");
}

/// Reads `text` as `T` through every entry point and gives the one
/// message they must agree on.
fn message<T>(text: &str) -> String
where
    T: voucherify_model::Json + serde::de::DeserializeOwned + std::fmt::Debug,
{
    let from_str = voucherify_model::from_str::<T>(text).unwrap_err();
    let from_slice = voucherify_model::from_slice::<T>(text.as_bytes()).unwrap_err();
    let from_reader = voucherify_model::from_reader::<_, T>(text.as_bytes()).unwrap_err();
    assert_eq!(from_str.to_string(), from_slice.to_string());
    assert_eq!(from_str.to_string(), from_reader.to_string());
    from_str.to_string()
}

#[test]
fn errors_inside_redacted_fields_keep_path_and_position_but_not_the_value() {
    assert_eq!(
        message::<Household>(r#"{"members":[{},{"born":"1990-02-30"}]}"#),
        "members[1].born: invalid value: a string that is not a date that exists in the calendar at line 1 column 35",
    );
    assert_eq!(
        message::<Household>(r#"{"pets":{"rex":{"chip":12345678}}}"#),
        "pets.rex.chip: invalid type: an integer, expected a string at line 1 column 31",
    );
    // Not redacted: the value still helps, and is shown.
    assert_eq!(
        message::<Household>(r#"{"pets":{"rex":{"kind":12345678}}}"#),
        "pets.rex.kind: invalid type: integer `12345678`, expected a string at line 1 column 31",
    );
    assert_eq!(
        message::<Account>(r#"{"id":"a","secret":["Private"]}"#),
        "secret: invalid type: an array, expected a string at line 1 column 19",
    );
}

/// A plain `Value`, in which serde keeps the last copy of a repeated key,
/// beside a redacted field.
#[voucherify_model]
pub struct Note {
    pub body: Option<serde_json::Value>,
    #[voucherify(redact)]
    pub pin: Option<u32>,
}

#[test]
fn a_repeated_key_elsewhere_does_not_lift_redaction() {
    // The direct reader gives up on the repeat, and serde reads the
    // document once more: its error is redacted as any other.
    assert_eq!(
        message::<Note>(r#"{"body":{"a":1,"a":2},"pin":"1234"}"#),
        "pin: invalid type: a string, expected u32 at line 1 column 34",
    );
    assert_eq!(
        message::<Note>(r#"{"body":{"a":1},"pin":"1234"}"#),
        "pin: invalid type: a string, expected u32 at line 1 column 28",
    );
}

/// `Pet`, with its redacted `chip`, inside each kind of container a model
/// may hold, so that the path to the field is followed through each.
#[voucherify_model]
pub struct Kennel {
    pub list: Option<Vec<Pet>>,
    pub boxed: Option<Box<Pet>>,
    pub hashed: Option<HashMap<String, Pet>>,
    pub indexed: Option<IndexMap<String, Pet>>,
}

#[test]
fn redacted_fields_are_found_inside_every_container() {
    for (before, after, path) in [
        (r#"{"list":[{},{"#, "}]}", "list[1]"),
        (r#"{"boxed":{"#, "}}", "boxed"),
        (r#"{"hashed":{"rex":{"#, "}}}", "hashed.rex"),
        (r#"{"indexed":{"rex":{"#, "}}}", "indexed.rex"),
    ] {
        let chip = format!(r#"{before}"chip":12345678{after}"#);
        let error = message::<Kennel>(&chip);
        assert!(
            error.starts_with(&format!(
                "{path}.chip: invalid type: an integer, expected a string at line 1"
            )),
            "{chip}: {error}"
        );
        let kind = format!(r#"{before}"kind":12345678{after}"#);
        let error = message::<Kennel>(&kind);
        assert!(
            error.starts_with(&format!(
                "{path}.kind: invalid type: integer `12345678`, expected a string at line 1"
            )),
            "{kind}: {error}"
        );
    }
}

#[test]
fn a_redacted_error_tells_its_place_and_kind() {
    let error = voucherify_model::from_str::<CustomersCreateResponseBody>(
        "{\n\"birthdate\": \"2023-02-29\"}",
    )
    .unwrap_err();
    assert_eq!(error.path(), "birthdate");
    assert_eq!((error.line(), error.column()), (2, 25));
    assert_eq!(
        error.classify(),
        voucherify_model::__private::serde_json::error::Category::Data
    );
    let debug = format!("{error:?}");
    assert!(!debug.contains("2023-02-29"), "{debug}");
    assert!(debug.contains("at line 2 column 25"), "{debug}");
    let source = std::error::Error::source(&error).unwrap().to_string();
    assert!(!source.contains("2023-02-29"), "{source}");
    let inner = error.into_inner().to_string();
    assert!(!inner.contains("2023-02-29"), "{inner}");
}

#[test]
fn extra_changes_in_place_and_frees_itself_when_emptied() {
    let mut extra = Extra::new();
    assert_eq!(extra.get_mut("a"), None);
    assert_eq!(extra.remove("a"), None);
    extra.retain(|_, _| true);
    assert!(extra.is_empty());
    assert_eq!(extra.insert("a".into(), json!(1)), None);
    assert_eq!(extra.insert("b".into(), json!(2)), None);
    *extra.get_mut("a").unwrap() = json!(10);
    assert_eq!(extra["a"], 10);
    extra.retain(|key, _| key == "b");
    assert_eq!(extra.keys().collect::<Vec<_>>(), ["b"]);
    assert_eq!(extra.remove("b"), Some(json!(2)));
    assert_eq!(extra, Extra::new());
    extra.insert("c".into(), json!(3));
    extra.clear();
    assert!(extra.is_empty());
    assert_eq!(std::mem::size_of::<Extra>(), std::mem::size_of::<usize>());
}

#[test]
fn extra_is_eq() {
    fn assert_eq_impl<T: Eq>() {}
    assert_eq_impl::<Extra>();
    let one: Extra = [("k".to_owned(), json!([1, "x"]))].into_iter().collect();
    let mut two = Extra::new();
    two.insert("k".into(), json!([1, "x"]));
    assert_eq!(one, two);
}

#[test]
fn the_api_error_keeps_its_details_out_of_display_and_debug() {
    let error: voucherify_model::VoucherifyError = voucherify_model::from_str(
        r#"{"code":400,"key":"invalid_customer","message":"Invalid customer","details":"Customer private@example.com has an invalid phone","request_id":"v-1"}"#,
    )
    .unwrap();
    assert_eq!(
        error.to_string(),
        "Voucherify error 400 invalid_customer: Invalid customer [request v-1]"
    );
    let debug = format!("{error:?}");
    assert!(!debug.contains("private@"), "{debug}");
    assert!(debug.contains("invalid_customer"), "{debug}");
    assert_eq!(
        error.details.as_deref(),
        Some("Customer private@example.com has an invalid phone")
    );
}
