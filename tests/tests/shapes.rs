//! The direct reader and writer against serde_json on the inputs of the
//! `shapes` benchmark and their edges: non-ASCII text at every place
//! relative to the reader's blocks, invalid UTF-8 at every place, escapes at
//! every place, floats in every form, nesting up to and past serde_json's
//! limit.

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use voucherify_model::__hooks::{read_direct, read_direct_text};
use voucherify_model::{CustomersCreateResponseBody, Json};

/// Reads `bytes` both ways (as bytes, and as text when they are UTF-8)
/// and checks that the model's functions and its direct reader agree with
/// serde_json; writes what was read both ways and checks the bytes agree.
/// Returns whether the direct reader took the document.
fn agree_bytes<T>(bytes: &[u8]) -> bool
where
    T: Json + DeserializeOwned + Serialize + PartialEq + Debug,
{
    let theirs = serde_json::from_slice::<T>(bytes);
    let ours = voucherify_model::from_slice::<T>(bytes);
    assert_eq!(
        ours.as_ref().ok(),
        theirs.as_ref().ok(),
        "reading {bytes:?}"
    );
    let direct = read_direct::<T>(bytes);
    if let Some(direct) = &direct {
        assert_eq!(
            Some(direct),
            theirs.as_ref().ok(),
            "direct reading {bytes:?}"
        );
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        assert_eq!(
            voucherify_model::from_str::<T>(text).ok().as_ref(),
            theirs.as_ref().ok(),
            "reading text {text}"
        );
        assert_eq!(
            read_direct_text::<T>(text),
            direct,
            "direct reading of text {text}"
        );
    }
    if let Ok(value) = &theirs {
        assert_eq!(
            voucherify_model::to_vec(value).unwrap(),
            serde_json::to_vec(value).unwrap(),
            "writing {bytes:?}"
        );
    }
    direct.is_some()
}

