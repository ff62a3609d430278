//! [`Extra`], the unknown keys of a model, and how they travel: the
//! generated direct reader fills it itself; serde's derived code reaches it
//! through the wrappers in [`route`].

mod route;

use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

pub use self::route::{ExtraDeserializer, ExtraSerializer};
use crate::Map;

/// The keys of a document that its model does not know, kept to be written
/// back: the type of the models' `extra` fields.
///
/// It reads like a [`Map`] (it dereferences to one), but while empty, as it
/// nearly always is, it takes one pointer and no allocation, so keeping
/// unknown keys costs the models next to nothing. Changes go through its own
/// methods ([`insert`](Self::insert), [`remove`](Self::remove),
/// [`get_mut`](Self::get_mut), [`retain`](Self::retain),
/// [`clear`](Self::clear)), which allocate only to store an entry;
/// [`as_map_mut`](Self::as_map_mut) gives the whole map, allocating it.
///
/// Its `Debug` output shows the keys, which are the API's schema, and hides
/// the values, which may be personal: `{"tier": <redacted>}`.
///
/// ```
/// use voucherify_model::{CustomersCreateResponseBody, Extra};
///
/// let customer: CustomersCreateResponseBody = voucherify_model::from_str(r#"{"id":"c1","tier":"gold"}"#)?;
/// assert_eq!(customer.extra["tier"], "gold");
/// assert_eq!(customer.extra.keys().collect::<Vec<_>>(), ["tier"]);
/// assert_eq!(format!("{:?}", customer.extra), r#"{"tier": <redacted>}"#);
///
/// let mut extra = Extra::new();
/// assert!(extra.is_empty());
/// extra.insert("since".into(), 2019.into());
/// assert_eq!(extra.len(), 1);
/// # Ok::<(), voucherify_model::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct Extra(Option<Box<Map>>);

impl Extra {
    /// An empty set of unknown keys.
    pub const fn new() -> Self {
        Extra(None)
    }

    /// The entries as a [`Map`].
    pub fn as_map(&self) -> &Map {
        static EMPTY: OnceLock<Map> = OnceLock::new();
        match &self.0 {
            Some(map) => map,
            None => EMPTY.get_or_init(Map::new),
        }
    }

    /// The entries as a [`Map`] to change. This allocates the map when
    /// there is none yet; the methods below do only when they store an
    /// entry.
    pub fn as_map_mut(&mut self) -> &mut Map {
        self.0.get_or_insert_with(Box::default)
    }

    /// Stores `value` under `key`, and gives back the value it replaces.
    ///
    /// ```
    /// let mut extra = voucherify_model::Extra::new();
    /// assert_eq!(extra.insert("tier".into(), "gold".into()), None);
    /// assert_eq!(extra.insert("tier".into(), "silver".into()), Some("gold".into()));
    /// ```
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        self.as_map_mut().insert(key, value)
    }

    /// Takes the entry under `key` out, and gives back its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let removed = self.0.as_mut()?.remove(key);
        self.release_if_empty();
        removed
    }

    /// The value under `key`, to change in place.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.as_mut()?.get_mut(key)
    }

    /// Keeps only the entries for which `keep` says so.
    pub fn retain(&mut self, keep: impl FnMut(&String, &mut Value) -> bool) {
        if let Some(map) = self.0.as_mut() {
            map.retain(keep);
        }
        self.release_if_empty();
    }

    /// Takes every entry out.
    pub fn clear(&mut self) {
        self.0 = None;
    }

    /// Gives the allocation back once the last entry is gone.
    fn release_if_empty(&mut self) {
        if self.0.as_ref().is_some_and(|map| map.is_empty()) {
            self.0 = None;
        }
    }

    /// The entries, moved out.
    pub fn into_map(self) -> Map {
        self.0.map(|map| *map).unwrap_or_default()
    }
}

impl From<Map> for Extra {
    fn from(map: Map) -> Self {
        if map.is_empty() {
            Extra(None)
        } else {
            Extra(Some(Box::new(map)))
        }
    }
}

impl From<Extra> for Map {
    fn from(extra: Extra) -> Self {
        extra.into_map()
    }
}

impl FromIterator<(String, Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(entries: I) -> Self {
        Map::from_iter(entries).into()
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = (&'a String, &'a Value);
    type IntoIter = serde_json::map::Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_map().iter()
    }
}

impl Deref for Extra {
    type Target = Map;

    fn deref(&self) -> &Map {
        self.as_map()
    }
}

/// Equal when the entries are, however each was built.
impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.as_map() == other.as_map()
    }
}

impl Eq for Extra {}

/// The keys, with every value shown as `<redacted>`.
impl fmt::Debug for Extra {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        KeysOnly(self.as_map()).fmt(formatter)
    }
}

/// Unknown keys as `Debug` shows them, whatever the `extra` field's type:
/// the keys, and `<redacted>` for every value.
#[doc(hidden)]
pub struct KeysOnly<'a>(pub &'a Map);

impl fmt::Debug for KeysOnly<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter
            .debug_map()
            .entries(self.0.keys().map(|key| (key, Redacted)))
            .finish()
    }
}

/// Stands in for an unknown value in `Debug` output.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("<redacted>")
    }
}

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_map().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Map::deserialize(deserializer).map(Extra::from)
    }
}

/// What an `#[voucherify(extra)]` field may be: [`Map`] or [`Extra`].
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the unknown keys of a #[voucherify(extra)] field",
    label = "give this field the type `voucherify_model::Extra` or `voucherify_model::Map`"
)]
pub trait ExtraField {
    fn as_map(&self) -> &Map;
    /// `None` when no unknown key was read.
    fn from_map(map: Option<Map>) -> Self;
}

impl ExtraField for Map {
    fn as_map(&self) -> &Map {
        self
    }

    #[inline]
    fn from_map(map: Option<Map>) -> Self {
        map.unwrap_or_default()
    }
}

impl ExtraField for Extra {
    fn as_map(&self) -> &Map {
        Extra::as_map(self)
    }

    #[inline]
    fn from_map(map: Option<Map>) -> Self {
        Extra(map.map(Box::new))
    }
}
