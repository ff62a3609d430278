//! [`Extra`], the unknown keys of a model, and how they travel: the
//! generated direct reader fills it itself; serde's derived code reaches it
//! through the wrappers in [`route`].

mod route;

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

pub use self::route::{ExtraDeserializer, ExtraSerializer};
use crate::Map;

/// The keys of a document that its model does not know, kept to be written
/// back: the type of the models' `extra` fields.
///
/// It reads and writes like a [`Map`] (it dereferences to one), but while
/// empty, as it nearly always is, it takes one pointer and no allocation,
/// so keeping unknown keys costs the models next to nothing.
///
/// ```
/// use voucherify_model::{CustomersCreateResponseBody, Extra};
///
/// let customer: CustomersCreateResponseBody = voucherify_model::from_str(r#"{"id":"c1","tier":"gold"}"#)?;
/// assert_eq!(customer.extra["tier"], "gold");
/// assert_eq!(customer.extra.keys().collect::<Vec<_>>(), ["tier"]);
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

    /// The entries as a [`Map`] to change.
    pub fn as_map_mut(&mut self) -> &mut Map {
        self.0.get_or_insert_with(Box::default)
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

impl DerefMut for Extra {
    fn deref_mut(&mut self) -> &mut Map {
        self.as_map_mut()
    }
}

/// Equal when the entries are, however each was built.
impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.as_map() == other.as_map()
    }
}

impl fmt::Debug for Extra {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        self.as_map().fmt(formatter)
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
