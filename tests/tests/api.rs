//! The entry points and the error type as a caller sees them: what
//! `to_writer` hands its writer, how an I/O failure comes back, what an
//! [`Error`] shows through `Debug` and `source`, and how much memory the
//! text of `to_vec` and `to_string` holds on to.

use std::error::Error as _;
use std::io::{self, Write};

use serde_json::error::Category;
use voucherify_model::{CustomersCreateResponseBody, CustomersListResponseBody, Error, Map, Value};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn customer() -> CustomersCreateResponseBody {
    voucherify_model::from_slice(&fixture("customer-full.json")).unwrap()
}

/// The model's failure for a string where the API sends a number.
fn type_error() -> Error {
    let json = r#"{"summary": {"redemptions": {}, "orders": {"total_amount": "100"}}}"#;
    voucherify_model::from_str::<CustomersCreateResponseBody>(json).unwrap_err()
}

/// A writer that takes nothing and fails every write with `kind`.
struct Failing(io::ErrorKind);

impl Write for Failing {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::new(self.0, "the other end went away"))
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A writer that takes at most `room` bytes in all, then fails.
struct Full {
    written: Vec<u8>,
    room: usize,
}

impl Write for Full {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let take = bytes.len().min(self.room - self.written.len());
        if take == 0 && !bytes.is_empty() {
            return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
        }
        self.written.extend_from_slice(&bytes[..take]);
        Ok(take)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A writer that takes a few bytes a call, as a pipe may.
struct Trickle(Vec<u8>);

impl Write for Trickle {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let take = bytes.len().min(7);
        self.0.extend_from_slice(&bytes[..take]);
        Ok(take)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn to_writer_writes_what_to_vec_returns() {
    let customer = customer();
    let mut written = Vec::new();
    voucherify_model::to_writer(&mut written, &customer).unwrap();
    assert_eq!(written, voucherify_model::to_vec(&customer).unwrap());
    // And it is the document: it reads back as the same customer.
    let back: CustomersCreateResponseBody = voucherify_model::from_slice(&written).unwrap();
    assert_eq!(back, customer);

    let list: CustomersListResponseBody =
        voucherify_model::from_slice(&fixture("customers-list.json")).unwrap();
    let mut written = Vec::new();
    voucherify_model::to_writer(&mut written, &list).unwrap();
    assert_eq!(
        String::from_utf8(written).unwrap(),
        voucherify_model::to_string(&list).unwrap()
    );
}

#[test]
fn to_writer_appends_to_what_the_writer_holds() {
    let mut written = b"[".to_vec();
    voucherify_model::to_writer(&mut written, &customer()).unwrap();
    written.push(b']');
    let back: Vec<CustomersCreateResponseBody> = serde_json::from_slice(&written).unwrap();
    assert_eq!(back, vec![customer()]);
}

#[test]
fn to_writer_finishes_the_text_over_short_writes() {
    let customer = customer();
    let mut trickle = Trickle(Vec::new());
    voucherify_model::to_writer(&mut trickle, &customer).unwrap();
    assert_eq!(trickle.0, voucherify_model::to_vec(&customer).unwrap());
}

#[test]
fn to_writer_reports_a_failing_writer_as_an_io_error_at_the_root() {
    let error = voucherify_model::to_writer(Failing(io::ErrorKind::BrokenPipe), &customer())
        .expect_err("a writer that fails every write took the document");
    assert_eq!(error.classify(), Category::Io);
    assert_eq!(error.path(), ".");
    assert_eq!((error.line(), error.column()), (0, 0));
    assert_eq!(error.to_string(), ".: the other end went away");
    assert_eq!(
        error.into_inner().io_error_kind(),
        Some(io::ErrorKind::BrokenPipe)
    );
}

#[test]
fn to_writer_reports_a_writer_that_fills_up_midway() {
    let customer = customer();
    let text = voucherify_model::to_vec(&customer).unwrap();
    let mut full = Full {
        written: Vec::new(),
        room: 100,
    };
    let error = voucherify_model::to_writer(&mut full, &customer)
        .expect_err("a writer with room for 100 bytes took the whole customer");
    assert_eq!(error.classify(), Category::Io);
    assert_eq!(
        error.into_inner().io_error_kind(),
        Some(io::ErrorKind::StorageFull)
    );
    // What it took is the start of the text.
    assert_eq!(full.written, text[..100]);
}

#[test]
fn a_writer_with_room_to_spare_takes_the_whole_text() {
    let customer = customer();
    let text = voucherify_model::to_vec(&customer).unwrap();
    let mut full = Full {
        written: Vec::new(),
        room: text.len(),
    };
    voucherify_model::to_writer(&mut full, &customer).unwrap();
    assert_eq!(full.written, text);
}

#[test]
fn error_debug_shows_the_path_and_the_message() {
    assert_eq!(
        format!("{:?}", type_error()),
        r#"Error { path: "summary.orders.total_amount", message: "invalid type: string \"100\", expected i64 at line 1 column 64" }"#
    );
}

#[test]
fn error_debug_of_a_write_failure() {
    // `extra` may not hold a key the struct has a field for.
    let mut extra = Map::new();
    extra.insert("id".to_owned(), Value::from("cust_2"));
    let customer = CustomersCreateResponseBody {
        id: Some("cust_1".to_owned()),
        extra: extra.into(),
        ..Default::default()
    };
    let error = voucherify_model::to_vec(&customer).unwrap_err();
    assert_eq!(
        format!("{error:?}"),
        "Error { path: \".\", message: \"the extra map holds `id`, which is also a field \
         of the struct; set the field instead\" }"
    );
}

#[test]
fn error_source_is_serde_jsons_error_without_the_path() {
    let error = type_error();
    let source = error
        .source()
        .expect("a failure to read has serde_json's error as its source");
    let inner = source
        .downcast_ref::<serde_json::Error>()
        .expect("the source is a serde_json::Error");
    assert_eq!(
        inner.to_string(),
        "invalid type: string \"100\", expected i64 at line 1 column 64"
    );
    assert_eq!((inner.line(), inner.column()), (1, 64));
    assert_eq!(inner.classify(), Category::Data);
}

#[test]
fn error_source_of_an_io_failure_leads_to_the_io_error() {
    let error = voucherify_model::from_reader::<_, CustomersCreateResponseBody>(Failing(
        io::ErrorKind::ConnectionReset,
    ))
    .unwrap_err();
    let inner = error
        .source()
        .and_then(|source| source.downcast_ref::<serde_json::Error>())
        .expect("the source is a serde_json::Error");
    assert_eq!(inner.io_error_kind(), Some(io::ErrorKind::ConnectionReset));
}

impl io::Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(self.0, "the other end went away"))
    }
}

