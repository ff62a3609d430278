//! Numbers at any depth: an `f64` inside any nesting of `Option`, `Box`,
//! `Vec` and maps keyed by `String` (`BTreeMap`, `HashMap`, `IndexMap`) is
//! written as [`format::number`](crate::format::number) writes a bare
//! `f64` field: a whole number within ±2^53 without a fraction. Only
//! writing differs; such a field is read as its type reads itself.
//!
//! `#[voucherify_model]` names the `with` modules here for such fields, and
//! calls [`Numbered::write_numbered`] from its direct writer.

// Plumbing for generated code, named through `__private`.
#![allow(missing_docs)]

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

use indexmap::IndexMap;
use serde::ser::{Serialize, Serializer};

use crate::json::{Fast, Writer};

/// An `f64`, or a nesting of containers around `f64`s.
pub trait Numbered {
    fn serialize_numbered<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    fn write_numbered(&self, writer: &mut Writer) -> Fast<()>;
}

impl Numbered for f64 {
    #[inline]
    fn serialize_numbered<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::format::number::serialize(self, serializer)
    }

    #[inline]
    fn write_numbered(&self, writer: &mut Writer) -> Fast<()> {
        writer.api_number(*self)
    }
}

/// A borrowed `T`, serialized with its numbers in the API's form.
struct Out<'a, T: ?Sized>(&'a T);

impl<T: Numbered + ?Sized> Serialize for Out<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_numbered(serializer)
    }
}

impl<T: Numbered> Numbered for Option<T> {
    fn serialize_numbered<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => serializer.serialize_some(&Out(value)),
            None => serializer.serialize_none(),
        }
    }

    fn write_numbered(&self, writer: &mut Writer) -> Fast<()> {
        match self {
            Some(value) => value.write_numbered(writer),
            None => {
                writer.null();
                Ok(())
            }
        }
    }
}

impl<T: Numbered> Numbered for Box<T> {
    fn serialize_numbered<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize_numbered(serializer)
    }

    fn write_numbered(&self, writer: &mut Writer) -> Fast<()> {
        (**self).write_numbered(writer)
    }
}

impl<T: Numbered> Numbered for Vec<T> {
    fn serialize_numbered<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(Out))
    }

    fn write_numbered(&self, writer: &mut Writer) -> Fast<()> {
        writer.array(self, T::write_numbered)
    }
}

/// Writes an object's members in the order given, as serde_json writes a
/// map.
fn write_members<'a, T: Numbered + 'a>(
    writer: &mut Writer,
    members: impl IntoIterator<Item = (&'a String, &'a T)>,
) -> Fast<()> {
    writer.members(members, T::write_numbered)
}

/// The maps: in each one's own order, the order serde writes it in.
macro_rules! maps {
    ($($map:ident $(<$hasher:ident>)?),*) => {$(
        impl<T: Numbered $(, $hasher: BuildHasher)?> Numbered for $map<String, T $(, $hasher)?> {
            fn serialize_numbered<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.iter().map(|(key, value)| (key, Out(value))))
            }

            fn write_numbered(&self, writer: &mut Writer) -> Fast<()> {
                write_members(writer, self)
            }
        }
    )*};
}

maps!(BTreeMap, HashMap<H>, IndexMap<H>);

/// Writes numbers at any depth in the API's form; reads as the type itself
/// does.
pub fn serialize<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: Numbered,
    S: Serializer,
{
    value.serialize_numbered(serializer)
}

/// Reads the field as its type reads itself.
pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    T::deserialize(deserializer)
}

/// For `Option<Option<T>>`: `null` is `Some(None)`.
pub mod double_option {
    use serde::Serializer;

    use super::Numbered;

    pub fn serialize<T, S>(value: &Option<Option<T>>, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Numbered,
        S: Serializer,
    {
        match value {
            Some(inner) => inner.serialize_numbered(serializer),
            None => serializer.serialize_none(),
        }
    }

    pub use crate::__private::double_option::deserialize;
}
