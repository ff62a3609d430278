//! `time::Date` as `YYYY-MM-DD`, the API's format for birthdates.
//!
//! ```
//! use time::macros::date;
//! use voucherify_model::voucherify_model;
//!
//! #[voucherify_model]
//! struct Person {
//!     // Found by the type; the same as #[serde(with = "voucherify_model::format::date")].
//!     birthdate: time::Date,
//! }
//!
//! let person: Person = voucherify_model::from_str(r#"{"birthdate":"1990-07-14"}"#)?;
//! assert_eq!(person.birthdate, date!(1990 - 07 - 14));
//! assert!(voucherify_model::from_str::<Person>(r#"{"birthdate":"1990-02-30"}"#).is_err());
//! # Ok::<(), voucherify_model::Error>(())
//! ```

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};
use time::Date;

use super::{put_date, read_date};

const EXPECTING: &str = "a date in the form YYYY-MM-DD";

/// Writes the date as `YYYY-MM-DD`; fails for years outside 0000 to 9999,
/// which that form cannot hold.
pub fn serialize<S>(date: &Date, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
{
    let mut out = [0u8; 10];
    match put_date(&mut out, *date) {
        Some(()) => serializer.serialize_str(super::ascii(&out)),
        None => Err(serde::ser::Error::custom(format_args!(
            "the date {date} has no YYYY-MM-DD form: its year is outside 0000 to 9999"
        ))),
    }
}

/// Reads a date in the form `YYYY-MM-DD`.
pub fn deserialize<'de, D>(deserializer: D) -> Result<Date, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_str(DateVisitor)
}

/// Parses `YYYY-MM-DD`, the only form accepted.
pub(crate) fn parse(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 {
        return None;
    }
    read_date(bytes)
}

/// Whether `bytes` (10 long) has the form `DDDD-DD-DD`, whatever the values.
fn parse_shape(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().all(|(index, byte)| match index {
        4 | 7 => *byte == b'-',
        _ => byte.is_ascii_digit(),
    })
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(EXPECTING)
    }

    fn visit_str<E>(self, text: &str) -> Result<Date, E>
    where
        E: de::Error,
    {
        parse(text).ok_or_else(|| {
            // Say whether the form or the calendar is at fault.
            let expected = if text.len() == 10 && parse_shape(text.as_bytes()) {
                "a date that exists in the calendar"
            } else {
                EXPECTING
            };
            E::invalid_value(de::Unexpected::Str(text), &expected)
        })
    }
}

super::option_module!(time::Date, "a date in the form YYYY-MM-DD");
