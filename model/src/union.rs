//! Internally tagged unions (`#[serde(tag = "type")]` enums): the pieces
//! their generated serde impls and direct readers and writers share.
//!
//! On the serde side a union is read as a map. When the tag is its first
//! key, as in the API's documents, the variant reads the rest of the map
//! as it comes, so errors keep their JSON path; otherwise the object is
//! read into a [`Map`] first and the variant from that. On the direct side
//! the object is passed over once to find the tag, then read again as the
//! variant; a union whose tag is not first is left to serde.

// Plumbing for generated code, named through `__private`.
#![allow(missing_docs)]

use std::cell::RefCell;
use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Unexpected};
use serde::ser::{self, Impossible, SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;
use serde_json::Value;

use crate::error::{self, Step};
use crate::json::{Bail, Fast, Input, Json, Reader, Slot, Writer};
use crate::unique_keys::StrictValue;
use crate::Map;

/// What a union's tag names: a variant, given by its index, or (for a union
/// with an `other` variant) a tag it does not know, which is empty for a
/// tag missing or `null`.
pub enum Tag {
    Known(usize),
    Unknown(String),
}

/// The tag's wire names, each with the index of its variant, and whether
/// an unknown tag is kept rather than refused.
pub struct Tags {
    /// The key the tag is under, such as `type`.
    pub key: &'static str,
    /// Every string the tag may be, aliases included, with its variant.
    pub names: &'static [(&'static str, usize)],
    /// The names an error lists: one per variant.
    pub expected: &'static [&'static str],
    /// Whether the union has an `other` variant.
    pub other: bool,
}

impl Tags {
    fn find(&self, name: &str) -> Option<usize> {
        self.names
            .iter()
            .find(|(known, _)| *known == name)
            .map(|&(_, index)| index)
    }

    fn resolve<E: de::Error>(&self, name: &str) -> Result<Tag, E> {
        match self.find(name) {
            Some(index) => Ok(Tag::Known(index)),
            None if self.other => Ok(Tag::Unknown(name.to_owned())),
            None => Err(E::unknown_variant(name, self.expected)),
        }
    }
}

/// How reading a union began.
pub enum Start {
    /// The tag came first and named this variant; the rest of the map is
    /// still to read.
    Tag(Tag),
    /// The tag came later: the whole object, tag included, and what the
    /// tag names.
    Buffered(Map, Tag),
}

/// Reads a union's map up to its tag. See [`Start`].
///
/// A union with an `other` variant keeps there an object whose tag is
/// missing, `null` or not a string too: the tag names no variant it knows.
/// Such an object is read whole, as [`Start::Buffered`] with an unknown
/// tag.
pub fn start<'de, A: MapAccess<'de>>(map: &mut A, tags: &Tags) -> Result<Start, A::Error> {
    let mut object = Map::new();
    let Some(first) = map.next_key::<String>()? else {
        return match tags.other {
            true => Ok(Start::Buffered(object, Tag::Unknown(String::new()))),
            false => Err(de::Error::missing_field(tags.key)),
        };
    };
    if first == tags.key && tags.other {
        // Any tag that names no variant, a string or not, goes to `other`.
        return match map.next_value::<StrictValue>()?.0 {
            Value::String(name) => Ok(Start::Tag(tags.resolve(&name)?)),
            value => {
                object.insert(first, value);
                read_rest(map, &mut object)?;
                Ok(Start::Buffered(object, Tag::Unknown(String::new())))
            }
        };
    }
    if first == tags.key {
        return map.next_value_seed(TagSeed(tags)).map(Start::Tag);
    }
    object.insert(first, map.next_value::<StrictValue>()?.0);
    read_rest(map, &mut object)?;
    let tag = match object.get(tags.key) {
        Some(Value::String(name)) => tags.resolve(name)?,
        _ if tags.other => Tag::Unknown(String::new()),
        None => return Err(de::Error::missing_field(tags.key)),
        Some(other) => return Err(de::Error::invalid_type(unexpected(other), &"a string tag")),
    };
    Ok(Start::Buffered(object, tag))
}

