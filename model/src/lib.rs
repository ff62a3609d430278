//! Typed, lossless models of Voucherify's customer API responses, and the
//! `#[voucherify_model]` attribute that builds them.
//!
//! ```
//! use voucherify_model::{CustomersCreateResponseBody, CustomersCreateResponseBodyObject};
//!
//! let json = r#"{
//!     "id": "cust_CSnYd37MXmrbS19XCrghjBsv",
//!     "object": "customer",
//!     "email": "bob.smith@email.com",
//!     "summary": {
//!         "redemptions": {"total_redeemed": 1},
//!         "orders": {"total_amount": 24900, "total_count": 3}
//!     },
//!     "created_at": "2022-08-30T06:32:07.380Z",
//!     "tier": "gold"
//! }"#;
//! let customer: CustomersCreateResponseBody = voucherify_model::from_str(json)?;
//!
//! assert_eq!(customer.object, Some(CustomersCreateResponseBodyObject::Customer));
//! let orders = customer.summary.as_ref().and_then(|summary| summary.orders.as_ref());
//! assert_eq!(orders.unwrap().total_amount, Some(24900)); // cents: $249.00
//! assert_eq!(customer.created_at.unwrap().year(), 2022);
//! // A key the model does not know is kept, and written back.
//! assert_eq!(customer.extra["tier"], "gold");
//! assert!(voucherify_model::to_string(&customer)?.contains(r#""tier":"gold""#));
//! // Personal data stays out of logs.
//! assert!(!format!("{customer:?}").contains("bob.smith"));
//! # Ok::<(), voucherify_model::Error>(())
//! ```
//!
//! # The models
//!
//! [`CustomersCreateResponseBody`] is a customer as the API returns it from
//! `POST v1/customers`, and under other names from the get and update
//! endpoints and inside lists ([`CustomersListResponseBody`]). Amounts are
//! `i64` cents, timestamps are [`time::OffsetDateTime`], birthdates are
//! [`time::Date`]. Every struct keeps the keys it does not know, and which
//! of its fields were `null`, in its `extra` field, so a document read and
//! written again loses nothing (below).
//!
//! Every field of a response model is an `Option`: **a response model
//! refuses a document only for a value of the wrong kind, never for a
//! missing key or a `null`**, even where the specification calls the field
//! required, so that one odd record never makes a whole list unreadable.
//! The `null`s this covers are the values of members (`"orders": null`).
//! Lists hold their items as they are (`Vec<Customer>`, not
//! `Vec<Option<Customer>>`), so a `null` in place of a list's item, or of
//! the whole document, is a value of the wrong kind, refused with its path
//! (`customers[0]: invalid type: null, expected struct ...`).
//!
//! ```
//! use voucherify_model::CustomersListResponseBody;
//!
//! let list: CustomersListResponseBody = voucherify_model::from_str(
//!     r#"{"customers":[{"summary":{"orders":null}},{"referrals":{"campaigns":[{"date":null}]}}]}"#,
//! )?;
//! assert_eq!(list.customers.map(|customers| customers.len()), Some(2));
//! let error = voucherify_model::from_str::<CustomersListResponseBody>(r#"{"customers":[{"id":7}]}"#);
//! assert_eq!(error.unwrap_err().path(), "customers[0].id");
//! let error = voucherify_model::from_str::<CustomersListResponseBody>(r#"{"customers":[null]}"#);
//! assert_eq!(error.unwrap_err().path(), "customers[0]");
//! # Ok::<(), voucherify_model::Error>(())
//! ```
//!
//! # The customers API, both ways
//!
//! The requests a client sends are modelled too:
//! [`CustomersCreateRequestBody`], [`CustomersUpdateRequestBody`] (whose
//! fields are left out, cleared with `null`, or set), and the bulk bodies
//! [`CustomersUpdateInBulkRequestBody`] and
//! [`CustomersMetadataUpdateInBulkRequestBody`]. So are the other
//! responses ([`CustomersPermanentDeletionCreateResponseBody`],
//! [`AsyncActions`], [`CustomersSegmentsListResponseBody`],
//! [`CustomersRedeemablesListResponseBody`]), the error object of a failed
//! call ([`VoucherifyError`]), and the query of `GET v1/customers`
//! ([`ListCustomersParams`]). The crate has no HTTP client; here a stand-in
//! answers:
//!
//! ```
//! use voucherify_model::{
//!     CustomersCreateRequestBody, CustomersListResponseBody, CustomersUpdateRequestBody,
//!     ListCustomersParams, VoucherifyError,
//! };
//!
//! # struct Response { status: u16, body: Vec<u8> }
//! # fn http_get(url: &str) -> Result<Response, Box<dyn std::error::Error>> {
//! #     let body: &[u8] = if url.contains("starting_after=2024-02-01T09%3A30%3A00.000Z") {
//! #         br#"{"object":"list","customers":[{"id":"cust_1","created_at":"2024-01-05T08:00:00.000Z"}],"has_more":false}"#
//! #     } else {
//! #         br#"{"object":"list","customers":[{"id":"cust_2","created_at":"2024-02-01T09:30:00.000Z"}],"has_more":true}"#
//! #     };
//! #     Ok(Response { status: 200, body: body.to_vec() })
//! # }
//! // Create a customer (or update the one with this source_id): POST v1/customers.
//! let create = CustomersCreateRequestBody {
//!     source_id: Some("crm-000481".to_owned()),
//!     name: Some("Maria Kowalska".to_owned()),
//!     ..Default::default()
//! };
//! assert_eq!(
//!     voucherify_model::to_string(&create)?,
//!     r#"{"source_id":"crm-000481","name":"Maria Kowalska"}"#,
//! );
//!
//! // Clear the phone number and set the email: PUT v1/customers/{customerId}.
//! let update = CustomersUpdateRequestBody {
//!     phone: Some(None),
//!     email: Some(Some("maria.k@example.org".to_owned())),
//!     ..Default::default()
//! };
//! assert_eq!(
//!     voucherify_model::to_string(&update)?,
//!     r#"{"email":"maria.k@example.org","phone":null}"#,
//! );
//!
//! // Every customer, page by page, with the cursor past page 99 too.
//! let mut params = ListCustomersParams { limit: Some(100), ..Default::default() };
//! let mut seen = Vec::new();
//! loop {
//!     let query = params.query()?;
//!     let response = http_get(&format!("https://api.voucherify.io/v1/customers?{query}"))?;
//!     if response.status != 200 {
//!         let error: VoucherifyError = voucherify_model::from_slice(&response.body)?;
//!         return Err(error.into());
//!     }
//!     let page: CustomersListResponseBody = voucherify_model::from_slice(&response.body)?;
//!     seen.extend(page.customers.iter().flatten().filter_map(|customer| customer.id.clone()));
//!     match params.next_page(&page) {
//!         Some(next) => params = next,
//!         None => break,
//!     }
//! }
//! assert_eq!(seen, ["cust_2", "cust_1"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A voucher's discount is the specification's `oneOf`, a union chosen by
//! its `type`: [`Discount`], whose `Other` variant keeps a type this crate
//! does not know whole.
//!
//! Each model also describes its JSON for programs to read
//! ([`shape`]): keys, kinds, formats, presence, enum values, and for a
//! union its tag and the variant each tag chooses; a test holds these
//! against Voucherify's OpenAPI specification.
//!
//! # Reading and writing
//!
//! [`from_str`], [`from_slice`] and [`from_reader`] read JSON and report a
//! failure with the JSON path where it happened ([`Error`]). [`to_string`],
//! [`to_vec`] and [`to_writer`] write it back compactly, and
//! [`to_string_pretty`] with indentation. The types implement serde's
//! traits, so any serde format works too.
//!
//! For JSON, `#[voucherify_model]` also generates a reader and a writer made
//! for each model (the [`Json`] trait), which these functions use: on the
//! benchmark's customers they read in about half and write in about a
//! third of the time serde_json takes for the same types without
//! unknown-key capture. They agree with the serde impls on every input:
//! a key repeated where the models refuse it is refused by the direct
//! reader with the error serde gives (path, line and column included), and
//! what it does not take itself (an escaped key, an integer of 19 digits or
//! more, a mistake) goes to serde_json through the serde impls, which gives
//! the value or the error with its path. Output is byte for byte what serde_json writes. That holds too
//! when a crate of the build turns on serde_json's `arbitrary_precision` or
//! `preserve_order` feature; with `arbitrary_precision`, numbers in metadata
//! and unknown values keep their text as serde_json's `Value` keeps it.
//!
//! # What a round trip keeps
//!
//! Reading a document with the customer models and writing it back gives
//! the same JSON: every key, every value and every `null`, known keys in
//! the models' order (the API's), unknown keys after them in the order
//! read, metadata and loyalty campaigns in the order read. A compact
//! response as the API sends it comes back byte for byte. What changes
//! keeps the meaning:
//!
//! - timestamps are written in UTC with milliseconds (or finer, when the
//!   value has it); a leap second (`23:59:60`), which `time` cannot hold,
//!   is read as the last nanosecond before it;
//! - a whole number in an `f64` field, at any depth of `Option`, `Box`,
//!   `Vec` and maps keyed by `String`, comes back without a fraction
//!   (`10.0` as `10`), and any other in the shortest form that reads back
//!   to the same `f64` (`1E2` as `100`, `1.50` as `1.5`);
//! - numbers in metadata and unknown values go through `serde_json`'s
//!   `Number`: `1E2` comes back as `100.0`, and an integer beyond the 64-bit
//!   range, or a decimal finer than `f64`, is rounded to the nearest `f64`;
//! - white space is not kept, and strings are written with serde_json's
//!   escapes (`"\u0041"` comes back as `"A"`);
//! - an unknown key that came before a known one is written after the
//!   known fields;
//! - an `object` of `Other("customer")`, built by hand, reads back as
//!   `Customer`.
//!
//! A key repeated in one object is refused, at any depth, rather than one
//! copy being dropped.
//!
//! `null` is kept by the struct that holds it: an `Option` field read as
//! `null` is written back as `null` while it stays `None` (set it to `Some`
//! and its value is written), when the struct's `extra` field is an
//! [`Extra`], which holds that record beside the unknown keys. A struct
//! whose `extra` field is a [`Map`] keeps unknown keys only, and one without
//! an `extra` field keeps neither: both leave out the fields read as
//! `null`, and the latter drops unknown keys. `PartialEq` compares values,
//! not their form: a field read as `null` equals one left out (both are
//! `None`), and maps are equal in any key order, so a value and its round
//! trip always compare equal; compare the written JSON where the form
//! matters.
//!
//! Key order rests on serde_json's `preserve_order` feature, which this
//! crate turns on: in a build that uses it, every crate's
//! `serde_json::Map` keeps insertion order (see the README).
//!
//! # `#[voucherify_model]` on your own types
//!
//! On a struct with named fields, the attribute derives `Serialize`,
//! `Deserialize`, `Debug`, `Clone` and `PartialEq` (without a `serde`
//! dependency in your crate), [`Json`], the direct JSON path of
//! [`from_str`] and [`to_string`], and, on a type without generic
//! parameters, [`shape::Shaped`] (on an enum [`shape::Describe`]), the
//! description of its JSON. Each field's type must be a
//! `#[voucherify_model]` type, or have serde's `Serialize` and
//! `Deserialize`, `Clone`, `PartialEq` and `Debug`; a field whose type
//! lacks them (and names no generic parameter or lifetime) is one error, at
//! the field, which says so. The rules:
//!
//! | field | reading | writing |
//! |---|---|---|
//! | `Option<T>` | absent or `null` → `None` | `None` is left out, or written as `null` if it was read so (with an [`Extra`]) |
//! | `Option<Option<T>>` | absent → `None`, `null` → `Some(None)` | `None` left out, `Some(None)` → `null` |
//! | any other type | required: a missing key is an error naming it | always written |
//! | `OffsetDateTime` (at any depth of `Option`, `Vec`, `Box`, `BTreeMap`/`HashMap<String, _>`) | any RFC 3339 timestamp | UTC with milliseconds: `2022-08-30T06:32:07.380Z` |
//! | `Date` (likewise) | `YYYY-MM-DD` | `YYYY-MM-DD` |
//! | `&'a str`, `Cow<'a, str>` | borrowed from the input (a `Cow` owns a string that has an escape; a `&str` refuses it) | as a string |
//! | `f64` (at any depth of `Option`, `Vec`, `Box`, `BTreeMap`/`HashMap`/`IndexMap<String, _>`) | any JSON number | a whole number within ±2^53 without a fraction (`10`), as the API writes it; any other as serde_json writes it ([`format::number`]) |
//! | `#[voucherify(extra)]` [`Extra`] or [`Map`] | every unknown key (and, in an `Extra`, which fields were `null`) | written after the known fields |
//!
//! Field attributes: `#[voucherify(extra)]` (its values print as
//! `<redacted>` in `Debug`, its keys show), `#[voucherify(redact)]` (the
//! value prints as `"<redacted>"` in `Debug`, and an error at the field or
//! inside it names the kind of value found, never the value:
//! `birthdate: invalid value: a string that is not a date that exists in
//! the calendar at line 1 column 25`), `#[voucherify(deprecated)]`
//! (also `= "note"` or `(since = "..", note = "..")`: user code touching
//! the field warns, the generated code does not),
//! `#[voucherify(unique_keys)]` on a `Map` or `BTreeMap<String, _>` field
//! (also in an `Option`: a key repeated in its object, at any depth of a
//! `Map`, is an error rather than one copy silently winning), and
//! `#[voucherify(format = "date" | "date-time")]` for dates behind a type
//! alias. A field with its own `#[serde(with = "...")]` is left alone, and
//! every other `#[serde(...)]` attribute keeps its usual meaning.
//!
//! On a field-less enum it derives the same plus `Eq` and `Hash`; variants
//! are snake_case strings (or as `#[serde(rename)]` and `rename_all` say),
//! and one `#[voucherify(other)] Other(String)` variant keeps any unknown
//! string.
//!
//! ```
//! use voucherify_model::voucherify_model;
//!
//! #[voucherify_model]
//! pub enum Tier {
//!     Gold,
//!     SilverPlus,
//!     #[voucherify(other)]
//!     Other(String),
//! }
//!
//! #[voucherify_model]
//! pub struct Member {
//!     pub id: String,
//!     pub tier: Option<Tier>,
//!     #[voucherify(redact)]
//!     pub email: Option<String>,
//!     pub nickname: Option<Option<String>>,
//!     #[voucherify(deprecated = "use `joined_at`")]
//!     pub joined: Option<voucherify_model::time::Date>,
//!     pub joined_at: Option<voucherify_model::time::OffsetDateTime>,
//!     #[voucherify(extra)]
//!     pub extra: voucherify_model::Extra,
//! }
//!
//! let member: Member = voucherify_model::from_str(
//!     r#"{"id":"m1","tier":"silver_plus","email":"a@b.c","nickname":null,"joined_at":"2024-01-02T03:04:05+01:00","since":2019}"#,
//! )?;
//! assert_eq!(member.tier, Some(Tier::SilverPlus));
//! assert_eq!(member.nickname, Some(None));
//! assert_eq!(member.extra["since"], 2019);
//! assert_eq!(
//!     voucherify_model::to_string(&member)?,
//!     r#"{"id":"m1","tier":"silver_plus","email":"a@b.c","nickname":null,"joined_at":"2024-01-02T02:04:05.000Z","since":2019}"#,
//! );
//! assert!(format!("{member:?}").contains(r#"email: Some("<redacted>")"#));
//!
//! let error = voucherify_model::from_str::<Member>(r#"{"tier":"gold"}"#).unwrap_err();
//! assert_eq!(error.to_string(), ".: missing field `id` at line 1 column 15");
//! # Ok::<(), voucherify_model::Error>(())
//! ```
//!
//! On an enum with `#[serde(tag = "type")]` it builds a union of JSON
//! objects told apart by that key, as Voucherify's `oneOf` schemas are:
//! each variant has named fields (following the field rules above) or
//! holds one `#[voucherify_model]` struct. As with a struct, a variant
//! keeps unknown keys and the `null`s of its `Option` fields only in an
//! `extra` field of its own (or of the struct it holds); without one they
//! are dropped. The tag's values are the variants' names in snake_case, or
//! as `rename_all` and `rename` say. One `#[voucherify(other)]
//! Other(voucherify_model::Map)` variant keeps the whole object of any tag
//! the union does not know, tag included, and writes it back as it holds
//! it, and so an object whose tag is missing, `null` or not a string;
//! without it, an unknown tag is an error naming the known ones, and a
//! missing one an error too. An `Other` built by hand whose tag names a
//! variant reads back as that variant. A variant whose unknown keys hold
//! the tag's key is refused when written, as a struct's are when they hold
//! one of its fields. Written, a variant's tag
//! comes first. It derives `Debug`, `Clone`, `PartialEq`, serde's traits,
//! [`Json`] and (without generic parameters) [`shape::Describe`], whose
//! [`shape::Kind::Union`] records the tag's key and each variant's tag and
//! fields, and which [`shape::Shape::json_schema`] writes as a `oneOf`.
//!
//! ```
//! use voucherify_model::{voucherify_model, Extra, Map};
//!
//! #[voucherify_model]
//! pub struct AmountOff {
//!     pub amount_off: Option<i64>,
//!     #[voucherify(extra)]
//!     pub extra: Extra,
//! }
//!
//! #[voucherify_model]
//! #[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
//! pub enum Discount {
//!     Amount(AmountOff),
//!     Percent { percent_off: Option<f64>, valid_on: Vec<voucherify_model::time::Date> },
//!     #[voucherify(other)]
//!     Other(Map),
//! }
//!
//! let discount: Discount = voucherify_model::from_str(r#"{"type":"AMOUNT","amount_off":1000}"#)?;
//! assert!(matches!(&discount, Discount::Amount(amount) if amount.amount_off == Some(1000)));
//! assert_eq!(voucherify_model::to_string(&discount)?, r#"{"type":"AMOUNT","amount_off":1000}"#);
//!
//! let discount: Discount = voucherify_model::from_str(r#"{"type":"PERCENT","valid_on":["2024-02-29"]}"#)?;
//! assert!(matches!(&discount, Discount::Percent { valid_on, .. } if valid_on[0].day() == 29));
//!
//! let unknown: Discount = voucherify_model::from_str(r#"{"type":"SHIPPING","x":1}"#)?;
//! assert!(matches!(&unknown, Discount::Other(object) if object["type"] == "SHIPPING"));
//! assert_eq!(voucherify_model::to_string(&unknown)?, r#"{"type":"SHIPPING","x":1}"#);
//!
//! let untagged: Discount = voucherify_model::from_str(r#"{"amount_off":5}"#)?;
//! assert!(matches!(&untagged, Discount::Other(object) if object["amount_off"] == 5));
//! # Ok::<(), voucherify_model::Error>(())
//! ```
//!
//! Generic code over models needs one bound, [`Model`].
//!
//! Mistakes are compile errors at the token to change, all reported at
//! once. Write `#[voucherify_model]` above any `#[derive]`: a derive placed
//! before it is expanded without the macro seeing it, and a second
//! `Serialize` or `Debug` then shows up as conflicting implementations. Where the runtime crate is renamed or re-exported, tell the macro
//! with `#[voucherify_model(crate = "path::to::voucherify_model")]`.

