//! Dates on the direct path, read and written as [`format`](crate::format)
//! does through serde.

use time::{Date, OffsetDateTime};

use super::read::{Bail, Fast, Input, Reader};
use super::write::Writer;

/// A timestamp, as [`format::date_time`](crate::format::date_time) reads it.
#[inline]
pub fn read_date_time<I: Input>(reader: &mut Reader<'_, I>) -> Fast<OffsetDateTime> {
    crate::format::date_time::parse(reader.str()?).ok_or(Bail)
}

/// A timestamp, as [`format::date_time`](crate::format::date_time) writes it.
#[inline]
pub fn write_date_time(writer: &mut Writer, value: &OffsetDateTime) -> Fast<()> {
    use crate::format::date_time::{write, MAX_LEN};
    // Written between the quotes, then closed right after the text.
    let mut quoted = [b'"'; MAX_LEN + 2];
    let Some(form) = quoted[1..].first_chunk_mut::<MAX_LEN>() else {
        unreachable!("the buffer holds the longest form and its quotes");
    };
    let len = write(form, *value).ok_or(Bail)?;
    quoted[len + 1] = b'"';
    writer.prefix(&quoted, len + 2);
    Ok(())
}

/// A date, as [`format::date`](crate::format::date) reads it.
#[inline]
pub fn read_date<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Date> {
    crate::format::date::parse(reader.str()?).ok_or(Bail)
}

/// A date, as [`format::date`](crate::format::date) writes it.
#[inline]
pub fn write_date(writer: &mut Writer, value: &Date) -> Fast<()> {
    let mut out = *b"\"YYYY-MM-DD\"";
    crate::format::put_date(&mut out[1..11], *value).ok_or(Bail)?;
    writer.raw(&out);
    Ok(())
}
