//! A JSON reader for the direct path. It accepts only what the serde path
//! would accept with the same result; on anything else it stops with
//! [`Bail`], and the caller reads the input again through serde, which then
//! gives the value or the located error.

// Plumbing for generated code, named through `__private`.
#![allow(missing_docs)]

use std::marker::PhantomData;

use serde_json::{Map, Number, Value};

use super::refuse::Refusal;
use super::scan::string_run;

/// The direct path gave up; the serde path decides.
#[derive(Debug)]
pub struct Bail;

/// The result of a step of the direct path.
pub type Fast<T> = Result<T, Bail>;

/// Nesting the direct path takes: as deep as serde_json goes. Its
/// deserializer counts down from 128 for each array or object it enters
/// for a visitor, and refuses the one that brings the count to 0, so 127
/// levels read. It counts no more levels than the text nests (serde's impls
/// can only read less of it, or skip it uncounted), so a document within
/// this depth never meets the limit on the serde path, and a sub-value the
/// direct path hands to serde_json, parsed on its own, nests no deeper.
/// Deeper documents go to serde, which refuses them (or, with its
/// `unbounded_depth` feature, reads them).
const MAX_DEPTH: u32 = 127;

/// What the input is known to be: `Bytes` or `Text`.
///
/// Sealed: soundness rests on `TEXT`. A reader whose `I::TEXT` is true
/// skips UTF-8 checks and makes `&str` of its bytes unchecked, which is
/// sound only because a `Reader<Text>` can be built from a `&str` alone
/// (`Reader::from_text`). No other crate can add an input kind that
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
    /// Whether the reader gave up on a key repeated in an object.
    repeated: bool,
    /// A repeated key the serde path refuses, met by the reader, which
    /// then makes serde's error itself.
    refused: Option<Box<Refusal>>,
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
            repeated: false,
            refused: None,
            input: PhantomData,
        }
    }

    /// Gives up on a key repeated in an object, and remembers why: serde
    /// refuses the document, or keeps the last value, and either way the
    /// caller reads it once more, tracking the path.
    #[cold]
    pub fn repeated_key<T>(&mut self) -> Fast<T> {
        self.repeated = true;
        Err(Bail)
    }

    /// Whether the reader gave up on a repeated key.
    pub(crate) fn gave_up_on_repeat(&self) -> bool {
        self.repeated
    }

    /// The repeated key the reader refused as the serde path does, if it
    /// stopped at one.
    pub(crate) fn take_refusal(&mut self) -> Option<Box<Refusal>> {
        self.refused.take()
    }

    /// The whole input.
    pub(crate) fn input(&self) -> &'a [u8] {
        self.bytes
    }

    /// Where the reader is: the byte it reads next.
    #[inline(always)]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Stops at a field given twice, which serde's derived code refuses as
    /// soon as it has read the key: called just after the key's colon.
    /// `name` is the field's name in serde's message (its wire name, when
    /// the key was an alias).
    #[cold]
    pub fn duplicate_field<T>(&mut self, name: &str) -> Fast<T> {
        let colon = self.pos - 1;
        self.refuse(Refusal {
            message: format!("duplicate field `{name}`"),
            colon,
            at: colon,
            key: None,
            depth: 0,
        })
    }

    /// Stops at an unknown key given twice in a struct that keeps unknown
    /// keys, whose serde reader refuses it when asked for the value:
    /// `value_at` is where the value starts, just after the colon.
    #[cold]
    pub fn duplicate_unknown<T>(&mut self, key: &str, value_at: usize) -> Fast<T> {
        self.refuse(Refusal {
            message: format!("duplicate field `{key}`"),
            colon: value_at - 1,
            at: value_at,
            key: Some(key.to_owned()),
            depth: 0,
        })
    }

    /// After an unknown key's value failed to read: if the key was kept
    /// already, serde refuses it before its value, as
    /// [`duplicate_unknown`](Self::duplicate_unknown) says; otherwise the
    /// failure stands.
    #[cold]
    pub fn unknown_failed<T>(
        &mut self,
        kept: Option<&Map<String, Value>>,
        key: &str,
        value_at: usize,
    ) -> Fast<T> {
        if kept.is_some_and(|kept| kept.contains_key(key)) {
            return self.duplicate_unknown(key, value_at);
        }
        Err(Bail)
    }

    /// Stops at a key repeated in an object whose serde reader refuses it,
    /// as soon as the key is read (`repeated` keys of objects read
    /// strictly, maps of `#[voucherify(unique_keys)]` fields), or, with
    /// `after_value`, once its value is read too (maps of dates). The
    /// key's quote is at or after `key_at`, its colon at `colon`.
    #[cold]
    pub(crate) fn duplicate_key<T>(
        &mut self,
        key_at: usize,
        colon: usize,
        after_value: bool,
    ) -> Fast<T> {
        let mut start = key_at;
        while self.bytes[start] != b'"' {
            start += 1;
        }
        let mut end = colon;
        while self.bytes[end - 1] != b'"' {
            end -= 1;
        }
        let key = super::refuse::key_text(&self.bytes[start..end]);
        self.refuse(Refusal {
            message: format!("duplicate key `{key}`"),
            colon,
            at: if after_value { self.pos } else { colon },
            key: None,
            depth: 0,
        })
    }

    fn refuse<T>(&mut self, mut refusal: Refusal) -> Fast<T> {
        self.repeated = true;
        refusal.depth = self.depth;
        self.refused = Some(Box::new(refusal));
        Err(Bail)
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
        self.str().map(owned)
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
        //   `string_run` found all of them ASCII they are UTF-8. Otherwise,
        //   with `I::TEXT` false, `from_utf8` checked them; with `I::TEXT`
        //   true the reader was made by `Reader::from_text` (the only
        //   constructor of a `Reader<Text>`, and `Input` is sealed), so
        //   `bytes` is a whole `&str`, and `start` and `end` sit just after
        //   and at a quote, ASCII bytes, which are always character
        //   boundaries.
        // - `Span::Scratch`: plain runs of the input, each cut at ASCII
        //   bytes (quote, backslash) and so whole UTF-8 sequences when the
        //   input is a `&str`, and escapes decoded through
        //   `char::encode_utf8`. With `I::TEXT` false the whole buffer is
        //   checked by `from_utf8` before the span is returned, unless every
        //   byte copied from the input was ASCII (`string_run` says so for
        //   each run), and then it is ASCII and whole characters. `scratch`
        //   is not touched again before this borrow ends.
        unsafe { core::str::from_utf8_unchecked(bytes) }
    }

    /// Reads a string up to its closing quote; its text is checked UTF-8.
    ///
    /// Text is scanned in blocks up to the quote, a backslash or a control
    /// character, whatever its bytes: input that came as a `&str` needs no
    /// UTF-8 check, and bytes are checked once for the whole string, and
    /// only when one of them is not ASCII.
    #[inline(always)]
    fn string_body(&mut self) -> Fast<Span> {
        self.expect(b'"')?;
        let start = self.pos;
        let (run, high) = string_run(self.bytes.get(self.pos..).unwrap_or_default());
        self.pos += run;
        match self.bytes.get(self.pos) {
            Some(b'"') => {}
            Some(b'\\') => return self.escaped_string(start, high),
            _ => return Err(Bail),
        }
        let end = self.pos;
        self.pos += 1;
        if high && !I::TEXT && core::str::from_utf8(&self.bytes[start..end]).is_err() {
            return Err(Bail);
        }
        Ok(Span::Input(start, end))
    }

    /// The rest of a string that holds an escape, decoded into `scratch`;
    /// `high` says whether the text before the first escape holds a
    /// non-ASCII byte.
    #[cold]
    fn escaped_string(&mut self, start: usize, mut high: bool) -> Fast<Span> {
        self.scratch.clear();
        self.scratch.extend_from_slice(&self.bytes[start..self.pos]);
        loop {
            match self.bytes.get(self.pos) {
                Some(b'"') => break,
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape()?;
                    if self.bytes.get(self.pos) == Some(&b'\\') {
                        // Escapes in a row: no text between to scan.
                        continue;
                    }
                }
                _ => return Err(Bail),
            }
            let (run, run_high) = string_run(&self.bytes[self.pos..]);
            high |= run_high;
            self.scratch
                .extend_from_slice(&self.bytes[self.pos..self.pos + run]);
            self.pos += run;
        }
        self.pos += 1;
        // Text split at backslashes, and escapes decoded to characters,
        // stay UTF-8; and text that was not UTF-8 stays so, as no decoded
        // character starts with a continuation byte.
        if high && !I::TEXT && core::str::from_utf8(&self.scratch).is_err() {
            return Err(Bail);
        }
        Ok(Span::Scratch)
    }

    /// One escape, after its backslash.
    #[inline]
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
                    _ => u32::from(first),
                };
                // A lone trailing surrogate is no `char`: refused, as
                // serde_json refuses it.
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

    /// Passes over a number, checked as serde_json checks it, and says
    /// what it holds.
    #[inline]
    fn number_token(&mut self) -> Fast<Token> {
        let start = self.pos;
        let negative = self.bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let mut token = Token {
            start,
            negative,
            digits: 0,
            float: false,
            mantissa: 0,
            significant: 0,
            power: 0,
        };
        let int_start = self.pos;
        token.digits = self.mantissa_digits(&mut token);
        if token.digits == 0 || (token.digits > 1 && self.bytes[int_start] == b'0') {
            return Err(Bail);
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            token.float = true;
            let fraction = self.mantissa_digits(&mut token);
            if fraction == 0 {
                return Err(Bail);
            }
            // At most the input's length: no overflow.
            token.power = -(fraction.min(1 << 20) as i32);
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            token.float = true;
            let sign = match self.bytes.get(self.pos) {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            self.pos += usize::from(sign != 0);
            let exponent_start = self.pos;
            let mut exponent: i32 = 0;
            while let Some(&byte) = self.bytes.get(self.pos) {
                let digit = byte.wrapping_sub(b'0');
                if digit >= 10 {
                    break;
                }
                // Capped: any exponent this large leaves the exact path.
                exponent = (exponent * 10 + i32::from(digit)).min(1 << 20);
                self.pos += 1;
            }
            if self.pos == exponent_start {
                return Err(Bail);
            }
            token.power += if sign < 0 { -exponent } else { exponent };
        }
        Ok(token)
    }

    /// Passes over digits, adding the first nineteen significant ones to
    /// the token's mantissa, and says how many there were.
    #[inline(always)]
    fn mantissa_digits(&mut self, token: &mut Token) -> usize {
        let start = self.pos;
        while token.significant < 19 {
            let Some(&byte) = self.bytes.get(self.pos) else {
                break;
            };
            let digit = byte.wrapping_sub(b'0');
            if digit >= 10 {
                return self.pos - start;
            }
            token.mantissa = token.mantissa * 10 + u64::from(digit);
            token.significant += 1;
            self.pos += 1;
        }
        // Digits past the nineteenth only count.
        let more = self.skip_digits();
        token.significant = token
            .significant
            .saturating_add(more.try_into().unwrap_or(u32::MAX));
        self.pos - start
    }

    /// The text of a number [`number_token`](Self::number_token) passed.
    fn number_text(&self, token: &Token) -> &'a str {
        let bytes: &'a [u8] = self.bytes;
        match core::str::from_utf8(&bytes[token.start..self.pos]) {
            Ok(text) => text,
            Err(_) => unreachable!("a number token is ASCII"),
        }
    }

    /// A float token's value, rounded correctly: exactly computed where
    /// [`Token::exact`] can, parsed from the text otherwise.
    fn float_value(&self, token: &Token) -> Fast<f64> {
        match token.exact() {
            Some(value) => Ok(value),
            None => self.number_text(token).parse().map_err(|_| Bail),
        }
    }

    /// Any number, as an `f64`, with the value serde_json gives: both round
    /// correctly (serde_json with its `float_roundtrip` feature, which this
    /// crate turns on). Too large for an `f64` goes to serde, which refuses
    /// it.
    #[inline]
    pub fn f64(&mut self) -> Fast<f64> {
        self.peek()?;
        let token = self.number_token()?;
        // An integer is a float of power 0 here: serde_json converts the
        // integer it reads, and the conversion rounds correctly too.
        let value = self.float_value(&token)?;
        if value.is_finite() {
            Ok(value)
        } else {
            Err(Bail)
        }
    }

    /// Any number, as serde_json's `Number` holds it.
    fn number(&mut self) -> Fast<Number> {
        let token = self.number_token()?;
        if arbitrary_precision() {
            // `Number` then keeps the text, in the form serde_json's own
            // parser gives it, which makes it here as it makes it for a
            // `Value`.
            return serde_json::from_str(self.number_text(&token)).map_err(|_| Bail);
        }
        if !token.float {
            let magnitude = match token.digits {
                // All the digits are in the mantissa.
                0..=19 => Some(token.mantissa),
                20 => self.number_text(&token)[usize::from(token.negative)..]
                    .parse::<u64>()
                    .ok(),
                _ => None,
            };
            match (token.negative, magnitude) {
                (false, Some(magnitude)) => return Ok(Number::from(magnitude)),
                // serde_json reads `-0` as a float.
                (true, Some(0)) => {}
                (true, Some(magnitude)) => {
                    if let Some(value) = 0i64.checked_sub_unsigned(magnitude) {
                        return Ok(Number::from(value));
                    }
                }
                // Beyond 64 bits serde_json makes it a float.
                (_, None) => {}
            }
        }
        // Both this and serde_json's `float_roundtrip` round correctly.
        Number::from_f64(self.float_value(&token)?).ok_or(Bail)
    }

    fn skip_digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.bytes.get(self.pos), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Any value, as serde_json's `Value` reads it; a key repeated in one
    /// object, which it would take the last of, goes to serde.
    pub fn value(&mut self) -> Fast<Value> {
        self.value_in::<false>()
    }

    /// Any value, with a key repeated in one object refused, as unknown
    /// values and `#[voucherify(unique_keys)]` objects are read.
    pub fn strict_value(&mut self) -> Fast<Value> {
        self.value_in::<true>()
    }

    /// An object of values, as serde_json's `Map` reads it: see
    /// [`value`](Self::value).
    pub fn object(&mut self) -> Fast<Map<String, Value>> {
        self.object_in::<false>()
    }

    /// An object of values, with a key repeated at any depth refused: see
    /// [`strict_value`](Self::strict_value).
    pub fn strict_object(&mut self) -> Fast<Map<String, Value>> {
        self.object_in::<true>()
    }

    fn value_in<const STRICT: bool>(&mut self) -> Fast<Value> {
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
                    items.push(self.value_in::<STRICT>()?);
                    more = self.array_next()?;
                }
                Value::Array(items)
            }
            b'{' => Value::Object(self.object_in::<STRICT>()?),
            b'0'..=b'9' => {
                // Most numbers are small whole ones: read at once, with the
                // text serde_json's `Number` would keep for them, too.
                let start = self.pos;
                match self.digits() {
                    Ok(value) => Value::Number(value.into()),
                    Err(Bail) => {
                        self.pos = start;
                        Value::Number(self.number()?)
                    }
                }
            }
            b'-' => Value::Number(self.number()?),
            _ => return Err(Bail),
        })
    }

    fn object_in<const STRICT: bool>(&mut self) -> Fast<Map<String, Value>> {
        let mut map = Map::new();
        let mut more = self.object_start()?;
        while more {
            let key_at = self.pos;
            let key = self.key()?;
            if key == NUMBER_TOKEN && arbitrary_precision() {
                // serde_json's `Value` would take the object for a number.
                return Err(Bail);
            }
            let key = owned(key);
            let colon = self.pos - 1;
            let value = match self.value_in::<STRICT>() {
                Ok(value) => value,
                // serde would have refused the key before reading the value.
                Err(Bail) if STRICT && map.contains_key(&key) => {
                    return self.duplicate_key(key_at, colon, false)
                }
                Err(Bail) => return Err(Bail),
            };
            if map.insert(key, value).is_some() {
                return if STRICT {
                    self.duplicate_key(key_at, colon, false)
                } else {
                    self.repeated_key()
                };
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

/// Powers of ten that an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// What [`Reader::number_token`] found.
struct Token {
    start: usize,
    negative: bool,
    /// How many digits the integer part has.
    digits: usize,
    /// Whether the number has a fraction or an exponent.
    float: bool,
    /// The first nineteen significant digits, integer part and fraction
    /// together, as an integer.
    mantissa: u64,
    /// How many digits the integer part and the fraction have.
    significant: u32,
    /// The power of ten the mantissa is multiplied by: the exponent less
    /// the fraction's digits (capped far beyond what `f64` holds).
    power: i32,
}

impl Token {
    /// The number's value when its digits make an integer of at most 2^53
    /// and its power of ten is within ±22: both are then exact `f64`s, and
    /// one multiplication or division rounds their exact result correctly,
    /// as every correct parser does. `None` for any other number.
    #[inline]
    fn exact(&self) -> Option<f64> {
        if self.significant > 19 || self.mantissa > 1 << 53 {
            return None;
        }
        let value = self.mantissa as f64;
        let value = match self.power {
            0..=22 => value * EXACT_POWERS[self.power as usize],
            -22..=-1 => value / EXACT_POWERS[self.power.unsigned_abs() as usize],
            _ => return None,
        };
        Some(if self.negative { -value } else { value })
    }
}

/// The key of the map through which serde_json with `arbitrary_precision`
/// hands over a number's text.
pub(crate) const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Whether serde_json was built with its `arbitrary_precision` feature,
/// which any crate of a build can turn on: its `Number` then keeps a
/// number's text, and reads a float's text through a map with a private
/// key. Found from what `Number` does, once.
pub(crate) fn arbitrary_precision() -> bool {
    use std::sync::OnceLock;

    static KEEPS_TEXT: OnceLock<bool> = OnceLock::new();
    *KEEPS_TEXT.get_or_init(|| {
        // Only kept text holds the trailing zero.
        serde_json::from_str::<Number>("0.10").is_ok_and(|number| number.to_string() == "0.10")
    })
}

/// Where a string's text is.
#[derive(Clone, Copy)]
enum Span {
    Input(usize, usize),
    Scratch,
}

/// `text` as a `String` of exactly its length: what `str::to_owned`
/// makes, allocated here, because once `Reader::string` is inlined into
/// each field's reader `to_owned` stops inlining its allocation and every
/// string pays for a call through `RawVec`'s general path.
#[inline]
pub(crate) fn owned(text: &str) -> String {
    let len = text.len();
    if len == 0 {
        return String::new();
    }
    let layout = std::alloc::Layout::for_value(text.as_bytes());
    // SAFETY: `layout` has a non-zero size, `len` bytes at alignment 1.
    let ptr = unsafe { std::alloc::alloc(layout) };
    if ptr.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    // SAFETY: `ptr` is a fresh allocation of `len` bytes from the global
    // allocator with the layout `String` uses for capacity `len` (bytes,
    // alignment 1), so it cannot overlap `text`; copying `len` bytes of
    // `text`, which is UTF-8, fills it with UTF-8, and length and capacity
    // are both `len`.
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), ptr, len);
        String::from_raw_parts(ptr, len, len)
    }
}

