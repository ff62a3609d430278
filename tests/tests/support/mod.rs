//! What several test files share: reading a document both ways.

use std::fmt::Debug;

use voucherify_model::__hooks::{read_direct, read_direct_text};
use voucherify_model::Model;

/// Reads `text` through `from_str` and through serde_json, and directly as
/// bytes and as text, and checks that all agree, and that writing what was
/// read gives serde_json's bytes. Returns what `from_str` gave, and whether
/// the direct reader took the document itself.
pub fn agree<T: Model + PartialEq + Debug>(text: &str) -> (Result<T, String>, bool) {
    let ours = voucherify_model::from_str::<T>(text).map_err(|error| error.to_string());
    let theirs = serde_json::from_str::<T>(text);
    assert_eq!(ours.as_ref().ok(), theirs.as_ref().ok(), "reading {text}");
    let direct = read_direct::<T>(text.as_bytes());
    if let Some(direct) = &direct {
        assert_eq!(Some(direct), theirs.as_ref().ok(), "direct reading {text}");
    }
    // Text known to be UTF-8 is read the same, without the UTF-8 checks.
    assert_eq!(
        read_direct_text::<T>(text),
        direct,
        "direct reading of text {text}"
    );
    if let Ok(value) = &theirs {
        let written = voucherify_model::to_string(value).unwrap();
        assert_eq!(
            written,
            serde_json::to_string(value).unwrap(),
            "writing {text}"
        );
    }
    (ours, direct.is_some())
}
