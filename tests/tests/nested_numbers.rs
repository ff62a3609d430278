//! `f64` at any depth (`Vec`, `Option<Vec<_>>`, `Box`, the maps keyed by
//! `String`, nested `Option`s, union variants) is written as the API writes
//! numbers, a whole number within ±2^53 without a fraction, by the direct
//! path and by serde alike, and reads back to the same `f64`.

mod support;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Debug;

use support::agree;
use voucherify_model::__hooks::write_direct;
use voucherify_model::{voucherify_model, Extra, IndexMap, Model};

/// Each value with the text the API gives it.
const CASES: [(f64, &str); 10] = [
    (10.0, "10"),
    (-3.0, "-3"),
    (0.0, "0"),
    // A whole number, but not an integer: it keeps its sign.
    (-0.0, "-0.0"),
    (12.5, "12.5"),
    (9_007_199_254_740_992.0, "9007199254740992"),
    (-9_007_199_254_740_992.0, "-9007199254740992"),
    // Past 2^53, serde_json's form.
    (9_007_199_254_740_994.0, "9007199254740994.0"),
    (1e300, "1e+300"),
    (0.1, "0.1"),
];

/// Not JSON numbers: writing one is refused, where serde_json alone would
/// write a `null` that does not read back as a number.
const NOT_FINITE: [f64; 3] = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY];

