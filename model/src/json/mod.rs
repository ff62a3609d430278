//! The direct JSON path behind [`from_slice`](crate::from_slice) and
//! [`to_vec`](crate::to_vec): a reader and a writer made for the models,
//! which leave anything out of the ordinary to serde.

mod read;
mod write;

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::Serialize;
use time::{Date, OffsetDateTime};

pub use self::read::{Bail, Bytes, Fast, Input, Reader, Text};
pub use self::write::Writer;
use crate::{Map, Value};

/// A type that [`from_str`](crate::from_str), [`from_slice`](crate::from_slice),
/// [`from_reader`](crate::from_reader) and the `to_*` functions read and
/// write.
///
/// `#[voucherify_model]` implements it for every model, with a JSON reader
/// and writer made for the type, which give the same results as serde_json
/// and the type's serde impls, only faster. It is implemented here for the
/// types models are built of: strings, integers, floats, `bool`, `Option`,
/// `Box`, `Vec`, `BTreeMap<String, _>`, `HashMap<String, _>`, [`Map`],
/// [`Value`] and [`Extra`](crate::Extra).
///
/// A generic model, or one with serde attributes the generated reader does
/// not follow (`flatten`, `rename_all` on a struct, fields under `#[cfg]`,
/// among others), gets an empty impl instead. So can any other serde type:
/// an empty impl reads and writes it through serde_json, with the same
/// results, only without the generated reader's speed.
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Page {
///     customers: Vec<voucherify_model::CustomersCreateResponseBody>,
/// }
///
/// impl voucherify_model::Json for Page {}
///
/// let page: Page = voucherify_model::from_str(r#"{"customers":[{"id":"cust_1"}]}"#)?;
/// assert_eq!(voucherify_model::to_string(&page)?, r#"{"customers":[{"id":"cust_1"}]}"#);
/// # Ok::<(), voucherify_model::Error>(())
/// ```
pub trait Json {
    /// Reads a value directly, or gives up so that serde reads it.
    #[doc(hidden)]
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self>
    where
        Self: Sized,
    {
        let _ = reader;
        Err(Bail)
    }

    /// Writes the value directly, or gives up so that serde writes it.
    #[doc(hidden)]
    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        let _ = writer;
        Err(Bail)
    }
}

impl Json for String {
    #[inline]
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        reader.string()
    }

    #[inline]
    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        writer.str(self);
        Ok(())
    }
}

impl Json for str {
    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        writer.str(self);
        Ok(())
    }
}

impl Json for bool {
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        reader.bool()
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        writer.bool(*self);
        Ok(())
    }
}

/// Integers read through `i64` or `u64`; one out of the type's range goes
/// to serde, which names the problem.
macro_rules! integers {
    ($read:ident, $write:ident: $($ty:ty)*) => {$(
        impl Json for $ty {
            #[inline]
            fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
                reader.$read()?.try_into().map_err(|_| Bail)
            }

            #[inline]
            fn write_json(&self, writer: &mut Writer) -> Fast<()> {
                writer.$write((*self).into());
                Ok(())
            }
        }
    )*};
}

integers!(i64, i64: i64 i32 i16 i8);
integers!(u64, u64: u64 u32 u16 u8);

/// Floats through serde_json, which writes a non-finite one as `null`.
macro_rules! floats {
    ($($ty:ty)*) => {$(
        impl Json for $ty {
            fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
                through_serde(reader)
            }

            fn write_json(&self, writer: &mut Writer) -> Fast<()> {
                writer.serde(self)
            }
        }
    )*};
}

floats!(f64 f32);

impl<T: Json> Json for Option<T> {
    #[inline]
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        if reader.null()? {
            Ok(None)
        } else {
            T::read_json(reader).map(Some)
        }
    }

    #[inline]
    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        match self {
            Some(value) => value.write_json(writer),
            None => {
                writer.null();
                Ok(())
            }
        }
    }
}

impl<T: Json> Json for Box<T> {
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        T::read_json(reader).map(Box::new)
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        (**self).write_json(writer)
    }
}

impl<T: Json> Json for Vec<T> {
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        let mut items = Vec::new();
        let mut more = reader.array_start()?;
        while more {
            items.push(T::read_json(reader)?);
            more = reader.array_next()?;
        }
        Ok(items)
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        self.as_slice().write_json(writer)
    }
}

