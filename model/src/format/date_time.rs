//! `time::OffsetDateTime` as an RFC 3339 timestamp, written the way the API
//! writes it: in UTC with milliseconds, `2022-08-30T06:32:07.380Z`.
//!
//! Any RFC 3339 timestamp is read, with any offset and fraction. It is
//! written in UTC with three fraction digits, or six or nine when the value
//! has finer precision, so that no round trip loses time. A timestamp whose
//! UTC form would fall outside the years 0000 to 9999 is refused when read,
//! since it could not be written back.
//!
//! ```
//! use time::macros::datetime;
//! use voucherify_model::voucherify_model;
//!
//! #[voucherify_model]
//! struct Event {
//!     at: time::OffsetDateTime,
//! }
//!
//! let event: Event = voucherify_model::from_str(r#"{"at":"2022-08-30T08:32:07.38+02:00"}"#)?;
//! assert_eq!(event.at, datetime!(2022-08-30 06:32:07.38 UTC));
//! assert_eq!(voucherify_model::to_string(&event)?, r#"{"at":"2022-08-30T06:32:07.380Z"}"#);
//! # Ok::<(), voucherify_model::Error>(())
//! ```

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};
use time::{OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::{put_date, put_digits, read_date, two_digits};

const EXPECTING: &str = "an RFC 3339 timestamp such as 2022-08-30T06:32:07.380Z";

/// The longest form written: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`.
pub(crate) const MAX_LEN: usize = 30;

/// Writes the timestamp in UTC as `YYYY-MM-DDTHH:MM:SS.mmmZ` (with six or
/// nine fraction digits when milliseconds would lose precision).
pub fn serialize<S>(value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
{
    let mut out = [0u8; MAX_LEN];
    match write(&mut out, *value) {
        Some(len) => serializer.serialize_str(super::ascii(&out[..len])),
        None => Err(serde::ser::Error::custom(format_args!(
            "the timestamp {value} has no RFC 3339 form in UTC: its year is outside 0000 to 9999"
        ))),
    }
}

/// Reads an RFC 3339 timestamp with any offset.
pub fn deserialize<'de, D>(deserializer: D) -> Result<OffsetDateTime, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_str(DateTimeVisitor)
}

/// Writes the UTC form into `out` and returns its length; `None` when the
/// UTC year is outside 0000 to 9999.
pub(crate) fn write(out: &mut [u8; MAX_LEN], value: OffsetDateTime) -> Option<usize> {
    // Values read from the API are in UTC already.
    let utc = if value.offset().is_utc() {
        value
    } else {
        value.checked_to_offset(UtcOffset::UTC)?
    };
    put_date(&mut out[..10], utc.date())?;
    out[10] = b'T';
    put_digits(&mut out[11..13], u32::from(utc.hour()));
    out[13] = b':';
    put_digits(&mut out[14..16], u32::from(utc.minute()));
    out[16] = b':';
    put_digits(&mut out[17..19], u32::from(utc.second()));
    out[19] = b'.';
    let nanos = utc.nanosecond();
    let end = if nanos % 1_000_000 == 0 {
        put_digits(&mut out[20..23], nanos / 1_000_000);
        23
    } else if nanos % 1_000 == 0 {
        put_digits(&mut out[20..26], nanos / 1_000);
        26
    } else {
        put_digits(&mut out[20..29], nanos);
        29
    };
    out[end] = b'Z';
    Some(end + 1)
}

/// Parses any RFC 3339 timestamp, as `time`'s `Rfc3339` does, and refuses
/// one whose UTC form has no four-digit year.
pub(crate) fn parse(text: &str) -> Option<OffsetDateTime> {
    // The API's shape is in UTC with a four-digit year: writable as it is.
    if let Some(value) = parse_api_shape(text.as_bytes()) {
        return Some(value);
    }
    let value = parse_rfc3339(text.as_bytes())?;
    // An offset is under a day, so it moves the year by one at most.
    if (1..=9998).contains(&value.year()) {
        return Some(value);
    }
    let utc = value.checked_to_offset(UtcOffset::UTC)?;
    (0..=9999).contains(&utc.year()).then_some(value)
}

/// Reads RFC 3339 with the rules of `time`'s `Rfc3339` parser (0.3.55),
/// written out here so that the runtime needs no `parsing` feature:
///
/// - `YYYY-MM-DD`, any one byte as the separator, then `HH:MM:SS`;
/// - an optional fraction of one or more digits, of which the tenth and
///   later are read and ignored;
/// - `Z`, `z` or `±HH:MM`, with the hours at most 23 and minutes at most 59;
/// - a second of 60 only as the last second of a month in UTC, read as
///   `59.999999999` whatever its fraction.
fn parse_rfc3339(bytes: &[u8]) -> Option<OffsetDateTime> {
    let (head, mut rest) = bytes.split_first_chunk::<19>()?;
    if head[13] != b':' || head[16] != b':' {
        return None;
    }
    let date = read_date(head)?;
    let hour = two_digits(head, 11)?;
    let minute = two_digits(head, 14)?;
    let mut second = two_digits(head, 17)?;
    let mut nanos = 0;
    if let [b'.', fraction @ ..] = rest {
        let mut scale = 100_000_000;
        let mut digits = 0;
        for &byte in fraction {
            let digit = byte.wrapping_sub(b'0');
            if digit >= 10 {
                break;
            }
            nanos += u32::from(digit) * scale;
            scale /= 10;
            digits += 1;
        }
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => UtcOffset::UTC,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let hours = two_digits(rest, 1).filter(|hours| *hours <= 23)?;
            let minutes = two_digits(rest, 4)?;
            // Both at most 99, so the casts are exact.
            let (hours, minutes) = (hours as i8, minutes as i8);
            let (hours, minutes) = if *sign == b'-' {
                (-hours, -minutes)
            } else {
                (hours, minutes)
            };
            UtcOffset::from_hms(hours, minutes, 0).ok()?
        }
        _ => return None,
    };
    let leap_second = second == 60;
    if leap_second {
        second = 59;
        nanos = 999_999_999;
    }
    let time = Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    let value = PrimitiveDateTime::new(date, time).assume_offset(offset);
    if leap_second {
        let utc = value.checked_to_offset(UtcOffset::UTC)?;
        let last_of_month = utc.date().next_day().is_none_or(|next| next.day() == 1);
        if !(utc.hour() == 23 && utc.minute() == 59 && utc.second() == 59 && last_of_month) {
            return None;
        }
    }
    Some(value)
}

