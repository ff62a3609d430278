//! Dates inside any nesting of `Option`, `Box`, `Vec` and maps, with and
//! without `format`, through the direct path and serde alike.

use std::collections::{BTreeMap, HashMap};

use voucherify_model::__hooks::{read_direct, write_direct};
use voucherify_model::time::macros::{date, datetime};
use voucherify_model::time::{Date, OffsetDateTime};
use voucherify_model::voucherify_model;

/// A timestamp under another name, marked with `format`.
type Stamp = OffsetDateTime;

#[voucherify_model]
#[derive(Default)]
struct Schedule {
    days: Vec<Date>,
    starts: Option<Vec<OffsetDateTime>>,
    by_name: BTreeMap<String, OffsetDateTime>,
    by_region: Option<HashMap<String, Vec<Option<Date>>>>,
    boxed: Option<Box<OffsetDateTime>>,
    cleared: Option<Option<Vec<Date>>>,
    #[voucherify(format = "date-time")]
    stamps: Option<Vec<Stamp>>,
    #[voucherify(extra)]
    extra: voucherify_model::Extra,
}

const TEXT: &str = r#"{"days":["2024-02-29","2024-03-01"],"starts":["2024-01-02T03:04:05.678Z","2024-01-02T03:04:05.678901Z"],"by_name":{"a":"2022-08-30T06:32:07.380Z"},"by_region":{"eu":["2020-01-01",null]},"boxed":"1999-12-31T23:59:59.000Z","cleared":null,"stamps":["2000-01-01T00:00:00.000Z"],"other":1}"#;

#[test]
fn dates_at_any_depth_read_and_write_as_the_api_does() {
    let schedule: Schedule = voucherify_model::from_str(TEXT).unwrap();
    assert_eq!(
        schedule.days,
        [date!(2024 - 02 - 29), date!(2024 - 03 - 01)]
    );
    assert_eq!(
        schedule.starts.as_ref().unwrap()[1],
        datetime!(2024-01-02 03:04:05.678901 UTC)
    );
    assert_eq!(schedule.by_name["a"], datetime!(2022-08-30 06:32:07.38 UTC));
    assert_eq!(
        schedule.by_region.as_ref().unwrap()["eu"],
        [Some(date!(2020 - 01 - 01)), None]
    );
    assert_eq!(
        *schedule.boxed.clone().unwrap(),
        datetime!(1999-12-31 23:59:59 UTC)
    );
    assert_eq!(schedule.cleared, Some(None));
    assert_eq!(schedule.extra["other"], 1);

    // The direct path takes it, serde agrees, and both write the same text.
    let direct: Schedule = read_direct(TEXT.as_bytes()).expect("read directly");
    assert_eq!(direct, schedule);
    let through_serde: Schedule = serde_json::from_str(TEXT).unwrap();
    assert_eq!(through_serde, schedule);
    let written = write_direct(&schedule, Vec::new()).expect("written directly");
    assert_eq!(String::from_utf8(written).unwrap(), TEXT);
    assert_eq!(serde_json::to_string(&schedule).unwrap(), TEXT);
}

#[test]
fn other_offsets_come_back_in_utc() {
    let text = r#"{"days":[],"by_name":{"x":"2024-01-02T04:04:05+01:00"}}"#;
    let schedule: Schedule = voucherify_model::from_str(text).unwrap();
    assert_eq!(
        voucherify_model::to_string(&schedule).unwrap(),
        r#"{"days":[],"by_name":{"x":"2024-01-02T03:04:05.000Z"}}"#
    );
    assert_eq!(serde_json::from_str::<Schedule>(text).unwrap(), schedule);
}

#[test]
fn a_repeated_key_in_a_map_of_dates_is_refused_at_the_map() {
    let text =
        r#"{"days":[],"by_name":{"a":"2022-08-30T06:32:07.380Z","a":"2022-08-30T06:32:07.380Z"}}"#;
    let error = voucherify_model::from_str::<Schedule>(text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "by_name: duplicate key `a` at line 1 column 84"
    );
    // The same as serde's own reader says, which names no path.
    let serde = serde_json::from_str::<Schedule>(text).unwrap_err();
    assert_eq!(serde.to_string(), "duplicate key `a` at line 1 column 84");
}

#[test]
fn a_value_of_the_wrong_kind_says_what_was_expected() {
    let cases = [
        (
            r#"{"days":5,"by_name":{}}"#,
            "days: invalid type: integer `5`, expected an array of dates at line 1 column 9",
        ),
        (
            r#"{"days":[],"by_name":[]}"#,
            "by_name: invalid type: sequence, expected an object of dates at line 1 column 21",
        ),
    ];
    for (text, message) in cases {
        let error = voucherify_model::from_str::<Schedule>(text).unwrap_err();
        assert_eq!(error.to_string(), message, "{text}");
    }
}