/// A customer whose compact text is exactly `len` bytes, padded in an
/// unknown key.
fn customer_of_length(len: usize) -> CustomersCreateResponseBody {
    let mut extra = Map::new();
    extra.insert("pad".to_owned(), Value::String(String::new()));
    let mut customer = CustomersCreateResponseBody {
        id: Some("cust_1".to_owned()),
        extra: extra.into(),
        ..Default::default()
    };
    let bare = voucherify_model::to_vec(&customer).unwrap().len();
    assert!(bare <= len, "{bare} bytes already");
    customer
        .extra
        .insert("pad".to_owned(), Value::String("x".repeat(len - bare)));
    customer
}

#[test]
fn short_text_is_returned_without_spare_capacity() {
    // The writers start in a 4 KiB buffer; a short document must not keep
    // it, so that many stored documents cost what their text does.
    for len in [30, 100, 1023, 1024] {
        let customer = customer_of_length(len);
        let bytes = voucherify_model::to_vec(&customer).unwrap();
        assert_eq!(bytes.len(), len);
        assert_eq!(bytes.capacity(), len, "to_vec of {len} bytes");
        let text = voucherify_model::to_string(&customer).unwrap();
        assert_eq!(text.len(), len);
        assert_eq!(text.capacity(), len, "to_string of {len} bytes");
    }
}

#[test]
fn long_text_is_whole() {
    for len in [1025, 4096, 4097, 20_000] {
        let customer = customer_of_length(len);
        let bytes = voucherify_model::to_vec(&customer).unwrap();
        assert_eq!(bytes.len(), len);
        let back: CustomersCreateResponseBody = voucherify_model::from_slice(&bytes).unwrap();
        assert_eq!(back, customer);
    }
}