/// The API's own shape, `YYYY-MM-DDTHH:MM:SS.mmmZ`, read directly. `None`
/// sends the text to the general parser, which then decides; so this path
/// takes only values that parser would give the same result for.
#[inline]
fn parse_api_shape(bytes: &[u8]) -> Option<OffsetDateTime> {
    if bytes.len() != 24 || bytes[10] != b'T' || bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    if bytes[19] != b'.' || bytes[23] != b'Z' {
        return None;
    }
    let date = read_date(bytes)?;
    let hour = two_digits(bytes, 11)?;
    let minute = two_digits(bytes, 14)?;
    // A leap second (60) takes the general path, which knows its rules.
    let second = two_digits(bytes, 17)?;
    let last_digit = bytes[22].wrapping_sub(b'0');
    if last_digit >= 10 || second >= 60 {
        return None;
    }
    let millis = u16::from(two_digits(bytes, 20)?) * 10 + u16::from(last_digit);
    let time = Time::from_hms_milli(hour, minute, second, millis).ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_utc())
}

struct DateTimeVisitor;

impl Visitor<'_> for DateTimeVisitor {
    type Value = OffsetDateTime;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(EXPECTING)
    }

    fn visit_str<E>(self, text: &str) -> Result<OffsetDateTime, E>
    where
        E: de::Error,
    {
        parse(text).ok_or_else(|| {
            // A valid timestamp that is refused only for its UTC year says so.
            let expected = if parse_rfc3339(text.as_bytes()).is_some() {
                "a timestamp whose UTC year is within 0000 to 9999"
            } else {
                EXPECTING
            };
            E::invalid_value(de::Unexpected::Str(text), &expected)
        })
    }
}

super::option_module!(
    time::OffsetDateTime,
    "an RFC 3339 timestamp such as 2022-08-30T06:32:07.380Z"
);

#[cfg(test)]
mod tests {
    use time::format_description::well_known::Rfc3339;
    use time::macros::datetime;

    use super::*;

    fn written(value: OffsetDateTime) -> Option<String> {
        let mut out = [0u8; MAX_LEN];
        let len = write(&mut out, value)?;
        Some(String::from_utf8(out[..len].to_vec()).unwrap())
    }