#![deny(missing_docs)]

/// Makes a struct or enum a Voucherify model: serde's traits, [`Json`]
/// (the direct reader and writer), [`Model`], `Debug`, `Clone` and
/// `PartialEq`, with unknown keys, nulls and dates handled as the crate
/// docs' section [`#[voucherify_model]` on your own types](crate#voucherify_model-on-your-own-types)
/// describes, with every attribute it takes.
///
/// ```
/// use voucherify_model::{voucherify_model, Extra};
///
/// #[voucherify_model]
/// pub struct Gift {
///     pub amount: Option<i64>,
///     pub created_at: Option<voucherify_model::time::OffsetDateTime>,
///     #[voucherify(extra)]
///     pub extra: Extra,
/// }
///
/// let text = r#"{"amount":null,"created_at":"2024-01-02T03:04:05.000Z","tier":"gold"}"#;
/// let gift: Gift = voucherify_model::from_str(text)?;
/// assert_eq!(gift.amount, None);
/// assert_eq!(gift.extra["tier"], "gold");
/// assert_eq!(voucherify_model::to_string(&gift)?, text);
/// # Ok::<(), voucherify_model::Error>(())
/// ```
pub use voucherify_macros::voucherify_model;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
/// Hooks into the direct JSON path for this workspace's tests, benchmarks
/// and fuzz targets. Not API: hidden, unstable, and free to change in any
/// release.
#[doc(hidden)]
pub mod __hooks {
    pub use crate::json::{direct_error, read_direct, read_direct_text, write_direct};