#[test]
fn error_accessors_of_a_read_failure() {
    let error = type_error();
    assert_eq!(error.path(), "summary.orders.total_amount");
    assert_eq!((error.line(), error.column()), (1, 64));
    assert_eq!(error.classify(), Category::Data);
    let inner = error.into_inner();
    assert_eq!(
        inner.to_string(),
        "invalid type: string \"100\", expected i64 at line 1 column 64"
    );

    let error =
        voucherify_model::from_str::<CustomersCreateResponseBody>("{\n\"id\": 1\n}").unwrap_err();
    assert_eq!(error.path(), "id");
    assert_eq!((error.line(), error.column()), (2, 7));
    let error = voucherify_model::from_str::<CustomersCreateResponseBody>("{\"id\":").unwrap_err();
    assert_eq!(error.classify(), Category::Eof);
    let error = voucherify_model::from_str::<CustomersCreateResponseBody>("{id}").unwrap_err();
    assert_eq!(error.classify(), Category::Syntax);
}

#[test]
fn a_map_field_of_the_wrong_kind_says_an_object_was_expected() {
    // `metadata` is redacted: the error names the kind of value, not the value.
    for (json, message) in [
        (
            r#"{"loyalty":{"campaigns":"gold"}}"#,
            "loyalty.campaigns: invalid type: string \"gold\", expected a JSON object at line 1 column 30",
        ),
        (
            r#"{"metadata":[1]}"#,
            "metadata: invalid type: an array, expected a JSON object at line 1 column 12",
        ),
    ] {
        let error = voucherify_model::from_str::<CustomersCreateResponseBody>(json).unwrap_err();
        assert_eq!(error.to_string(), message, "{json}");
    }
}

#[test]
fn a_date_field_of_the_wrong_kind_says_what_form_was_expected() {
    for (json, message) in [
        (
            // `birthdate` is redacted: the message names the kind, not the value.
            r#"{"birthdate":19900131}"#,
            "birthdate: invalid type: an integer, expected a date in the form YYYY-MM-DD at line 1 column 21",
        ),
        (
            r#"{"created_at":true}"#,
            "created_at: invalid type: boolean `true`, expected an RFC 3339 timestamp such as \
             2022-08-30T06:32:07.380Z at line 1 column 18",
        ),
    ] {
        let error = voucherify_model::from_str::<CustomersCreateResponseBody>(json).unwrap_err();
        assert_eq!(error.to_string(), message, "{json}");
    }
}

#[test]
fn timestamps_one_character_off_the_apis_shape_are_refused() {
    // The API's own shape, `YYYY-MM-DDTHH:MM:SS.mmmZ`, is read by a fast
    // path that leaves anything else to the general parser; each of these
    // is that shape with one thing changed, and none is RFC 3339.
    for text in [
        "2022-08-30T06x32:07.380Z",
        "2022-08-30T06:32x07.380Z",
        "2022-08-30T06:32:07x380Z",
        "2022-08-30T06:32:07.380X",
        "2022-08-30T06:32:07.38xZ",
        "2022-08-30T06:32:07.380Zx",
        "2022-08-30T06:32:07.380",
        "2022-08-30T06:32",
    ] {
        let json = format!(r#"{{"created_at":"{text}"}}"#);
        let error =
            voucherify_model::from_str::<CustomersCreateResponseBody>(&json).expect_err(&json);
        assert_eq!(error.path(), "created_at", "{json}");
        assert!(
            error.to_string().contains(&format!(
                "invalid value: string \"{text}\", expected an RFC 3339 timestamp"
            )),
            "{error}"
        );
    }
    // The one byte between date and time may be any byte, as `time`'s
    // RFC 3339 parser has it: the fast path and the general one agree.
    for text in ["2022-08-30T06:32:07.380Z", "2022-08-30X06:32:07.380Z"] {
        let json = format!(r#"{{"created_at":"{text}"}}"#);
        let customer: CustomersCreateResponseBody = voucherify_model::from_str(&json).unwrap();
        assert_eq!(
            customer.created_at,
            Some(voucherify_model::time::macros::datetime!(2022-08-30 06:32:07.38 UTC)),
            "{json}"
        );
    }
}

#[test]
fn values_that_may_name_the_customer_stay_out_of_errors() {
    for (json, message) in [
        (
            r#"{"source_id":48600}"#,
            "source_id: invalid type: an integer, expected a string at line 1 column 18",
        ),
        (
            r#"{"description":["Met at the Berlin store"]}"#,
            "description: invalid type: an array, expected a string at line 1 column 15",
        ),
        (
            r#"{"assets":{"cockpit_url":7}}"#,
            "assets.cockpit_url: invalid type: an integer, expected a string at line 1 column 26",
        ),
    ] {
        let error = voucherify_model::from_str::<CustomersCreateResponseBody>(json).unwrap_err();
        assert_eq!(error.to_string(), message, "{json}");
    }
}
