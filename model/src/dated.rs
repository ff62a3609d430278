//! Dates at any depth: `Date` and `OffsetDateTime` inside any nesting of
//! `Option`, `Box`, `Vec`, `BTreeMap<String, _>` and `HashMap<String, _>`,
//! in the API's formats ([`format::date`](crate::format::date) and
//! [`format::date_time`](crate::format::date_time)), through serde and
//! through the direct path alike.
//!
//! `#[voucherify_model]` names the `with` modules here for such fields, and
//! calls the [`Dated`] methods from its direct reader and writer.

// Plumbing for generated code, named through `__private`.
#![allow(missing_docs)]

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::BuildHasher;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use time::{Date, OffsetDateTime};

use crate::json::{read_date, read_date_time, write_date, write_date_time};
use crate::json::{Fast, Input, Reader, Writer};

/// Marks the `YYYY-MM-DD` format.
pub struct DateKind;
/// Marks the RFC 3339 timestamp format.
pub struct DateTimeKind;

/// A date, or a nesting of containers around dates of format `K`.
pub trait Dated<K>: Sized {
    fn serialize_dated<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    fn deserialize_dated<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
    fn read_dated<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self>;
    fn write_dated(&self, writer: &mut Writer) -> Fast<()>;
}

impl Dated<DateKind> for Date {
    fn serialize_dated<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::format::date::serialize(self, serializer)
    }

    fn deserialize_dated<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::format::date::deserialize(deserializer)
    }

    fn read_dated<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        read_date(reader)
    }

    fn write_dated(&self, writer: &mut Writer) -> Fast<()> {
        write_date(writer, self)
    }
}

impl Dated<DateTimeKind> for OffsetDateTime {
    fn serialize_dated<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::format::date_time::serialize(self, serializer)
    }

    fn deserialize_dated<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::format::date_time::deserialize(deserializer)
    }

    fn read_dated<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        read_date_time(reader)
    }

    fn write_dated(&self, writer: &mut Writer) -> Fast<()> {
        write_date_time(writer, self)
    }
}

/// A borrowed `T`, serialized in format `K`.
struct Out<'a, K, T>(&'a T, PhantomData<K>);

impl<K, T: Dated<K>> Serialize for Out<'_, K, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_dated(serializer)
    }
}

fn out<K, T>(value: &T) -> Out<'_, K, T> {
    Out(value, PhantomData)
}

/// A `T` deserialized in format `K`.
struct In<K, T>(T, PhantomData<K>);

impl<'de, K, T: Dated<K>> Deserialize<'de> for In<K, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize_dated(deserializer).map(|value| In(value, PhantomData))
    }
}

impl<K, T: Dated<K>> Dated<K> for Option<T> {
    fn serialize_dated<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => serializer.serialize_some(&out(value)),
            None => serializer.serialize_none(),
        }
    }

    fn deserialize_dated<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor(PhantomData))
    }

    fn read_dated<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        if reader.null()? {
            Ok(None)
        } else {
            T::read_dated(reader).map(Some)
        }
    }

    fn write_dated(&self, writer: &mut Writer) -> Fast<()> {
        match self {
            Some(value) => value.write_dated(writer),
            None => {
                writer.null();
                Ok(())
            }
        }
    }
}

struct OptionVisitor<K, T>(PhantomData<(K, T)>);

impl<'de, K, T: Dated<K>> Visitor<'de> for OptionVisitor<K, T> {
    type Value = Option<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a date or null")
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        T::deserialize_dated(deserializer).map(Some)
    }
}

impl<K, T: Dated<K>> Dated<K> for Box<T> {
    fn serialize_dated<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize_dated(serializer)
    }

    fn deserialize_dated<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize_dated(deserializer).map(Box::new)
    }

    fn read_dated<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        T::read_dated(reader).map(Box::new)
    }

    fn write_dated(&self, writer: &mut Writer) -> Fast<()> {
        (**self).write_dated(writer)
    }
}

impl<K, T: Dated<K>> Dated<K> for Vec<T> {
    fn serialize_dated<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(out))
    }

    fn deserialize_dated<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(SeqVisitor(PhantomData))
    }

    fn read_dated<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        let mut items = Vec::new();
        let mut more = reader.array_start()?;
        while more {
            items.push(T::read_dated(reader)?);
            more = reader.array_next()?;
        }
        Ok(items)
    }

    fn write_dated(&self, writer: &mut Writer) -> Fast<()> {
        writer.raw(b"[");
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                writer.raw(b",");
            }
            item.write_dated(writer)?;
        }
        writer.raw(b"]");
        Ok(())
    }
}

struct SeqVisitor<K, T>(PhantomData<(K, T)>);