    /// Reads `bytes` as `from_slice` does after the direct reader gave up
    /// on a repeated key: once through serde, tracking the path.
    pub fn read_tracked<'a, T: crate::Json + serde::Deserialize<'a>>(
        bytes: &'a [u8],
    ) -> Result<T, crate::Error> {
        crate::read_tracked(serde_json::Deserializer::from_slice(bytes))
    }
}
pub mod customers;
mod dated;
mod error;
mod extra;
pub mod format;
mod json;
mod model;
mod numbered;
mod pick;
pub mod shape;
mod union;
mod unique_keys;

use std::io::{self, Read};

use serde::{Deserialize, Serialize};

pub use crate::customers::*;
pub use crate::error::Error;
pub use crate::extra::Extra;
pub use crate::json::Json;
pub use crate::model::Model;

/// JSON object entries, kept in key order: the type of metadata objects,
/// and one of the two types an `#[voucherify(extra)]` field may have (the
/// other, smaller while empty, is [`Extra`]).
pub type Map = serde_json::Map<String, serde_json::Value>;

/// A JSON value, as held in [`Map`].
pub use serde_json::Value;

/// What kind of failure an [`Error`] is, as [`Error::classify`] tells:
/// I/O, malformed JSON, JSON that does not fit the model, or input that
/// ended too early.
pub use serde_json::error::Category;

