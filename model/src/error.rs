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
    /// Where the failure was seen, kept here when `inner` was remade
    /// without the value and so without its own position.
    position: Option<(usize, usize)>,
}

impl Error {
    pub(crate) fn new(path: String, inner: serde_json::Error) -> Self {
        Error {
            path,
            inner,
            position: None,
        }
    }

    /// A failure whose position is `position` rather than `inner`'s own,
    /// which a message remade from text has lost.
    pub(crate) fn at(
        path: String,
        inner: serde_json::Error,
        position: Option<(usize, usize)>,
    ) -> Self {
        Error {
            path,
            inner,
            position,
        }
    }

    /// The same failure, at a `#[voucherify(redact)]` field or inside one,
    /// told without the value that was found there: what kind of value it
    /// was, what was expected, and where.
    pub(crate) fn redacted(self) -> Self {
        if self.inner.classify() != Category::Data {
            // Syntax and end-of-input messages never quote a value.
            return self;
        }
        let (line, column) = (self.line(), self.column());
        let message = bare_message(&self.inner, line, column);
        let redacted = redact_message(&message);
        if redacted == message {
            // Nothing to hide (a repeated key): serde's own error stays.
            return self;
        }
        Error {
            path: self.path,
            inner: <serde_json::Error as serde::de::Error>::custom(redacted),
            position: Some((line, column)),
        }
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
        self.position
            .map_or_else(|| self.inner.line(), |(line, _)| line)
    }

    /// The 1-based column of the input where the failure was seen (0 when
    /// writing, or for an I/O error).
    pub fn column(&self) -> usize {
        self.position
            .map_or_else(|| self.inner.column(), |(_, column)| column)
    }

    /// What kind of failure this is: I/O, malformed JSON, JSON that does not
    /// fit the model, or input that ended too early.
    pub fn classify(&self) -> Category {
        self.inner.classify()
    }

    /// The underlying serde_json error, without the path. For a failure
    /// at a `#[voucherify(redact)]` field it holds the redacted message and
    /// no position.
    pub fn into_inner(self) -> serde_json::Error {
        self.inner
    }
}

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        write!(formatter, "{}: ", self.path)?;
        self.write_message(formatter)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter
            .debug_struct("Error")
            .field("path", &self.path)
            .field("message", &Message(self).to_string())
            .finish()
    }
}

impl Error {
    /// serde_json's account with its position, as `Display` shows it after
    /// the path.
    fn write_message(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        write!(formatter, "{}", self.inner)?;
        match self.position {
            Some((line, column)) if line != 0 => {
                write!(formatter, " at line {line} column {column}")
            }
            _ => Ok(()),
        }
    }
}

/// The message of an [`Error`] without its path.
struct Message<'a>(&'a Error);

impl fmt::Display for Message<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        self.0.write_message(formatter)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner)
    }
}

/// serde_json's message of `inner` without the ` at line L column C` it
/// ends with when seen at (`line`, `column`).
pub(crate) fn bare_message(inner: &serde_json::Error, line: usize, column: usize) -> String {
    let mut full = inner.to_string();
    let suffix = format!(" at line {line} column {column}");
    if full.ends_with(&suffix) {
        full.truncate(full.len() - suffix.len());
    }
    full
}

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Step {
    /// Into an object, under a key.
    Key(String),
    /// Into an array, at an index.
    Index(usize),
    /// serde's own name of an enum's variant: shown, but not a step into
    /// the JSON value.
    Variant(String),
}

/// The steps of a path that serde_path_to_error tracked. A key not read
/// yet (the input ended, or a key was malformed) is no step: the place is
/// the object itself, already named.
pub(crate) fn steps(path: &serde_path_to_error::Path) -> Vec<Step> {
    use serde_path_to_error::Segment;

    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } => Some(Step::Key(key.clone())),
            Segment::Enum { variant } => Some(Step::Variant(variant.clone())),
            Segment::Unknown => None,
        })
        .collect()
}

/// The steps of a path as [`Json::redacted_at`](crate::Json) takes them:
/// object keys, and `None` for array indexes.
pub(crate) fn redaction_steps(steps: &[Step]) -> Vec<Option<&str>> {
    steps
        .iter()
        .filter_map(|step| match step {
            Step::Index(_) => Some(None),
            Step::Key(key) => Some(Some(key.as_str())),
            Step::Variant(_) => None,
        })
        .collect()
}

