//! The models through serde deserializers other than serde_json's reader
//! of text: mostly a format that is not human-readable, CBOR by ciborium,
//! and also serde_json's own `Value`. The types promise "any serde format";
//! here the unknown-key capture and the date formats are held to it, and the
//! wrappers that route unknown keys are checked to pass on what the format
//! says of itself (`is_human_readable`), which serde's own types, such as
//! addresses, read and write differently by.

use std::net::Ipv4Addr;

use serde::de::value::{BorrowedBytesDeserializer, MapDeserializer};
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::Deserialize;
use serde::Serialize;
use serde_json::{json, Value};
use voucherify_model::{
    voucherify_model, CustomersCreateResponseBody, CustomersListResponseBody, Map,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn to_cbor<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = Vec::new();
    ciborium::into_writer(value, &mut bytes).unwrap();
    bytes
}

fn from_cbor<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    ciborium::from_reader(bytes).map_err(|error| error.to_string())
}

/// A JSON document read by the model, written as CBOR and read back, is
/// the same value, and writes the same JSON.
fn round_trip<T>(name: &str)
where
    T: voucherify_model::Json + DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let value: T = voucherify_model::from_slice(&fixture(name)).unwrap();
    let cbor = to_cbor(&value);
    let back: T = from_cbor(&cbor).unwrap_or_else(|error| panic!("{name}: {error}"));
    assert_eq!(back, value, "{name}");
    assert_eq!(
        voucherify_model::to_string(&back).unwrap(),
        voucherify_model::to_string(&value).unwrap(),
        "{name}"
    );
}

#[test]
fn fixtures_round_trip_through_cbor() {
    for name in [
        "customer-embedded.json",
        "customer-full.json",
        "customer-nulls.json",
        "customer-unknown-keys.json",
        "customer-update-birthday.json",
    ] {
        round_trip::<CustomersCreateResponseBody>(name);
    }
    round_trip::<CustomersListResponseBody>("customers-list.json");
}

#[test]
fn unknown_keys_and_dates_are_kept_in_cbor() {
    let customer: CustomersCreateResponseBody = voucherify_model::from_str(
        r#"{"id":"c1","created_at":"2022-08-30T08:32:07.38+02:00","birthdate":"1990-01-31","tier":{"name":"gold","since":[2019,7]}}"#,
    )
    .unwrap();
    let back: CustomersCreateResponseBody = from_cbor(&to_cbor(&customer)).unwrap();
    assert_eq!(
        back.extra["tier"],
        json!({"name": "gold", "since": [2019, 7]})
    );
    // The CBOR holds the dates in the API's text form.
    let cbor: ciborium::Value = from_cbor(&to_cbor(&customer)).unwrap();
    let entries = cbor.as_map().unwrap();
    let text = |key: &str| {
        entries
            .iter()
            .find(|(k, _)| k.as_text() == Some(key))
            .and_then(|(_, v)| v.as_text())
            .unwrap_or_else(|| panic!("no text at {key}"))
            .to_owned()
    };
    assert_eq!(text("created_at"), "2022-08-30T06:32:07.380Z");
    assert_eq!(text("birthdate"), "1990-01-31");
}

#[test]
fn a_repeated_unknown_key_is_refused_in_cbor_too() {
    // {"id": "c1", "tier": 1, "tier": 2}, which JSON text could not be built
    // from a map, written by hand.
    let cbor = [
        0xa3, // map of 3
        0x62, b'i', b'd', 0x62, b'c', b'1', // "id": "c1"
        0x64, b't', b'i', b'e', b'r', 0x01, // "tier": 1
        0x64, b't', b'i', b'e', b'r', 0x02, // "tier": 2
    ];
    let error = from_cbor::<CustomersCreateResponseBody>(&cbor).unwrap_err();
    assert!(error.contains("duplicate field `tier`"), "{error}");
}

/// serde writes an address as text to a human-readable format and as four
/// bytes to any other, and reads it back only the way it was written.
#[voucherify_model]
pub struct Peer {
    pub name: Option<String>,
    pub addr: Ipv4Addr,
    #[voucherify(extra)]
    pub extra: Map,
}

fn peer() -> Peer {
    let mut extra = Map::new();
    extra.insert("region".to_owned(), json!("eu"));
    Peer {
        name: Some("gateway".to_owned()),
        addr: Ipv4Addr::new(10, 0, 0, 1),
        extra,
    }
}