impl<T: Json> Json for [T] {
    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        writer.raw(b"[");
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                writer.raw(b",");
            }
            item.write_json(writer)?;
        }
        writer.raw(b"]");
        Ok(())
    }
}

impl<T: Json> Json for BTreeMap<String, T> {
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        let mut map = BTreeMap::new();
        read_members(reader, |key, value| map.insert(key, value).is_none())?;
        Ok(map)
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        write_members(writer, self)
    }
}

impl<T: Json, S: BuildHasher + Default> Json for HashMap<String, T, S> {
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        let mut map = HashMap::default();
        read_members(reader, |key, value| map.insert(key, value).is_none())?;
        Ok(map)
    }

    /// In the map's own order, as serde_json writes it.
    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        write_members(writer, self)
    }
}

/// Reads an object's members, handing each to `insert`, which says whether
/// its key was new. serde keeps the last of a repeated key and the models
/// refuse it: either way, serde decides.
fn read_members<T: Json, I: Input>(
    reader: &mut Reader<'_, I>,
    mut insert: impl FnMut(String, T) -> bool,
) -> Fast<()> {
    let mut more = reader.object_start()?;
    while more {
        let key = reader.key()?.to_owned();
        let value = T::read_json(reader)?;
        if !insert(key, value) {
            return Err(Bail);
        }
        more = reader.object_next()?;
    }
    Ok(())
}

/// Writes an object's members in the order given.
fn write_members<'a, T: Json + 'a>(
    writer: &mut Writer,
    members: impl IntoIterator<Item = (&'a String, &'a T)>,
) -> Fast<()> {
    let start = writer.object_start();
    for (key, value) in members {
        writer.member(key);
        value.write_json(writer)?;
    }
    writer.object_end(start);
    Ok(())
}

impl Json for crate::Extra {
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        reader.object().map(Self::from)
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        self.as_map().write_json(writer)
    }
}

impl Json for Map {
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        reader.object()
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        write_members(writer, self)
    }
}

impl Json for Value {
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        reader.value()
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        writer.value(self)
    }
}

impl<T: ?Sized + Json> Json for &T {
    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        (**self).write_json(writer)
    }
}

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

/// Reads one value with serde_json, from its own text.
pub fn through_serde<T: DeserializeOwned, I: Input>(reader: &mut Reader<'_, I>) -> Fast<T> {
    let text = reader.skip()?;
    serde_json::from_slice(text).map_err(|_| Bail)
}

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
    let form = quoted[1..].first_chunk_mut::<MAX_LEN>().ok_or(Bail)?;
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

/// Chooses, for a field's type, the type's own direct reader and writer
/// when it has them ([`Direct`]), and serde otherwise ([`ThroughSerde`]):
/// generated code calls `(&Slot::<T>::NEW).read_field(..)`, and method
/// lookup tries `Slot<T>` before `&Slot<T>`.
pub struct Slot<T>(PhantomData<T>);

impl<T> Slot<T> {
    /// The slot of `T`.
    pub const NEW: Self = Slot(PhantomData);
}

/// A field of a [`Json`] type: read and written directly.
pub trait Direct<T> {
    /// Reads the field's value.
    fn read_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T>;
    /// Writes the field's value.
    fn write_field(&self, value: &T, writer: &mut Writer) -> Fast<()>;
}

impl<T: Json> Direct<T> for Slot<T> {
    #[inline]
    fn read_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T> {
        T::read_json(reader)
    }

    #[inline]
    fn write_field(&self, value: &T, writer: &mut Writer) -> Fast<()> {
        value.write_json(writer)
    }
}

/// A field of any other serde type: read from its own text by serde_json,
/// and written by it.
pub trait ThroughSerde<T> {
    /// Reads the field's value.
    fn read_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T>;
    /// Writes the field's value.
    fn write_field(&self, value: &T, writer: &mut Writer) -> Fast<()>;
}

impl<T: DeserializeOwned + Serialize> ThroughSerde<T> for &Slot<T> {
    fn read_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T> {
        through_serde(reader)
    }

    fn write_field(&self, value: &T, writer: &mut Writer) -> Fast<()> {
        writer.serde(value)
    }
}
