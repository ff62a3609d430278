//! `#[voucherify(unique_keys)]`: a key repeated in the field's object is
//! refused on both paths, where serde alone would keep the last copy.

use std::collections::BTreeMap;

use voucherify_model::{voucherify_model, Map};

#[voucherify_model]
pub struct Tagged {
    #[voucherify(unique_keys)]
    pub labels: Option<Map>,
    #[voucherify(unique_keys)]
    pub scores: Option<BTreeMap<String, i64>>,
    #[voucherify(unique_keys)]
    pub required: Map,
    pub loose: Option<Map>,
}

#[test]
fn repeated_keys_are_refused_with_their_path() {
    let cases = [
        (
            r#"{"labels":{"a":1,"a":2},"required":{}}"#,
            "labels: duplicate key `a` at line 1 column 20",
        ),
        (
            r#"{"labels":{"a":{"b":1,"b":2}},"required":{}}"#,
            "labels.a: duplicate key `b` at line 1 column 25",
        ),
        (
            r#"{"scores":{"x":1,"x":2},"required":{}}"#,
            "scores: duplicate key `x` at line 1 column 20",
        ),
        (
            r#"{"required":{"k":null,"k":null}}"#,
            "required: duplicate key `k` at line 1 column 25",
        ),
    ];
    for (text, expected) in cases {
        let error = voucherify_model::from_str::<Tagged>(text).unwrap_err();
        assert_eq!(error.to_string(), expected, "{text}");
        let error = voucherify_model::from_slice::<Tagged>(text.as_bytes()).unwrap_err();
        assert_eq!(error.to_string(), expected, "{text}");
    }
}

#[test]
fn without_the_attribute_serde_keeps_the_last_copy() {
    let tagged: Tagged =
        voucherify_model::from_str(r#"{"required":{},"loose":{"a":1,"a":2}}"#).unwrap();
    assert_eq!(tagged.loose.unwrap()["a"], 2);
}

#[test]
fn null_and_absent_read_as_none_and_values_as_written() {
    let text =
        r#"{"labels":{"b":[1,{"c":null}],"a":"x"},"scores":{"y":2,"x":1},"required":{"k":true}}"#;
    let tagged: Tagged = voucherify_model::from_str(text).unwrap();
    assert_eq!(tagged.scores.as_ref().unwrap()["x"], 1);
    assert_eq!(tagged.required["k"], true);
    let through_serde: Tagged = serde_json::from_str(text).unwrap();
    assert_eq!(through_serde, tagged);
    let empty: Tagged = voucherify_model::from_str(r#"{"labels":null,"required":{}}"#).unwrap();
    assert_eq!((empty.labels, empty.scores), (None, None));
    let missing = voucherify_model::from_str::<Tagged>("{}").unwrap_err();
    assert_eq!(
        missing.to_string(),
        ".: missing field `required` at line 1 column 2"
    );
}

#[test]
fn a_value_left_to_serde_is_not_taken_for_a_repeated_key() {
    // The direct reader leaves an integer of 19 digits to serde, which
    // reads it: the key is still new.
    let text = r#"{"scores":{"x":1000000000000000000,"y":1},"required":{}}"#;
    let tagged: Tagged = voucherify_model::from_str(text).unwrap();
    assert_eq!(tagged.scores.unwrap()["x"], 1_000_000_000_000_000_000);
    // Repeated, it is refused at the same place as any value.
    let text = r#"{"scores":{"x":1,"x":1000000000000000000},"required":{}}"#;
    let error = voucherify_model::from_str::<Tagged>(text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "scores: duplicate key `x` at line 1 column 20"
    );
}
