//! The [`Json`] trait, and its impls for the types models are built of.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

use super::read::{Bail, Fast, Input, Reader};
use super::slot::through_serde;
use super::write::Writer;
use crate::{Map, Value};

/// A type that [`from_str`](crate::from_str), [`from_slice`](crate::from_slice),
/// [`from_reader`](crate::from_reader) and the `to_*` functions read and
/// write.
///
/// `#[voucherify_model]` implements it for every model, with a JSON reader
/// and writer made for the type, which give the same results as serde_json
/// and the type's serde impls, only faster. It is implemented here for the
/// types models are built of: strings, integers, floats, `bool`, `Option`,
/// `Box`, `Vec`, `BTreeMap<String, _>`, `HashMap<String, _>`,
/// [`IndexMap<String, _>`](indexmap::IndexMap), [`Map`],
/// [`Value`] and [`Extra`](crate::Extra).
///
/// A model with serde attributes the generated reader does not follow
/// (`flatten`, `rename_all` on a struct, fields under `#[cfg]`, among
/// others) gets an impl that hands its own value to serde_json, so that a
/// document holding it is still read directly around it. A generic or
/// borrowing model gets an empty impl instead. So can any other serde type:
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

    /// Whether the value at `path` below this one is, or is inside, a
    /// `#[voucherify(redact)]` field, so that an error there must not show
    /// it. Each step is an object key, or `None` for an array index.
    #[doc(hidden)]
    fn redacted_at(path: &[Option<&str>]) -> bool
    where
        Self: Sized,
    {
        let _ = path;
        false
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

/// Floats read as serde_json reads them, and written with its formatter,
/// a non-finite one as `null`.
impl Json for f64 {
    #[inline]
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        reader.f64()
    }

    #[inline]
    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        writer.f64(*self)
    }
}

/// Through serde_json, which reads an `f32` through an `f64`, rounding
/// twice.
impl Json for f32 {
    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        through_serde(reader)
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        writer.serde(self)
    }
}

/// An `f64` field, as [`format::number`](crate::format::number) writes it.
#[inline]
pub fn write_number(writer: &mut Writer, value: &f64) -> Fast<()> {
    writer.api_number(*value)
}

impl<T: Json> Json for Option<T> {
    fn redacted_at(path: &[Option<&str>]) -> bool {
        T::redacted_at(path)
    }

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
    fn redacted_at(path: &[Option<&str>]) -> bool {
        T::redacted_at(path)
    }

    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        T::read_json(reader).map(Box::new)
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        (**self).write_json(writer)
    }
}

impl<T: Json> Json for Vec<T> {
    fn redacted_at(path: &[Option<&str>]) -> bool {
        match path {
            [None, rest @ ..] => T::redacted_at(rest),
            _ => false,
        }
    }

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
        writer.array(self, T::write_json)
    }
}

impl<T: Json> Json for BTreeMap<String, T> {
    fn redacted_at(path: &[Option<&str>]) -> bool {
        member_redacted::<T>(path)
    }

    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        let mut map = BTreeMap::new();
        read_members::<false, T, I, _>(reader, &mut map)?;
        Ok(map)
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        write_members(writer, self)
    }
}

impl<T: Json, S: BuildHasher + Default> Json for HashMap<String, T, S> {
    fn redacted_at(path: &[Option<&str>]) -> bool {
        member_redacted::<T>(path)
    }

    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        let mut map = HashMap::default();
        read_members::<false, T, I, _>(reader, &mut map)?;
        Ok(map)
    }

    /// In the map's own order, as serde_json writes it.
    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        write_members(writer, self)
    }
}

/// Whether the value under any key of a map of `T` holds `path`'s rest.
fn member_redacted<T: Json>(path: &[Option<&str>]) -> bool {
    match path {
        [Some(_), rest @ ..] => T::redacted_at(rest),
        _ => false,
    }
}

/// In the order read and written, as serde_json reads and writes it.
impl<T: Json, S: BuildHasher + Default> Json for indexmap::IndexMap<String, T, S> {
    fn redacted_at(path: &[Option<&str>]) -> bool {
        member_redacted::<T>(path)
    }