/// The `indexmap` crate, whose [`IndexMap`] holds the models' maps keyed by
/// name (loyalty campaigns) in the order read; re-exported so that a crate
/// building one needs no dependency of its own.
pub use indexmap;
pub use indexmap::IndexMap;

/// The `time` crate, whose `Date` and `OffsetDateTime` the models use;
/// re-exported so that a crate's own models need no dependency of their own.
pub use time;

/// Reads a `T` from JSON text.
///
/// Models (and the [`Json`] types they are built of) are read by a reader
/// generated for them, which agrees with their serde impls on every input.
/// Anything that reader does not take, from an escaped key to a mistake, is
/// read again through serde, and on failure once more to find the path: the
/// [`Error`] names the JSON path of the value at fault.
///
/// ```
/// use voucherify_model::CustomersListResponseBody;
///
/// let list: CustomersListResponseBody = voucherify_model::from_str(r#"{"object":"list","customers":[]}"#)?;
/// assert_eq!(list.customers.map(|c| c.len()), Some(0));
/// # Ok::<(), voucherify_model::Error>(())
/// ```
pub fn from_str<'a, T>(text: &'a str) -> Result<T, Error>
where
    T: Json + Deserialize<'a>,
{
    match json::try_direct_text(text) {
        Ok(value) => return Ok(value),
        Err(json::Fallback::Tracked) => {
            return read_tracked(serde_json::Deserializer::from_str(text));
        }
        Err(json::Fallback::Refused(error)) => return Err(error),
        Err(json::Fallback::Plain) => {}
    }
    serde_json::from_str(text)
        .map_err(|first| locate::<T, _>(serde_json::Deserializer::from_str(text), first))
}

