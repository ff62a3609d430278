//! Inputs found by fuzzing `from_slice` (fuzz/), kept as tests.

use std::panic::{self, AssertUnwindSafe};

use voucherify_model::{CustomersCreateResponseBody, CustomersListResponseBody, Error};

/// The error for `input` read as a customer, or the panic's message.
fn customer_error(input: &[u8]) -> Result<Error, String> {
    match panic::catch_unwind(AssertUnwindSafe(|| {
        voucherify_model::from_slice::<CustomersCreateResponseBody>(input)
    })) {
        Ok(Ok(_)) => Err("read without an error".to_owned()),
        Ok(Err(error)) => Ok(error),
        Err(payload) => Err(payload
            .downcast_ref::<&str>()
            .map(|message| (*message).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default()),
    }
}

/// The fuzzer's minimized input: a timestamp of the API's own length with
/// `)` where a digit of the seconds belongs, and the document cut short
/// after it. The date reader once computed `tens * 10 + ones` before
/// checking that both were digits, which overflowed `u8` and panicked
/// wherever overflow checks are on (debug builds, `cargo test`).
const OVERFLOW_IN_TIMESTAMP: &[u8] = b"{\"created_at\":\"2022-02-07T08:28:2).644Z\"";

#[test]
fn non_digit_in_date_does_not_panic() {
    let cases: &[(&[u8], &str)] = &[
        (
            OVERFLOW_IN_TIMESTAMP,
            "created_at: invalid value: string \"2022-02-07T08:28:2).644Z\", expected an RFC 3339 \
             timestamp such as 2022-08-30T06:32:07.380Z at line 1 column 40",
        ),
        (
            b"{\"created_at\":\"2022-02-07T08:28:2).644Z\"}",
            "created_at: invalid value: string \"2022-02-07T08:28:2).644Z\", expected an RFC 3339 \
             timestamp such as 2022-08-30T06:32:07.380Z at line 1 column 40",
        ),
        (
            b"{\"birthdate\":\"x000-00-00\"}",
            "birthdate: invalid value: a string that is not a date in the form YYYY-MM-DD \
             at line 1 column 25",
        ),
        (
            b"{\"birthday\":\"2022-0 -01\"}",
            "birthday: invalid value: a string that is not a date in the form YYYY-MM-DD \
             at line 1 column 24",
        ),
        (
            b"{\"summary\":{\"redemptions\":{},\"orders\":{\"last_order_date\":\"2022-08-30T10:1\xff:39.220Z\"}}}",
            "summary.orders.last_order_date: invalid unicode code point at line 1 column 74",
        ),
    ];
    for (input, expected) in cases {
        let shown = String::from_utf8_lossy(input);
        match customer_error(input) {
            Ok(error) => assert_eq!(error.to_string(), *expected, "{shown}"),
            Err(panic) => panic!("reading {shown} panicked: {panic}"),
        }
    }
}

/// The fuzzer's first finding, minimized: a bad value under a top-level
/// key `""`. Its path was once the empty string, so that the message
/// started with `": "` and named no place.
const UNDER_EMPTY_KEY: &[u8] = b"{\"\":x}";

#[test]
fn error_under_an_empty_key_names_a_place() {
    let error = customer_error(UNDER_EMPTY_KEY).unwrap();
    assert_eq!(error.path(), r#"[""]"#);
    assert_eq!(
        error.to_string(),
        r#"[""]: expected value at line 1 column 5"#
    );

    let list =
        voucherify_model::from_slice::<CustomersListResponseBody>(UNDER_EMPTY_KEY).unwrap_err();
    assert_eq!(list.to_string(), error.to_string());

    let nested = customer_error(br#"{"metadata":{"":{"":[x]}}}"#).unwrap();
    assert_eq!(nested.path(), r#"metadata[""][""][0]"#);
}
