//! A JSON reader for the direct path. It accepts only what the serde path
//! would accept with the same result; on anything else it stops with
//! [`Bail`], and the caller reads the input again through serde, which then
//! gives the value or the located error.

// Plumbing for generated code, named through `__private`.
#![allow(missing_docs)]

use std::marker::PhantomData;

use serde_json::{Map, Number, Value};

use super::scan::plain_run;

/// The direct path gave up; the serde path decides.
#[derive(Debug)]
pub struct Bail;

/// The result of a step of the direct path.
pub type Fast<T> = Result<T, Bail>;

/// Nesting the direct path takes; serde_json refuses deeper than 128, and
/// a sub-value handed to serde must stay well inside that.
const MAX_DEPTH: u32 = 64;

/// What the input is known to be: `Bytes` or `Text`.
///
/// Sealed: soundness rests on `TEXT`. A reader whose `I::TEXT` is true
/// skips UTF-8 checks and makes `&str` of its bytes unchecked, which is
/// sound only because a `Reader<Text>` can be built from a `&str` alone
/// ([`Reader::from_text`]). No other crate can add an input kind that
/// claims `TEXT` for bytes that are not UTF-8.
pub trait Input: sealed::Sealed {
    /// Whether the input is known to be UTF-8, so that strings need no check.
    const TEXT: bool;
}

mod sealed {
    pub trait Sealed {}

    impl Sealed for super::Bytes {}
    impl Sealed for super::Text {}
}

/// Input that may hold anything: the bytes of `from_slice`.
pub enum Bytes {}

impl Input for Bytes {
    const TEXT: bool = false;
}

/// Input known to be UTF-8: the `&str` of `from_str`. A reader of it is
/// made only by [`Reader::from_text`].
pub enum Text {}

impl Input for Text {
    const TEXT: bool = true;
}

/// A cursor over the input bytes. Generic over the kind of input, which
/// also makes the readers of the models generic, so that, as with serde's
/// traits, their code is generated in the crate that reads with them.
pub struct Reader<'a, I> {
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
    scratch: Vec<u8>,
    input: PhantomData<I>,
}

impl<'a> Reader<'a, Bytes> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader::with_input(bytes)
    }
}

impl<'a> Reader<'a, Text> {
    pub fn from_text(text: &'a str) -> Self {
        Reader::with_input(text.as_bytes())
    }
}