#[test]
fn an_optional_date_given_another_kind_by_a_value_deserializer_says_a_date_or_null() {
    // serde_json hands an `Option` only `null` or its content; serde's
    // value deserializers, as flat formats use them, give the content's own
    // kind to the `Option`'s visitor.
    use serde::de::value::{Error, MapDeserializer};
    use serde::Deserialize;
    let entries = vec![("days", 1u32), ("boxed", 5u32)];
    let error =
        Schedule::deserialize(MapDeserializer::<_, Error>::new(entries.into_iter())).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: integer `1`, expected an array of dates"
    );
    let entries = vec![("boxed", 5u32)];
    let error =
        Schedule::deserialize(MapDeserializer::<_, Error>::new(entries.into_iter())).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: integer `5`, expected a date or null"
    );
}

#[test]
fn a_bad_date_deep_inside_names_its_path() {
    let error = voucherify_model::from_str::<Schedule>(r#"{"days":["2024-02-30"],"by_name":{}}"#)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"days[0]: invalid value: string "2024-02-30", expected a date that exists in the calendar at line 1 column 21"#
    );
    let error =
        voucherify_model::from_str::<Schedule>(r#"{"days":[],"by_name":{"a":"yesterday"}}"#)
            .unwrap_err();
    assert!(
        error.to_string().starts_with("by_name.a: invalid value"),
        "{error}"
    );
    let error = voucherify_model::from_str::<Schedule>(
        r#"{"days":[],"by_name":{},"by_region":{"eu":["2020-01-01"],"eu":[]}}"#,
    )
    .unwrap_err();
    assert!(error.to_string().contains("duplicate key `eu`"), "{error}");
    let error = voucherify_model::from_str::<Schedule>(r#"{"days":[],"by_name":{},"starts":[1]}"#)
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("starts[0]: invalid type: integer `1`"),
        "{error}"
    );
}

mod generated {
    use proptest::prelude::*;

    use super::Schedule;

    /// A member of a schedule, well-formed or not.
    fn member() -> impl Strategy<Value = String> {
        let date = prop_oneof![
            Just("\"2024-02-29\""),
            Just("\"2023-02-29\""),
            Just("\"2024-1-01\""),
            Just("null"),
            Just("7"),
        ];
        let stamp = prop_oneof![
            Just("\"2024-01-02T03:04:05Z\""),
            Just("\"2024-01-02T03:04:05.123456789+05:30\""),
            Just("\"2024-01-02 03:04:05Z\""),
            Just("\"1985-04-12T23:20:50.52Z\""),
            Just("null"),
        ];
        (date, stamp).prop_flat_map(|(date, stamp)| {
            prop_oneof![
                Just(format!("\"days\":[{date},{date}]")),
                Just(format!("\"starts\":[{stamp}]")),
                Just("\"starts\":null".to_owned()),
                Just(format!("\"by_name\":{{\"a\":{stamp},\"b\":{stamp}}}")),
                Just(format!("\"by_name\":{{\"a\":{stamp},\"a\":{stamp}}}")),
                Just(format!("\"by_region\":{{\"eu\":[{date}],\"us\":[]}}")),
                Just(format!("\"boxed\":{stamp}")),
                Just(format!("\"cleared\":[{date}]")),
                Just("\"cleared\":null".to_owned()),
                Just(format!("\"stamps\":[{stamp},{stamp}]")),
                Just("\"unknown\":[1,{\"x\":null}]".to_owned()),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        /// Any mix of members: `from_str` (the direct path first) and serde
        /// give the same value or both fail, and what reads writes the
        /// same bytes both ways and reads back equal.
        #[test]
        fn both_paths_agree(members in proptest::collection::vec(member(), 0..7)) {
            let text = format!("{{{}}}", members.join(","));
            let ours = voucherify_model::from_str::<Schedule>(&text);
            let theirs = serde_json::from_str::<Schedule>(&text);
            prop_assert_eq!(ours.as_ref().ok(), theirs.as_ref().ok(), "reading {}", text);
            if let Ok(value) = ours {
                let written = voucherify_model::to_string(&value).unwrap();
                prop_assert_eq!(&written, &serde_json::to_string(&value).unwrap());
                let again: Schedule = voucherify_model::from_str(&written).unwrap();
                prop_assert_eq!(again, value);
            }
        }
    }
}
