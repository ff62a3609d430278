//! JSON objects read with duplicate keys refused at every depth.
//!
//! serde_json keeps the last of two equal keys in an object and drops the
//! other without a word. The models read metadata, loyalty campaigns and
//! unknown values through these helpers instead, so that a document is
//! either read whole or refused with the path of the repeated key.

use std::collections::btree_map::{BTreeMap, Entry};
use std::fmt;
use std::marker::PhantomData;

use indexmap::IndexMap;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::json::{arbitrary_precision, NUMBER_TOKEN};

/// A `serde_json::Value` whose objects had no repeated key.
pub(crate) struct StrictValue(pub(crate) Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer.deserialize_any(ValueVisitor).map(StrictValue)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // JSON text has no NaN or infinity, so this is never `Null` from JSON.
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D>(self, deserializer: D) -> Result<Value, D::Error>
    where
        D: Deserializer<'de>,
    {
        StrictValue::deserialize(deserializer).map(|value| value.0)
    }

    fn visit_seq<A>(self, mut seq: A) -> Result<Value, A::Error>
    where
        A: SeqAccess<'de>,
    {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A>(self, mut map: A) -> Result<Value, A::Error>
    where
        A: MapAccess<'de>,
    {
        if !arbitrary_precision() {
            return read_object(map, Map::new()).map(Value::Object);
        }
        // serde_json with `arbitrary_precision` hands a number over as a
        // map of one private key, as its own `Value` expects.
        let Some(key) = map.next_key::<String>()? else {
            return Ok(Value::Object(Map::new()));
        };
        if key == NUMBER_TOKEN {
            let text: String = map.next_value()?;
            return text
                .parse::<Number>()
                .map(Value::Number)
                .map_err(de::Error::custom);
        }
        let mut object = Map::new();
        object.insert(key, map.next_value::<StrictValue>()?.0);
        read_object(map, object).map(Value::Object)
    }
}

/// An object's entries after those in `object`, each value read strictly
/// in turn.
fn read_object<'de, A>(
    mut map: A,
    mut object: Map<String, Value>,
) -> Result<Map<String, Value>, A::Error>
where
    A: MapAccess<'de>,
{
    while let Some(key) = map.next_key::<String>()? {
        match object.entry(key) {
            serde_json::map::Entry::Vacant(entry) => {
                entry.insert(map.next_value::<StrictValue>()?.0);
            }
            serde_json::map::Entry::Occupied(entry) => return Err(duplicate(entry.key())),
        }
    }
    Ok(object)
}

fn duplicate<E: de::Error>(key: &str) -> E {
    E::custom(format_args!("duplicate key `{key}`"))
}

/// Reads a map of `V` into a `BTreeMap`, refusing a repeated key.
struct MapVisitor<V>(PhantomData<V>);

impl<'de, V> Visitor<'de> for MapVisitor<V>
where
    V: Deserialize<'de>,
{
    type Value = BTreeMap<String, V>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A>(self, mut map: A) -> Result<Self::Value, A::Error>
    where
        A: MapAccess<'de>,
    {
        let mut entries = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match entries.entry(key) {
                Entry::Vacant(entry) => {
                    entry.insert(map.next_value()?);
                }
                Entry::Occupied(entry) => return Err(duplicate(entry.key())),
            }
        }
        Ok(entries)
    }
}

/// Reads a map of `V` into an `IndexMap`, in the order read, refusing a
/// repeated key.
struct IndexMapVisitor<V>(PhantomData<V>);

impl<'de, V> Visitor<'de> for IndexMapVisitor<V>
where
    V: Deserialize<'de>,
{
    type Value = IndexMap<String, V>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A>(self, mut map: A) -> Result<Self::Value, A::Error>
    where
        A: MapAccess<'de>,
    {
        let mut entries = IndexMap::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(key) = map.next_key::<String>()? {
            match entries.entry(key) {
                indexmap::map::Entry::Vacant(entry) => {
                    entry.insert(map.next_value()?);
                }
                indexmap::map::Entry::Occupied(entry) => return Err(duplicate(entry.key())),
            }
        }
        Ok(entries)
    }
}

