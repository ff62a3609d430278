//! Whole documents through the direct reader and writer: what
//! [`from_str`](crate::from_str), [`from_slice`](crate::from_slice) and the
//! `to_*` functions try before serde.

use super::read::{Bail, Input, Reader};
use super::types::Json;
use super::write::Writer;

/// A whole document through the direct reader: `None` leaves it to serde.
#[inline]
pub fn read_direct<T: Json>(bytes: &[u8]) -> Option<T> {
    read_all(Reader::new(bytes)).ok()
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
    /// Once, tracking the path: the reader gave up on a repeated key, which
    /// the models refuse, so a failure is likely.
    Tracked,
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
    let fallback = |reader: &Reader<'_, I>| {
        if reader.gave_up_on_repeat() {
            Fallback::Tracked
        } else {
            Fallback::Plain
        }
    };
    let value = T::read_json(&mut reader).map_err(|Bail| fallback(&reader))?;
    reader.end().map_err(|Bail| fallback(&reader))?;
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