/// Writes a path as `a.b[0]["odd key"]`: plain names (letters, digits, `_`
/// and `-`) joined by dots, indexes and any other key in brackets, so that
/// an empty key or one holding a dot still names one place.
pub(crate) fn steps_text(steps: &[Step]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Index(index) => {
                let _ = write!(text, "[{index}]");
            }
            Step::Key(key) | Step::Variant(key) => {
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
        }
    }
    if text.is_empty() {
        text.push('.');
    }
    text
}

/// [`steps_text`] of a path that serde_path_to_error tracked.
pub(crate) fn path_text(path: &serde_path_to_error::Path) -> String {
    steps_text(&steps(path))
}

/// A serde message with the value it quotes taken out. serde words the
/// failures that quote a value as `invalid type: <found>, expected <what>`,
/// `invalid value: <found>, expected <what>` and
/// `unknown variant `<found>`, expected <what>`, where `<found>` is, for
/// example, `string "1990-02-30"` or ``integer `5` ``. Any other message
/// that might hold the value is replaced whole.
fn redact_message(message: &str) -> String {
    let split = |rest: &'_ str| -> Option<(String, String)> {
        // The expectation is the model's text, the found part the input's:
        // the last separator is the one serde wrote.
        let (found, expected) = rest.rsplit_once(", expected ")?;
        Some((found_kind(found).to_owned(), expected.to_owned()))
    };
    if let Some((kind, expected)) = message.strip_prefix("invalid type: ").and_then(split) {
        return format!("invalid type: {kind}, expected {expected}");
    }
    if let Some((kind, expected)) = message.strip_prefix("invalid value: ").and_then(split) {
        return format!("invalid value: {kind} that is not {expected}");
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((_, expected)) = rest.rsplit_once("`, expected ") {
            return format!("unknown variant, expected {expected}");
        }
    }
    // These name a key, which `Debug` shows for unknown keys too, never a value.
    let quotes_nothing = [
        "missing field `",
        "duplicate field `",
        "duplicate key `",
        "invalid length ",
    ]
    .iter()
    .any(|start| message.starts_with(start));
    if quotes_nothing {
        return message.to_owned();
    }
    "invalid value (the message is withheld: it may show a redacted value)".to_owned()
}

/// What serde's description of a found value says about its kind, without
/// the value itself.
fn found_kind(found: &str) -> &'static str {
    const KINDS: &[(&str, &str)] = &[
        ("string ", "a string"),
        ("integer ", "an integer"),
        ("floating point ", "a floating point number"),
        ("boolean ", "a boolean"),
        ("character ", "a character"),
        ("null", "null"),
        ("map", "an object"),
        ("sequence", "an array"),
    ];
    KINDS
        .iter()
        .find(|(start, _)| found.starts_with(start))
        .map_or("a value", |(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::redact_message;

    #[test]
    fn messages_lose_the_value_and_keep_the_rest() {
        let cases = [
            (
                r#"invalid value: string "1990-02-30", expected a date that exists in the calendar"#,
                "invalid value: a string that is not a date that exists in the calendar",
            ),
            (
                r#"invalid type: string "a, expected b", expected i64"#,
                "invalid type: a string, expected i64",
            ),
            (
                "invalid type: integer `10001`, expected a string",
                "invalid type: an integer, expected a string",
            ),
            (
                "invalid type: floating point `1.5`, expected a string",
                "invalid type: a floating point number, expected a string",
            ),
            (
                "invalid type: boolean `true`, expected a string",
                "invalid type: a boolean, expected a string",
            ),
            (
                "invalid type: map, expected a string",
                "invalid type: an object, expected a string",
            ),
            (
                "invalid type: sequence, expected a string",
                "invalid type: an array, expected a string",
            ),
            (
                "invalid type: null, expected a string",
                "invalid type: null, expected a string",
            ),
            (
                "unknown variant `Ann`, expected one of `a`, `b`",
                "unknown variant, expected one of `a`, `b`",
            ),
            ("missing field `city`", "missing field `city`"),
            ("duplicate key `tier`", "duplicate key `tier`"),
            ("duplicate field `name`", "duplicate field `name`"),
            (
                "something new about Ann",
                "invalid value (the message is withheld: it may show a redacted value)",
            ),
        ];
        for (message, expected) in cases {
            assert_eq!(redact_message(message), expected, "{message}");
        }
    }
}