/// Reads a JSON object as a [`Map`], refusing a repeated key at any depth.
struct ObjectVisitor;

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Map<String, Value>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A>(self, map: A) -> Result<Self::Value, A::Error>
    where
        A: MapAccess<'de>,
    {
        read_object(map, Map::new())
    }
}

/// The types a `#[voucherify(unique_keys)]` field may have: objects read
/// with a repeated key refused.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an object that #[voucherify(unique_keys)] can read",
    label = "give this field the type `Option<voucherify_model::Map>`, `Option<BTreeMap<String, _>>` \
             or `Option<IndexMap<String, _>>`, or remove `unique_keys`"
)]
pub trait UniqueKeys<'de>: Sized {
    /// Reads the value, refusing a repeated key.
    fn deserialize_unique<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

// Each impl is `do_not_recommend`: the label above names the types to use,
// where rustc's own list of implementors would spell `Map` by its private
// path.

/// Metadata: a repeated key at any depth is an error.
#[diagnostic::do_not_recommend]
impl<'de> UniqueKeys<'de> for Map<String, Value> {
    fn deserialize_unique<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectVisitor)
    }
}

/// A map keyed by name: a repeated key is an error.
#[diagnostic::do_not_recommend]
impl<'de, V: Deserialize<'de>> UniqueKeys<'de> for BTreeMap<String, V> {
    fn deserialize_unique<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// `null` is `None`.
#[diagnostic::do_not_recommend]
impl<'de> UniqueKeys<'de> for Option<Map<String, Value>> {
    fn deserialize_unique<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor(ObjectVisitor))
    }
}

/// `null` is `None`.
#[diagnostic::do_not_recommend]
impl<'de, V: Deserialize<'de>> UniqueKeys<'de> for Option<BTreeMap<String, V>> {
    fn deserialize_unique<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor(MapVisitor(PhantomData)))
    }
}

/// A map keyed by name, in the order read: a repeated key is an error.
#[diagnostic::do_not_recommend]
impl<'de, V: Deserialize<'de>> UniqueKeys<'de> for IndexMap<String, V> {
    fn deserialize_unique<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(IndexMapVisitor(PhantomData))
    }
}

/// `null` is `None`.
#[diagnostic::do_not_recommend]
impl<'de, V: Deserialize<'de>> UniqueKeys<'de> for Option<IndexMap<String, V>> {
    fn deserialize_unique<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor(IndexMapVisitor(PhantomData)))
    }
}

/// `null` is `Some(None)`: with the `default` the macro gives the field, a
/// missing key is `None`.
#[diagnostic::do_not_recommend]
impl<'de> UniqueKeys<'de> for Option<Option<Map<String, Value>>> {
    fn deserialize_unique<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_option(OptionVisitor(ObjectVisitor))
            .map(Some)
    }
}

/// Objects in an array: a repeated key in any of them, at any depth, is an
/// error.
#[diagnostic::do_not_recommend]
impl<'de> UniqueKeys<'de> for Vec<Map<String, Value>> {
    fn deserialize_unique<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let objects = Vec::<StrictObject>::deserialize(deserializer)?;
        Ok(objects.into_iter().map(|object| object.0).collect())
    }
}

/// `null` is `None`.
#[diagnostic::do_not_recommend]
impl<'de> UniqueKeys<'de> for Option<Vec<Map<String, Value>>> {
    fn deserialize_unique<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let objects = Option::<Vec<StrictObject>>::deserialize(deserializer)?;
        Ok(objects.map(|objects| objects.into_iter().map(|object| object.0).collect()))
    }
}

/// The reader the macro names for a `#[voucherify(unique_keys)]` field.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: UniqueKeys<'de>,
{
    T::deserialize_unique(deserializer)
}

/// `null` as `None`, and anything else through the map visitor `M`.
struct OptionVisitor<M>(M);

impl<'de, M> Visitor<'de> for OptionVisitor<M>
where
    M: Visitor<'de>,
{
    type Value = Option<M::Value>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON object or null")
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D>(self, deserializer: D) -> Result<Self::Value, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer.deserialize_map(self.0).map(Some)
    }
}

/// A JSON object read by [`ObjectVisitor`].
struct StrictObject(Map<String, Value>);

impl<'de> Deserialize<'de> for StrictObject {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer
            .deserialize_map(ObjectVisitor)
            .map(StrictObject)
    }
}
