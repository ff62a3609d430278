//! The error of a document the direct reader refuses itself: a key
//! repeated where the serde impls refuse it. The error is the one the serde
//! path gives, tracking the path: the same message, the same JSON path, and
//! the same line and column, in a `serde_json::Error` of its own, so that
//! the document is read once.

use std::fmt;

use serde::de::{self, IgnoredAny, SeqAccess, Visitor};

use crate::error::{self, Step};
use crate::Error;

/// A repeated key that the serde path refuses, as the direct reader met it.
pub(crate) struct Refusal {
    /// serde's message: ``duplicate field `id` `` or ``duplicate key `a` ``.
    pub(crate) message: String,
    /// Where the key's colon is: the path is that of the object it is in.
    pub(crate) colon: usize,
    /// Where serde_json stood when the error was made, before it looked
    /// for the end of the object.
    pub(crate) at: usize,
    /// A key the path names after the object's own path: the repeated key
    /// itself, when serde fails while reading its value.
    pub(crate) key: Option<String>,
    /// How deep the object is: 1 for the document's own.
    pub(crate) depth: u32,
}

/// The error the serde path gives for `refusal` in `bytes`.
#[cold]
pub(crate) fn refusal_error(bytes: &[u8], refusal: &Refusal) -> Error {
    let mut steps = if refusal.depth <= 1 {
        // The document's own object: its path is empty.
        Vec::new()
    } else {
        object_path(bytes, refusal.colon)
    };
    if let Some(key) = &refusal.key {
        steps.push(Step::Key(key.clone()));
    }
    let path = error::steps_text(&steps);
    // serde_json looks for the end of the object before it places the
    // error, passing over white space, and takes the `}` if it is next.
    let mut index = refusal.at;
    while matches!(bytes.get(index), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        index += 1;
    }
    if bytes.get(index) == Some(&b'}') {
        index += 1;
    }
    let (line, column) = position_of_index(bytes, index);
    Error::new(path, error_at(&refusal.message, line, column))
}

/// The line and column serde_json gives for the byte at `index`: the line
/// counted from 1, the column the number of bytes before it on its line.
fn position_of_index(bytes: &[u8], index: usize) -> (usize, usize) {
    let before = &bytes[..index.min(bytes.len())];
    // The last line end is looked for only if there is one.
    let lines = line_ends(before);
    if lines == 0 {
        return (1, index);
    }
    let start_of_line = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline| newline + 1);
    (1 + lines, index - start_of_line)
}

/// How many `\n` bytes `bytes` holds, counted in blocks whose loop the
/// compiler turns into a few vector instructions.
fn line_ends(bytes: &[u8]) -> usize {
    let blocks = bytes.chunks_exact(64);
    let rest = blocks.remainder();
    let mut count = 0;
    for block in blocks {
        let mut in_block = 0u8;
        for &byte in block {
            in_block += u8::from(byte == b'\n');
        }
        count += usize::from(in_block);
    }
    count + rest.iter().filter(|&&byte| byte == b'\n').count()
}

/// The keys and indexes from the document to the object that holds the
/// key whose colon is at `colon`. The input before it was read by the
/// direct reader, so it is well formed: only strings, brackets and commas
/// need a look.
fn object_path(bytes: &[u8], colon: usize) -> Vec<Step> {
    enum Frame {
        /// An object, with the span of the key last read in it.
        Object(Option<(usize, usize)>),
        Array(usize),
    }
    let mut frames: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut pos = 0;
    while pos < colon {
        let byte = bytes[pos];
        if !STRUCTURE[usize::from(byte)] {
            pos += 1;
            continue;
        }
        match byte {
            b'"' => {
                let start = pos;
                pos += 1;
                while let Some(&byte) = bytes.get(pos) {
                    match byte {
                        b'"' => break,
                        b'\\' => pos += 2,
                        _ => pos += 1,
                    }
                }
                pos += 1;
                if expect_key {
                    if let Some(Frame::Object(key)) = frames.last_mut() {
                        *key = Some((start, pos));
                    }
                    expect_key = false;
                }
                continue;
            }
            b'{' => {
                frames.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => frames.push(Frame::Array(0)),
            b'}' | b']' => {
                frames.pop();
            }
            // A comma.
            _ => match frames.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                _ => expect_key = true,
            },
        }
        pos += 1;
    }
    // The last frame is the object that holds the repeated key.
    frames.pop();
    frames
        .iter()
        .map(|frame| match *frame {
            Frame::Array(index) => Step::Index(index),
            Frame::Object(Some((start, end))) => Step::Key(key_text(&bytes[start..end])),
            Frame::Object(None) => unreachable!("a value inside an object follows its key"),
        })
        .collect()
}

