//! A compact JSON writer for the direct path. Its output is byte for byte
//! what serde_json writes for the same value.

// Plumbing for generated code, named through `__private`.
#![allow(missing_docs)]

use std::mem::MaybeUninit;

use serde::Serialize;
use serde_json::{Number, Value};

use super::read::{Bail, Fast};
use super::scan::{escape_free_run, Block, NEEDS_ESCAPE};

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

    /// A string with something to escape.
    #[cold]
    fn escaped_str(&mut self, bytes: &[u8]) {
        let mut run = escape_free_run(bytes);
        self.out.reserve(bytes.len() + 8);
        self.out.push(b'"');
        let mut start = 0;
        loop {
            self.out.extend_from_slice(&bytes[start..start + run]);
            start += run;
            let Some(&byte) = bytes.get(start) else { break };
            self.escape(byte);
            start += 1;
            run = escape_free_run(&bytes[start..]);
        }
        self.out.push(b'"');
    }

    #[cold]
    fn escape(&mut self, byte: u8) {
        let short = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.extend_from_slice(b"\\u00");
                self.out.push(HEX[usize::from(byte >> 4)]);
                self.out.push(HEX[usize::from(byte & 0xf)]);
                return;
            }
        };
        self.out.extend_from_slice(&[b'\\', short]);
    }

    fn number(&mut self, number: &Number) -> Fast<()> {
        if let Some(value) = number.as_u64() {
            self.u64(value);
        } else if let Some(value) = number.as_i64() {
            self.i64(value);
        } else {
            self.serde(number)?;
        }
        Ok(())
    }

    pub fn value(&mut self, value: &Value) -> Fast<()> {
        match value {
            Value::Null => self.null(),
            Value::Bool(value) => self.bool(*value),
            Value::Number(number) => self.number(number)?,
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
