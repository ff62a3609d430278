//! A compact JSON writer for the direct path. Its output is byte for byte
//! what serde_json writes for the same value.

// Plumbing for generated code, named through `__private`.
#![allow(missing_docs)]

use std::mem::MaybeUninit;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
use serde_json::{Number, Value};

use super::read::{arbitrary_precision, Bail, Fast};
use super::scan::{escape_free_prefix, Block, ESCAPE, NEEDS_ESCAPE};
use crate::format::number::whole;

/// Output bytes, always valid UTF-8.
pub struct Writer {
    out: Vec<u8>,
}

impl Writer {
    pub fn new(out: Vec<u8>) -> Self {
        Writer { out }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    /// Bytes already in JSON form, such as a key with its quotes and colon.
    #[inline]
    pub fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// One byte of JSON punctuation.
    #[inline]
    pub fn byte(&mut self, byte: u8) {
        self.out.push(byte);
    }

    /// The first `len` of `bytes`, which are in JSON form. All `N` are
    /// copied and the rest taken off again: a copy of a size known when
    /// compiling is a few stores, where a copy of `len` bytes is a call.
    #[inline]
    pub fn prefix<const N: usize>(&mut self, bytes: &[u8; N], len: usize) {
        let end = self.out.len() + len.min(N);
        self.out.extend_from_slice(bytes);
        self.out.truncate(end);
    }

    /// Where an object's members start; see [`object_end`](Self::object_end).
    #[inline]
    pub fn object_start(&mut self) -> usize {
        self.out.len()
    }

    /// Closes an object whose members were each written with a leading
    /// comma since `start`: the first comma becomes the `{`.
    #[inline]
    pub fn object_end(&mut self, start: usize) {
        if self.out.len() == start {
            self.out.extend_from_slice(b"{}");
        } else {
            self.out[start] = b'{';
            self.out.push(b'}');
        }
    }

    /// An array of `items`, each written by `write`.
    #[inline]
    pub fn array<T>(
        &mut self,
        items: &[T],
        mut write: impl FnMut(&T, &mut Writer) -> Fast<()>,
    ) -> Fast<()> {
        self.byte(b'[');
        if let Some((first, rest)) = items.split_first() {
            write(first, self)?;
            for item in rest {
                self.byte(b',');
                write(item, self)?;
            }
        }
        self.byte(b']');
        Ok(())
    }

    /// An object of `members` in the order given, as serde_json writes a
    /// map, each value written by `write`.
    #[inline]
    pub fn members<'a, T: 'a>(
        &mut self,
        members: impl IntoIterator<Item = (&'a String, &'a T)>,
        mut write: impl FnMut(&T, &mut Writer) -> Fast<()>,
    ) -> Fast<()> {
        let start = self.object_start();
        for (key, value) in members {
            self.member(key);
            write(value, self)?;
        }
        self.object_end(start);
        Ok(())
    }

    #[inline]
    pub fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    #[inline]
    pub fn bool(&mut self, value: bool) {
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
    }

    #[inline]
    pub fn i64(&mut self, value: i64) {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    }

    #[inline]
    pub fn u64(&mut self, value: u64) {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    }

    /// An `f64` as serde_json writes it, with serde_json's own formatter:
    /// the shortest form that reads back to the same value, and `null` for
    /// NaN and the infinities.
    #[inline]
    pub fn f64(&mut self, value: f64) -> Fast<()> {
        if value.is_finite() {
            CompactFormatter
                .write_f64(&mut self.out, value)
                .map_err(|_| Bail)
        } else {
            self.null();
            Ok(())
        }
    }

    /// An `f64` field's value as [`format::number`](crate::format::number)
    /// writes it: a whole number within ±2^53 as an integer. NaN and the
    /// infinities are left to serde, which refuses them with the path.
    #[inline]
    pub fn api_number(&mut self, value: f64) -> Fast<()> {
        match whole(value) {
            Some(integer) => {
                self.i64(integer);
                Ok(())
            }
            None if value.is_finite() => self.f64(value),
            None => Err(Bail),
        }
    }

    /// Anything serde can write, through serde_json itself.
    pub fn serde<T: ?Sized + Serialize>(&mut self, value: &T) -> Fast<()> {
        serde_json::to_writer(&mut self.out, value).map_err(|_| Bail)
    }

    /// A string, quoted and escaped as serde_json does.
    ///
    /// The string is checked and copied in one pass, sixteen or eight bytes
    /// at a time, into room reserved for it; the last block overlaps the one
    /// before. Only a string with something to escape takes the slower way.
    #[inline]
    pub fn str(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let len = bytes.len();
        let start = self.out.len();
        self.out.reserve(len + 2);
        let room = &mut self.out.spare_capacity_mut()[..len + 2];
        room[0].write(b'"');
        room[len + 1].write(b'"');
        let body = &mut room[1..=len];
        let plain = if let Some(last) = len.checked_sub(16) {
            let mut at = 0;
            let mut plain = true;
            while plain && at < last {
                plain = copy_plain::<16>(&mut body[at..], &bytes[at..]);
                at += 16;
            }
            plain && copy_plain::<16>(&mut body[last..], &bytes[last..])
        } else if let Some(last) = len.checked_sub(8) {
            copy_plain::<8>(body, bytes) && copy_plain::<8>(&mut body[last..], &bytes[last..])
        } else {
            let mut plain = true;
            for (slot, &byte) in body.iter_mut().zip(bytes) {
                plain &= !NEEDS_ESCAPE[usize::from(byte)];
                slot.write(byte);
            }
            plain
        };
        if !plain {
            return self.escaped_str(bytes);
        }
        // SAFETY: `room` is the first `len + 2` bytes of spare capacity, and
        // all of them are written above: the two quotes, and every byte of
        // `body`, by blocks from the start and one more ending at the end,
        // or one at a time.
        unsafe { self.out.set_len(start + len + 2) };
    }

    /// A string with something to escape, written a piece at a time
    /// into room reserved for the piece escaped at its longest.
    #[cold]
    fn escaped_str(&mut self, bytes: &[u8]) {
        self.out.push(b'"');
        for piece in bytes.chunks(PIECE) {
            let start = self.out.len();
            let most = escaped_room(piece.len());
            self.out.reserve(most);
            let written = escape_into(&mut self.out.spare_capacity_mut()[..most], piece);
            // SAFETY: `escape_into` wrote every byte of the first `written`
            // of the spare capacity (its contract), which `reserve` made
            // hold at least `most >= written` bytes.
            unsafe { self.out.set_len(start + written) };
        }
        self.out.push(b'"');
    }

    fn json_number(&mut self, number: &Number) -> Fast<()> {
        if arbitrary_precision() {
            // `Number` holds its text, which serde_json writes as it is.
            self.serde(number)?;
        } else if let Some(value) = number.as_u64() {
            self.u64(value);
        } else if let Some(value) = number.as_i64() {
            self.i64(value);
        } else if let Some(value) = number.as_f64() {
            // A float, always finite in a `Number`.
            self.f64(value)?;
        } else {
            self.serde(number)?;
        }
        Ok(())
    }

    pub fn value(&mut self, value: &Value) -> Fast<()> {
        match value {
            Value::Null => self.null(),
            Value::Bool(value) => self.bool(*value),
            Value::Number(number) => self.json_number(number)?,
            Value::String(text) => self.str(text),
            Value::Array(items) => {
                self.out.push(b'[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        self.out.push(b',');
                    }
                    self.value(item)?;
                }
                self.out.push(b']');
            }
            Value::Object(map) => {
                let start = self.object_start();
                for (key, value) in map {
                    self.member(key);
                    self.value(value)?;
                }
                self.object_end(start);
            }
        }
        Ok(())
    }

