//! Routing of unknown keys into a struct's `#[voucherify(extra)]` map.
//!
//! serde derives the known fields on a hidden twin of the struct; these
//! wrappers sit between that code and the real format. serde's derived
//! visitor matches each key once and, for a key it does not know, asks for
//! the value as `IgnoredAny`; that request is where the value is read as a
//! `serde_json::Value` and kept under the key, remembered from just before.
//! Known keys and their values pass straight through, so keeping unknown
//! keys adds no lookup to the known ones. On the way out, the kept entries
//! are written after the known fields.
//!
//! The struct's `Option` fields read as `null` are noted too: serde reads
//! an `Option` by asking for one, and a `null` answers `visit_none`. The
//! key just read names the field, looked up in the table the macro makes
//! of the struct's nullable fields ([`NullableFields`]). On the way out,
//! serde's derived code tells of each field it leaves out (`skip_field`):
//! a field noted as `null` is written there as `null`.

use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Serialize, SerializeMap, SerializeStruct, Serializer};
use serde_json::{Map, Value};

use super::Nulls;
use crate::unique_keys::StrictValue;

/// A struct's `Option` fields that remember a `null`: each key they are
/// read or written under (their name, a rename, an alias) with the field's
/// place in [`Nulls`].
pub type NullableFields = &'static [(&'static str, usize)];

/// The place of the field read or written under `key`, if it is nullable.
#[inline]
fn place(fields: NullableFields, key: &str) -> Option<usize> {
    fields
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, place)| *place)
}

/// What the wrappers gather while reading one struct.
#[derive(Default)]
pub struct Gathered {
    /// The unknown keys; `None` while there are none.
    pub map: Option<Map<String, Value>>,
    /// The nullable fields read as `null`.
    pub nulls: Nulls,
}

/// Deserializer handed to the twin's derived code; catches the struct's map.
pub struct ExtraDeserializer<'a, D> {
    inner: D,
    extra: &'a mut Gathered,
    nullable: NullableFields,
}

impl<'a, D> ExtraDeserializer<'a, D> {
    /// Wraps `inner`; unknown keys of the struct it reads go to `extra`,
    /// whose map stays `None` (and costs nothing to drop) while there are
    /// none, and so do the `nullable` fields read as `null`.
    pub fn new(inner: D, extra: &'a mut Gathered, nullable: NullableFields) -> Self {
        ExtraDeserializer {
            inner,
            extra,
            nullable,
        }
    }
}

macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            #[inline(always)]
            fn $method<V>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Self::Error>
            where
                V: Visitor<'de>,
            {
                self.inner.$method($($arg,)* visitor)
            }
        )*
    };
}