/// Writes `make(value)` for every case through `to_string`, serde_json and
/// the direct writer, expects `{"value":` + `wrap(number)` + `}`, and reads
/// every finite case back, both ways, to the same value and bits.
fn check<T, F>(make: impl Fn(f64) -> T, wrap: impl Fn(&str) -> String, bits: F)
where
    T: Model + PartialEq + Debug,
    F: Fn(&T) -> Vec<u64>,
{
    for (value, number) in CASES {
        let model = make(value);
        let expected = format!(r#"{{"value":{}}}"#, wrap(number));
        assert_eq!(
            voucherify_model::to_string(&model).unwrap(),
            expected,
            "{value}"
        );
        assert_eq!(serde_json::to_string(&model).unwrap(), expected, "{value}");
        let direct = write_direct(&model, Vec::new()).expect("written directly");
        assert_eq!(String::from_utf8(direct).unwrap(), expected, "{value}");
        let (back, direct) = agree::<T>(&expected);
        let back = back.unwrap();
        assert!(direct, "the direct reader gave up on {expected}");
        assert_eq!(back, model);
        assert_eq!(bits(&back), bits(&model), "{expected}");
    }
    for value in NOT_FINITE {
        let model = make(value);
        let error = voucherify_model::to_string(&model).unwrap_err();
        assert!(error.path().starts_with("value"), "{value}: {error}");
        assert!(
            error.to_string().contains("has no JSON form"),
            "{value}: {error}"
        );
        assert!(serde_json::to_string(&model).is_err(), "{value}");
        assert!(write_direct(&model, Vec::new()).is_err(), "{value}");
    }
}

/// One model per nesting, with a check of each through both paths.
macro_rules! nesting {
    ($test:ident, $model:ident, $ty:ty, |$value:ident| $make:expr, |$number:ident| $wrap:expr, |$this:ident| $bits:expr) => {
        #[voucherify_model]
        struct $model {
            value: $ty,
        }

        #[test]
        fn $test() {
            check(
                |$value: f64| $model { value: $make },
                |$number: &str| $wrap,
                |$this: &$model| $bits,
            );
        }
    };
}

nesting!(
    bare,
    Bare,
    f64,
    |value| value,
    |number| number.to_owned(),
    |this| vec![this.value.to_bits()]
);
nesting!(
    in_a_vec,
    InVec,
    Vec<f64>,
    |value| vec![value, 1.0],
    |number| format!("[{number},1]"),
    |this| this.value.iter().map(|value| value.to_bits()).collect()
);
nesting!(
    in_an_option_of_a_vec,
    InOptionVec,
    Option<Vec<f64>>,
    |value| Some(vec![value]),
    |number| format!("[{number}]"),
    |this| this
        .value
        .iter()
        .flatten()
        .map(|value| value.to_bits())
        .collect()
);
nesting!(
    in_a_box,
    InBox,
    Box<f64>,
    |value| Box::new(value),
    |number| number.to_owned(),
    |this| vec![this.value.to_bits()]
);
nesting!(
    in_an_option_of_a_box,
    InOptionBox,
    Option<Box<f64>>,
    |value| Some(Box::new(value)),
    |number| number.to_owned(),
    |this| this.value.iter().map(|value| value.to_bits()).collect()
);
nesting!(
    in_a_btree_map, InBTreeMap, BTreeMap<String, f64>,
    |value| BTreeMap::from([("a".to_owned(), value), ("b".to_owned(), 2.0)]),
    |number| format!(r#"{{"a":{number},"b":2}}"#),
    |this| this.value.values().map(|value| value.to_bits()).collect()
);
nesting!(
    in_a_hash_map, InHashMap, HashMap<String, f64>,
    |value| HashMap::from([("a".to_owned(), value)]),
    |number| format!(r#"{{"a":{number}}}"#),
    |this| this.value.values().map(|value| value.to_bits()).collect()
);
nesting!(
    in_an_index_map, InIndexMap, IndexMap<String, f64>,
    |value| IndexMap::from([("z".to_owned(), value), ("a".to_owned(), 3.0)]),
    |number| format!(r#"{{"z":{number},"a":3}}"#),
    |this| this.value.values().map(|value| value.to_bits()).collect()
);
nesting!(
    in_an_option_of_an_option,
    InOptionOption,
    Option<Option<f64>>,
    |value| Some(Some(value)),
    |number| number.to_owned(),
    |this| this
        .value
        .iter()
        .flatten()
        .map(|value| value.to_bits())
        .collect()
);
nesting!(
    in_options_in_a_vec,
    InVecOfOptions,
    Vec<Option<f64>>,
    |value| vec![Some(value), None],
    |number| format!("[{number},null]"),
    |this| this
        .value
        .iter()
        .flatten()
        .map(|value| value.to_bits())
        .collect()
);
nesting!(
    in_a_vec_in_two_options,
    InOptionOptionVec,
    Option<Option<Vec<Box<f64>>>>,
    |value| Some(Some(vec![Box::new(value)])),
    |number| format!("[{number}]"),
    |this| this
        .value
        .iter()
        .flatten()
        .flatten()
        .map(|value| value.to_bits())
        .collect()
);
nesting!(
    in_three_options,
    InThreeOptions,
    Option<Option<Option<f64>>>,
    |value| Some(Some(Some(value))),
    |number| number.to_owned(),
    |this| this
        .value
        .iter()
        .flatten()
        .flatten()
        .map(|value| value.to_bits())
        .collect()
);
nesting!(
    in_vecs_in_a_map,
    InMapOfVecs,
    Option<BTreeMap<String, Vec<Vec<f64>>>>,
    |value| Some(BTreeMap::from([(
        "k".to_owned(),
        vec![vec![value], vec![]]
    )])),
    |number| format!(r#"{{"k":[[{number}],[]]}}"#),
    |this| this
        .value
        .iter()
        .flat_map(|map| map.values().flatten().flatten())
        .map(|value| value.to_bits())
        .collect()
);

/// The same nestings in a struct that keeps unknown keys (serde goes
/// through a hidden twin) and one whose map refuses repeated keys.
#[voucherify_model]
struct Kept {
    value: Vec<f64>,
    #[voucherify(unique_keys)]
    weights: Option<IndexMap<String, f64>>,
    boxed: Option<Option<Box<f64>>>,
    #[voucherify(extra)]
    extra: Extra,
}

#[test]
fn with_unknown_keys_and_unique_keys() {
    for (value, number) in CASES {
        let model = Kept {
            value: vec![value],
            weights: Some(IndexMap::from([("w".to_owned(), value)])),
            boxed: Some(Some(Box::new(value))),
            extra: Extra::default(),
        };
        let expected =
            format!(r#"{{"value":[{number}],"weights":{{"w":{number}}},"boxed":{number}}}"#);
        assert_eq!(voucherify_model::to_string(&model).unwrap(), expected);
        assert_eq!(serde_json::to_string(&model).unwrap(), expected);
        if value.is_finite() {
            let (back, direct) = agree::<Kept>(&expected);
            assert!(direct);
            assert_eq!(back.unwrap(), model);
        }
    }
    // The unknown key and the refusal of a repeated one are as before.
    let text = r#"{"value":[1.0],"weights":{"w":2.50},"boxed":null,"more":1.0}"#;
    let kept: Kept = voucherify_model::from_str(text).unwrap();
    assert_eq!(kept.boxed, Some(None));
    assert_eq!(
        voucherify_model::to_string(&kept).unwrap(),
        r#"{"value":[1],"weights":{"w":2.5},"boxed":null,"more":1.0}"#
    );
    let error =
        voucherify_model::from_str::<Kept>(r#"{"value":[],"weights":{"w":1,"w":2}}"#).unwrap_err();
    assert!(error.to_string().starts_with("weights"), "{error}");
}

/// A model held by a union variant.
#[voucherify_model]
struct Weighted {
    weights: BTreeMap<String, f64>,
}

#[voucherify_model]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
enum Scale {
    Points {
        values: Vec<f64>,
        step: Option<Box<f64>>,
    },
    Weighted(Weighted),
}

#[test]
fn in_union_variants() {
    for (value, number) in CASES {
        let points = Scale::Points {
            values: vec![value, 2.0],
            step: Some(Box::new(value)),
        };
        let weighted = Scale::Weighted(Weighted {
            weights: BTreeMap::from([("a".to_owned(), value)]),
        });
        for (model, expected) in [
            (
                points,
                format!(r#"{{"type":"POINTS","values":[{number},2],"step":{number}}}"#),
            ),
            (
                weighted,
                format!(r#"{{"type":"WEIGHTED","weights":{{"a":{number}}}}}"#),
            ),
        ] {
            assert_eq!(voucherify_model::to_string(&model).unwrap(), expected);
            assert_eq!(serde_json::to_string(&model).unwrap(), expected);
            let direct = write_direct(&model, Vec::new()).expect("written directly");
            assert_eq!(String::from_utf8(direct).unwrap(), expected);
            if value.is_finite() {
                let (back, direct) = agree::<Scale>(&expected);
                assert!(direct);
                assert_eq!(back.unwrap(), model);
            }
        }
    }
}

/// A map keyed by anything but `String`, and a field with its own `with`,
/// keep serde_json's form.
#[voucherify_model]
struct Elsewhere {
    by_number: BTreeMap<u32, f64>,
    #[serde(with = "plain")]
    own: Vec<f64>,
}

mod plain {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(value: &[f64], serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<f64>, D::Error> {
        Vec::deserialize(deserializer)
    }
}

#[test]
fn other_keys_and_own_formats_keep_serde_json_form() {
    let model = Elsewhere {
        by_number: BTreeMap::from([(1, 10.0)]),
        own: vec![10.0],
    };
    let expected = r#"{"by_number":{"1":10.0},"own":[10.0]}"#;
    assert_eq!(voucherify_model::to_string(&model).unwrap(), expected);
    assert_eq!(serde_json::to_string(&model).unwrap(), expected);
    let (back, _) = agree::<Elsewhere>(expected);
    assert_eq!(back.unwrap(), model);
}

#[test]
fn a_null_in_two_options_is_some_none_on_both_paths() {
    for text in [r#"{"value":null}"#, "{}"] {
        let direct: InOptionOptionVec = voucherify_model::from_str(text).unwrap();
        let through_serde: InOptionOptionVec = serde_json::from_str(text).unwrap();
        let expected = if text == "{}" { None } else { Some(None) };
        assert_eq!(direct.value, expected, "{text}");
        assert_eq!(through_serde.value, expected, "{text}");
        assert_eq!(voucherify_model::to_string(&direct).unwrap(), text);
        assert_eq!(serde_json::to_string(&through_serde).unwrap(), text);
    }
}