/// Reads a `T` from JSON bytes, which need not be UTF-8 to be rejected
/// cleanly. See [`from_str`].
pub fn from_slice<'a, T>(bytes: &'a [u8]) -> Result<T, Error>
where
    T: Json + Deserialize<'a>,
{
    match json::try_direct(bytes) {
        Ok(value) => return Ok(value),
        Err(json::Fallback::Tracked) => {
            return read_tracked(serde_json::Deserializer::from_slice(bytes));
        }
        Err(json::Fallback::Refused(error)) => return Err(error),
        Err(json::Fallback::Plain) => {}
    }
    serde_json::from_slice(bytes)
        .map_err(|first| locate::<T, _>(serde_json::Deserializer::from_slice(bytes), first))
}

/// Reads a `T` from a reader, such as a file or standard input.
///
/// The whole input is read into memory first, so that a failure can be
/// located as in [`from_str`].
pub fn from_reader<R, T>(mut reader: R) -> Result<T, Error>
where
    R: Read,
    T: Json + for<'de> Deserialize<'de>,
{
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|error| Error::at_root(serde_json::Error::io(error)))?;
    from_slice(&bytes)
}

/// Reads the input once through serde, tracking the path: the value, or
/// the error [`locate`] would give.
#[cold]
fn read_tracked<'de, T, R>(mut deserializer: serde_json::Deserializer<R>) -> Result<T, Error>
where
    T: Json + Deserialize<'de>,
    R: serde_json::de::Read<'de>,
{
    // A failure noted by an earlier read, which a caller let go, is stale.
    drop(union::take_inner_failure());
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Ok(value) => match deserializer.end() {
            Ok(()) => Ok(value),
            Err(error) => Err(Error::at_root(error)),
        },
        Err(error) => Err(explain::<T>(error)),
    }
}

