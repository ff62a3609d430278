//! A key repeated where the serde impls refuse it: the direct reader makes
//! the error itself, and it is the very error the serde path gives when it
//! reads the document once, tracking the path (message, path, line,
//! column, category, and serde_json's own error). Where serde keeps the
//! last copy instead, or where its error cannot be told without reading
//! the document through serde, the direct reader leaves the document to it.

use std::collections::BTreeMap;
use std::fmt::Debug;

use serde::de::DeserializeOwned;
use voucherify_model::__hooks::{direct_error, read_tracked};
use voucherify_model::indexmap::IndexMap;
use voucherify_model::{
    voucherify_model, CustomersCreateResponseBody, CustomersListResponseBody, Extra, Json, Map,
    Value,
};

#[voucherify_model]
pub struct Kept {
    pub id: Option<String>,
    #[serde(alias = "code")]
    pub key: Option<String>,
    #[serde(rename = "kind")]
    pub kind_name: Option<Option<String>>,
    pub child: Option<Box<Kept>>,
    pub children: Option<Vec<Kept>>,
    #[voucherify(extra)]
    pub extra: Extra,
}

#[voucherify_model]
pub struct KeptInMap {
    pub id: Option<String>,
    #[voucherify(extra)]
    pub extra: Map,
}

#[voucherify_model]
pub struct Dropped {
    pub id: Option<String>,
    pub count: i64,
}

#[voucherify_model]
pub struct Strict {
    #[voucherify(unique_keys)]
    pub labels: Option<Map>,
    #[voucherify(unique_keys)]
    pub scores: Option<BTreeMap<String, i64>>,
    #[voucherify(unique_keys)]
    pub ordered: Option<IndexMap<String, Value>>,
    #[voucherify(unique_keys)]
    pub cleared: Option<Option<Map>>,
    #[voucherify(unique_keys)]
    pub rows: Option<Vec<Map>>,
    #[voucherify(unique_keys)]
    pub required: Map,
    pub loose: Option<Map>,
    pub value: Option<Value>,
    pub names: Option<BTreeMap<String, Kept>>,
}

/// `text` is refused by the direct reader with the serde path's error,
/// which `from_str` and `from_slice` give; returns its text.
fn refused<T>(text: &str) -> String
where
    T: Json + DeserializeOwned + Debug,
{
    let serde = read_tracked::<T>(text.as_bytes()).expect_err(text);
    let direct = direct_error::<T>(text.as_bytes())
        .unwrap_or_else(|| panic!("the direct reader makes the error of {text}"));
    let facts = |error: &voucherify_model::Error| {
        (
            error.to_string(),
            error.path().to_owned(),
            error.line(),
            error.column(),
            error.classify(),
        )
    };
    assert_eq!(facts(&direct), facts(&serde), "{text}");
    for ours in [
        voucherify_model::from_str::<T>(text).unwrap_err(),
        voucherify_model::from_slice::<T>(text.as_bytes()).unwrap_err(),
    ] {
        assert_eq!(facts(&ours), facts(&serde), "{text}");
        let ours = ours.into_inner();
        let theirs = read_tracked::<T>(text.as_bytes()).unwrap_err().into_inner();
        assert_eq!(
            (ours.to_string(), ours.line(), ours.column()),
            (theirs.to_string(), theirs.line(), theirs.column()),
            "{text}"
        );
    }
    assert!(serde_json::from_str::<T>(text).is_err(), "{text}");
    facts(&serde).0
}

