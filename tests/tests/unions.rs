//! Internally tagged unions (`#[serde(tag = "type")]` enums), read and
//! written through the direct path and through serde, which must agree.

mod support;

use std::fmt::Debug;

use support::agree;
use voucherify_model::__hooks::write_direct;
use voucherify_model::{Map, Model, Value};
use voucherify_tests::api::{Discount, DiscountAmount, DiscountUnit, Effect};

/// Reads a document that must be read directly, and must write back as it was.
fn round_trip<T: Model + PartialEq + Debug>(text: &str) -> T {
    let (value, direct) = agree::<T>(text);
    let value = value.unwrap();
    assert!(direct, "the direct reader gave up on {text}");
    assert!(
        write_direct(&value, Vec::new()).is_ok(),
        "the direct writer gave up on {text}"
    );
    assert_eq!(voucherify_model::to_string(&value).unwrap(), text);
    value
}

#[test]
fn a_variant_holding_a_struct() {
    let text = r#"{"type":"AMOUNT","amount_off":1000.5,"effect":"APPLY_TO_ORDER","tier":"gold"}"#;
    let discount: Discount = round_trip(text);
    let Discount::Amount(amount) = &discount else {
        panic!("not an amount: {discount:?}");
    };
    assert_eq!(amount.amount_off, Some(1000.5));
    // The tag is the union's, not an unknown key of the struct.
    assert_eq!(amount.extra.keys().collect::<Vec<_>>(), ["tier"]);
    assert!(amount.extra.as_map().get("type").is_none());
}

