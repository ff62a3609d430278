use std::fmt::{self, Write as _};

use serde_json::error::Category;

/// Why a document could not be read or written, and where.
///
/// The message starts with the JSON path of the failure, then serde_json's
/// own account of it with the line and column:
///
/// ```
/// use voucherify_model::CustomersCreateResponseBody;
///
/// let json = r#"{"summary": {"redemptions": {}, "orders": {"total_amount": "100"}}}"#;
/// let error = voucherify_model::from_str::<CustomersCreateResponseBody>(json).unwrap_err();
/// assert_eq!(error.path(), "summary.orders.total_amount");
/// assert_eq!(
///     error.to_string(),
///     "summary.orders.total_amount: invalid type: string \"100\", expected i64 at line 1 column 64",
/// );
/// ```
pub struct Error {
    path: String,
    inner: serde_json::Error,
}

impl Error {
    pub(crate) fn new(path: String, inner: serde_json::Error) -> Self {
        Error { path, inner }
    }

    pub(crate) fn at_root(inner: serde_json::Error) -> Self {
        Error::new(".".to_owned(), inner)
    }

    /// The JSON path of the value that failed, such as
    /// `referrals.campaigns[0].date`; `.` for the document itself. A key
    /// that is not a plain name is quoted in brackets:
    /// `loyalty.campaigns["Coffee Club"].points`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The 1-based line of the input where the failure was seen (0 when
    /// writing, or for an I/O error).
    pub fn line(&self) -> usize {
        self.inner.line()
    }

    /// The 1-based column of the input where the failure was seen (0 when
    /// writing, or for an I/O error).
    pub fn column(&self) -> usize {
        self.inner.column()
    }

    /// What kind of failure this is: I/O, malformed JSON, JSON that does not
    /// fit the model, or input that ended too early.
    pub fn classify(&self) -> Category {
        self.inner.classify()
    }

    /// The underlying serde_json error, without the path.
    pub fn into_inner(self) -> serde_json::Error {
        self.inner
    }
}

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        write!(formatter, "{}: {}", self.path, self.inner)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter
            .debug_struct("Error")
            .field("path", &self.path)
            .field("message", &self.inner.to_string())
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner)
    }
}

/// Writes a path as `a.b[0]["odd key"]`: plain names (letters, digits, `_`
/// and `-`) joined by dots, indexes and any other key in brackets, so that
/// an empty key or one holding a dot still names one place.
pub(crate) fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;

    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(text, "[{index}]");
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                let plain = !key.is_empty()
                    && key
                        .bytes()
                        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-');
                if plain {
                    if !text.is_empty() {
                        text.push('.');
                    }
                    text.push_str(key);
                } else {
                    let quoted = match serde_json::to_string(key) {
                        Ok(quoted) => quoted,
                        Err(error) => unreachable!("a string always writes as JSON: {error}"),
                    };
                    let _ = write!(text, "[{quoted}]");
                }
            }
            // A key not read yet (input ended, or a key was malformed): the
            // place is the object itself, already named.
            Segment::Unknown => {}
        }
    }
    if text.is_empty() {
        text.push('.');
    }
    text
}
