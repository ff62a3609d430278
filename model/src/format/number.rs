//! `f64` as the Voucherify API and JavaScript's `JSON.stringify` write
//! numbers: a whole number within ±2^53 without a fraction (`10`, not
//! `10.0`), and any other in the shortest form that reads back to the same
//! `f64`, as serde_json writes it (`0.5`, `1e+300`, `-0.0`). Reading takes
//! any JSON number, as `f64`'s own `Deserialize` does.
//!
//! ```
//! use voucherify_model::voucherify_model;
//!
//! #[voucherify_model]
//! struct Discount {
//!     // Found by the type; the same as
//!     // #[serde(with = "voucherify_model::format::number::option")].
//!     percent_off: Option<f64>,
//! }
//!
//! let whole: Discount = voucherify_model::from_str(r#"{"percent_off":10.0}"#)?;
//! assert_eq!(voucherify_model::to_string(&whole)?, r#"{"percent_off":10}"#);
//! let part: Discount = voucherify_model::from_str(r#"{"percent_off":12.5}"#)?;
//! assert_eq!(voucherify_model::to_string(&part)?, r#"{"percent_off":12.5}"#);
//!
//! // JSON has no NaN: writing one is an error at its path, not a `null`.
//! let error = voucherify_model::to_string(&Discount { percent_off: Some(f64::NAN) }).unwrap_err();
//! assert_eq!(error.path(), "percent_off");
//! # Ok::<(), voucherify_model::Error>(())
//! ```
//!
//! `#[voucherify_model]` writes so every `f64` of a field, at any depth of
//! `Option`, `Box`, `Vec` and `BTreeMap`, `HashMap` or `IndexMap` keyed by
//! `String`, unless the field has a `with` of its own; numbers in metadata
//! and unknown keys keep serde_json's form. The functions here take one
//! `f64` (or an `Option` of one, below).

use serde::{Deserialize, Deserializer, Serializer};

/// The largest whole number below which every whole number is an `f64`.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// The number as an integer, when it is whole and within ±2^53. `-0.0`
/// is not taken, so that it keeps its sign.
#[inline]
pub(crate) fn whole(value: f64) -> Option<i64> {
    let whole = value.trunc() == value
        && value.abs() <= EXACT
        && !(value == 0.0 && value.is_sign_negative());
    // Within ±2^53 the conversion is exact.
    whole.then_some(value as i64)
}

/// Writes a whole number within ±2^53 as an integer and any other number as
/// serde_json writes an `f64`. NaN and the infinities are refused: JSON has
/// no such numbers, and the `null` serde_json would write in their place
/// would not read back as a number.
pub fn serialize<S>(value: &f64, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
{
    if !value.is_finite() {
        return Err(<S::Error as serde::ser::Error>::custom(not_finite(*value)));
    }
    match whole(*value) {
        Some(integer) => serializer.serialize_i64(integer),
        None => serializer.serialize_f64(*value),
    }
}

/// The message that refuses a number JSON cannot hold.
pub(crate) fn not_finite(value: f64) -> String {
    format!("the number {value} has no JSON form; JSON's `null` would not read back as a number")
}

/// Reads any number, as `f64`'s `Deserialize` does.
pub fn deserialize<'de, D>(deserializer: D) -> Result<f64, D::Error>
where
    D: Deserializer<'de>,
{
    f64::deserialize(deserializer)
}

super::option_module!(f64, "a number");