/// Forwards every `deserialize_*` method but `struct`, `identifier` and
/// `ignored_any`, the three that the wrappers below may intercept, and with
/// `but_option`, `option` as well.
macro_rules! forward_common_deserialize {
    () => {
        forward_common_deserialize!(but_option);
        forward_deserialize! {
            deserialize_option();
        }
    };
    (but_option) => {
        forward_deserialize! {
            deserialize_any();
            deserialize_bool();
            deserialize_i8();
            deserialize_i16();
            deserialize_i32();
            deserialize_i64();
            deserialize_i128();
            deserialize_u8();
            deserialize_u16();
            deserialize_u32();
            deserialize_u64();
            deserialize_u128();
            deserialize_f32();
            deserialize_f64();
            deserialize_char();
            deserialize_str();
            deserialize_string();
            deserialize_bytes();
            deserialize_byte_buf();
            deserialize_unit();
            deserialize_unit_struct(name: &'static str);
            deserialize_newtype_struct(name: &'static str);
            deserialize_seq();
            deserialize_tuple(len: usize);
            deserialize_tuple_struct(name: &'static str, len: usize);
            deserialize_map();
            deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        }
    };
}

impl<'de, D> Deserializer<'de> for ExtraDeserializer<'_, D>
where
    D: Deserializer<'de>,
{
    type Error = D::Error;

    #[inline(always)]
    fn deserialize_struct<V>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error>
    where
        V: Visitor<'de>,
    {
        let visitor = ExtraVisitor {
            inner: visitor,
            extra: self.extra,
            nullable: self.nullable,
        };
        self.inner.deserialize_struct(name, fields, visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }

    forward_common_deserialize!();
    forward_deserialize! {
        deserialize_identifier();
        deserialize_ignored_any();
    }
}

struct ExtraVisitor<'a, V> {
    inner: V,
    extra: &'a mut Gathered,
    nullable: NullableFields,
}

impl<'de, V> Visitor<'de> for ExtraVisitor<'_, V>
where
    V: Visitor<'de>,
{
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(formatter)
    }

    #[inline(always)]
    fn visit_map<A>(self, map: A) -> Result<Self::Value, A::Error>
    where
        A: MapAccess<'de>,
    {
        self.inner.visit_map(ExtraMapAccess {
            inner: map,
            extra: self.extra,
            nullable: self.nullable,
            key: KeySlot::default(),
        })
    }

    /// serde's derived structs also read a sequence of field values; a
    /// struct that keeps unknown keys is always a map, so that is refused
    /// rather than letting `["a", "b"]` fill the first two fields.
    fn visit_seq<A>(self, _seq: A) -> Result<Self::Value, A::Error>
    where
        A: SeqAccess<'de>,
    {
        Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
    }
}

struct ExtraMapAccess<'a, 'de, A> {
    inner: A,
    extra: &'a mut Gathered,
    nullable: NullableFields,
    /// The key just read, in case serde turns out not to know it.
    key: KeySlot<'de>,
}

impl<'de, A> MapAccess<'de> for ExtraMapAccess<'_, 'de, A>
where
    A: MapAccess<'de>,
{
    type Error = A::Error;

    #[inline(always)]
    fn next_key_seed<K>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error>
    where
        K: DeserializeSeed<'de>,
    {
        self.key.text = KeyText::None;
        self.inner.next_key_seed(KeySeed {
            inner: seed,
            key: &mut self.key,
        })
    }

    #[inline(always)]
    fn next_value_seed<V>(&mut self, seed: V) -> Result<V::Value, Self::Error>
    where
        V: DeserializeSeed<'de>,
    {
        self.inner.next_value_seed(ValueSeed {
            inner: seed,
            key: &self.key,
            extra: self.extra,
            nullable: self.nullable,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// Hands serde's seed a value deserializer that keeps what serde ignores.
struct ValueSeed<'a, 'de, S> {
    inner: S,
    key: &'a KeySlot<'de>,
    extra: &'a mut Gathered,
    nullable: NullableFields,
}

impl<'de, S> DeserializeSeed<'de> for ValueSeed<'_, 'de, S>
where
    S: DeserializeSeed<'de>,
{
    type Value = S::Value;

    #[inline(always)]
    fn deserialize<D>(self, deserializer: D) -> Result<Self::Value, D::Error>
    where
        D: Deserializer<'de>,
    {
        self.inner.deserialize(ValueDeserializer {
            inner: deserializer,
            key: self.key,
            extra: self.extra,
            nullable: self.nullable,
        })
    }
}

/// The value of one key: passed through, unless serde asks to ignore it.
struct ValueDeserializer<'a, 'de, D> {
    inner: D,
    key: &'a KeySlot<'de>,
    extra: &'a mut Gathered,
    nullable: NullableFields,
}

impl<'de, D> Deserializer<'de> for ValueDeserializer<'_, 'de, D>
where
    D: Deserializer<'de>,
{
    type Error = D::Error;

    /// serde asks for `IgnoredAny` exactly when it does not know the key.
    fn deserialize_ignored_any<V>(self, visitor: V) -> Result<V::Value, Self::Error>
    where
        V: Visitor<'de>,
    {
        let Some(key) = self.key.text() else {
            return self.inner.deserialize_ignored_any(visitor);
        };
        // A key already kept is repeated: keeping either copy would silently
        // drop the other. (serde refuses repeated known keys itself.)
        if self
            .extra
            .map
            .as_ref()
            .is_some_and(|extra| extra.contains_key(key))
        {
            return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
        }
        let value = StrictValue::deserialize(self.inner)?.0;
        self.extra
            .map
            .get_or_insert_with(Map::new)
            .insert(key.to_owned(), value);
        visitor.visit_unit()
    }

    /// An `Option` field: a `null` is noted when the field is nullable.
    #[inline]
    fn deserialize_option<V>(self, visitor: V) -> Result<V::Value, Self::Error>
    where
        V: Visitor<'de>,
    {
        match self.key.text().and_then(|key| place(self.nullable, key)) {
            Some(place) => self.inner.deserialize_option(NullVisitor {
                inner: visitor,
                nulls: &mut self.extra.nulls,
                place,
            }),
            None => self.inner.deserialize_option(visitor),
        }
    }

    #[inline(always)]
    fn deserialize_struct<V>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error>
    where
        V: Visitor<'de>,
    {
        self.inner.deserialize_struct(name, fields, visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }

    forward_common_deserialize!(but_option);
    forward_deserialize! {
        deserialize_identifier();
    }
}

/// The visitor of a nullable field's `Option`, which notes a `null`.
struct NullVisitor<'a, V> {
    inner: V,
    nulls: &'a mut Nulls,
    place: usize,
}

impl<'de, V> Visitor<'de> for NullVisitor<'_, V>
where
    V: Visitor<'de>,
{
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(formatter)
    }

    fn visit_none<E>(self) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        self.nulls.insert(self.place);
        self.inner.visit_none()
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        self.nulls.insert(self.place);
        self.inner.visit_unit()
    }

    #[inline(always)]
    fn visit_some<D>(self, deserializer: D) -> Result<Self::Value, D::Error>
    where
        D: Deserializer<'de>,
    {
        self.inner.visit_some(deserializer)
    }
}

/// The text of the key just read, kept until its value is asked for.
/// Borrowed from the input when the format allows; otherwise copied into a
/// buffer that every key of the object reuses.
#[derive(Default)]
struct KeySlot<'de> {
    text: KeyText<'de>,
    buffer: String,
}

#[derive(Clone, Copy, Default)]
enum KeyText<'de> {
    /// No key, or one that is not text (a field index).
    #[default]
    None,
    Borrowed(&'de str),
    /// In `KeySlot::buffer`.
    Transient,
}

impl<'de> KeySlot<'de> {
    fn text(&self) -> Option<&str> {
        match self.text {
            KeyText::None => None,
            KeyText::Borrowed(text) => Some(text),
            KeyText::Transient => Some(&self.buffer),
        }
    }
}

/// Hands serde's field seed a key deserializer that notes the key's text
/// as serde's own visitor reads it, so the key is matched only once.
struct KeySeed<'k, 'de, K> {
    inner: K,
    key: &'k mut KeySlot<'de>,
}

impl<'de, K> DeserializeSeed<'de> for KeySeed<'_, 'de, K>
where
    K: DeserializeSeed<'de>,
{
    type Value = K::Value;

    #[inline(always)]
    fn deserialize<D>(self, deserializer: D) -> Result<Self::Value, D::Error>
    where
        D: Deserializer<'de>,
    {
        self.inner.deserialize(KeyDeserializer {
            inner: deserializer,
            key: self.key,
        })
    }
}

struct KeyDeserializer<'k, 'de, D> {
    inner: D,
    key: &'k mut KeySlot<'de>,
}

impl<'de, D> Deserializer<'de> for KeyDeserializer<'_, 'de, D>
where
    D: Deserializer<'de>,
{
    type Error = D::Error;

    #[inline(always)]
    fn deserialize_identifier<V>(self, visitor: V) -> Result<V::Value, Self::Error>
    where
        V: Visitor<'de>,
    {
        self.inner.deserialize_identifier(KeyVisitor {
            inner: visitor,
            key: self.key,
        })
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }

    forward_common_deserialize!();
    forward_deserialize! {
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_ignored_any();
    }
}

/// serde's field visitor, with the key noted on the way in.
struct KeyVisitor<'k, 'de, V> {
    inner: V,
    key: &'k mut KeySlot<'de>,
}

impl<'de, V> KeyVisitor<'_, 'de, V> {
    /// Keeps the key's text for the value that follows.
    #[inline(always)]
    fn note(&mut self, text: KeyText<'de>, transient: &str) {
        self.key.text = text;
        if let KeyText::Transient = text {
            self.key.buffer.clear();
            self.key.buffer.push_str(transient);
        }
    }
}

impl<'de, V> Visitor<'de> for KeyVisitor<'_, 'de, V>
where
    V: Visitor<'de>,
{
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(formatter)
    }

    #[inline(always)]
    fn visit_borrowed_str<E>(mut self, key: &'de str) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        self.note(KeyText::Borrowed(key), "");
        self.inner.visit_borrowed_str(key)
    }

    #[inline(always)]
    fn visit_str<E>(mut self, key: &str) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        self.note(KeyText::Transient, key);
        self.inner.visit_str(key)
    }

    fn visit_string<E>(mut self, key: String) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        self.note(KeyText::Transient, &key);
        self.inner.visit_string(key)
    }

    fn visit_borrowed_bytes<E>(mut self, key: &'de [u8]) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        if let Ok(text) = std::str::from_utf8(key) {
            self.note(KeyText::Borrowed(text), "");
        }
        self.inner.visit_borrowed_bytes(key)
    }

    fn visit_bytes<E>(mut self, key: &[u8]) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        if let Ok(text) = std::str::from_utf8(key) {
            self.note(KeyText::Transient, text);
        }
        self.inner.visit_bytes(key)
    }

    fn visit_u64<E>(self, index: u64) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        self.inner.visit_u64(index)
    }
}

