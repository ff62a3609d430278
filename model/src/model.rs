//! [`Model`], the one bound generic code needs to read and write models.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::Json;

/// A type that [`from_str`](crate::from_str), [`from_slice`](crate::from_slice),
/// [`from_reader`](crate::from_reader) and the `to_*` functions take: every
/// owned `#[voucherify_model]` type, and the collections built of them.
///
/// It stands for [`Json`] and serde's `Serialize` and `DeserializeOwned`
/// together, so that generic code names one trait of this crate and needs
/// no `serde` dependency of its own. It is implemented for every type that
/// has all three; there is nothing to implement by hand.
///
/// ```
/// use voucherify_model::{CustomersCreateResponseBody, Error, Model};
///
/// fn load<T: Model>(text: &str) -> Result<T, Error> {
///     voucherify_model::from_str(text)
/// }
///
/// fn store<T: Model>(value: &T) -> Result<String, Error> {
///     voucherify_model::to_string(value)
/// }
///
/// let customer: CustomersCreateResponseBody = load(r#"{"id":"cust_1","tier":"gold"}"#)?;
/// assert_eq!(store(&customer)?, r#"{"id":"cust_1","tier":"gold"}"#);
/// let many: Vec<CustomersCreateResponseBody> = load(r#"[{"id":"a"},{"id":"b"}]"#)?;
/// assert_eq!(many.len(), 2);
/// # Ok::<(), voucherify_model::Error>(())
/// ```
pub trait Model: Json + Serialize + DeserializeOwned {}

impl<T> Model for T where T: Json + Serialize + DeserializeOwned {}