fn named(name: &[u8]) -> Vec<u8> {
    let mut bytes = br#"{"id":"c","name":""#.to_vec();
    bytes.extend_from_slice(name);
    bytes.extend_from_slice(br#"","metadata":{"k":"v"}}"#);
    bytes
}

#[test]
fn non_ascii_text_at_every_place_of_the_blocks() {
    for character in [
        "é",
        "中",
        "😀",
        "\u{7ff}",
        "\u{800}",
        "\u{ffff}",
        "\u{10000}",
    ] {
        for before in 0..40 {
            for after in [0, 1, 7, 15, 16, 17, 33] {
                let name = format!("{}{character}{}", "a".repeat(before), "b".repeat(after));
                assert!(agree_bytes::<CustomersCreateResponseBody>(&named(
                    name.as_bytes()
                )));
                // Runs of non-ASCII text, with an escape inside.
                let name = format!(
                    "{}{}\\n{}",
                    "a".repeat(before),
                    character.repeat(after),
                    character
                );
                assert!(agree_bytes::<CustomersCreateResponseBody>(&named(
                    name.as_bytes()
                )));
            }
        }
    }
}

#[test]
fn invalid_utf8_at_every_place_is_refused() {
    let broken: [&[u8]; 8] = [
        b"\xff",
        b"\x80",
        b"\xc3",
        b"\xe4\xb8",
        b"\xf0\x9f\x98",
        b"\xc0\xaf",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
    ];
    for bad in broken {
        for before in 0..40 {
            for after in [0, 1, 15, 16, 17] {
                for (left, right) in [("a", "b"), ("é", "😀"), ("\\n", "b"), ("a", "\\t")] {
                    let mut name = left.repeat(before).into_bytes();
                    name.extend_from_slice(bad);
                    name.extend_from_slice(right.repeat(after).as_bytes());
                    let bytes = named(&name);
                    assert!(!agree_bytes::<CustomersCreateResponseBody>(&bytes));
                    assert!(
                        voucherify_model::from_slice::<CustomersCreateResponseBody>(&bytes)
                            .is_err()
                    );
                    // The same in a key, and in metadata.
                    let mut key = br#"{"metadata":{""#.to_vec();
                    key.extend_from_slice(&name);
                    key.extend_from_slice(br#"":1}}"#);
                    assert!(!agree_bytes::<CustomersCreateResponseBody>(&key));
                }
            }
        }
    }
}

#[test]
fn escapes_at_every_place() {
    let escapes = [
        "\\n",
        "\\\"",
        "\\\\",
        "\\/",
        "\\u00e9",
        "\\ud83d\\ude00",
        "\\u0000",
        "\\t",
    ];
    for escape in escapes {
        for before in 0..36 {
            for filler in ["a", "é", "中"] {
                let name = format!("{}{escape}{}", filler.repeat(before), filler.repeat(3));
                assert!(agree_bytes::<CustomersCreateResponseBody>(&named(
                    name.as_bytes()
                )));
                let metadata = format!(r#"{{"metadata":{{"{name}":"{name}"}}}}"#);
                assert!(agree_bytes::<CustomersCreateResponseBody>(
                    metadata.as_bytes()
                ));
            }
        }
    }
    // Texts made only of escapes, read and written.
    for len in 0..40 {
        let text = "\n\"\\\u{1}é".repeat(len);
        let value = Value::String(text);
        let written = voucherify_model::to_vec(&value).unwrap();
        assert_eq!(written, serde_json::to_vec(&value).unwrap());
        assert!(agree_bytes::<Value>(&written));
    }
}

#[test]
fn nesting_up_to_and_past_serde_jsons_limit() {
    // The customer and its metadata are two levels.
    for depth in [60, 64, 65, 70, 100, 124, 125, 126, 127, 128, 200] {
        for bottom in ["1", "[]", "{}", r#"{"a":1}"#] {
            let value = format!("{}{bottom}{}", "[".repeat(depth), "]".repeat(depth));
            let text = format!(r#"{{"metadata":{{"a":{value}}}}}"#);
            let taken = agree_bytes::<CustomersCreateResponseBody>(text.as_bytes());
            let levels = depth + 2 + usize::from(bottom.len() > 1);
            assert_eq!(taken, levels <= 127, "{levels} levels");
            let text = format!(r#"{{"metadata":{{"a":1}},"x":{value}}}"#);
            agree_bytes::<CustomersCreateResponseBody>(text.as_bytes());
            agree_bytes::<Value>(value.as_bytes());
        }
    }
}

/// Numbers in every form serde_json takes, and some it refuses.
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "10",
    "0.0",
    "-0.0",
    "10.0",
    "1e2",
    "1E2",
    "1e+2",
    "1E-2",
    "0.1",
    "0.30000000000000004",
    "123456789012345",
    "1234567890123456",
    "12345678901234567",
    "9007199254740992",
    "9007199254740993",
    "-9007199254740993",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "123456789012345678901234567890",
    "1.7976931348623157e308",
    "1.7976931348623159e308",
    "1e400",
    "-1e400",
    "1e-400",
    "-1e-400",
    "4.9e-324",
    "2.4703282292062327e-324",
    "2.4703282292062328e-324",
    "5e-324",
    "2.2250738585072011e-308",
    "0.000001",
    "1e-7",
    "1e15",
    "1e16",
    "1e21",
    "123.456e-3",
    "00",
    "01",
    "1.",
    ".5",
    "-",
    "+1",
    "1e",
    "1e+",
    "0x10",
    "NaN",
    "1_000",
];

#[test]
fn numbers_in_every_form_agree_with_serde() {
    let mut long = "7".repeat(10_000);
    long.insert(3000, '.');
    let numbers = NUMBERS.iter().map(|number| number.to_string()).chain([
        long.clone(),
        format!("0.{long}e-5000"),
        format!("-{long}e-2000"),
    ]);
    for number in numbers {
        // In an `f64` field, in a list of them, in metadata and alone.
        for text in [
            format!(
                r#"{{"at":"2024-01-02T03:04:05Z","totals":{{}},"count":1,"channels":[],"ratio":{number}}}"#
            ),
            format!(r#"{{"values":[{number},{number}],"exact":{number},"own":{number}}}"#),
            format!(r#"{{"metadata":{{"n":{number},"m":[{number}]}}}}"#),
            number.clone(),
        ] {
            agree_bytes::<voucherify_tests::Ledger>(text.as_bytes());
            agree_bytes::<Floats>(text.as_bytes());
            agree_bytes::<CustomersCreateResponseBody>(text.as_bytes());
            agree_bytes::<Value>(text.as_bytes());
            agree_bytes::<f64>(text.as_bytes());
        }
    }
}

/// Floats as a model holds them: an `f64` alone, in options and in a `Vec`
/// is written as the API writes numbers; one with its own `with` keeps
/// serde_json's form.
#[voucherify_model::voucherify_model]
pub struct Floats {
    pub values: Vec<f64>,
    pub one: Option<f64>,
    pub exact: f64,
    pub maybe: Option<Option<f64>>,
    #[serde(with = "plain_f64")]
    pub own: f64,
}

/// `f64` the ordinary way, through a `with` of the user's own.
mod plain_f64 {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        f64::deserialize(deserializer)
    }
}

#[test]
fn f64_fields_are_written_as_the_api_writes_numbers() {
    let floats = |value: f64| Floats {
        values: vec![value],
        one: Some(value),
        exact: value,
        maybe: Some(Some(value)),
        own: value,
    };
    let cases = [
        (10.0, "10", "10.0"),
        (-3.0, "-3", "-3.0"),
        (0.0, "0", "0.0"),
        (-0.0, "-0.0", "-0.0"),
        (12.5, "12.5", "12.5"),
        (9007199254740992.0, "9007199254740992", "9007199254740992.0"),
        (
            -9007199254740992.0,
            "-9007199254740992",
            "-9007199254740992.0",
        ),
        (
            9007199254740994.0,
            "9007199254740994.0",
            "9007199254740994.0",
        ),
        (1e300, "1e+300", "1e+300"),
    ];
    for (value, field, listed) in cases {
        let expected = format!(
            r#"{{"values":[{field}],"one":{field},"exact":{field},"maybe":{field},"own":{listed}}}"#
        );
        let model = floats(value);
        assert_eq!(voucherify_model::to_string(&model).unwrap(), expected);
        assert_eq!(serde_json::to_string(&model).unwrap(), expected);
        let back: Floats = voucherify_model::from_str(&expected).unwrap();
        assert_eq!(back, model);
        assert!(agree_bytes::<Floats>(expected.as_bytes()));
    }
    // NaN has no JSON form: the fields the API's way refuse it; a field
    // with its own `with` keeps serde_json's `null`.
    let error = voucherify_model::to_string(&floats(f64::NAN)).unwrap_err();
    assert_eq!(error.path(), "values[0]");
    let own = Floats {
        own: f64::NAN,
        ..floats(1.0)
    };
    assert_eq!(
        voucherify_model::to_string(&own).unwrap(),
        r#"{"values":[1],"one":1,"exact":1,"maybe":1,"own":null}"#
    );
}

#[test]
fn repeated_keys_are_read_once_more_with_the_path() {
    // tests/tests/error_messages.rs holds the exact messages; here the
    // same refusals at other places, read as text and as bytes, give the
    // same error, and one made to go to serde for another reason (an
    // escaped key first) names the same path and problem.
    let refused = [
        r#""metadata":{"a":{"b":1,"b":2}}}"#,
        r#""loyalty":{"campaigns":{"A":{},"A":{}}}}"#,
        r#""metadata":{"a":1},"y":[{"c":0,"c":0}]}"#,
        r#""x":{"a":1,"a":1}}"#,
    ];
    for rest in refused {
        let text = format!("{{{rest}");
        let reference = format!(r#"{{"\u0071":0,{rest}"#);
        let reference =
            voucherify_model::from_str::<CustomersCreateResponseBody>(&reference).unwrap_err();
        let message = |error: &voucherify_model::Error| {
            let text = error.to_string();
            text[..text.find(" at line").unwrap()].to_owned()
        };
        let as_text = voucherify_model::from_str::<CustomersCreateResponseBody>(&text).unwrap_err();
        let as_bytes = voucherify_model::from_slice::<CustomersCreateResponseBody>(text.as_bytes())
            .unwrap_err();
        assert_eq!(as_text.to_string(), as_bytes.to_string());
        assert_eq!(message(&as_text), message(&reference), "{text}");
        assert!(!agree_bytes::<CustomersCreateResponseBody>(text.as_bytes()));
    }
    // A map of the standard library keeps the last value through serde,
    // and so here; trailing text is still refused, at the root.
    let kept = r#"{"at":"2024-01-02T03:04:05Z","totals":{"a":1,"a":2},"count":1,"channels":[]}"#;
    assert!(!agree_bytes::<voucherify_tests::Ledger>(kept.as_bytes()));
    let ledger: voucherify_tests::Ledger = voucherify_model::from_str(kept).unwrap();
    assert_eq!(ledger.totals["a"], 2);
    let trailing = format!("{kept} x");
    let error = voucherify_model::from_str::<voucherify_tests::Ledger>(&trailing).unwrap_err();
    let theirs = serde_json::from_str::<voucherify_tests::Ledger>(&trailing)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(error.to_string(), format!(".: {theirs}"));
}
