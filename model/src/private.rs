//! Items the generated code names through `::voucherify_model::__private`.
//! Not a public API: they may change in any release.

#![allow(missing_docs)]

use std::fmt;
use std::marker::PhantomData;

pub use serde;
pub use serde_json;

pub use crate::extra::{
    ExtraDeserializer, ExtraField, ExtraSerializer, Gathered, KeysOnly, NullableFields, Nulls,
};
pub use crate::json::{
    read_date, read_date_time, through_serde, write_date, write_date_time, write_number, Bail,
    Direct, Fast, Input, Reader, RedactedDirect, RedactedNever, Slot, ThroughSerde, Unique,
    UniqueDirect, UniqueNever, UniqueSerde, UniqueSlot, Writer,
};

/// Dates inside any nesting of containers.
pub mod dated {
    pub use crate::dated::*;
}

/// `f64`s inside any nesting of containers.
pub mod numbered {
    pub use crate::numbered::*;
}

/// Field code chosen by the field's type, and the one check of that type.
pub mod pick {
    pub use crate::pick::*;
}

/// Internally tagged unions.
pub mod union {
    pub use crate::union::*;
}

/// The serde reader of `#[voucherify(unique_keys)]` fields, which refuses
/// a key repeated in one object. The direct reader refuses such keys too
/// (it leaves them to serde), so the macro reads these fields directly.
pub mod unique_keys {
    pub use crate::unique_keys::{deserialize, UniqueKeys};
}

/// `Option<Option<T>>` fields: the outer `None` is a missing key (left out
/// on write by `skip_serializing_if`), `Some(None)` is `null`.
pub mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T, S>(value: &Option<Option<T>>, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Serialize,
        S: Serializer,
    {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Option::<T>::deserialize(deserializer).map(Some)
    }
}

/// Stands in for a `#[voucherify(redact)]` value in `Debug` output.
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("\"<redacted>\"")
    }
}

pub fn redacted<T: ?Sized>(_: &T) -> Redacted {
    Redacted
}

/// Tells at compile time whether a type is an `Option`, even behind an
/// alias: the inherent constant exists only for `FieldProbe<Option<T>>` and
/// takes precedence over the trait's default.
pub struct FieldProbe<T: ?Sized>(PhantomData<T>);

impl<T> FieldProbe<Option<T>> {
    pub const IS_OPTION: bool = true;
}

pub trait NotAnOption {
    const IS_OPTION: bool = false;
}

impl<T: ?Sized> NotAnOption for FieldProbe<T> {}
