//! The direct JSON path behind [`from_slice`](crate::from_slice) and
//! [`to_vec`](crate::to_vec): a reader and a writer made for the models,
//! which leave anything out of the ordinary to serde.

mod dates;
mod document;
mod read;
mod refuse;
mod scan;
mod slot;
mod types;
mod write;

pub use self::dates::{read_date, read_date_time, write_date, write_date_time};
pub use self::document::{direct_error, read_direct, read_direct_text, write_direct};
pub(crate) use self::document::{try_direct, try_direct_text, Fallback};
pub(crate) use self::read::{arbitrary_precision, owned, NUMBER_TOKEN};
pub use self::read::{Bail, Fast, Input, Reader};
pub use self::slot::{
    through_serde, Direct, RedactedDirect, RedactedNever, Slot, ThroughSerde, UniqueDirect,
    UniqueNever, UniqueSerde, UniqueSlot,
};
pub use self::types::{write_number, Json, Unique};
pub use self::write::Writer;