#[test]
fn a_field_given_twice() {
    let cases = [
        (
            r#"{"id":"a","id":"b"}"#,
            ".: duplicate field `id` at line 1 column 14",
        ),
        (
            r#"{"child":{"id":"a","key":"k","code":"c"}}"#,
            "child: duplicate field `key` at line 1 column 35",
        ),
        (
            r#"{"children":[{},{"kind":null,"kind":"x"}]}"#,
            "children[1]: duplicate field `kind` at line 1 column 35",
        ),
        (
            "{\n  \"id\": \"a\",\n  \"x\": 1,\n  \"id\"  :  \"b\"\n}",
            ".: duplicate field `id` at line 4 column 8",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(refused::<Kept>(text), expected, "{text}");
    }
    assert_eq!(
        refused::<Dropped>(r#"{"count":1,"x":[{"y":1,"y":2}],"count":2}"#),
        ".: duplicate field `count` at line 1 column 38"
    );
}

#[test]
fn an_unknown_key_given_twice() {
    let cases = [
        r#"{"x":1,"id":"a","x":2}"#,
        r#"{"x":1,"x" :  {"y":[]}}"#,
        r#"{"child":{"child":{"a b":1,"a b":2}}}"#,
        "{\"x\":1,\n\"x\":\n\n  2}",
    ];
    for text in cases {
        refused::<Kept>(text);
        refused::<KeptInMap>(text);
    }
    // serde fails while reading the value: the path names the key.
    assert_eq!(
        refused::<Kept>(r#"{"child":{"x":1,"x" : 2}}"#),
        "child.x: duplicate field `x` at line 1 column 22"
    );
}

/// An escaped key is not read by the direct reader at all: serde reads the
/// document, and gives its error.
#[test]
fn an_escaped_key_is_left_to_serde() {
    for text in [r#"{"\u0078":{"a":1,"a":2}}"#, r#"{"x":1,"\u0078":2}"#] {
        assert!(direct_error::<Kept>(text.as_bytes()).is_none(), "{text}");
        let ours = voucherify_model::from_str::<Kept>(text).unwrap_err();
        let theirs = read_tracked::<Kept>(text.as_bytes()).unwrap_err();
        assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
    }
}

#[test]
fn a_key_repeated_in_an_unknown_value() {
    for text in [
        r#"{"x":{"a":1,"a":2}}"#,
        r#"{"x":[0,{"b":{"c":null,"d":[{"e":1,"e":1}]}}]}"#,
    ] {
        refused::<Kept>(text);
    }
    for text in [r#"{"x":{"a":1,"a":2}}"#, r#"{"x":[{"é":1,"é":2}]}"#] {
        refused::<KeptInMap>(text);
    }
}

#[test]
fn a_key_repeated_in_a_unique_keys_object() {
    let cases = [
        r#"{"labels":{"a":1,"a":2},"required":{}}"#,
        r#"{"labels":{"a":{"b":1,"b":2}},"required":{}}"#,
        r#"{"scores":{"x":1,"x":2},"required":{}}"#,
        r#"{"ordered":{"x":1,"y":{},"x":2},"required":{}}"#,
        r#"{"cleared":{"x":[{"q":1,"q":1}]},"required":{}}"#,
        r#"{"rows":[{},{"a":1},{"a":1,"a":1}],"required":{}}"#,
        r#"{"required":{"k":null,"k":null}}"#,
        r#"{"required":{"odd \" key":{"k":1,"k":2}}}"#,
        "{\"required\":{\"k\":null,\n\"k\"\t: null}}",
    ];
    for text in cases {
        refused::<Strict>(text);
    }
}

#[test]
fn a_customer_refused_at_its_end_and_in_a_list() {
    let mut text = String::from(r#"{"id":"c","metadata":{"m":1},"#);
    for index in 0..1000 {
        text.push_str(&format!(r#""key_{index}":{index},"#));
    }
    text.push_str(r#""key_999":0}"#);
    refused::<CustomersCreateResponseBody>(&text);
    refused::<CustomersCreateResponseBody>(r#"{"metadata":{"m":1,"m":2}}"#);
    refused::<CustomersCreateResponseBody>(r#"{"address":{"city":"a","city":"b"}}"#);
    refused::<CustomersCreateResponseBody>(r#"{"address":{"x":"a","x":"b"}}"#);
    refused::<CustomersListResponseBody>(
        r#"{"customers":[{},{"system_metadata":{"a":[{"b":1,"b":1}]}}]}"#,
    );
}

/// Where serde keeps the last copy, the direct reader leaves the document
/// to it.
#[test]
fn where_serde_keeps_the_last_copy_it_reads() {
    let cases = [
        r#"{"loose":{"a":1,"a":2},"required":{}}"#,
        r#"{"value":{"a":{"b":1,"b":2}},"required":{}}"#,
        r#"{"ordered":{"x":{"y":1,"y":2}},"required":{}}"#,
        r#"{"names":{"x":{},"x":{}},"required":{}}"#,
    ];
    for text in cases {
        assert!(direct_error::<Strict>(text.as_bytes()).is_none(), "{text}");
        let read = voucherify_model::from_str::<Strict>(text);
        let theirs = serde_json::from_str::<Strict>(text);
        assert_eq!(read.ok(), theirs.ok(), "{text}");
    }
}

/// A union's variant is read by a reader of its own, whose error would not
/// be placed as serde places it (serde reads the union's object before its
/// variant): such a document is left to serde.
#[test]
fn a_repeated_key_in_a_union_is_left_to_serde() {
    let text = r#"{"type":"AMOUNT","amount_off":1,"amount_off":2}"#;
    assert!(direct_error::<voucherify_model::Discount>(text.as_bytes()).is_none());
    assert!(voucherify_model::from_str::<voucherify_model::Discount>(text).is_err());
}

#[voucherify_model]
pub struct Dated {
    pub by_name: Option<BTreeMap<String, voucherify_model::time::OffsetDateTime>>,
    pub by_region: Option<Vec<BTreeMap<String, Vec<voucherify_model::time::Date>>>>,
}

/// A map of dates refuses a repeated key once its value is read.
#[test]
fn a_key_repeated_in_a_map_of_dates() {
    for text in [
        r#"{"by_name":{"a":"2022-08-30T06:32:07.380Z","a":"2022-08-30T06:32:07.380Z"}}"#,
        r#"{"by_region":[{},{"eu":[],"eu":["2020-01-01"]  }]}"#,
        "{\"by_region\":[{\"eu\":[],\"eu\":[]\n,\"x\":[]}]}",
    ] {
        refused::<Dated>(text);
    }
}

/// A small random source, so that the generated documents are the same in
/// every run.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// White space, mostly none.
    fn space(&mut self) -> &'static str {
        ["", "", "", " ", "\n", "\n  ", "\t", " \r\n "][self.below(8) as usize]
    }
}

/// An object of `members`, each repeated now and then, with white space
/// around its tokens.
fn object(random: &mut Random, members: Vec<(String, String)>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (key, value) in &members {
        let member = format!(
            "{}{key}{}:{}{value}{}",
            random.space(),
            random.space(),
            random.space(),
            random.space()
        );
        parts.push(member.clone());
        if random.chance(4) {
            let at = random.below(parts.len() as u64 + 1) as usize;
            parts.insert(at, member);
        }
    }
    format!("{{{}}}", parts.join(","))
}

/// Any JSON value, at most `depth` deep.
fn any_value(random: &mut Random, depth: u32) -> String {
    match random.below(if depth == 0 { 4 } else { 6 }) {
        0 => "null".to_owned(),
        1 => random.below(1000).to_string(),
        2 => format!("\"s{}\"", random.below(10)),
        3 => "true".to_owned(),
        4 => {
            let items: Vec<String> = (0..random.below(3))
                .map(|_| any_value(random, depth - 1))
                .collect();
            format!("[{}]", items.join(","))
        }
        _ => any_object(random, depth - 1),
    }
}

fn any_object(random: &mut Random, depth: u32) -> String {
    let members = (0..random.below(4))
        .map(|_| {
            let key =
                ["\"a\"", "\"b\"", "\"a b\"", "\"\\u0061\"", "\"é\""][random.below(5) as usize];
            (key.to_owned(), any_value(random, depth))
        })
        .collect();
    object(random, members)
}

/// A `Kept` document, at most `depth` deep.
fn kept(random: &mut Random, depth: u32) -> String {
    let mut members = Vec::new();
    for _ in 0..random.below(6) {
        let member = match random.below(if depth == 0 { 5 } else { 7 }) {
            0 => ("\"id\"".to_owned(), "\"i\"".to_owned()),
            1 => (
                ["\"key\"", "\"code\""][random.below(2) as usize].to_owned(),
                "\"k\"".to_owned(),
            ),
            2 => (
                "\"kind\"".to_owned(),
                ["null", "\"x\""][random.below(2) as usize].to_owned(),
            ),
            3 | 4 => (
                format!("\"x{}\"", random.below(3)),
                any_value(random, depth.min(2)),
            ),
            5 => ("\"child\"".to_owned(), kept(random, depth - 1)),
            _ => {
                let items: Vec<String> = (0..random.below(3))
                    .map(|_| kept(random, depth - 1))
                    .collect();
                ("\"children\"".to_owned(), format!("[{}]", items.join(",")))
            }
        };
        members.push(member);
    }
    object(random, members)
}

/// A `Strict` document.
fn strict(random: &mut Random) -> String {
    let mut members = vec![("\"required\"".to_owned(), any_object(random, 2))];
    for _ in 0..random.below(5) {
        let member = match random.below(8) {
            0 => ("\"labels\"", any_object(random, 2)),
            1 => {
                let scores = (0..random.below(3))
                    .map(|_| (format!("\"s{}\"", random.below(3)), "1".to_owned()))
                    .collect();
                ("\"scores\"", object(random, scores))
            }
            2 => ("\"ordered\"", any_object(random, 2)),
            3 => ("\"cleared\"", any_object(random, 2)),
            4 => {
                let rows: Vec<String> = (0..random.below(3))
                    .map(|_| any_object(random, 1))
                    .collect();
                ("\"rows\"", format!("[{}]", rows.join(",")))
            }
            5 => ("\"loose\"", any_object(random, 2)),
            6 => ("\"value\"", any_value(random, 2)),
            _ => {
                let names = (0..random.below(3))
                    .map(|_| (format!("\"n{}\"", random.below(2)), kept(random, 1)))
                    .collect();
                ("\"names\"", object(random, names))
            }
        };
        members.push((member.0.to_owned(), member.1));
    }
    object(random, members)
}

/// Reads `text` every way, and checks that an error the direct reader
/// makes is the serde path's, and that `from_str` and `from_slice` give the
/// serde path's error or value. Says whether the direct reader made one.
fn agrees<T>(text: &str) -> bool
where
    T: Json + DeserializeOwned + Debug + PartialEq,
{
    let facts = |error: voucherify_model::Error| {
        (
            error.to_string(),
            error.path().to_owned(),
            error.line(),
            error.column(),
            error.classify(),
        )
    };
    let tracked = read_tracked::<T>(text.as_bytes()).map_err(facts);
    let direct = direct_error::<T>(text.as_bytes());
    let made = direct.is_some();
    if let Some(direct) = direct {
        assert_eq!(Err(facts(direct)), tracked, "{text}");
    }
    let ours = voucherify_model::from_str::<T>(text).map_err(facts);
    let from_slice = voucherify_model::from_slice::<T>(text.as_bytes()).map_err(facts);
    assert_eq!(ours, from_slice, "{text}");
    if let (Err(ours), Err(tracked)) = (&ours, &tracked) {
        if made || tracked.0.contains("duplicate") {
            assert_eq!(ours, tracked, "{text}");
        }
    } else {
        assert_eq!(ours.ok(), tracked.ok(), "{text}");
    }
    made
}

#[test]
fn generated_documents_agree_with_the_serde_path() {
    let mut random = Random(0x5eed_0f4e_9ea7_ed01);
    let (mut documents, mut made) = (0, 0);
    for _ in 0..4000 {
        let text = kept(&mut random, 3);
        made += usize::from(agrees::<Kept>(&text));
        let text = strict(&mut random);
        made += usize::from(agrees::<Strict>(&text));
        documents += 2;
    }
    // Enough of them are refused by the direct reader itself.
    assert!(made > documents / 4, "{made} of {documents}");
}

/// A value with serde's traits only: read by serde_json from its own text.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Plain {
    pub n: i64,
}

#[voucherify_model]
pub struct HoldsPlain {
    #[voucherify(unique_keys)]
    pub plain: Option<BTreeMap<String, Plain>>,
}

/// A `unique_keys` map of values without a direct reader refuses a
/// repeated key too.
#[test]
fn a_key_repeated_in_a_unique_keys_map_of_serde_values() {
    let text = r#"{"plain":{"a":{"n":1},"a":{"n":2}}}"#;
    let tracked = read_tracked::<HoldsPlain>(text.as_bytes()).map_err(|error| error.to_string());
    let ours = voucherify_model::from_str::<HoldsPlain>(text).map_err(|error| error.to_string());
    assert_eq!(ours, tracked);
    assert!(ours.is_err());
}