/// The bytes that [`object_path`] looks at: quotes, brackets and commas.
const STRUCTURE: [bool; 256] = {
    let mut table = [false; 256];
    let mut index = 0;
    let bytes = *b"\"{}[],";
    while index < bytes.len() {
        table[bytes[index] as usize] = true;
        index += 1;
    }
    table
};

/// The text of a key, quotes included, as serde reads it.
pub(crate) fn key_text(quoted: &[u8]) -> String {
    let plain = &quoted[1..quoted.len() - 1];
    if !plain.contains(&b'\\') {
        if let Ok(text) = std::str::from_utf8(plain) {
            return text.to_owned();
        }
    }
    match serde_json::from_slice(quoted) {
        Ok(text) => text,
        Err(error) => unreachable!("a key the direct reader read reads again: {error}"),
    }
}

/// A `serde_json::Error` with `message` at `line` and `column`, as
/// serde_json makes it: the only way to one is to have serde_json read
/// text that fails there. The text is an array holding a string as long as
/// the column needs (or only white space), after as many line ends as the
/// line needs; the visitor takes the string and fails, and serde_json
/// places the error at the byte after it.
fn error_at(message: &str, line: usize, column: usize) -> serde_json::Error {
    /// Up to this many bytes of the line are spaces; beyond, a string,
    /// which serde_json passes over a word at a time.
    const SPACES: usize = 32;
    let mut text = Vec::with_capacity(line + column + 4);
    text.push(b'[');
    text.resize(line, b'\n');
    // Bytes of the line before the place: on the first line, the `[`.
    let room = column.saturating_sub(usize::from(line <= 1));
    let string = room > SPACES;
    if string {
        text.push(b'"');
        text.resize(text.len() + room - 2, b' ');
        text.push(b'"');
    } else {
        text.resize(text.len() + room, b' ');
    }
    text.push(b'x');
    let mut deserializer = serde_json::Deserializer::from_slice(&text);
    match de::Deserializer::deserialize_seq(&mut deserializer, Fail { message, string }) {
        Err(error) => error,
        Ok(never) => match never {},
    }
}

/// Takes the string, if there is one, and fails with the message.
struct Fail<'m> {
    message: &'m str,
    string: bool,
}

impl<'de> Visitor<'de> for Fail<'_> {
    type Value = std::convert::Infallible;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if self.string {
            seq.next_element::<IgnoredAny>()?;
        }
        Err(de::Error::custom(self.message))
    }
}

#[cfg(test)]
mod tests {
    use super::{error_at, position_of_index};

    #[test]
    fn errors_are_made_at_any_line_and_column() {
        for line in [1, 2, 3, 40] {
            for column in (0..80).chain([1000, 123_456]) {
                if line == 1 && column == 0 {
                    // Nothing fails before the first byte.
                    continue;
                }
                let error = error_at("duplicate key `a`", line, column);
                assert_eq!((error.line(), error.column()), (line, column));
                assert_eq!(
                    error.to_string(),
                    format!("duplicate key `a` at line {line} column {column}")
                );
                assert_eq!(error.classify(), serde_json::error::Category::Data);
            }
        }
    }

    #[test]
    fn line_ends_are_counted_in_blocks_and_after() {
        let mut text = vec![b'a'; 300];
        for at in [0, 5, 63, 64, 127, 200, 255, 256, 299] {
            text[at] = b'\n';
        }
        for len in 0..=text.len() {
            let slowly = text[..len].iter().filter(|&&byte| byte == b'\n').count();
            assert_eq!(super::line_ends(&text[..len]), slowly, "{len}");
        }
    }

    #[test]
    fn positions_count_as_serde_json_counts() {
        let text = b"{\n  \"a\": 1,\n\n\"b\":2}";
        assert_eq!(position_of_index(text, 0), (1, 0));
        assert_eq!(position_of_index(text, 1), (1, 1));
        assert_eq!(position_of_index(text, 2), (2, 0));
        assert_eq!(position_of_index(text, 6), (2, 4));
        assert_eq!(position_of_index(text, 13), (4, 0));
    }
}
