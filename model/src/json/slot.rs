//! How generated code reads and writes one field: directly when its type
//! is [`Json`], through serde_json otherwise.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::read::{Bail, Fast, Input, Reader};
use super::types::{Json, Unique};
use super::write::Writer;
use crate::unique_keys::UniqueKeys;

/// Reads one value with serde_json, from its own text.
pub fn through_serde<T: DeserializeOwned, I: Input>(reader: &mut Reader<'_, I>) -> Fast<T> {
    let text = reader.skip()?;
    serde_json::from_slice(text).map_err(|_| Bail)
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

/// Chooses, for a `#[voucherify(unique_keys)]` field, a direct reader
/// that refuses a repeated key as the field's serde reader does, when the
/// type has one ([`UniqueDirect`]), and that serde reader otherwise
/// ([`UniqueSerde`]): generated code calls
/// `(&&UniqueSlot::<T>::NEW).read_unique_field(reader)`, and method lookup
/// tries `&UniqueSlot<T>`, then `&&UniqueSlot<T>`, then `UniqueSlot<T>`
/// ([`UniqueNever`], for a type the attribute does not take, whose serde
/// impl already fails to compile with the error to fix).
pub struct UniqueSlot<T>(PhantomData<T>);

impl<T> UniqueSlot<T> {
    /// The slot of `T`.
    pub const NEW: Self = UniqueSlot(PhantomData);
}

/// A `unique_keys` field of a [`Unique`] type.
pub trait UniqueDirect<T> {
    /// Reads the field's value, refusing a repeated key.
    fn read_unique_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T>;
}

impl<T: Unique> UniqueDirect<T> for &UniqueSlot<T> {
    #[inline]
    fn read_unique_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T> {
        T::read_unique(reader)
    }
}

/// A `unique_keys` field of any other type the attribute takes, such as a
/// map of values without a direct reader.
pub trait UniqueSerde<T> {
    /// Reads the field's value with its serde reader, from its own text.
    fn read_unique_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T>;
}

impl<T: for<'de> UniqueKeys<'de>> UniqueSerde<T> for &&UniqueSlot<T> {
    fn read_unique_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T> {
        let text = reader.skip()?;
        let mut deserializer = serde_json::Deserializer::from_slice(text);
        let value = T::deserialize_unique(&mut deserializer).map_err(|_| Bail)?;
        deserializer.end().map_err(|_| Bail)?;
        Ok(value)
    }
}

/// A `unique_keys` field of a type the attribute does not take: the model
/// does not compile, for its serde impl; this only keeps the direct reader
/// from adding an error of its own.
pub trait UniqueNever<T> {
    /// Gives up.
    fn read_unique_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T>;
}

impl<T> UniqueNever<T> for UniqueSlot<T> {
    fn read_unique_field<I: Input>(&self, _: &mut Reader<'_, I>) -> Fast<T> {
        Err(Bail)
    }
}

/// Whether a path below a field is redacted: asked of the field's type
/// when it is [`Json`] ([`RedactedDirect`]); no for any other type
/// ([`RedactedNever`]), whose values hold no redacted field the macro knows.
pub trait RedactedDirect {
    /// See [`Json::redacted_at`].
    fn redacted_at(&self, path: &[Option<&str>]) -> bool;
}

impl<T: Json> RedactedDirect for Slot<T> {
    fn redacted_at(&self, path: &[Option<&str>]) -> bool {
        T::redacted_at(path)
    }
}

/// See [`RedactedDirect`].
pub trait RedactedNever {
    /// Always `false`.
    fn redacted_at(&self, path: &[Option<&str>]) -> bool;
}

impl<T> RedactedNever for &Slot<T> {
    fn redacted_at(&self, _: &[Option<&str>]) -> bool {
        false
    }
}