/// The rest of the map, after a first tag the union does not know: the
/// whole object for its `other` variant, tag first.
pub fn rest_of_other<'de, A: MapAccess<'de>>(
    mut map: A,
    tags: &Tags,
    name: String,
) -> Result<Map, A::Error> {
    let mut object = Map::new();
    object.insert(tags.key.to_owned(), Value::String(name));
    read_rest(&mut map, &mut object)?;
    Ok(object)
}

/// The variant of type `T` from the rest of the map, after a first tag. A
/// second tag is refused, as any repeated key is: the variant would
/// otherwise keep it among its unknown keys and write the tag twice.
pub fn rest_of_variant<'de, T, A>(map: A, tags: &Tags) -> Result<T, A::Error>
where
    T: de::Deserialize<'de>,
    A: MapAccess<'de>,
{
    T::deserialize(MapAccessDeserializer::new(RefuseTag {
        inner: map,
        key: tags.key,
    }))
}

/// The rest of a union's map, with its tag key refused.
struct RefuseTag<A> {
    inner: A,
    key: &'static str,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for RefuseTag<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.inner.next_key::<String>()? else {
            return Ok(None);
        };
        if key == self.key {
            return Err(de::Error::duplicate_field(self.key));
        }
        seed.deserialize(de::value::StringDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.inner.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// The variant of type `T` from a whole object read before its tag was
/// found; an error names the path within the object.
pub fn buffered_variant<T, E>(mut object: Map, tags: &Tags) -> Result<T, E>
where
    T: DeserializeOwned,
    E: de::Error,
{
    object.remove(tags.key);
    serde_path_to_error::deserialize(Value::Object(object)).map_err(|error| {
        let mut steps = error::steps(error.path());
        let mut message = error.into_inner().to_string();
        // A union inside this object, itself read before its tag, noted
        // its own place within.
        if let Some(nested) = take_inner_failure() {
            if message == nested.text() {
                steps.extend(nested.steps);
                message = nested.message;
            }
        }
        if steps.is_empty() {
            return E::custom(message);
        }
        let failure = InnerFailure { steps, message };
        let text = failure.text();
        INNER_FAILURE.with(|cell| *cell.borrow_mut() = Some(failure));
        E::custom(text)
    })
}

/// A failure inside a union's object that was read before its tag: where
/// in the object, and serde's message. An error from serde carries only
/// text, so [`buffered_variant`] notes the place here, and the reader that
/// tracks the document's path (`locate`) puts it after the union's own.
pub(crate) struct InnerFailure {
    pub(crate) steps: Vec<Step>,
    pub(crate) message: String,
}

impl InnerFailure {
    /// The text [`buffered_variant`] gave serde: the place, then the message.
    pub(crate) fn text(&self) -> String {
        format!("{}: {}", error::steps_text(&self.steps), self.message)
    }
}

thread_local! {
    static INNER_FAILURE: RefCell<Option<InnerFailure>> = const { RefCell::new(None) };
}

/// The failure [`buffered_variant`] noted last on this thread, if any,
/// taken so that it cannot be matched twice.
pub(crate) fn take_inner_failure() -> Option<InnerFailure> {
    INNER_FAILURE.with(|cell| cell.borrow_mut().take())
}

fn read_rest<'de, A: MapAccess<'de>>(map: &mut A, object: &mut Map) -> Result<(), A::Error> {
    while let Some(key) = map.next_key::<String>()? {
        match object.entry(key) {
            serde_json::map::Entry::Vacant(entry) => {
                entry.insert(map.next_value::<StrictValue>()?.0);
            }
            serde_json::map::Entry::Occupied(entry) => {
                return Err(de::Error::custom(format_args!(
                    "duplicate key `{}`",
                    entry.key()
                )))
            }
        }
    }
    Ok(())
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(value) => Unexpected::Bool(*value),
        Value::Number(number) => match number.as_f64() {
            Some(value) => Unexpected::Float(value),
            None => Unexpected::Other("number"),
        },
        Value::String(text) => Unexpected::Str(text),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// Reads the tag's value of a union without an `other` variant: a string
/// naming one of its variants.
struct TagSeed<'t>(&'t Tags);

impl<'de> DeserializeSeed<'de> for TagSeed<'_> {
    type Value = Tag;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tag, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> de::Visitor<'de> for TagSeed<'_> {
    type Value = Tag;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string tag")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Tag, E> {
        self.0.resolve(name)
    }
}