    #[test]
    fn writes_milliseconds_unless_finer() {
        assert_eq!(
            written(datetime!(2022-08-30 06:32:07.38 UTC)).unwrap(),
            "2022-08-30T06:32:07.380Z"
        );
        assert_eq!(
            written(datetime!(2022-08-30 06:32:07 UTC)).unwrap(),
            "2022-08-30T06:32:07.000Z"
        );
        assert_eq!(
            written(datetime!(2022-08-30 06:32:07.000_001 UTC)).unwrap(),
            "2022-08-30T06:32:07.000001Z"
        );
        assert_eq!(
            written(datetime!(2022-08-30 06:32:07.123_456_789 UTC)).unwrap(),
            "2022-08-30T06:32:07.123456789Z"
        );
        assert_eq!(
            written(datetime!(0001-01-01 00:00 +01:00)).unwrap(),
            "0000-12-31T23:00:00.000Z"
        );
        assert_eq!(written(datetime!(0000-01-01 00:00 +01:00)), None);
        assert_eq!(written(datetime!(9999-12-31 23:59:59 -01:00)), None);
    }

    #[test]
    fn api_shape_agrees_with_rfc3339() {
        for text in [
            "2022-08-30T06:32:07.380Z",
            "2024-02-29T23:59:59.999Z",
            "2023-02-29T00:00:00.000Z",
            "2022-13-01T00:00:00.000Z",
            "2022-12-01T24:00:00.000Z",
            "2022-12-01T23:60:00.000Z",
            "2016-12-31T23:59:60.000Z",
            "2022-12-01T23:00:60.000Z",
            "2022-12-01T23:00:00.0a0Z",
            "2022-12-01t23:00:00.000z",
            "0000-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z",
        ] {
            let general = OffsetDateTime::parse(text, &Rfc3339).ok();
            assert_eq!(parse(text), general, "{text}");
            if let Some(fast) = parse_api_shape(text.as_bytes()) {
                assert_eq!(Some(fast), general, "{text}");
            }
        }
    }

    #[test]
    fn refuses_what_cannot_be_written_back() {
        assert!(OffsetDateTime::parse("0000-01-01T00:00:00+01:00", &Rfc3339).is_ok());
        assert_eq!(parse("0000-01-01T00:00:00+01:00"), None);
        assert_eq!(parse("9999-12-31T23:59:59-01:00"), None);
        assert!(parse("0000-01-01T00:00:00-01:00").is_some());
    }

    /// Every one-byte change, deletion and insertion of these timestamps,
    /// read here and by `time`'s own `Rfc3339` parser.
    #[test]
    fn reads_rfc3339_as_time_does() {
        let seeds = [
            "2022-08-30T06:32:07.380Z",
            "2022-08-30t06:32:07z",
            "2022-08-30 06:32:07.1+02:00",
            "2022-08-30_06:32:07.123456789123-23:59",
            "0000-01-01T00:00:00.5-00:00",
            "9999-12-31T23:59:59.999999999+00:00",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "2017-01-01T00:59:60+01:00",
            "2016-06-30T19:59:60-04:00",
            "2016-06-30T20:59:60-04:00",
            "2024-02-29T23:59:60Z",
            "2023-02-28T23:59:60+00:00",
            "2022-04-31T00:00:00Z",
            "2022-08-30\u{e9}06:32:07Z",
        ];
        let alphabet = b"0123456789-:.+TtZz _";
        let mut seen = 0;
        let mut check = |bytes: &[u8]| {
            // `time` parses text only: a change that breaks UTF-8 is skipped.
            let Ok(text) = std::str::from_utf8(bytes) else {
                return;
            };
            let ours = parse_rfc3339(bytes);
            let theirs = OffsetDateTime::parse(text, &Rfc3339).ok();
            assert_eq!(ours, theirs, "{text:?}");
            seen += 1;
        };
        for seed in seeds {
            let seed = seed.as_bytes();
            check(seed);
            for at in 0..=seed.len() {
                let (head, tail) = seed.split_at(at);
                if let Some((_, after)) = tail.split_first() {
                    check(&[head, after].concat());
                }
                for &byte in alphabet {
                    check(&[head, &[byte], tail].concat());
                    if let Some((_, after)) = tail.split_first() {
                        check(&[head, &[byte], after].concat());
                    }
                }
            }
        }
        assert!(seen > 10_000, "{seen}");
    }
}