#[test]
fn an_address_in_a_model_reads_back_from_cbor() {
    let cbor = to_cbor(&peer());
    let back: Peer = from_cbor(&cbor).unwrap();
    assert_eq!(back, peer());
    // Written as four numbers, not as text.
    let value: ciborium::Value = from_cbor(&cbor).unwrap();
    let addr = value
        .as_map()
        .unwrap()
        .iter()
        .find(|(key, _)| key.as_text() == Some("addr"))
        .map(|(_, value)| value.clone())
        .unwrap();
    assert_eq!(
        addr,
        ciborium::Value::Array(vec![10.into(), 0.into(), 0.into(), 1.into()])
    );
}

#[test]
fn an_address_in_a_model_reads_back_from_json_through_serde() {
    let json = serde_json::to_string(&peer()).unwrap();
    assert_eq!(
        json,
        r#"{"name":"gateway","addr":"10.0.0.1","region":"eu"}"#
    );
    let back: Peer = serde_json::from_str(&json).unwrap();
    assert_eq!(back, peer());
    assert_eq!(voucherify_model::from_str::<Peer>(&json).unwrap(), peer());
}

#[test]
fn an_address_is_read_only_in_the_form_its_format_writes() {
    // The CBOR of a peer whose address is text: a non-human-readable reader
    // asks for four bytes and refuses it.
    #[derive(Serialize)]
    struct TextPeer {
        addr: &'static str,
    }
    let error = from_cbor::<Peer>(&to_cbor(&TextPeer { addr: "10.0.0.1" })).unwrap_err();
    assert!(error.contains("invalid type"), "{error}");
    // And JSON with four numbers is not an address there.
    let error = serde_json::from_str::<Peer>(r#"{"addr":[10,0,0,1]}"#).unwrap_err();
    assert!(error.to_string().contains("invalid type"), "{error}");
}

/// A model that serde reads and writes as an address, through
/// `from`/`into`: serde then asks the wrappers of the model itself whether
/// the format is human-readable.
#[voucherify_model]
#[derive(Default)]
#[serde(from = "Ipv4Addr", into = "Ipv4Addr")]
pub struct Host {
    pub addr: Option<String>,
    #[voucherify(extra)]
    pub extra: Map,
}

impl From<Ipv4Addr> for Host {
    fn from(addr: Ipv4Addr) -> Self {
        Host {
            addr: Some(addr.to_string()),
            ..Host::default()
        }
    }
}

impl From<Host> for Ipv4Addr {
    fn from(host: Host) -> Self {
        host.addr.unwrap().parse().unwrap()
    }
}

#[test]
fn a_model_read_and_written_as_an_address_follows_the_format() {
    let host = Host::from(Ipv4Addr::new(192, 168, 1, 20));
    let cbor = to_cbor(&host);
    let value: ciborium::Value = from_cbor(&cbor).unwrap();
    assert_eq!(
        value,
        ciborium::Value::Array(vec![192.into(), 168.into(), 1.into(), 20.into()])
    );
    assert_eq!(from_cbor::<Host>(&cbor).unwrap(), host);

    let json = serde_json::to_string(&host).unwrap();
    assert_eq!(json, r#""192.168.1.20""#);
    assert_eq!(serde_json::from_str::<Host>(&json).unwrap(), host);
    // Each reader takes only its own format's form.
    assert!(serde_json::from_str::<Host>("[192,168,1,20]").is_err());
    assert!(from_cbor::<Host>(&to_cbor(&"192.168.1.20")).is_err());
}

#[test]
fn a_long_unknown_string_in_cbor_is_kept() {
    // ciborium hands over a string longer than its 4 KiB scratch buffer as
    // an owned `String`, not a borrowed `&str`.
    let long = "voucher ".repeat(1000);
    let mut extra = Map::new();
    extra.insert("note".to_owned(), json!(long));
    extra.insert("short".to_owned(), json!("gold"));
    let customer = CustomersCreateResponseBody {
        extra: extra.into(),
        ..Default::default()
    };
    let back: CustomersCreateResponseBody = from_cbor(&to_cbor(&customer)).unwrap();
    assert_eq!(back.extra["note"], json!(long));
    assert_eq!(back.extra["short"], json!("gold"));
}

#[test]
fn a_model_reads_from_a_json_value() {
    // `Value` hands its strings over owned, and `null` as a unit.
    let value = json!({
        "id": "c1",
        "metadata": {"plan": "pro", "seats": 3, "trial": null},
        "tier": "gold",
        "cancelled_at": null,
        "flags": ["a", null, 2.5],
    });
    let customer: CustomersCreateResponseBody = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(customer.id.as_deref(), Some("c1"));
    assert_eq!(customer.extra["tier"], json!("gold"));
    assert_eq!(customer.extra["cancelled_at"], json!(null));
    assert_eq!(customer.extra["flags"], json!(["a", null, 2.5]));
    assert_eq!(serde_json::to_value(&customer).unwrap(), value);
}

#[test]
fn an_unknown_value_json_cannot_hold_is_refused_with_what_was_expected() {
    // A CBOR byte string under an unknown key: JSON has no bytes.
    let cbor = [
        0xa1, // map of 1
        0x64, b't', b'i', b'e', b'r', // "tier"
        0x42, 0x01, 0x02, // h'0102'
    ];
    let error = from_cbor::<CustomersCreateResponseBody>(&cbor).unwrap_err();
    assert!(
        error.contains("invalid type: byte array, expected any JSON value"),
        "{error}"
    );
}

/// A value as a format that marks every value present as optional hands
/// it over: through `visit_some`, as RON's `Some(..)` or a format with
/// explicit optional values does.
struct Present(Value);

impl<'de> serde::Deserializer<'de> for Present {
    type Error = serde_json::Error;

    fn deserialize_any<V>(self, visitor: V) -> Result<V::Value, Self::Error>
    where
        V: serde::de::Visitor<'de>,
    {
        visitor.visit_some(self.0)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, serde_json::Error> for Present {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

#[test]
fn an_unknown_value_marked_present_is_kept() {
    let entries = vec![
        ("id", Present(json!("c1"))),
        ("tier", Present(json!({"name": "gold", "since": 2019}))),
        ("flags", Present(json!(["a", 1]))),
    ];
    let customer = CustomersCreateResponseBody::deserialize(
        MapDeserializer::<_, serde_json::Error>::new(entries.into_iter()),
    )
    .unwrap();
    assert_eq!(customer.id.as_deref(), Some("c1"));
    assert_eq!(
        customer.extra["tier"],
        json!({"name": "gold", "since": 2019})
    );
    assert_eq!(customer.extra["flags"], json!(["a", 1]));
}

#[test]
fn a_flat_map_of_strings_is_refused_where_an_object_belongs() {
    // serde's own value deserializers, as flat key-value formats use them:
    // a string where metadata, an object, belongs.
    for key in ["metadata", "system_metadata"] {
        let entries = vec![(key, "plan=pro")];
        let error = CustomersCreateResponseBody::deserialize(MapDeserializer::<
            _,
            serde::de::value::Error,
        >::new(entries.into_iter()))
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"invalid type: string "plan=pro", expected a JSON object or null"#,
            "{key}"
        );
    }
}

#[test]
fn keys_given_as_bytes_in_cbor_are_read_as_their_text() {
    // {h'6964': "c1", h'74696572': "gold"}: ciborium hands such keys over as
    // bytes; serde matches field names against them, and an unknown one is
    // kept under its text.
    let cbor = [
        0xa2, // map of 2
        0x42, b'i', b'd', 0x62, b'c', b'1', // h'6964': "c1"
        0x44, b't', b'i', b'e', b'r', 0x64, b'g', b'o', b'l', b'd', // h'74696572': "gold"
    ];
    let customer: CustomersCreateResponseBody = from_cbor(&cbor).unwrap();
    assert_eq!(customer.id.as_deref(), Some("c1"));
    assert_eq!(customer.extra["tier"], json!("gold"));
    assert_eq!(customer.extra.len(), 1);
}

#[test]
fn keys_borrowed_as_bytes_are_read_as_their_text() {
    // Keys lent from the input as bytes, which a format reading from a
    // slice may do.
    let input = *b"idtier";
    let key = |bytes| BorrowedBytesDeserializer::<serde_json::Error>::new(bytes);
    let entries = vec![
        (key(&input[..2]), Present(json!("c1"))),
        (key(&input[2..]), Present(json!("gold"))),
    ];
    let customer =
        CustomersCreateResponseBody::deserialize(MapDeserializer::new(entries.into_iter()))
            .unwrap();
    assert_eq!(customer.id.as_deref(), Some("c1"));
    assert_eq!(customer.extra["tier"], json!("gold"));
    assert_eq!(customer.extra.len(), 1);
}

#[test]
fn a_key_of_another_kind_is_refused_with_what_was_expected() {
    // A map whose key is a boolean, as serde's value deserializers hand it
    // over: neither text nor bytes nor a field index. (ciborium refuses
    // such a key itself, before the model sees it.)
    let entries = vec![(true, Present(json!(1)))];
    let error = CustomersCreateResponseBody::deserialize(MapDeserializer::new(entries.into_iter()))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: boolean `true`, expected field identifier"
    );
}