/// Writes a variant that holds a struct: the tag, then the struct's own
/// members, as serde writes an internally tagged newtype variant.
pub struct Tagged<S> {
    inner: S,
    key: &'static str,
    name: &'static str,
}

impl<S> Tagged<S> {
    pub fn new(inner: S, key: &'static str, name: &'static str) -> Self {
        Tagged { inner, key, name }
    }
}

fn not_an_object<E: ser::Error>() -> E {
    E::custom("a variant of a tagged union must be written as a JSON object")
}

macro_rules! refuse {
    ($($method:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {$(
        fn $method(self, $($arg: $ty),*) -> Result<$ret, S::Error> {
            $(let _ = $arg;)*
            Err(not_an_object())
        }
    )*};
}

impl<S: Serializer> Serializer for Tagged<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = TaggedMembers<S::SerializeMap>;
    type SerializeStruct = TaggedMembers<S::SerializeMap>;
    type SerializeStructVariant = Impossible<S::Ok, S::Error>;

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        let mut map = self.inner.serialize_map(len.map(|len| len + 1))?;
        map.serialize_entry(self.key, self.name)?;
        Ok(TaggedMembers(map))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.serialize_map(Some(len))
    }

    refuse! {
        serialize_bool(v: bool) -> S::Ok;
        serialize_i8(v: i8) -> S::Ok;
        serialize_i16(v: i16) -> S::Ok;
        serialize_i32(v: i32) -> S::Ok;
        serialize_i64(v: i64) -> S::Ok;
        serialize_u8(v: u8) -> S::Ok;
        serialize_u16(v: u16) -> S::Ok;
        serialize_u32(v: u32) -> S::Ok;
        serialize_u64(v: u64) -> S::Ok;
        serialize_f32(v: f32) -> S::Ok;
        serialize_f64(v: f64) -> S::Ok;
        serialize_char(v: char) -> S::Ok;
        serialize_str(v: &str) -> S::Ok;
        serialize_bytes(v: &[u8]) -> S::Ok;
        serialize_none() -> S::Ok;
        serialize_unit() -> S::Ok;
        serialize_unit_struct(name: &'static str) -> S::Ok;
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str) -> S::Ok;
        serialize_seq(len: Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(len: usize) -> Self::SerializeTuple;
        serialize_tuple_struct(name: &'static str, len: usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> Self::SerializeTupleVariant;
        serialize_struct_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<S::Ok, S::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(not_an_object())
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// The members of a tagged variant, after its tag.
pub struct TaggedMembers<M>(M);

impl<M: SerializeMap> SerializeMap for TaggedMembers<M> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), M::Error> {
        self.0.serialize_key(key)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), M::Error> {
        self.0.serialize_value(value)
    }

    fn serialize_entry<K, V>(&mut self, key: &K, value: &V) -> Result<(), M::Error>
    where
        K: ?Sized + Serialize,
        V: ?Sized + Serialize,
    {
        self.0.serialize_entry(key, value)
    }

    fn end(self) -> Result<M::Ok, M::Error> {
        self.0.end()
    }
}

impl<M: SerializeMap> SerializeStruct for TaggedMembers<M> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.0.serialize_entry(key, value)
    }

    fn end(self) -> Result<M::Ok, M::Error> {
        self.0.end()
    }
}

/// The error of a named variant's `extra` key that is also one of its
/// fields, which serde would write twice.
pub fn extra_clash<E: ser::Error>(key: &str) -> E {
    E::custom(format_args!(
        "the extra key `{key}` is also a field of the variant; it would be written twice"
    ))
}

/// A `#[voucherify_model]` struct, which a union's variant may hold.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a #[voucherify_model] struct, which a variant of a tagged union holds",
    label = "write #[voucherify_model] on `{Self}`, or give the variant named fields"
)]
pub trait Variant {
    /// The keys the struct reads as fields.
    const KEYS: &'static [&'static str];

    /// Takes `key` out of the struct's unknown keys, where the direct
    /// reader put the union's tag.
    fn remove_key(&mut self, key: &str);

    /// Whether the struct's unknown keys hold `key`: the union's tag there
    /// would be written twice.
    fn extra_has(&self, key: &str) -> bool;
}