/// Reads the input again, tracking the path, to explain `first`.
///
/// A failure at a `#[voucherify(redact)]` field, or inside one, is told
/// without the value found there.
#[cold]
fn locate<'de, T, R>(
    mut deserializer: serde_json::Deserializer<R>,
    first: serde_json::Error,
) -> Error
where
    T: Json + Deserialize<'de>,
    R: serde_json::de::Read<'de>,
{
    // A failure noted by an earlier read, which a caller let go, is stale.
    drop(union::take_inner_failure());
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(error) => explain::<T>(error),
        Ok(_) => Error::at_root(deserializer.end().err().unwrap_or(first)),
    }
}

/// The error of a read that tracked its path: the path, with the steps a
/// union read before its tag found inside itself, and the message without
/// the value found when the path is redacted.
fn explain<T: Json>(error: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let mut steps = error::steps(error.path());
    let mut inner = error.into_inner();
    let mut position = None;
    // A union read before its tag knows where inside it the failure was,
    // and said so in the message: the path takes it over.
    if let Some(failure) = union::take_inner_failure() {
        let (line, column) = (inner.line(), inner.column());
        if error::bare_message(&inner, line, column) == failure.text() {
            steps.extend(failure.steps);
            inner = <serde_json::Error as serde::de::Error>::custom(failure.message);
            position = Some((line, column));
        }
    }
    let redacted = T::redacted_at(&error::redaction_steps(&steps));
    let error = Error::at(error::steps_text(&steps), inner, position);
    if redacted {
        error.redacted()
    } else {
        error
    }
}

