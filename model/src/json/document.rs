//! Whole documents through the direct reader and writer: what
//! [`from_str`](crate::from_str), [`from_slice`](crate::from_slice) and the
//! `to_*` functions try before serde.

use super::read::{Bail, Input, Reader};
use super::types::Json;
use super::write::Writer;

/// A whole document through the direct reader: `None` leaves it to serde.
#[inline]
pub fn read_direct<T: Json>(bytes: &[u8]) -> Option<T> {
    read_all(Reader::new(bytes))
}

/// A whole document of UTF-8 text through the direct reader.
#[inline]
pub fn read_direct_text<T: Json>(text: &str) -> Option<T> {
    read_all(Reader::from_text(text))
}

fn read_all<T: Json, I: Input>(mut reader: Reader<'_, I>) -> Option<T> {
    let value = T::read_json(&mut reader).ok()?;
    reader.end().ok()?;
    Some(value)
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