impl<'a, I: Input> Reader<'a, I> {
    fn with_input(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            pos: 0,
            depth: 0,
            scratch: Vec::new(),
            input: PhantomData,
        }
    }

    /// Skips white space and says what comes next.
    #[inline]
    pub fn peek(&mut self) -> Fast<u8> {
        while let Some(&byte) = self.bytes.get(self.pos) {
            if !matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
                return Ok(byte);
            }
            self.pos += 1;
        }
        Err(Bail)
    }

    /// Succeeds when only white space is left.
    pub fn end(&mut self) -> Fast<()> {
        match self.peek() {
            Err(Bail) => Ok(()),
            Ok(_) => Err(Bail),
        }
    }

    #[inline]
    fn expect(&mut self, byte: u8) -> Fast<()> {
        if self.peek()? == byte {
            self.pos += 1;
            Ok(())
        } else {
            Err(Bail)
        }
    }

    #[inline]
    fn literal(&mut self, text: &[u8]) -> Fast<()> {
        if self.bytes.get(self.pos..self.pos + text.len()) == Some(text) {
            self.pos += text.len();
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// Takes a `null` if one comes next.
    #[inline]
    pub fn null(&mut self) -> Fast<bool> {
        if self.peek()? == b'n' {
            self.literal(b"null")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    pub fn bool(&mut self) -> Fast<bool> {
        match self.peek()? {
            b't' => self.literal(b"true").map(|()| true),
            b'f' => self.literal(b"false").map(|()| false),
            _ => Err(Bail),
        }
    }

    fn enter(&mut self) -> Fast<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Bail);
        }
        Ok(())
    }

    /// Takes `{` and says whether a key follows.
    #[inline]
    pub fn object_start(&mut self) -> Fast<bool> {
        self.expect(b'{')?;
        self.enter()?;
        self.after_open(b'}')
    }

    /// Takes `[` and says whether an element follows.
    #[inline]
    pub fn array_start(&mut self) -> Fast<bool> {
        self.expect(b'[')?;
        self.enter()?;
        self.after_open(b']')
    }

    #[inline]
    fn after_open(&mut self, close: u8) -> Fast<bool> {
        if self.peek()? == close {
            self.pos += 1;
            self.depth -= 1;
            Ok(false)
        } else {
            Ok(true)
        }
    }

    /// After a member: takes `,` (another follows) or `}` (the end).
    #[inline]
    pub fn object_next(&mut self) -> Fast<bool> {
        self.next(b'}')
    }

    /// After an element: takes `,` (another follows) or `]` (the end).
    #[inline]
    pub fn array_next(&mut self) -> Fast<bool> {
        self.next(b']')
    }

    #[inline]
    fn next(&mut self, close: u8) -> Fast<bool> {
        let byte = self.peek()?;
        self.pos += 1;
        if byte == b',' {
            Ok(true)
        } else if byte == close {
            self.depth -= 1;
            Ok(false)
        } else {
            Err(Bail)
        }
    }

    /// A member's key and the `:` after it.
    #[inline]
    pub fn key(&mut self) -> Fast<&str> {
        let start = self.string_body()?;
        self.expect(b':')?;
        Ok(self.text(start))
    }

    /// Takes `pattern` (a key in quotes and its colon) if the input goes on
    /// with exactly those bytes.
    #[inline(always)]
    pub fn take_key(&mut self, pattern: &[u8]) -> bool {
        match self.bytes.get(self.pos..self.pos + pattern.len()) {
            Some(found) if found == pattern => {
                self.pos += pattern.len();
                true
            }
            _ => false,
        }
    }

    /// A member's key and the `:` after it, borrowed from the input: a key
    /// with an escape goes to the serde path. For models, whose keys are
    /// plain names.
    #[inline]
    pub fn field_key(&mut self) -> Fast<&'a str> {
        let Span::Input(start, end) = self.string_body()? else {
            return Err(Bail);
        };
        self.expect(b':')?;
        let bytes: &'a [u8] = self.bytes;
        // SAFETY: `string_body` returned this span, so its bytes are UTF-8:
        // see the argument in `text`.
        Ok(unsafe { core::str::from_utf8_unchecked(&bytes[start..end]) })
    }

    /// A string value.
    #[inline]
    pub fn str(&mut self) -> Fast<&str> {
        let start = self.string_body()?;
        Ok(self.text(start))
    }

    #[inline]
    pub fn string(&mut self) -> Fast<String> {
        self.str().map(str::to_owned)
    }

    /// The text [`string_body`](Self::string_body) found: the input itself,
    /// or the scratch buffer when it held escapes.
    #[inline]
    fn text(&self, span: Span) -> &str {
        let bytes = match span {
            Span::Input(start, end) => &self.bytes[start..end],
            Span::Scratch => &self.scratch[..],
        };
        // SAFETY: a `Span` comes only from `string_body` or
        // `escaped_string`, and both return one only for UTF-8 bytes:
        // - `Span::Input(start, end)`: the bytes between the quotes. When
        //   all are ASCII they are UTF-8. Otherwise, with `I::TEXT` false,
        //   `from_utf8` checked them; with `I::TEXT` true the reader was made
        //   by `Reader::from_text` (the only constructor of a
        //   `Reader<Text>`, and `Input` is sealed), so `bytes` is a whole
        //   `&str`, and `start` and `end` sit just after and at a quote,
        //   ASCII bytes, which are always character boundaries.
        // - `Span::Scratch`: plain runs of the input, each cut at ASCII
        //   bytes (quote, backslash) and so whole UTF-8 sequences when the
        //   input is a `&str`, non-ASCII bytes copied in input order, and
        //   escapes decoded through `char::encode_utf8`. With `I::TEXT` false
        //   the whole buffer is checked by `from_utf8` before the span is
        //   returned. `scratch` is not touched again before this borrow ends.
        unsafe { core::str::from_utf8_unchecked(bytes) }
    }

    /// Reads a string up to its closing quote; its text is checked UTF-8.
    #[inline(always)]
    fn string_body(&mut self) -> Fast<Span> {
        self.expect(b'"')?;
        let start = self.pos;
        let mut ascii = true;
        loop {
            self.pos += plain_run(self.bytes.get(self.pos..).unwrap_or_default());
            match self.bytes.get(self.pos) {
                Some(b'"') => break,
                Some(b'\\') => return self.escaped_string(start),
                Some(&byte) if byte >= 0x80 => {
                    ascii = false;
                    self.pos += 1;
                }
                _ => return Err(Bail),
            }
        }
        let end = self.pos;
        self.pos += 1;
        if !ascii && !I::TEXT && core::str::from_utf8(&self.bytes[start..end]).is_err() {
            return Err(Bail);
        }
        Ok(Span::Input(start, end))
    }

    /// The rest of a string that holds an escape, decoded into `scratch`.
    #[cold]
    fn escaped_string(&mut self, start: usize) -> Fast<Span> {
        self.scratch.clear();
        self.scratch.extend_from_slice(&self.bytes[start..self.pos]);
        loop {
            let run = plain_run(&self.bytes[self.pos..]);
            self.scratch
                .extend_from_slice(&self.bytes[self.pos..self.pos + run]);
            self.pos += run;
            match self.bytes.get(self.pos) {
                Some(b'"') => break,
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape()?;
                }
                Some(&byte) if byte >= 0x80 => {
                    self.scratch.push(byte);
                    self.pos += 1;
                }
                _ => return Err(Bail),
            }
        }
        self.pos += 1;
        // Text split at backslashes, and escapes decoded to characters,
        // stay UTF-8.
        if !I::TEXT && core::str::from_utf8(&self.scratch).is_err() {
            return Err(Bail);
        }
        Ok(Span::Scratch)
    }

    /// One escape, after its backslash.
    fn escape(&mut self) -> Fast<()> {
        let byte = *self.bytes.get(self.pos).ok_or(Bail)?;
        self.pos += 1;
        let plain = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        self.literal(b"\\u")?;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(Bail);
                        }
                        0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
                    }
                    // A lone trailing surrogate is refused by serde_json too.
                    0xDC00..=0xDFFF => return Err(Bail),
                    _ => u32::from(first),
                };
                let ch = char::from_u32(code).ok_or(Bail)?;
                let mut buffer = [0u8; 4];
                self.scratch
                    .extend_from_slice(ch.encode_utf8(&mut buffer).as_bytes());
                return Ok(());
            }
            _ => return Err(Bail),
        };
        self.scratch.push(plain);
        Ok(())
    }

    fn hex4(&mut self) -> Fast<u16> {
        let digits = self.bytes.get(self.pos..self.pos + 4).ok_or(Bail)?;
        let mut value = 0u16;
        for &digit in digits {
            let nibble = match digit {
                b'0'..=b'9' => digit - b'0',
                b'a'..=b'f' => digit - b'a' + 10,
                b'A'..=b'F' => digit - b'A' + 10,
                _ => return Err(Bail),
            };
            value = value << 4 | u16::from(nibble);
        }
        self.pos += 4;
        Ok(value)
    }

    /// An integer of at most 18 digits, as an `i64`. Anything longer, a
    /// fraction, an exponent or `-0` goes to the serde path.
    #[inline]
    pub fn i64(&mut self) -> Fast<i64> {
        let negative = self.peek()? == b'-';
        if negative {
            self.pos += 1;
        }
        let magnitude = self.digits()?;
        if negative {
            if magnitude == 0 {
                return Err(Bail);
            }
            Ok(-(magnitude as i64))
        } else {
            Ok(magnitude as i64)
        }
    }

    /// An unsigned integer of at most 18 digits.
    #[inline]
    pub fn u64(&mut self) -> Fast<u64> {
        self.peek()?;
        self.digits()
    }

    /// The digits of an integer with nothing after them that would make it
    /// a float.
    #[inline]
    fn digits(&mut self) -> Fast<u64> {
        let start = self.pos;
        let mut value = 0u64;
        while let Some(&byte) = self.bytes.get(self.pos) {
            let digit = byte.wrapping_sub(b'0');
            if digit >= 10 {
                break;
            }
            value = value * 10 + u64::from(digit);
            self.pos += 1;
            if self.pos - start > 18 {
                return Err(Bail);
            }
        }
        let len = self.pos - start;
        if len == 0 || (len > 1 && self.bytes[start] == b'0') {
            return Err(Bail);
        }
        match self.bytes.get(self.pos) {
            Some(b'.' | b'e' | b'E') => Err(Bail),
            _ => Ok(value),
        }
    }

    /// Any number, as serde_json's `Number` holds it.
    fn number(&mut self) -> Fast<Number> {
        let start = self.pos;
        let negative = self.bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        self.skip_digits();
        let int_len = self.pos - int_start;
        if int_len == 0 || (int_len > 1 && self.bytes[int_start] == b'0') {
            return Err(Bail);
        }
        let mut float = false;
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            float = true;
            if self.skip_digits() == 0 {
                return Err(Bail);
            }
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            float = true;
            if matches!(self.bytes.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.skip_digits() == 0 {
                return Err(Bail);
            }
        }
        let text = core::str::from_utf8(&self.bytes[start..self.pos]).map_err(|_| Bail)?;
        if !float && int_len <= 18 {
            let magnitude: u64 = text[usize::from(negative)..].parse().map_err(|_| Bail)?;
            return match (negative, magnitude) {
                (false, _) => Ok(Number::from(magnitude)),
                // serde_json reads `-0` as a float.
                (true, 0) => Err(Bail),
                (true, _) => Ok(Number::from(-(magnitude as i64))),
            };
        }
        if !float {
            return Err(Bail);
        }
        // Both this and serde_json's `float_roundtrip` round correctly.
        let value: f64 = text.parse().map_err(|_| Bail)?;
        if !value.is_finite() {
            return Err(Bail);
        }
        Number::from_f64(value).ok_or(Bail)
    }

    fn skip_digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.bytes.get(self.pos), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Any value, with a key repeated in one object refused.
    pub fn value(&mut self) -> Fast<Value> {
        Ok(match self.peek()? {
            b'n' => {
                self.literal(b"null")?;
                Value::Null
            }
            b't' | b'f' => Value::Bool(self.bool()?),
            b'"' => Value::String(self.string()?),
            b'[' => {
                let mut items = Vec::new();
                let mut more = self.array_start()?;
                while more {
                    items.push(self.value()?);
                    more = self.array_next()?;
                }
                Value::Array(items)
            }
            b'{' => Value::Object(self.object()?),
            b'-' | b'0'..=b'9' => Value::Number(self.number()?),
            _ => return Err(Bail),
        })
    }

    /// An object of values, with a repeated key refused.
    pub fn object(&mut self) -> Fast<Map<String, Value>> {
        let mut map = Map::new();
        let mut more = self.object_start()?;
        while more {
            let key = self.key()?.to_owned();
            let value = self.value()?;
            if map.insert(key, value).is_some() {
                return Err(Bail);
            }
            more = self.object_next()?;
        }
        Ok(map)
    }

    /// Passes over one value, checking it as strictly as [`value`](Self::value),
    /// and gives its text.
    pub fn skip(&mut self) -> Fast<&'a [u8]> {
        let bytes = self.bytes;
        self.peek()?;
        let start = self.pos;
        match bytes[start] {
            b'n' => self.literal(b"null")?,
            b't' | b'f' => {
                self.bool()?;
            }
            b'"' => {
                self.string_body()?;
            }
            b'[' => {
                let mut more = self.array_start()?;
                while more {
                    self.skip()?;
                    more = self.array_next()?;
                }
            }
            b'{' => {
                let mut more = self.object_start()?;
                while more {
                    self.key()?;
                    self.skip()?;
                    more = self.object_next()?;
                }
            }
            b'-' | b'0'..=b'9' => {
                self.number()?;
            }
            _ => return Err(Bail),
        }
        Ok(&bytes[start..self.pos])
    }
}

/// Where a string's text is.
#[derive(Clone, Copy)]
enum Span {
    Input(usize, usize),
    Scratch,
}
