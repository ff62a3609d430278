//! The direct reader and writer behind `from_str` and `to_string` against
//! serde_json going through the same types' serde impls: the same value or
//! a failure on every input, the same bytes on every write, and the direct
//! path really taken on ordinary documents.

mod support;

use std::fmt::Debug;

use voucherify_model::__hooks::{read_direct, write_direct};
use voucherify_model::{CustomersCreateResponseBody, CustomersListResponseBody, Model};
use voucherify_tests::{Account, Closed, Ledger, Page, Stamp};

/// Reads `text` both ways, and writes what was read both ways, and checks
/// they agree. Returns whether the direct reader took the document itself.
fn agree<T: Model + PartialEq + Debug>(text: &str) -> bool {
    support::agree::<T>(text).1
}

const CUSTOMER: &str = r#"{"id":"cust_1","source_id":"s1","summary":{"redemptions":{"total_redeemed":1,"gift":{"redeemed_amount":100}},"orders":{"total_amount":24900,"last_order_date":"2024-01-02T03:04:05.678Z"}},"loyalty":{"points":5,"campaigns":{"Coffee Club":{"points":5,"loyalty_tier":"gold"}}},"referrals":{"total":1,"campaigns":[{"campaign_id":"c","referrer_id":"r","related_object_id":"o","related_object_type":"redemption","date":"2024-01-02T03:04:05.678Z"}]},"system_metadata":{"a":[1,-2,3.5,true,null,{"b":"c"}]},"created_at":"2022-08-30T06:32:07.380Z","updated_at":null,"assets":{"cockpit_url":"https://x"},"object":"customer","name":"Zoë Ångström","description":"line\nbreak \"quoted\" \u00e9 \ud83d\ude00","email":"z@example.com","phone":"+1","birthday":"1990-07-14","birthdate":"1990-07-14","address":{"city":"Łódź","country":"PL"},"metadata":{"tier":"gold","score":1e2,"neg":-922337203685477580},"segments":["x"]}"#;

#[test]
fn ordinary_documents_take_the_direct_path() {
    // Indented, and with the keys in reverse order: no key where the
    // reader first looks for it.
    let value: serde_json::Value = serde_json::from_str(CUSTOMER).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    let object = value.as_object().unwrap();
    let reversed: Vec<String> = object
        .iter()
        .rev()
        .map(|(key, value)| format!("{}:{value}", serde_json::to_string(key).unwrap()))
        .collect();
    let reversed = format!("{{{}}}", reversed.join(","));
    let taken = [
        agree::<CustomersCreateResponseBody>(&pretty),
        agree::<CustomersCreateResponseBody>(&reversed),
        agree::<CustomersCreateResponseBody>(CUSTOMER),
        agree::<CustomersListResponseBody>(&format!(
            r#"{{"object":"list","data_ref":"customers","customers":[{CUSTOMER},{CUSTOMER}],"total":2,"has_more":false}}"#
        )),
        agree::<Vec<CustomersCreateResponseBody>>(&format!(" [ {CUSTOMER} ,\n{CUSTOMER} ] ")),
        agree::<Account>(
            r#"{"id":"a","note":null,"closed_at":"2024-01-02T03:04:05+01:00","anniversary":null,"audited_at":"2024-01-02T03:04:05.123456Z","pin":"1","kind":"corp","x":{"y":[]}}"#,
        ),
        agree::<Stamp>(
            r#"{"at":"2024-01-02T03:04:05Z","on":"2024-01-02","by":"me","legacy":7,"unknown":[1,{"a":null},true,false,"s\\u00e9",-2.5e3,[]]}"#,
        ),
        agree::<Ledger>(
            r#"{"at":"2024-01-02T03:04:05.678Z","totals":{"a":1,"b":-2},"ratio":0.1,"count":4294967295,"cache":"kept","channels":["EMAIL","PUSH_NOTIFICATION"],"kind":"new_kind","bounds":[-1,2]}"#,
        ),
    ];
    assert_eq!(taken, [true; 8]);
}