/// Serializer handed to the twin's derived code; writes the struct as a map
/// so that the kept entries can follow the known fields.
pub struct ExtraSerializer<'a, S> {
    inner: S,
    extra: &'a Map<String, Value>,
    nulls: &'a Nulls,
    nullable: NullableFields,
}

impl<'a, S> ExtraSerializer<'a, S> {
    /// Wraps `inner`; the struct it writes is followed by `extra`'s entries,
    /// and its `nullable` fields left out are written as `null` where
    /// `nulls` says so.
    pub fn new(
        inner: S,
        extra: &'a Map<String, Value>,
        nulls: &'a Nulls,
        nullable: NullableFields,
    ) -> Self {
        ExtraSerializer {
            inner,
            extra,
            nulls,
            nullable,
        }
    }
}

macro_rules! forward_serialize {
    ($($method:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {
        $(
            #[inline]
            fn $method(self, $($arg: $ty),*) -> Result<$ret, Self::Error> {
                self.inner.$method($($arg),*)
            }
        )*
    };
}

impl<'a, S> Serializer for ExtraSerializer<'a, S>
where
    S: Serializer,
{
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = S::SerializeSeq;
    type SerializeTuple = S::SerializeTuple;
    type SerializeTupleStruct = S::SerializeTupleStruct;
    type SerializeTupleVariant = S::SerializeTupleVariant;
    type SerializeMap = S::SerializeMap;
    type SerializeStruct = ExtraSerializeStruct<'a, S::SerializeMap>;
    type SerializeStructVariant = S::SerializeStructVariant;

    #[inline]
    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        // Fields written as `null` are not in serde's count, so there is
        // none to give then (serde_json writes `{}` at once for a length
        // of 0).
        let len = self.nulls.is_empty().then(|| len + self.extra.len());
        let map = self.inner.serialize_map(len)?;
        Ok(ExtraSerializeStruct {
            map,
            extra: self.extra,
            nulls: self.nulls,
            nullable: self.nullable,
            written: Vec::new(),
        })
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }

    fn serialize_some<T>(self, value: &T) -> Result<Self::Ok, Self::Error>
    where
        T: ?Sized + Serialize,
    {
        self.inner.serialize_some(value)
    }

    fn serialize_newtype_struct<T>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Self::Error>
    where
        T: ?Sized + Serialize,
    {
        self.inner.serialize_newtype_struct(name, value)
    }

    fn serialize_newtype_variant<T>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Self::Error>
    where
        T: ?Sized + Serialize,
    {
        self.inner
            .serialize_newtype_variant(name, index, variant, value)
    }

    forward_serialize! {
        serialize_bool(v: bool) -> Self::Ok;
        serialize_i8(v: i8) -> Self::Ok;
        serialize_i16(v: i16) -> Self::Ok;
        serialize_i32(v: i32) -> Self::Ok;
        serialize_i64(v: i64) -> Self::Ok;
        serialize_i128(v: i128) -> Self::Ok;
        serialize_u8(v: u8) -> Self::Ok;
        serialize_u16(v: u16) -> Self::Ok;
        serialize_u32(v: u32) -> Self::Ok;
        serialize_u64(v: u64) -> Self::Ok;
        serialize_u128(v: u128) -> Self::Ok;
        serialize_f32(v: f32) -> Self::Ok;
        serialize_f64(v: f64) -> Self::Ok;
        serialize_char(v: char) -> Self::Ok;
        serialize_str(v: &str) -> Self::Ok;
        serialize_bytes(v: &[u8]) -> Self::Ok;
        serialize_none() -> Self::Ok;
        serialize_unit() -> Self::Ok;
        serialize_unit_struct(name: &'static str) -> Self::Ok;
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str) -> Self::Ok;
        serialize_seq(len: Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(len: usize) -> Self::SerializeTuple;
        serialize_tuple_struct(name: &'static str, len: usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> Self::SerializeTupleVariant;
        serialize_map(len: Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> Self::SerializeStructVariant;
    }
}

/// The struct half of [`ExtraSerializer`].
pub struct ExtraSerializeStruct<'a, M> {
    map: M,
    extra: &'a Map<String, Value>,
    nulls: &'a Nulls,
    nullable: NullableFields,
    /// Names written so far, kept only when there are extra entries to check
    /// against them.
    written: Vec<&'static str>,
}

impl<M> SerializeStruct for ExtraSerializeStruct<'_, M>
where
    M: SerializeMap,
{
    type Ok = M::Ok;
    type Error = M::Error;

    #[inline]
    fn serialize_field<T>(&mut self, key: &'static str, value: &T) -> Result<(), Self::Error>
    where
        T: ?Sized + Serialize,
    {
        if !self.extra.is_empty() {
            self.written.push(key);
        }
        self.map.serialize_entry(key, value)
    }

    /// A field left out (a `None`): written as `null` if it was read so.
    #[inline]
    fn skip_field(&mut self, key: &'static str) -> Result<(), Self::Error> {
        if self.nulls.is_empty() {
            return Ok(());
        }
        match place(self.nullable, key) {
            Some(place) if self.nulls.contains(place) => {
                if !self.extra.is_empty() {
                    self.written.push(key);
                }
                self.map.serialize_entry(key, &None::<()>)
            }
            _ => Ok(()),
        }
    }

    #[inline]
    fn end(mut self) -> Result<Self::Ok, Self::Error> {
        for (key, value) in self.extra {
            if self.written.contains(&key.as_str()) {
                return Err(ser::Error::custom(format_args!(
                    "the extra map holds `{key}`, which is also a field of the struct; \
                     set the field instead"
                )));
            }
            self.map.serialize_entry(key, value)?;
        }
        self.map.end()
    }
}