#[cfg(test)]
mod tests {
    use super::Reader;

    /// Whole numbers read at once, and every other number, are the values
    /// serde_json's `Value` holds, with the text it keeps for them.
    #[test]
    fn numbers_in_values_are_serde_jsons() {
        for text in [
            "0",
            "7",
            "123456789012345678",
            "999999999999999999",
            "1234567890123456789",
            "18446744073709551615",
            "18446744073709551616",
            "1.5",
            "1e2",
            "0.0",
            "-0",
            "-12",
            "10E-1",
        ] {
            let ours = Reader::new(text.as_bytes()).value().unwrap();
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs, "{text}");
            assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
        }
        for text in ["01", "00", "1.", "1e", "-"] {
            assert!(Reader::new(text.as_bytes()).value().is_err(), "{text}");
        }
    }

    /// Whatever path a number takes, exact or parsed, it gives what the
    /// standard library's correctly rounding parser gives.
    #[test]
    fn floats_are_the_parsed_values() {
        let mantissas = [
            "0",
            "1",
            "5",
            "9",
            "10",
            "123",
            "4503599627370496",
            "9007199254740992",
            "9007199254740993",
            "12345678901234567",
            "1234567890123456789",
            "99999999999999999999",
        ];
        let exponents = [
            "", "e0", "e5", "E-5", "e+22", "e-22", "e23", "e-23", "e0400", "e-00007",
        ];
        let mut exact = 0;
        for mantissa in mantissas {
            for point in 0..=mantissa.len() {
                for exponent in exponents {
                    for sign in ["", "-"] {
                        let (whole, fraction) = mantissa.split_at(point);
                        let whole = if whole.is_empty() { "0" } else { whole };
                        let text = if fraction.is_empty() {
                            format!("{sign}{whole}{exponent}")
                        } else {
                            format!("{sign}{whole}.{fraction}{exponent}")
                        };
                        let parsed: f64 = text.parse().unwrap();
                        let mut reader = Reader::new(text.as_bytes());
                        let token = reader.number_token().unwrap();
                        assert_eq!(reader.pos, text.len(), "{text}");
                        exact += usize::from(token.exact().is_some());
                        let read = Reader::new(text.as_bytes()).f64();
                        if parsed.is_finite() {
                            assert_eq!(read.unwrap().to_bits(), parsed.to_bits(), "{text}");
                        } else {
                            assert!(read.is_err(), "{text}");
                        }
                    }
                }
            }
        }
        assert!(exact > 500, "{exact}");
        // Leading zeros of a fraction count among the nineteen digits: past
        // them the mantissa may hold only zeros, and the value is not zero.
        for text in [
            "0.0000000000000000001234",
            "-0.00000000000000000000001e3",
            "0.000000000000000000000000000000000000001",
        ] {
            let parsed: f64 = text.parse().unwrap();
            let read = Reader::new(text.as_bytes()).f64().unwrap();
            assert_eq!(read.to_bits(), parsed.to_bits(), "{text}");
        }
    }
}