impl<'de, K, T: Dated<K>> Visitor<'de> for SeqVisitor<K, T> {
    type Value = Vec<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an array of dates")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(In(item, _)) = seq.next_element::<In<K, T>>()? {
            items.push(item);
        }
        Ok(items)
    }
}

/// A map of string keys to dated values, as both kinds of map are read.
trait DatedMap<T>: Default {
    /// Inserts the entry; `false` when the key was there already.
    fn insert_new(&mut self, key: String, value: T) -> bool;
}

impl<T> DatedMap<T> for BTreeMap<String, T> {
    fn insert_new(&mut self, key: String, value: T) -> bool {
        self.insert(key, value).is_none()
    }
}

impl<T, H: BuildHasher + Default> DatedMap<T> for HashMap<String, T, H> {
    fn insert_new(&mut self, key: String, value: T) -> bool {
        self.insert(key, value).is_none()
    }
}

struct MapVisitor<K, T, M>(PhantomData<(K, T, M)>);

impl<'de, K, T: Dated<K>, M: DatedMap<T>> Visitor<'de> for MapVisitor<K, T, M> {
    type Value = M;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object of dates")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = M::default();
        while let Some(key) = map.next_key::<String>()? {
            let In(value, _) = map.next_value::<In<K, T>>()?;
            // A repeated key is refused, as everywhere in the models.
            if !entries.insert_new(key.clone(), value) {
                return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
            }
        }
        Ok(entries)
    }
}

fn read_map<K, T: Dated<K>, M: DatedMap<T>, I: Input>(reader: &mut Reader<'_, I>) -> Fast<M> {
    let mut entries = M::default();
    let mut more = reader.object_start()?;
    while more {
        let key_at = reader.position();
        let key = crate::json::owned(reader.key()?);
        let colon = reader.position() - 1;
        let value = T::read_dated(reader)?;
        if !entries.insert_new(key, value) {
            // serde's reader refuses it once the value is read.
            return reader.duplicate_key(key_at, colon, true);
        }
        more = reader.object_next()?;
    }
    Ok(entries)
}

fn write_map<'a, K, T: Dated<K> + 'a>(
    writer: &mut Writer,
    entries: impl IntoIterator<Item = (&'a String, &'a T)>,
) -> Fast<()> {
    let start = writer.object_start();
    for (key, value) in entries {
        writer.member(key);
        value.write_dated(writer)?;
    }
    writer.object_end(start);
    Ok(())
}

impl<K, T: Dated<K>> Dated<K> for BTreeMap<String, T> {
    fn serialize_dated<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter().map(|(key, value)| (key, out(value))))
    }

    fn deserialize_dated<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }

    fn read_dated<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        read_map::<K, T, Self, I>(reader)
    }

    fn write_dated(&self, writer: &mut Writer) -> Fast<()> {
        write_map::<K, T>(writer, self)
    }
}

impl<K, T: Dated<K>, H: BuildHasher + Default> Dated<K> for HashMap<String, T, H> {
    fn serialize_dated<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter().map(|(key, value)| (key, out(value))))
    }

    fn deserialize_dated<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }

    fn read_dated<I: Input>(reader: &mut Reader<'_, I>) -> Fast<Self> {
        read_map::<K, T, Self, I>(reader)
    }

    fn write_dated(&self, writer: &mut Writer) -> Fast<()> {
        write_map::<K, T>(writer, self)
    }
}

/// `with` modules for one format at any depth.
macro_rules! with_modules {
    ($name:ident, $kind:ty) => {
        pub mod $name {
            use serde::{Deserializer, Serializer};

            use super::Dated;

            pub fn serialize<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
            where
                T: Dated<$kind>,
                S: Serializer,
            {
                value.serialize_dated(serializer)
            }

            pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
            where
                T: Dated<$kind>,
                D: Deserializer<'de>,
            {
                T::deserialize_dated(deserializer)
            }

            /// For `Option<Option<T>>`: `null` is `Some(None)`.
            pub mod double_option {
                use serde::{Deserializer, Serializer};

                use super::super::Dated;

                pub fn serialize<T, S>(
                    value: &Option<Option<T>>,
                    serializer: S,
                ) -> Result<S::Ok, S::Error>
                where
                    T: Dated<$kind>,
                    S: Serializer,
                {
                    match value {
                        Some(inner) => inner.serialize_dated(serializer),
                        None => serializer.serialize_none(),
                    }
                }

                pub fn deserialize<'de, T, D>(
                    deserializer: D,
                ) -> Result<Option<Option<T>>, D::Error>
                where
                    T: Dated<$kind>,
                    D: Deserializer<'de>,
                {
                    Option::<T>::deserialize_dated(deserializer).map(Some)
                }
            }
        }
    };
}

with_modules!(date, crate::dated::DateKind);
with_modules!(date_time, crate::dated::DateTimeKind);