/// Writes `value` as compact JSON text.
///
/// Models are written by a writer generated for them, whose output is byte
/// for byte what serde_json writes through their serde impls. It fails only
/// for a value the format cannot hold, such as a timestamp whose UTC year
/// is past 9999; the [`Error`] names its path.
pub fn to_string<T>(value: &T) -> Result<String, Error>
where
    T: ?Sized + Json + Serialize,
{
    let bytes = to_vec(value)?;
    Ok(utf8(bytes))
}

/// Writes `value` as indented JSON text, through serde. See [`to_string`].
pub fn to_string_pretty<T>(value: &T) -> Result<String, Error>
where
    T: ?Sized + Serialize,
{
    let mut bytes = Vec::with_capacity(256);
    serde_json::to_writer_pretty(&mut bytes, value).map_err(|first| locate_write(value, first))?;
    Ok(utf8(bytes))
}

/// The text of JSON that one of the writers wrote.
fn utf8(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => unreachable!(
            "the direct writer and serde_json write only UTF-8, yet the output is not: {error}"
        ),
    }
}

/// Writes `value` as compact JSON bytes. See [`to_string`].
///
/// Text of up to 1 KiB comes back in a vector of its own length; longer
/// text in the buffer it was written into, which starts at 4 KiB and grows
/// as any `Vec` does, so it may hold spare capacity.
pub fn to_vec<T>(value: &T) -> Result<Vec<u8>, Error>
where
    T: ?Sized + Json + Serialize,
{
    let bytes = write_compact(value)?;
    // A short text is not left holding the whole first buffer.
    if bytes.len() <= 1024 {
        return Ok(bytes.as_slice().to_vec());
    }
    Ok(bytes)
}

