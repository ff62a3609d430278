//! serde helpers for the date and number formats of the Voucherify API,
//! usable on their own with `#[serde(with = "...")]`.
//!
//! [`#[voucherify_model]`](crate::voucherify_model) applies them by itself to
//! fields of type `Date`, `OffsetDateTime` and `f64`; name them directly on a struct
//! that derives serde the ordinary way:
//!
//! ```
//! use serde::{Deserialize, Serialize};
//! use time::{Date, OffsetDateTime};
//!
//! #[derive(Serialize, Deserialize)]
//! struct Visit {
//!     #[serde(with = "voucherify_model::format::date_time")]
//!     at: OffsetDateTime,
//!     #[serde(default, with = "voucherify_model::format::date::option")]
//!     birthdate: Option<Date>,
//! }
//!
//! let visit: Visit = serde_json::from_str(r#"{"at":"2022-08-30T08:32:07.38+02:00"}"#).unwrap();
//! assert_eq!(serde_json::to_string(&visit).unwrap(), r#"{"at":"2022-08-30T06:32:07.380Z","birthdate":null}"#);
//! ```

pub mod date;
pub mod date_time;
pub mod number;

/// `Option<T>` through a helper for `T`: `None` is `null` both ways.
macro_rules! option_module {
    ($ty:ty, $expecting:literal) => {
        /// The same format for `Option`: `null` reads as `None`, and `None` is
        /// written as `null` (add `skip_serializing_if = "Option::is_none"` to
        /// leave the key out instead).
        pub mod option {
            use serde::{Deserializer, Serializer};

            use super::Value;

            /// Writes `Some` in the parent module's format and `None` as `null`.
            pub fn serialize<S>(value: &Option<$ty>, serializer: S) -> Result<S::Ok, S::Error>
            where
                S: Serializer,
            {
                match value {
                    Some(value) => serializer.serialize_some(&Value(value)),
                    None => serializer.serialize_none(),
                }
            }

            /// Reads `null` as `None` and anything else in the parent module's format.
            pub fn deserialize<'de, D>(deserializer: D) -> Result<Option<$ty>, D::Error>
            where
                D: Deserializer<'de>,
            {
                deserializer.deserialize_option(OptionVisitor)
            }

            struct OptionVisitor;

            impl<'de> serde::de::Visitor<'de> for OptionVisitor {
                type Value = Option<$ty>;

                fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                    formatter.write_str(concat!($expecting, " or null"))
                }

                fn visit_none<E>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }

                fn visit_unit<E>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }

                fn visit_some<D>(self, deserializer: D) -> Result<Self::Value, D::Error>
                where
                    D: Deserializer<'de>,
                {
                    super::deserialize(deserializer).map(Some)
                }
            }
        }

        /// The same format for `Option<Option<T>>`, which tells a missing key
        /// (`None`, with `#[serde(default)]`) from `null` (`Some(None)`).
        ///
        /// Use it with `#[serde(default, skip_serializing_if = "Option::is_none")]`
        /// so that `None` leaves the key out.
        pub mod double_option {
            use serde::{Deserializer, Serializer};

            /// Writes `Some(None)` as `null` and `Some(Some(_))` as the value.
            pub fn serialize<S>(
                value: &Option<Option<$ty>>,
                serializer: S,
            ) -> Result<S::Ok, S::Error>
            where
                S: Serializer,
            {
                match value {
                    Some(inner) => super::option::serialize(inner, serializer),
                    None => serializer.serialize_none(),
                }
            }

            /// Reads `null` as `Some(None)` and a value as `Some(Some(_))`.
            pub fn deserialize<'de, D>(deserializer: D) -> Result<Option<Option<$ty>>, D::Error>
            where
                D: Deserializer<'de>,
            {
                super::option::deserialize(deserializer).map(Some)
            }
        }

        /// Serializes a borrowed value through the parent module's functions.
        struct Value<'a>(&'a $ty);

        impl serde::Serialize for Value<'_> {
            fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
            where
                S: serde::Serializer,
            {
                serialize(self.0, serializer)
            }
        }
    };
}
use option_module;

/// The text of a buffer the writers here filled with ASCII digits and
/// separators.
pub(crate) fn ascii(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => unreachable!("a date was written with a byte that is not ASCII: {error}"),
    }
}

/// Two ASCII digits at `bytes[at..at + 2]` as a number, or `None`.
#[inline]
fn two_digits(bytes: &[u8], at: usize) -> Option<u8> {
    let tens = bytes[at].wrapping_sub(b'0');
    let ones = bytes[at + 1].wrapping_sub(b'0');
    // Checked before any arithmetic: a non-digit byte would overflow it.
    if tens < 10 && ones < 10 {
        Some(tens * 10 + ones)
    } else {
        None
    }
}

/// Four ASCII digits at `bytes[at..at + 4]` as a number, or `None`.
#[inline]
fn four_digits(bytes: &[u8], at: usize) -> Option<u16> {
    let high = two_digits(bytes, at)?;
    let low = two_digits(bytes, at + 2)?;
    Some(u16::from(high) * 100 + u16::from(low))
}

/// Writes `value` as ASCII digits, zero-padded to fill `out`; two at a
/// time, from a table.
#[inline]
fn put_digits(out: &mut [u8], mut value: u32) {
    let mut end = out.len();
    while end >= 2 {
        let pair = (value % 100) as usize * 2;
        value /= 100;
        out[end - 2..end].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
        end -= 2;
    }
    if end == 1 {
        out[0] = b'0' + (value % 10) as u8;
    }
}

/// `00` to `99`.
static DIGIT_PAIRS: [u8; 200] = {
    let mut pairs = [0; 200];
    let mut pair = 0;
    while pair < 100 {
        pairs[2 * pair] = b'0' + (pair / 10) as u8;
        pairs[2 * pair + 1] = b'0' + (pair % 10) as u8;
        pair += 1;
    }
    pairs
};

/// Writes `YYYY-MM-DD` into `out[..10]`; `None` when the year has no
/// four-digit form.
#[inline]
pub(crate) fn put_date(out: &mut [u8], date: time::Date) -> Option<()> {
    let year = u32::try_from(date.year())
        .ok()
        .filter(|year| *year <= 9999)?;
    put_digits(&mut out[0..4], year);
    out[4] = b'-';
    put_digits(&mut out[5..7], u32::from(u8::from(date.month())));
    out[7] = b'-';
    put_digits(&mut out[8..10], u32::from(date.day()));
    Some(())
}

/// Reads `YYYY-MM-DD` from the start of `bytes`, which must be at least 10
/// long; `None` on anything else, including impossible dates.
#[inline]
fn read_date(bytes: &[u8]) -> Option<time::Date> {
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = four_digits(bytes, 0)?;
    let month = time::Month::try_from(two_digits(bytes, 5)?).ok()?;
    let day = two_digits(bytes, 8)?;
    time::Date::from_calendar_date(i32::from(year), month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::put_digits;

    #[test]
    fn digits_fill_their_width() {
        for width in 1..=9 {
            let limit = 10u32.pow(width as u32);
            for value in [
                0,
                1,
                7,
                10,
                42,
                99,
                100,
                305,
                999,
                1000,
                2022,
                9999,
                123_456_789,
            ] {
                let value = value % limit;
                let mut out = vec![b'x'; width];
                put_digits(&mut out, value);
                assert_eq!(out, format!("{value:0width$}").into_bytes());
            }
        }
    }
}