/// The error of a variant whose unknown keys hold the union's tag key,
/// which would be written twice, the second time naming another variant
/// or none.
pub fn tag_clash<E: ser::Error>(key: &str) -> E {
    E::custom(format_args!(
        "the extra key `{key}` is the union's tag; set the variant instead"
    ))
}

/// Asks a struct that a union's variant holds whether its unknown keys
/// hold the tag's key, by autoref on the field slot, as the field code
/// does: a [`Variant`] answers through [`HeldExtra`]; any other type,
/// already refused by the union's other impls with one error, falls back
/// to [`HeldPlain`], which says no.
pub trait HeldExtra<T> {
    fn extra_has(&self, value: &T, key: &str) -> bool;
}

impl<T: Variant> HeldExtra<T> for Slot<T> {
    #[inline]
    fn extra_has(&self, value: &T, key: &str) -> bool {
        value.extra_has(key)
    }
}

/// See [`HeldExtra`].
pub trait HeldPlain<T> {
    fn extra_has(&self, value: &T, key: &str) -> bool;
}

impl<T> HeldPlain<T> for &Slot<T> {
    fn extra_has(&self, _: &T, _: &str) -> bool {
        false
    }
}

/// Finds the tag of a union's object, which the direct path takes only as
/// its first key, as the API writes it: `Ok(None)` for a tag the union
/// keeps in its `other` variant. A later tag is left to serde, which reads
/// the whole object before choosing the variant, and so is a tag given
/// twice, which serde refuses: a variant that drops unknown keys would
/// otherwise pass over the second one.
pub fn find_tag(text: &[u8], tags: &Tags) -> Fast<Option<usize>> {
    let mut reader = Reader::new(text);
    if !reader.object_start()? || reader.field_key()? != tags.key {
        return Err(Bail);
    }
    let name = reader.str()?;
    let found = match tags.find(name) {
        Some(index) => Some(index),
        None if tags.other => None,
        None => return Err(Bail),
    };
    while reader.object_next()? {
        if reader.field_key()? == tags.key {
            return Err(Bail);
        }
        reader.skip()?;
    }
    Ok(found)
}

/// Reads a variant that holds `T` from the union's whole object: the tag,
/// which `T` does not know, is taken out of its unknown keys again.
pub fn read_variant<T: Json + Variant>(text: &[u8], key: &'static str) -> Fast<T> {
    // A field of the tag's name would read the tag, which serde gives the
    // union alone.
    if T::KEYS.contains(&key) {
        return Err(Bail);
    }
    let mut reader = Reader::new(text);
    let mut value = T::read_json(&mut reader)?;
    value.remove_key(key);
    Ok(value)
}

/// Reads the union's whole object for its `other` variant.
pub fn read_other(text: &[u8]) -> Fast<Map> {
    Reader::new(text).object()
}

/// The union's object text, passed over by `reader`.
pub fn object_text<'a, I: Input>(reader: &mut Reader<'a, I>) -> Fast<&'a [u8]> {
    if reader.peek()? != b'{' {
        return Err(Bail);
    }
    reader.skip()
}

/// Writes a variant that holds a struct: `tag` (`{"type":"AMOUNT"`, the
/// object's opening and first member), then the struct's members.
pub fn write_tagged<T: ?Sized + Json>(writer: &mut Writer, tag: &[u8], value: &T) -> Fast<()> {
    writer.raw(tag);
    let mark = writer.object_start();
    value.write_json(writer)?;
    // The struct wrote its own object at `mark`: its `{` becomes the comma
    // after the tag, or, with no members, the tag's object is closed.
    let mut out = std::mem::replace(writer, Writer::new(Vec::new())).into_bytes();
    let result = match out.get(mark..) {
        Some([b'{', b'}']) => {
            out.truncate(mark);
            out.push(b'}');
            Ok(())
        }
        Some([b'{', ..]) => {
            out[mark] = b',';
            Ok(())
        }
        _ => Err(Bail),
    };
    *writer = Writer::new(out);
    result
}