    /// `,"key":` for a member whose key is known only at run time.
    #[inline]
    pub fn member(&mut self, key: &str) {
        self.out.push(b',');
        self.str(key);
        self.out.push(b':');
    }
}

/// Bytes of a string escaped in one go: the room reserved for them stays
/// small while the writing goes without checks of the buffer's capacity.
const PIECE: usize = 1024;

/// Room enough for `len` bytes escaped, at most six bytes each (`\u001f`),
/// and for the last block copied whole.
fn escaped_room(len: usize) -> usize {
    6 * len + 16
}

/// Writes `bytes` escaped as serde_json escapes a string into the start of
/// `out`, which holds [`escaped_room`] of them, and returns how many bytes
/// it wrote. Every one of those bytes is written.
///
/// From a byte that needs no escape on, sixteen bytes are copied whole, and
/// the output moves on past those of them that need none; the rest are
/// written over by what comes next.
#[inline]
fn escape_into(out: &mut [MaybeUninit<u8>], bytes: &[u8]) -> usize {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut at = 0;
    let mut written = 0;
    while let Some(&byte) = bytes.get(at) {
        match ESCAPE[usize::from(byte)] {
            0 => {
                if let (Some(block), Some(room)) = (
                    bytes[at..].first_chunk::<16>(),
                    out[written..].first_chunk_mut::<16>(),
                ) {
                    *room = block.map(MaybeUninit::new);
                    // At least the first byte, which needs no escape.
                    let plain = escape_free_prefix(block);
                    at += plain;
                    written += plain;
                } else {
                    out[written].write(byte);
                    at += 1;
                    written += 1;
                }
            }
            b'u' => {
                let escape = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(byte >> 4)],
                    HEX[usize::from(byte & 0xf)],
                ];
                let Some(room) = out[written..].first_chunk_mut::<6>() else {
                    unreachable!("room for six bytes a byte of input");
                };
                *room = escape.map(MaybeUninit::new);
                at += 1;
                written += 6;
            }
            short => {
                let Some(room) = out[written..].first_chunk_mut::<2>() else {
                    unreachable!("room for six bytes a byte of input");
                };
                *room = [b'\\', short].map(MaybeUninit::new);
                at += 1;
                written += 2;
            }
        }
    }
    written
}