/// Writes `value` as compact JSON to `writer`. See [`to_string`].
///
/// The text is made in memory and then written at once; wrap a file or a
/// socket in a `BufWriter` only if other writes go to it too.
pub fn to_writer<W, T>(mut writer: W, value: &T) -> Result<(), Error>
where
    W: io::Write,
    T: ?Sized + Json + Serialize,
{
    let bytes = write_compact(value)?;
    writer
        .write_all(&bytes)
        .map_err(|error| Error::at_root(serde_json::Error::io(error)))
}

/// Compact JSON of `value`, from the direct writer, or from serde when that
/// one gives up.
fn write_compact<T>(value: &T) -> Result<Vec<u8>, Error>
where
    T: ?Sized + Json + Serialize,
{
    // Room for a typical customer (about 3 KB), so that writing one does
    // not move its text to larger buffers as it grows.
    let mut bytes = match json::write_direct(value, Vec::with_capacity(4096)) {
        Ok(bytes) => return Ok(bytes),
        Err(mut bytes) => {
            bytes.clear();
            bytes
        }
    };
    serde_json::to_writer(&mut bytes, value).map_err(|first| locate_write(value, first))?;
    Ok(bytes)
}

/// Writes `value` again, to nowhere, tracking the path, to explain `first`.
#[cold]
fn locate_write<T>(value: &T, first: serde_json::Error) -> Error
where
    T: ?Sized + Serialize,
{
    if first.is_io() {
        return Error::at_root(first);
    }
    let mut serializer = serde_json::Serializer::new(io::sink());
    match serde_path_to_error::serialize(value, &mut serializer) {
        Err(error) => {
            let path = error::path_text(error.path());
            Error::new(path, error.into_inner())
        }
        Ok(()) => Error::at_root(first),
    }
}