    fn read_json<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        let mut map = indexmap::IndexMap::default();
        read_members::<false, T, I, _>(reader, &mut map)?;
        Ok(map)
    }

    fn write_json(&self, writer: &mut Writer) -> Fast<()> {
        write_members(writer, self)
    }
}

/// The maps keyed by name that the direct reader fills.
trait Members<T> {
    /// Adds a member, and says whether its key was new.
    fn insert_new(&mut self, key: String, value: T) -> bool;
    /// Whether a member has the key.
    fn has(&self, key: &str) -> bool;
}

impl<T> Members<T> for BTreeMap<String, T> {
    fn insert_new(&mut self, key: String, value: T) -> bool {
        self.insert(key, value).is_none()
    }

    fn has(&self, key: &str) -> bool {
        self.contains_key(key)
    }
}

impl<T, S: BuildHasher> Members<T> for HashMap<String, T, S> {
    fn insert_new(&mut self, key: String, value: T) -> bool {
        self.insert(key, value).is_none()
    }

    fn has(&self, key: &str) -> bool {
        self.contains_key(key)
    }
}

impl<T, S: BuildHasher> Members<T> for indexmap::IndexMap<String, T, S> {
    fn insert_new(&mut self, key: String, value: T) -> bool {
        self.insert(key, value).is_none()
    }

    fn has(&self, key: &str) -> bool {
        self.contains_key(key)
    }
}

/// Reads an object's members into `map`. serde keeps the last of a
/// repeated key and the models refuse it: either way, serde decides;
/// unless `STRICT`, for the map of a `#[voucherify(unique_keys)]` field,
/// whose serde reader refuses a repeated key as soon as it reads it, before
/// its value: so does this one, with the same error.
fn read_members<const STRICT: bool, T: Json, I: Input, M: Members<T>>(
    reader: &mut Reader<'_, I>,
    map: &mut M,
) -> Fast<()> {
    let mut more = reader.object_start()?;
    while more {
        let key_at = reader.position();
        let key = super::owned(reader.key()?);
        let colon = reader.position() - 1;
        let value = match T::read_json(reader) {
            Ok(value) => value,
            // serde would have refused the key before reading the value.
            Err(Bail) if STRICT && map.has(&key) => {
                return reader.duplicate_key(key_at, colon, false)
            }
            Err(Bail) => return Err(Bail),
        };
        if !map.insert_new(key, value) {
            return if STRICT {
                reader.duplicate_key(key_at, colon, false)
            } else {
                reader.repeated_key()
            };
        }
        more = reader.object_next()?;
    }
    Ok(())
}

/// The types of `#[voucherify(unique_keys)]` fields that the direct reader
/// reads with a repeated key refused, as their serde readers refuse it:
/// objects of values at any depth, and maps keyed by name at their own
/// level.
pub trait Unique: Sized {
    /// Reads the value, refusing a repeated key.
    fn read_unique<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self>;
}

impl Unique for Map {
    fn read_unique<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        reader.strict_object()
    }
}

impl<T: Json> Unique for BTreeMap<String, T> {
    fn read_unique<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        let mut map = BTreeMap::new();
        read_members::<true, T, I, _>(reader, &mut map)?;
        Ok(map)
    }
}

impl<T: Json, S: BuildHasher + Default> Unique for indexmap::IndexMap<String, T, S> {
    fn read_unique<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        let mut map = indexmap::IndexMap::default();
        read_members::<true, T, I, _>(reader, &mut map)?;
        Ok(map)
    }
}

/// `null` is `None`.
impl<T: Unique> Unique for Option<T> {
    fn read_unique<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        if reader.null()? {
            Ok(None)
        } else {
            T::read_unique(reader).map(Some)
        }
    }
}

/// Objects in an array.
impl Unique for Vec<Map> {
    fn read_unique<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        let mut items = Vec::new();
        let mut more = reader.array_start()?;
        while more {
            items.push(reader.strict_object()?);
            more = reader.array_next()?;
        }
        Ok(items)
    }
}

/// Writes an object's members in the order given.
fn write_members<'a, T: Json + 'a>(
    writer: &mut Writer,
    members: impl IntoIterator<Item = (&'a String, &'a T)>,
) -> Fast<()> {
    writer.members(members, T::write_json)
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