/// Copies the first `N` bytes of `bytes` into `out` when none of them
/// needs escaping, and returns whether it did. Both hold at least `N`.
#[inline]
fn copy_plain<const N: usize>(out: &mut [MaybeUninit<u8>], bytes: &[u8]) -> bool
where
    [u8; N]: Block,
{
    let Some((block, _)) = bytes.split_first_chunk::<N>() else {
        return false;
    };
    if !block.is_plain() {
        return false;
    }
    for (slot, &byte) in out[..N].iter_mut().zip(block) {
        slot.write(byte);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::Writer;

    /// Texts of each length up to a few blocks, plain or with something to
    /// escape, at the start or the end, and texts with many escapes.
    fn texts() -> Vec<String> {
        let mut texts = Vec::new();
        for len in 0..40 {
            let plain: String = "abcdefghijklmnopqrstuvwxyz0123456789ABCD"[..len].to_owned();
            texts.push(format!("\n{plain}"));
            texts.push(format!("{plain}\u{1}"));
            texts.push(plain);
        }
        // Nothing but escapes, six bytes each, and a long text whose
        // pieces, escaped one at a time, each hold several.
        texts.push("\u{1f}".repeat(40));
        texts.push("ab\"\u{0}\t".repeat(700));
        texts
    }

    /// `str` reserves the room it writes in: a buffer with no room to
    /// spare, or with only a little, takes any string.
    #[test]
    fn strings_fit_a_buffer_without_spare_room() {
        for text in texts() {
            for capacity in 0..4 {
                let mut writer = Writer::new(Vec::with_capacity(capacity));
                writer.str(&text);
                let expected = serde_json::to_vec(&text).unwrap();
                assert_eq!(writer.into_bytes(), expected, "{text:?} in {capacity}");
            }
        }
    }

    /// Every byte `str` keeps is one it wrote: what the buffer's spare
    /// room held before never shows through.
    #[test]
    fn strings_leave_nothing_of_what_the_buffer_held() {
        for text in texts() {
            let mut out = vec![b'#'; 256];
            out.clear();
            out.push(b'[');
            let mut writer = Writer::new(out);
            writer.str(&text);
            writer.byte(b']');
            let expected = serde_json::to_vec(&[&text]).unwrap();
            assert_eq!(writer.into_bytes(), expected, "{text:?}");
        }
    }
}
