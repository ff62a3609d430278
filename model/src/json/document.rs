//! Whole documents through the direct reader and writer: what
//! [`from_str`](crate::from_str), [`from_slice`](crate::from_slice) and the
//! `to_*` functions try before serde.

use super::read::{Bail, Input, Reader};
use super::refuse::refusal_error;
use super::types::Json;
use super::write::Writer;
use crate::Error;

/// A whole document through the direct reader: `None` leaves it to serde.
#[inline]
pub fn read_direct<T: Json>(bytes: &[u8]) -> Option<T> {
    read_all(Reader::new(bytes)).ok()
}

/// The error the direct reader makes itself for a document the serde path
/// refuses (a repeated key), if it makes one.
pub fn direct_error<T: Json>(bytes: &[u8]) -> Option<Error> {
    match read_all::<T, _>(Reader::new(bytes)) {
        Err(Fallback::Refused(error)) => Some(error),
        _ => None,
    }
}

/// A whole document of UTF-8 text through the direct reader.
#[inline]
pub fn read_direct_text<T: Json>(text: &str) -> Option<T> {
    read_all(Reader::from_text(text)).ok()
}

/// How serde should read a document the direct reader gave up on.
pub(crate) enum Fallback {
    /// Plainly, and again to find the path only if that fails.
    Plain,
    /// Once, tracking the path: the reader gave up on a repeated key
    /// whose fate it leaves to serde, which keeps the last copy (in a
    /// `Value`, a `Map` or a map without `unique_keys`) or refuses it.
    Tracked,
    /// Not at all: the reader met a repeated key that the serde path
    /// refuses, and this is the error that path gives.
    Refused(Error),
}

/// [`read_direct`], saying how to fall back.
#[inline]
pub(crate) fn try_direct<T: Json>(bytes: &[u8]) -> Result<T, Fallback> {
    read_all(Reader::new(bytes))
}

/// [`read_direct_text`], saying how to fall back.
#[inline]
pub(crate) fn try_direct_text<T: Json>(text: &str) -> Result<T, Fallback> {
    read_all(Reader::from_text(text))
}

fn read_all<T: Json, I: Input>(mut reader: Reader<'_, I>) -> Result<T, Fallback> {
    let fallback = |reader: &mut Reader<'_, I>| {
        if let Some(refusal) = reader.take_refusal() {
            Fallback::Refused(refusal_error(reader.input(), &refusal))
        } else if reader.gave_up_on_repeat() {
            Fallback::Tracked
        } else {
            Fallback::Plain
        }
    };
    let value = T::read_json(&mut reader).map_err(|Bail| fallback(&mut reader))?;
    reader.end().map_err(|Bail| fallback(&mut reader))?;
    Ok(value)
}

/// A whole document through the direct writer, appended to `out`; `Err`
/// gives the buffer back for serde to write into.
#[inline]
pub fn write_direct<T: ?Sized + Json>(value: &T, out: Vec<u8>) -> Result<Vec<u8>, Vec<u8>> {
    let mut writer = Writer::new(out);
    match value.write_json(&mut writer) {
        Ok(()) => Ok(writer.into_bytes()),
        Err(Bail) => Err(writer.into_bytes()),
    }
}
