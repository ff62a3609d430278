//! Field code that compiles whatever the field's type, so that a type
//! without the traits a model needs gives one error, at the field, from
//! [`field_type`], rather than one from each generated impl.
//!
//! Generated code calls `(&&&Pick::<T>::NEW).method(..)`. Method lookup
//! tries the impls on `&&Pick<T>` first, then `&Pick<T>`, then `Pick<T>`:
//! the real trait when `T` has it, and otherwise an arm that is never
//! compiled into a program, because [`field_type`] fails for the same
//! field. The macro uses this only on a field whose type names no generic
//! parameter and no lifetime, and checks each such field with
//! [`field_type`].

// Plumbing for generated code, named through `__private`.
#![allow(missing_docs)]

use std::fmt::Debug;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserializer, Serialize, Serializer};

use crate::json::{through_serde, Direct, Fast, Input, Json, Reader, ThroughSerde, Writer};

/// What a field's type must be: a `#[voucherify_model]` type, or one with
/// the same traits.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a #[voucherify_model] type, which a field of a model must be",
    label = "write #[voucherify_model] on the type, or give it serde's `Serialize` and \
             `Deserialize`, `Clone`, `PartialEq` and `Debug`"
)]
pub trait FieldType {}

#[diagnostic::do_not_recommend]
impl<T: Serialize + DeserializeOwned + Clone + PartialEq + Debug> FieldType for T {}

/// Fails to compile, once, when `T` is not a field type; generated code
/// calls it with the span of the field's type.
#[inline(always)]
pub const fn field_type<T: FieldType>() {}

/// The choice of field code for `T`.
pub struct Pick<T>(PhantomData<T>);

impl<T> Pick<T> {
    pub const NEW: Self = Pick(PhantomData);
}

/// Stands in where `T` lacks the trait; never in a program that compiles.
#[cold]
fn never() -> ! {
    unreachable!("field_type fails to compile for this type")
}

/// Clones, compares, prints and writes through serde with `T`'s own
/// traits.
pub trait Real<T> {
    fn pick_clone(&self, value: &T) -> T;
    fn pick_eq(&self, one: &T, other: &T) -> bool;
    fn pick_debug<'a>(&self, value: &'a T) -> &'a dyn Debug;
    fn pick_serialize<S: Serializer>(&self, value: &T, serializer: S) -> Result<S::Ok, S::Error>;
    fn pick_deserialize<'de, D: Deserializer<'de>>(&self, deserializer: D) -> Result<T, D::Error>;
}

impl<T> Real<T> for &&Pick<T>
where
    T: Serialize + DeserializeOwned + Clone + PartialEq + Debug,
{
    #[inline]
    fn pick_clone(&self, value: &T) -> T {
        value.clone()
    }

    #[inline]
    fn pick_eq(&self, one: &T, other: &T) -> bool {
        one == other
    }

    #[inline]
    fn pick_debug<'a>(&self, value: &'a T) -> &'a dyn Debug {
        value
    }

    #[inline]
    fn pick_serialize<S: Serializer>(&self, value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    #[inline]
    fn pick_deserialize<'de, D: Deserializer<'de>>(&self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

/// The arm of a type that is not a field type.
pub trait Never<T> {
    fn pick_clone(&self, value: &T) -> T;
    fn pick_eq(&self, one: &T, other: &T) -> bool;
    fn pick_debug<'a>(&self, value: &'a T) -> &'a dyn Debug;
    fn pick_serialize<S: Serializer>(&self, value: &T, serializer: S) -> Result<S::Ok, S::Error>;
    fn pick_deserialize<'de, D: Deserializer<'de>>(&self, deserializer: D) -> Result<T, D::Error>;
    fn read_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T>;
    fn write_field(&self, value: &T, writer: &mut Writer) -> Fast<()>;
}

impl<T> Never<T> for Pick<T> {
    fn pick_clone(&self, _: &T) -> T {
        never()
    }

    fn pick_eq(&self, _: &T, _: &T) -> bool {
        never()
    }

    fn pick_debug<'a>(&self, _: &'a T) -> &'a dyn Debug {
        never()
    }

    fn pick_serialize<S: Serializer>(&self, _: &T, _: S) -> Result<S::Ok, S::Error> {
        never()
    }

    fn pick_deserialize<'de, D: Deserializer<'de>>(&self, _: D) -> Result<T, D::Error> {
        never()
    }

    fn read_field<I: Input>(&self, _: &mut Reader<'_, I>) -> Fast<T> {
        never()
    }

    fn write_field(&self, _: &T, _: &mut Writer) -> Fast<()> {
        never()
    }
}

// A field of a [`Json`] type: read and written directly, with the traits
// `Slot` uses for fields whose type names a generic parameter.
impl<T: Json> Direct<T> for &&Pick<T> {
    #[inline]
    fn read_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T> {
        T::read_json(reader)
    }

    #[inline]
    fn write_field(&self, value: &T, writer: &mut Writer) -> Fast<()> {
        value.write_json(writer)
    }
}

// A field of any other serde type: read from its own text by serde_json,
// and written by it.
impl<T: DeserializeOwned + Serialize> ThroughSerde<T> for &Pick<T> {
    fn read_field<I: Input>(&self, reader: &mut Reader<'_, I>) -> Fast<T> {
        through_serde(reader)
    }

    fn write_field(&self, value: &T, writer: &mut Writer) -> Fast<()> {
        writer.serde(value)
    }
}