#[test]
fn documents_out_of_the_ordinary_agree_with_serde() {
    let customers = [
        // Escaped keys go to serde, known or not.
        r#"{"\u0069d":"a"}"#,
        r#"{"id":"a","n\u00e9":1}"#,
        // Repeated keys, at every level.
        r#"{"id":"a","id":"b"}"#,
        r#"{"x":1,"x":2}"#,
        r#"{"metadata":{"a":1,"a":2}}"#,
        r#"{"metadata":{"a":{"b":1,"b":2}}}"#,
        r#"{"loyalty":{"campaigns":{"a":{},"a":{}}}}"#,
        // Numbers at the edges.
        r#"{"summary":{"redemptions":{},"orders":{"total_amount":9223372036854775807}}}"#,
        r#"{"summary":{"redemptions":{},"orders":{"total_amount":-9223372036854775808}}}"#,
        r#"{"summary":{"redemptions":{},"orders":{"total_amount":9223372036854775808}}}"#,
        r#"{"summary":{"redemptions":{},"orders":{"total_amount":-0}}}"#,
        r#"{"summary":{"redemptions":{},"orders":{"total_amount":1.0}}}"#,
        r#"{"summary":{"redemptions":{},"orders":{"total_amount":01}}}"#,
        r#"{"metadata":{"a":-0,"b":-0.0,"c":1E400,"d":1e-400,"e":123456789012345678901234567890}}"#,
        r#"{"metadata":{"a":1.,"b":.5}}"#,
        r#"{"metadata":{"big":18446744073709551615,"neg":-9223372036854775808}}"#,
        r#"{"metadata":{"a":-}}"#,
        // Strings.
        r#"{"id":"\ud800"}"#,
        r#"{"id":"\udc00\ud800"}"#,
        r#"{"id":"\ud83d\ude00"}"#,
        r#"{"id":"tab	inside"}"#,
        r#"{"id":"\x"}"#,
        r#"{"id":"\u12"}"#,
        // Structure.
        r#"{"id":"a",}"#,
        r#"{"id":"a"} x"#,
        r#"{"id" "a"}"#,
        r#"["a"]"#,
        r#"{"summary":{"orders":{}}}"#,
        r#"{"object":"company"}"#,
        r#"{"created_at":"2024-02-30T00:00:00Z"}"#,
        r#"{"created_at":"2024-01-01T00:00:60Z"}"#,
        r#"{"birthdate":"1990-7-14"}"#,
        r#" {"id":"a"} "#,
        "",
        "nul",
        "null",
    ];
    for text in customers {
        agree::<CustomersCreateResponseBody>(text);
    }
    agree::<CustomersCreateResponseBody>(&nested(202));
    agree::<CustomersCreateResponseBody>(&nested(62));

    let accounts = [
        r#"{"kind":"ENTERPRISE"}"#,
        r#"{"id":"a","kind":"unheard_of"}"#,
        r#"{"id":"a","closed_at":null,"anniversary":"2024-01-02","pin":null}"#,
        r#"{"id":"a","opened_at":"2024-01-02T03:04:05-23:59"}"#,
        r#"{"id":"a","opened_at":"0000-01-01T00:00:00+01:00"}"#,
    ];
    for text in accounts {
        agree::<Account>(text);
    }
    let ledgers = [
        r#"{"at":"2024-01-02T03:04:05Z","totals":{},"count":-1,"channels":[]}"#,
        r#"{"at":"2024-01-02T03:04:05Z","totals":{},"count":4294967296,"channels":[]}"#,
        r#"{"at":"2024-01-02T03:04:05Z","totals":{"a":1,"a":2},"count":1,"channels":[]}"#,
        r#"{"at":"2024-01-02T03:04:05Z","totals":{},"count":1,"channels":["SMS"]}"#,
        r#"{"at":"2024-01-02T03:04:05Z","totals":{},"count":1,"channels":[],"currency":"EUR","memo":"m","ratio":null}"#,
        r#"{"at":"2024-01-02","totals":{},"count":1,"channels":[]}"#,
        r#"{"at":"2024-01-02T03:04:05Z","totals":{},"count":1,"channels":[],"bounds":[1]}"#,
        r#"{"at":"2024-01-02T03:04:05Z","totals":{},"count":1,"channels":[],"bounds":null}"#,
        r#"{"totals":{},"count":1,"channels":[]}"#,
    ];
    for text in ledgers {
        agree::<Ledger>(text);
    }
    assert!(agree::<Closed>(r#"{"id":"a"}"#));
    assert!(!agree::<Closed>(r#"{"id":"a","other":1}"#));
}

/// Read under one name and written under another.
#[voucherify_model::voucherify_model]
pub struct SplitName {
    #[serde(rename(serialize = "out", deserialize = "in"))]
    pub value: i64,
}

/// Unknown keys in a model with no `Option` field, which reads no `null`.
#[voucherify_model::voucherify_model]
pub struct Plain {
    pub count: u32,
    #[voucherify(extra)]
    pub extra: voucherify_model::Extra,
}

/// The same, its unknown keys in a `Map`.
#[voucherify_model::voucherify_model]
pub struct PlainMap {
    pub count: u32,
    #[voucherify(extra)]
    pub extra: voucherify_model::Map,
}

#[test]
fn unknown_keys_are_kept_by_a_model_without_options() {
    let text = r#"{"count":1,"k":[2],"j":null}"#;
    assert!(agree::<Plain>(text));
    assert!(agree::<PlainMap>(text));
    let plain: Plain = voucherify_model::from_str(text).unwrap();
    assert_eq!(plain.extra.keys().collect::<Vec<_>>(), ["k", "j"]);
    let plain: PlainMap = voucherify_model::from_str(text).unwrap();
    assert_eq!(plain.extra.keys().collect::<Vec<_>>(), ["k", "j"]);
}

/// A customer whose number in `metadata.a` is `depth` levels deep: the
/// customer and its metadata are two, arrays the rest.
fn nested(depth: usize) -> String {
    format!(
        r#"{{"metadata":{{"a":{}1{}}}}}"#,
        "[".repeat(depth - 2),
        "]".repeat(depth - 2)
    )
}

#[test]
fn the_direct_path_nests_as_deep_as_serde_json_does() {
    // serde_json reads 127 levels and refuses the 128th; the direct path
    // takes the first document itself and leaves the second to serde.
    assert!(agree::<CustomersCreateResponseBody>(&nested(127)));
    assert!(voucherify_model::from_str::<CustomersCreateResponseBody>(&nested(127)).is_ok());
    assert!(!agree::<CustomersCreateResponseBody>(&nested(128)));
    let error = voucherify_model::from_str::<CustomersCreateResponseBody>(&nested(128))
        .unwrap_err()
        .to_string();
    assert!(error.contains("recursion limit exceeded"), "{error}");

    // Depth is what encloses a value, not how many containers came before
    // it: closing one, empty or not, gives its level back.
    for sibling in ["[]", "[1]", "{}", r#"{"b":1}"#] {
        let siblings = vec![sibling; 200].join(",");
        let text = format!(r#"{{"metadata":{{"a":[{siblings}],"b":[{siblings}]}}}}"#);
        assert!(agree::<CustomersCreateResponseBody>(&text), "{sibling}");
    }
}

#[test]
fn every_escape_is_read_by_the_direct_path() {
    for escape in [
        r#"\""#,
        r"\\",
        r"\/",
        r"\b",
        r"\f",
        r"\n",
        r"\r",
        r"\t",
        r"\u00e9",
        r"\u00C9",
        r"\uD83D\uDE00",
        r"\ud83d\ude00",
    ] {
        let text = format!(r#"{{"name":"a{escape}b","metadata":{{"k{escape}":"{escape}"}}}}"#);
        assert!(agree::<CustomersCreateResponseBody>(&text), "{text}");
    }
}

#[test]
fn integers_of_up_to_18_digits_are_read_directly() {
    let count =
        |number: &str| format!(r#"{{"summary":{{"redemptions":{{"total_redeemed":{number}}}}}}}"#);
    for number in [
        "0",
        "7",
        "-7",
        "10",
        "999999999999999999",
        "-999999999999999999",
    ] {
        let (value, taken) = support::agree::<CustomersCreateResponseBody>(&count(number));
        assert!(taken, "{number}");
        let total = value
            .unwrap()
            .summary
            .unwrap()
            .redemptions
            .unwrap()
            .total_redeemed;
        assert_eq!(total, Some(number.parse().unwrap()), "{number}");
    }
    // Longer ones, `-0`, and what serde_json reads as floats or refuses,
    // go to serde.
    for number in ["1000000000000000000", "-0", "01", "1.0", "1e2", "-"] {
        assert!(
            !agree::<CustomersCreateResponseBody>(&count(number)),
            "{number}"
        );
    }
}

#[test]
fn the_key_of_serde_jsons_number_token_is_left_to_serde_only_when_it_means_one() {
    // With `arbitrary_precision`, serde_json's `Value` reads an object of
    // this one key as a number; without, as any object.
    let arbitrary_precision = serde_json::from_str::<serde_json::Number>("0.10")
        .is_ok_and(|number| number.to_string() == "0.10");
    let text = r#"{"metadata":{"a":{"$serde_json::private::Number":"1"}}}"#;
    assert_eq!(
        agree::<CustomersCreateResponseBody>(text),
        !arbitrary_precision
    );
    assert!(agree::<CustomersCreateResponseBody>(
        r#"{"metadata":{"a":{"b":"1"}}}"#
    ));
}

#[test]
fn a_name_split_by_direction_is_left_to_serde() {
    // The direct path hands the whole struct to serde, and both agree.
    agree::<SplitName>(r#"{"in":1}"#);
    agree::<SplitName>(r#"{"out":1}"#);
    let read: SplitName = voucherify_model::from_str(r#"{"in":1}"#).unwrap();
    assert_eq!(read.value, 1);
    assert_eq!(voucherify_model::to_string(&read).unwrap(), r#"{"out":1}"#);
}

/// Named with characters that a JSON string escapes.
#[voucherify_model::voucherify_model]
pub struct EscapedNames {
    #[serde(rename = "a\u{1}b \u{1f}")]
    pub control: Option<i64>,
    #[serde(rename = "q\"\\\n\t\u{8}\u{c}\r")]
    pub escaped: Option<i64>,
}

#[test]
fn names_are_written_escaped_as_serde_json_escapes_them() {
    let text = r#"{"a\u0001b \u001f":1,"q\"\\\n\t\b\f\r":2}"#;
    agree::<EscapedNames>(text);
    let value: EscapedNames = voucherify_model::from_str(text).unwrap();
    assert_eq!((value.control, value.escaped), (Some(1), Some(2)));
    assert_eq!(voucherify_model::to_string(&value).unwrap(), text);
}

#[test]
fn generic_models_go_through_serde() {
    let text = r#"{"items":[{"id":"a"}],"next":null,"more":true}"#;
    assert!(read_direct::<Page<Account>>(text.as_bytes()).is_none());
    assert!(!agree::<Page<Account>>(text));
}

#[test]
fn writes_that_serde_refuses_are_left_to_it() {
    let mut account = Account {
        id: "a".into(),
        ..Account::default()
    };
    account.extra.insert("kind".into(), "x".into());
    assert!(write_direct(&account, Vec::new()).is_err());
    let late = Account {
        id: "a".into(),
        opened_at: Some(voucherify_model::time::macros::datetime!(9999-12-31 23:00 -01:00)),
        ..Account::default()
    };
    assert!(write_direct(&late, Vec::new()).is_err());
    assert!(voucherify_model::to_string(&late)
        .unwrap_err()
        .to_string()
        .starts_with("opened_at: "));
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    // Lengths past two blocks of sixteen, and a special at every place.
    let specials = ['"', '\\', '\n', '\u{1}', '\u{1f}', '\u{7f}', 'é', '😀', ' '];
    let letters = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF";
    for len in 0..=letters.len() {
        for at in 0..=len {
            for special in specials {
                let mut text: String = letters[..len].to_owned();
                text.insert(at, special);
                let value = serde_json::Value::String(text);
                let written = voucherify_model::to_string(&value).unwrap();
                assert_eq!(written, serde_json::to_string(&value).unwrap());
                let back: serde_json::Value = voucherify_model::from_str(&written).unwrap();
                assert_eq!(back, value);
                assert!(read_direct::<serde_json::Value>(written.as_bytes()).is_some());
            }
        }
    }
}
