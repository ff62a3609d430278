//! `format::date_time` reads RFC 3339 with its own parser. It must take
//! exactly what `time`'s `Rfc3339` parser takes, to the same value, except
//! a timestamp whose UTC year has no four-digit form, which it refuses.

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde::de::value::{BorrowedStrDeserializer, Error as PlainError};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};
use voucherify_model::format::date_time;

/// Two digits: mostly within `low..=high`, sometimes any.
fn two_digits(low: u8, high: u8) -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (low..=high).prop_map(|value| format!("{value:02}")),
        1 => "[0-9]{2}",
        1 => "[0-9a ]{1,3}",
    ]
}

fn timestamp_text() -> impl Strategy<Value = String> {
    let year = prop_oneof![
        4 => (0..=9999u16).prop_map(|year| format!("{year:04}")),
        1 => prop::sample::select(vec!["0000", "9999", "10000", "999", "+2022", "-001"])
            .prop_map(str::to_owned),
    ];
    let date = (year, two_digits(1, 12), two_digits(1, 31));
    let separator = prop_oneof![
        3 => Just("T"),
        1 => prop::sample::select(vec!["t", " ", "_", "", "TT", "\u{e9}"]),
    ];
    let time = (two_digits(0, 23), two_digits(0, 59), two_digits(0, 60));
    let fraction = prop_oneof![
        2 => Just(String::new()),
        3 => "\\.[0-9]{1,12}",
        1 => "\\.[0-9a]{0,3}",
    ];
    let offset = prop_oneof![
        3 => prop::sample::select(vec!["Z", "z", "+00:00", "-00:00", ""]).prop_map(str::to_owned),
        3 => ("[+-]", two_digits(0, 23), two_digits(0, 59))
            .prop_map(|(sign, hours, minutes)| format!("{sign}{hours}:{minutes}")),
        1 => "[+-][0-9]{2}[0-9:]{1,3}",
    ];
    (date, separator, time, fraction, offset).prop_map(
        |((year, month, day), separator, (hour, minute, second), fraction, offset)| {
            format!("{year}-{month}-{day}{separator}{hour}:{minute}:{second}{fraction}{offset}")
        },
    )
}

/// What the model should read: `time`'s value, if its UTC year is writable.
fn expected(text: &str) -> Option<OffsetDateTime> {
    let value = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    let utc = value.checked_to_offset(UtcOffset::UTC)?;
    (0..=9999).contains(&utc.year()).then_some(value)
}

fn read(text: &str) -> Option<OffsetDateTime> {
    date_time::deserialize(BorrowedStrDeserializer::<PlainError>::new(text)).ok()
}

proptest! {
    #![proptest_config(Config::with_cases(20_000))]

    #[test]
    fn reads_what_time_reads(text in timestamp_text()) {
        prop_assert_eq!(read(&text), expected(&text), "{:?}", text);
    }
}

#[test]
fn leap_seconds_only_at_the_end_of_a_month_in_utc() {
    for (text, taken) in [
        ("2016-12-31T23:59:60Z", true),
        ("2016-12-31T23:59:60.5Z", true),
        ("2016-06-30T19:59:60-04:00", true),
        ("2016-12-30T23:59:60Z", false),
        ("2016-12-31T22:59:60Z", false),
        ("2016-12-31T23:58:60Z", false),
    ] {
        assert_eq!(read(text).is_some(), taken, "{text}");
        assert_eq!(read(text), expected(text), "{text}");
    }
}