#[test]
fn a_variant_holding_a_struct_of_no_members() {
    let discount: Discount = round_trip(r#"{"type":"AMOUNT"}"#);
    assert_eq!(discount, Discount::Amount(DiscountAmount::default()));
    let discount: Discount = round_trip(r#"{"type":"UNIT"}"#);
    assert_eq!(discount, Discount::Unit(DiscountUnit::default()));
}

#[test]
fn a_variant_with_named_fields_and_its_own_extra() {
    let text = r#"{"type":"PERCENT","percent_off":12.5,"amount_limit":600.5,"is_dynamic":false,"new_key":[1,2]}"#;
    let discount: Discount = round_trip(text);
    let Discount::Percent {
        percent_off,
        amount_limit,
        is_dynamic,
        extra,
        ..
    } = &discount
    else {
        panic!("not a percentage: {discount:?}");
    };
    assert_eq!(*percent_off, Some(12.5));
    assert_eq!(*amount_limit, Some(600.5));
    assert_eq!(*is_dynamic, Some(false));
    assert_eq!(extra["new_key"], serde_json::json!([1, 2]));
    assert_eq!(extra.len(), 1);

    let fixed: Discount = round_trip(r#"{"type":"FIXED","fixed_amount":1999.5}"#);
    assert_eq!(
        fixed,
        Discount::Fixed {
            fixed_amount: Some(1999.5),
            fixed_amount_formula: None,
            effect: None,
            is_dynamic: None,
        }
    );
}

#[test]
fn multiple_units_in_the_unit_variant() {
    let text = r#"{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":1.5,"effect":"ADD_NEW_ITEMS","unit_type":"prod_1","product":{"id":"prod_1","name":"Mug"}},{"unit_off":2.5,"unit_type":"sku_1","sku":{"id":"sku_1","source_id":"S1"}}]}"#;
    let discount: Discount = round_trip(text);
    let Discount::Unit(unit) = &discount else {
        panic!("not a unit discount: {discount:?}");
    };
    let units = unit.units.as_ref().unwrap();
    assert_eq!(units.len(), 2);
    assert_eq!(
        units[0].product.as_ref().unwrap().name.as_deref(),
        Some("Mug")
    );
    assert_eq!(
        units[1].sku.as_ref().unwrap().source_id.as_deref(),
        Some("S1")
    );
}

#[test]
fn an_unknown_tag_is_kept_whole_and_written_back() {
    // Keys in the order a `Map` keeps them.
    let text = r#"{"type":"SHIPPING","value":500,"zone":{"a":null}}"#;
    let discount: Discount = round_trip(text);
    let Discount::Other(object) = &discount else {
        panic!("not kept whole: {discount:?}");
    };
    assert_eq!(object["type"], "SHIPPING");
    assert_eq!(object["value"], 500);
    assert_eq!(object.len(), 3);
}

#[test]
fn the_tag_need_not_come_first() {
    // Read through serde, which reads the whole object before choosing,
    // and written back with the tag first.
    let (discount, direct) = agree::<Discount>(r#"{"amount_off":1000.5,"type":"AMOUNT","x":true}"#);
    assert!(!direct);
    let discount = discount.unwrap();
    assert_eq!(
        voucherify_model::to_string(&discount).unwrap(),
        r#"{"type":"AMOUNT","amount_off":1000.5,"x":true}"#
    );
    let (other, _) = agree::<Discount>(r#"{"b":1,"type":"NEW","a":2}"#);
    let Discount::Other(object) = other.unwrap() else {
        panic!("an unknown tag not kept");
    };
    assert_eq!(object["type"], "NEW");
    assert_eq!(object.len(), 3);
}

#[test]
fn unknown_tags_without_other_are_errors_naming_the_known_ones() {
    let (result, _) = agree::<Effect>(r#"{"kind":"shipping"}"#);
    assert_eq!(
        result.unwrap_err(),
        "kind: unknown variant `shipping`, expected `order` or `items` at line 1 column 18"
    );
    let (result, _) = agree::<Effect>(r#"{"ids":[],"kind":"shipping"}"#);
    assert_eq!(
        result.unwrap_err(),
        ".: unknown variant `shipping`, expected `order` or `items` at line 1 column 28"
    );
    let (result, _) = agree::<Effect>(r#"{"ids":[]}"#);
    assert_eq!(
        result.unwrap_err(),
        ".: missing field `kind` at line 1 column 10"
    );
    let (result, _) = agree::<Effect>(r#"{"kind":3}"#);
    assert_eq!(
        result.unwrap_err(),
        "kind: invalid type: integer `3`, expected a string tag at line 1 column 9"
    );
    let (result, _) = agree::<Effect>(r#""order""#);
    assert_eq!(
        result.unwrap_err(),
        r#".: invalid type: string "order", expected an object tagged by `kind` at line 1 column 7"#
    );
}

#[test]
fn renamed_and_aliased_tags_and_dates_in_variants() {
    let effect: Effect = round_trip(r#"{"kind":"order","at":"2024-01-02T03:04:05.678Z"}"#);
    let Effect::Order { at } = effect else {
        panic!("not an order effect");
    };
    assert_eq!(at.year(), 2024);
    let (aliased, _) = agree::<Effect>(r#"{"kind":"ORDER","at":"2024-01-02T04:04:05.678+01:00"}"#);
    assert_eq!(aliased.unwrap(), effect);
    let items: Effect = round_trip(r#"{"kind":"items","ids":["a"]}"#);
    #[allow(deprecated)]
    let expected = Effect::Items {
        ids: vec!["a".to_owned()],
        at: None,
        item_ids: None,
    };
    assert_eq!(items, expected);
    // A deprecated field of a variant reads and writes like any other.
    let legacy: Effect = round_trip(r#"{"kind":"items","ids":[],"item_ids":["b"]}"#);
    #[allow(deprecated)]
    let Effect::Items { item_ids, .. } = legacy
    else {
        panic!("not an items effect");
    };
    assert_eq!(item_ids, Some(vec!["b".to_owned()]));
}

#[test]
fn errors_inside_a_variant_name_their_path() {
    let (result, _) = agree::<Effect>(r#"{"kind":"items","ids":[1]}"#);
    assert_eq!(
        result.unwrap_err(),
        "ids[0]: invalid type: integer `1`, expected a string at line 1 column 24"
    );
    let (result, _) = agree::<Effect>(r#"{"kind":"order"}"#);
    assert_eq!(
        result.unwrap_err(),
        ".: missing field `at` at line 1 column 16"
    );
    let (result, _) = agree::<Discount>(r#"{"amount_off":"ten","type":"AMOUNT"}"#);
    assert_eq!(
        result.unwrap_err(),
        r#"amount_off: invalid type: string "ten", expected f64 at line 1 column 36"#
    );
}

#[test]
fn unions_in_collections_and_through_the_model_bound() {
    let text = r#"[{"type":"AMOUNT","amount_off":1.5},{"type":"FIXED"},{"type":"X"}]"#;
    let discounts: Vec<Discount> = round_trip(text);
    assert_eq!(discounts.len(), 3);
    let loaded: Vec<Discount> = voucherify_tests::load(text).unwrap();
    assert_eq!(loaded, discounts);
}

#[test]
fn a_hand_built_other_is_written_as_it_is() {
    let mut object = Map::new();
    object.insert("type".to_owned(), Value::from("NEW"));
    object.insert("x".to_owned(), Value::from(1));
    let discount = Discount::Other(object);
    assert_eq!(
        voucherify_model::to_string(&discount).unwrap(),
        r#"{"type":"NEW","x":1}"#
    );
    assert_eq!(
        serde_json::to_string(&discount).unwrap(),
        r#"{"type":"NEW","x":1}"#
    );
}

mod generated {
    use proptest::prelude::*;
    use voucherify_tests::api::{Discount, Effect};

    use super::agree;

    /// A member of a discount object, well-formed or not.
    fn member() -> impl Strategy<Value = String> {
        let tag = prop_oneof![
            Just("\"AMOUNT\""),
            Just("\"PERCENT\""),
            Just("\"UNIT\""),
            Just("\"FIXED\""),
            Just("\"SHIPPING\""),
            Just("\"AM\\u004fUNT\""),
            Just("1"),
            Just("null"),
        ];
        let number = prop_oneof![
            Just("1500"),
            Just("12.5"),
            Just("-1"),
            Just("\"ten\""),
            Just("null"),
            Just("1e400"),
        ];
        let any = prop_oneof![
            Just("[1,{\"a\":null}]"),
            Just("{}"),
            Just("\"x\""),
            Just("true"),
        ];
        prop_oneof![
            tag.prop_map(|value| format!("\"type\":{value}")),
            number
                .clone()
                .prop_map(|value| format!("\"amount_off\":{value}")),
            number
                .clone()
                .prop_map(|value| format!("\"percent_off\":{value}")),
            number.prop_map(|value| format!("\"fixed_amount\":{value}")),
            Just("\"effect\":\"APPLY_TO_ORDER\"".to_owned()),
            Just("\"units\":[{\"unit_off\":1.5,\"product\":{\"id\":\"p\"}}]".to_owned()),
            Just("\"units\":[{\"unit_off\":[]}]".to_owned()),
            any.prop_map(|value| format!("\"extra_key\":{value}")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Members in any order, repeated or missing, of any kind: the
        /// direct path and serde agree on every document.
        #[test]
        fn discounts_agree_on_every_document(members in proptest::collection::vec(member(), 0..6)) {
            let text = format!("{{{}}}", members.join(","));
            let _ = agree::<Discount>(&text);
            let _ = agree::<Vec<Discount>>(&format!("[{text},{text}]"));
            let effect = text.replace("\"type\"", "\"kind\"").replace("AMOUNT", "order");
            let _ = agree::<Effect>(&effect);
        }
    }
}

#[test]
fn a_repeated_tag_is_refused_wherever_it_stands() {
    for text in [
        // Held struct (with unknown keys), named fields, unknown tag kept whole.
        r#"{"type":"AMOUNT","type":"PERCENT"}"#,
        r#"{"type":"AMOUNT","amount_off":1,"type":"AMOUNT"}"#,
        r#"{"type":"PERCENT","percent_off":5,"type":"FIXED"}"#,
        r#"{"type":"LOYALTY","type":"AMOUNT"}"#,
        // The tag not first: the object is gathered, and a repeat refused.
        r#"{"amount_off":1,"type":"AMOUNT","type":"AMOUNT"}"#,
    ] {
        let (read, _) = agree::<Discount>(text);
        let error = read.expect_err(text);
        assert!(
            error.contains("duplicate field `type`") || error.contains("duplicate key `type`"),
            "{text}: {error}"
        );
        assert!(serde_json::from_str::<Discount>(text).is_err(), "{text}");
    }
}

#[test]
fn nulls_in_a_variant_come_back_as_read() {
    // A held struct with an `Extra`, and a variant with named fields and
    // its own `extra`: a field read as `null` is written back as `null`.
    let amount: Discount = round_trip(r#"{"type":"AMOUNT","amount_off":null,"effect":null,"k":1}"#);
    // Equality ignores the record of `null`s.
    let mut expected = DiscountAmount::default();
    expected.extra.insert("k".into(), 1.into());
    assert_eq!(amount, Discount::Amount(expected));
    round_trip::<Discount>(r#"{"type":"PERCENT","percent_off":null,"amount_limit":5.5,"k":null}"#);
    // A value set later is written as set.
    let Discount::Amount(mut amount) = amount else {
        unreachable!("read as an amount above");
    };
    amount.amount_off = Some(10.0);
    assert_eq!(
        voucherify_model::to_string(&Discount::Amount(amount)).unwrap(),
        r#"{"type":"AMOUNT","amount_off":10,"effect":null,"k":1}"#
    );
}

#[test]
fn a_tag_that_is_not_a_string_goes_to_other_whole() {
    for text in [
        r#"{"type":5,"value":1}"#,
        r#"{"type":true}"#,
        r#"{"type":{"kind":"AMOUNT"},"value":1}"#,
        r#"{"value":1,"type":[1,2]}"#,
    ] {
        let (discount, _) = agree::<Discount>(text);
        let discount = discount.unwrap();
        let Discount::Other(object) = &discount else {
            panic!("not kept whole: {discount:?}");
        };
        let input: Value = serde_json::from_str(text).unwrap();
        assert_eq!(Value::Object(object.clone()), input, "{text}");
        assert_eq!(voucherify_model::to_string(&discount).unwrap(), text);
        assert_eq!(serde_json::to_string(&discount).unwrap(), text);
    }
}

#[test]
fn the_tag_among_a_variants_unknown_keys_is_refused_when_written() {
    let mut amount = DiscountAmount {
        amount_off: Some(1.0),
        ..Default::default()
    };
    amount.extra.insert("type".into(), "PERCENT".into());
    let held = Discount::Amount(amount);
    let message = "the extra key `type` is the union's tag; set the variant instead";
    refused_when_written(&held, message);

    let text = r#"{"type":"PERCENT","percent_off":10}"#;
    let mut named: Discount = voucherify_model::from_str(text).unwrap();
    let Discount::Percent { extra, .. } = &mut named else {
        panic!("not a percentage: {named:?}");
    };
    extra.insert("type".into(), "AMOUNT".into());
    refused_when_written(&named, message);
}

/// Both paths refuse to write `value`: ours with `message` at the
/// document, serde with `message` in its own words.
fn refused_when_written(value: &Discount, message: &str) {
    assert_eq!(
        voucherify_model::to_string(value).unwrap_err().to_string(),
        format!(".: {message}")
    );
    let serde = serde_json::to_string(value).unwrap_err().to_string();
    assert!(serde.contains(message), "{serde}");
}

#[voucherify_model::voucherify_model]
pub struct Card {
    pub number: Option<String>,
    #[voucherify(redact)]
    pub holder: Option<String>,
}

#[voucherify_model::voucherify_model]
#[serde(tag = "kind", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Payment {
    Card(Card),
    Voucher { discount: Option<Discount> },
}

#[test]
fn a_failure_in_a_union_read_before_its_tag_has_its_whole_path() {
    let cases = [
        (
            r#"{"percent_off":"x","type":"PERCENT"}"#,
            "percent_off",
            r#"percent_off: invalid type: string "x", expected f64 at line 1 column 36"#,
        ),
        (
            r#"{"discount":{"percent_off":"x","type":"PERCENT"},"kind":"VOUCHER"}"#,
            "discount.percent_off",
            r#"discount.percent_off: invalid type: string "x", expected f64 at line 1 column 66"#,
        ),
        (
            r#"{"holder":7,"kind":"CARD"}"#,
            "holder",
            "holder: invalid type: an integer, expected a string at line 1 column 26",
        ),
        (
            r#"{"kind":"CARD","holder":7}"#,
            "holder",
            "holder: invalid type: an integer, expected a string at line 1 column 25",
        ),
    ];
    for (text, path, message) in cases {
        let error = if text.contains("kind") {
            voucherify_model::from_str::<Payment>(text).unwrap_err()
        } else {
            voucherify_model::from_str::<Discount>(text).unwrap_err()
        };
        assert_eq!(error.path(), path, "{text}");
        assert_eq!(error.to_string(), message, "{text}");
    }
    let list = r#"[{"type":"AMOUNT"},{"amount_off":"x","type":"AMOUNT"}]"#;
    let error = voucherify_model::from_str::<Vec<Discount>>(list).unwrap_err();
    assert_eq!(error.path(), "[1].amount_off");
    // serde_json alone, without the path tracking, still says where.
    let plain = serde_json::from_str::<Discount>(cases[0].0).unwrap_err();
    assert!(
        plain.to_string().starts_with("percent_off: invalid type"),
        "{plain}"
    );
}

#[test]
fn a_value_of_another_kind_is_refused_at_its_first_byte() {
    for (text, message) in [
        (
            "[1]",
            ".: invalid type: sequence, expected an object tagged by `type` at line 1 column 1",
        ),
        (
            "  7",
            ".: invalid type: integer `7`, expected an object tagged by `type` at line 1 column 3",
        ),
    ] {
        let error = voucherify_model::from_str::<Discount>(text).unwrap_err();
        assert_eq!(error.to_string(), message, "{text}");
    }
}

/// Members written a key, then a value, as a hand-written `Serialize` may
/// write them, rather than as entries.
#[derive(Clone, Debug, PartialEq, Default)]
struct KeyThenValue(Vec<(String, i64)>);

impl serde::Serialize for KeyThenValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_key(key)?;
            map.serialize_value(value)?;
        }
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for KeyThenValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let members = std::collections::BTreeMap::<String, i64>::deserialize(deserializer)?;
        Ok(KeyThenValue(members.into_iter().collect()))
    }
}

#[voucherify_model::voucherify_model]
#[derive(Default)]
struct Counted {
    name: Option<String>,
    #[serde(flatten)]
    counts: KeyThenValue,
}

#[voucherify_model::voucherify_model]
#[serde(tag = "kind")]
enum Tally {
    #[serde(rename = "COUNTED")]
    Counted(Counted),
}

#[test]
fn a_held_struct_written_key_then_value_keeps_its_members_after_the_tag() {
    let tally = Tally::Counted(Counted {
        name: Some("a".to_owned()),
        counts: KeyThenValue(vec![("x".to_owned(), 1), ("y".to_owned(), 2)]),
    });
    let text = r#"{"kind":"COUNTED","name":"a","x":1,"y":2}"#;
    assert_eq!(serde_json::to_string(&tally).unwrap(), text);
    assert_eq!(voucherify_model::to_string(&tally).unwrap(), text);
    assert_eq!(voucherify_model::from_str::<Tally>(text).unwrap(), tally);
}

#[test]
fn a_named_variant_whose_extra_repeats_one_of_its_fields_is_refused_when_written() {
    let mut discount: Discount =
        voucherify_model::from_str(r#"{"type":"PERCENT","percent_off":10}"#).unwrap();
    let Discount::Percent { extra, .. } = &mut discount else {
        panic!("not a percentage: {discount:?}");
    };
    extra.insert("percent_off".into(), 5.into());
    let message =
        "the extra key `percent_off` is also a field of the variant; it would be written twice";
    refused_when_written(&discount, message);
}

/// A struct without `Option` fields, its unknown keys in a `Map`.
#[voucherify_model::voucherify_model]
pub struct Scored {
    pub points: u32,
    #[voucherify(extra)]
    pub extra: Map,
}

/// A union whose variant holds it.
#[voucherify_model::voucherify_model]
#[serde(tag = "type")]
pub enum Score {
    Scored(Scored),
}

#[test]
fn a_variant_holding_a_struct_whose_extra_is_a_map() {
    let text = r#"{"type":"scored","points":3,"tier":"gold","n":1}"#;
    let score: Score = round_trip(text);
    let Score::Scored(scored) = &score;
    assert_eq!(scored.points, 3);
    // The tag is taken out, and the other keys keep their order.
    assert_eq!(scored.extra.keys().collect::<Vec<_>>(), ["tier", "n"]);
}
