//! Arbitrary bytes through `from_slice` for the customer and the list
//! models, for a tagged union with dates nested in containers, and for a
//! model that borrows from the input. Whatever reads must write, and read back equal and written the
//! same; whatever fails must say where. The direct reader and writer must
//! agree with serde_json going through the serde impls.

#![no_main]

use libfuzzer_sys::fuzz_target;
use voucherify_model::{CustomersCreateResponseBody, CustomersListResponseBody, Error};

/// Reads `$bytes` as `$ty`; on success writes, reads and writes again.
macro_rules! check {
    ($ty:ty, $bytes:expr) => {
        use voucherify_model::__hooks::{read_direct, read_direct_text, write_direct};
        use voucherify_model::__private::serde_json;
        let direct = read_direct::<$ty>($bytes);
        // Text known to be UTF-8 skips the UTF-8 checks, and reads the same.
        if let Ok(text) = std::str::from_utf8($bytes) {
            assert_eq!(read_direct_text::<$ty>(text), direct, "text and bytes differ");
        }
        // The direct reader may leave a document to serde, but what it
        // reads, serde reads the same.
        if let Some(direct) = direct {
            let through_serde = serde_json::from_slice::<$ty>($bytes)
                .expect("serde_json refuses what the direct reader read");
            assert_eq!(direct, through_serde, "the direct reader and serde differ");
            if let Ok(written) = write_direct(&direct, Vec::new()) {
                let expected = serde_json::to_vec(&direct).expect("serde_json fails to write");
                assert_eq!(
                    String::from_utf8_lossy(&written),
                    String::from_utf8_lossy(&expected),
                    "the direct writer and serde differ"
                );
            }
        }
        match voucherify_model::from_slice::<$ty>($bytes) {
            Ok(value) => {
                let written =
                    voucherify_model::to_vec(&value).expect("a value that was read must write");
                let again = match voucherify_model::from_slice::<$ty>(&written) {
                    Ok(again) => again,
                    Err(error) => panic!(
                        "the written form does not read back: {error}\nwritten: {}",
                        String::from_utf8_lossy(&written)
                    ),
                };
                assert_eq!(
                    again,
                    value,
                    "written: {}",
                    String::from_utf8_lossy(&written)
                );
                let rewritten =
                    voucherify_model::to_vec(&again).expect("the value read back must write");
                assert_eq!(rewritten, written, "writing is not stable");
            }
            Err(error) => check_error(&error, $bytes),
        }
    };
}

/// A tagged union as a downstream crate writes one: a variant holding a
/// struct, one with named fields and its own `extra`, and one keeping any
/// other tag; and a struct holding a list of them and dates in containers.
mod union {
    use std::collections::BTreeMap;

    use voucherify_model::time::{Date, OffsetDateTime};
    use voucherify_model::{voucherify_model, Extra, Map};

    #[voucherify_model]
    pub struct AmountOff {
        pub amount_off: Option<i64>,
        pub effect: Option<String>,
        #[voucherify(extra)]
        pub extra: Extra,
    }

    #[voucherify_model]
    #[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum Discount {
        Amount(AmountOff),
        Percent {
            percent_off: Option<f64>,
            valid_on: Option<Vec<Date>>,
            note: Option<Option<String>>,
            #[voucherify(extra)]
            extra: Extra,
        },
        #[serde(alias = "FIXED_PRICE")]
        Fixed { fixed_amount: i64 },
        #[voucherify(other)]
        Other(Map),
    }

    #[voucherify_model]
    pub struct Voucher {
        pub code: Option<String>,
        pub discounts: Option<Vec<Discount>>,
        pub windows: Option<BTreeMap<String, Vec<OffsetDateTime>>>,
        #[voucherify(extra)]
        pub extra: Extra,
    }
}

/// A model whose strings borrow from the input.
mod borrowed {
    use std::borrow::Cow;

    use voucherify_model::voucherify_model;

    #[voucherify_model]
    pub struct CodeRef<'a> {
        pub code: &'a str,
        pub name: Cow<'a, str>,
        pub campaign: Option<&'a str>,
    }
}

fuzz_target!(|bytes: &[u8]| {
    {
        check!(CustomersCreateResponseBody, bytes);
    }
    {
        check!(CustomersListResponseBody, bytes);
    }
    {
        check!(union::Discount, bytes);
    }
    {
        check!(union::Voucher, bytes);
    }
    {
        check!(borrowed::CodeRef<'_>, bytes);
    }
});

/// The message is the path (`.` for the document, never empty), `": "`,
/// an explanation, and a line and column inside the input.
fn check_error(error: &Error, bytes: &[u8]) {
    let path = error.path();
    assert!(!path.is_empty(), "empty path in {error}");
    let message = error.to_string();
    let prefix = format!("{path}: ");
    assert!(
        message.starts_with(&prefix),
        "{message:?} does not start with {prefix:?}"
    );
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    assert!(
        message.ends_with(&suffix),
        "{message:?} does not end with {suffix:?}"
    );
    assert!(
        message.len() > prefix.len() + suffix.len(),
        "no explanation after the path: {message:?}"
    );
    // The place is inside the input.
    let lines: Vec<&[u8]> = bytes.split(|byte| *byte == b'\n').collect();
    assert!(
        (1..=lines.len()).contains(&error.line()),
        "line {} of {} in {message:?}",
        error.line(),
        lines.len()
    );
    assert!(
        error.column() <= lines[error.line() - 1].len(),
        "column past the end of its line in {message:?}"
    );
}
