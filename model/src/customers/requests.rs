//! Request bodies of the customer endpoints: what a client sends to create
//! and update customers, one at a time or in bulk.
//!
//! A create body leaves out every field that is `None`. The update bodies
//! tell three cases apart for each field, with `Option<Option<T>>`:
//!
//! | value | sent as | the API then |
//! |---|---|---|
//! | `None` | key left out | keeps what it has |
//! | `Some(None)` | `null` | clears the field |
//! | `Some(Some(value))` | the value | sets it |
//!
//! Each body derives `Default`, so a body names only the fields it sets:
//!
//! ```
//! use voucherify_model::{CustomersUpdateRequestBody, CustomersUpdateRequestBodyAddress};
//!
//! let update = CustomersUpdateRequestBody {
//!     email: Some(Some("alice@example.com".to_owned())),
//!     phone: Some(None), // forget the phone number
//!     address: Some(Some(CustomersUpdateRequestBodyAddress {
//!         line_2: Some(None), // and the second address line, keeping the rest
//!         ..Default::default()
//!     })),
//!     ..Default::default()
//! };
//! assert_eq!(
//!     voucherify_model::to_string(&update)?,
//!     r#"{"email":"alice@example.com","phone":null,"address":{"line_2":null}}"#,
//! );
//! # Ok::<(), voucherify_model::Error>(())
//! ```

use time::Date;

use crate::{voucherify_model, CustomersCreateResponseBodyAddress, Extra, Map};

/// The body of `POST v1/customers`, which creates a customer, or updates the
/// one whose `id` or `source_id` is given when it exists already (upsert).
///
/// Only the fields that are `Some` are sent. To clear a field of an
/// existing customer, send a [`CustomersUpdateRequestBody`] instead.
///
/// ```
/// use voucherify_model::time::{Date, Month};
/// use voucherify_model::{CustomersCreateRequestBody, Map};
///
/// let mut metadata = Map::new();
/// metadata.insert("lang".to_owned(), "en".into());
/// let body = CustomersCreateRequestBody {
///     source_id: Some("crm-000481".to_owned()),
///     name: Some("Maria Kowalska".to_owned()),
///     birthdate: Some(Date::from_calendar_date(1988, Month::April, 17)?),
///     metadata: Some(metadata),
///     ..Default::default()
/// };
/// assert_eq!(
///     voucherify_model::to_string(&body)?,
///     r#"{"source_id":"crm-000481","name":"Maria Kowalska","birthdate":"1988-04-17","metadata":{"lang":"en"}}"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersCreateRequestBody {
    /// Voucherify's identifier of an existing customer to update instead of
    /// creating one, such as `cust_CSnYd37MXmrbS19XCrghjBsv`.
    pub id: Option<String>,
    /// The integrator's own identifier of the customer (an id or email from
    /// a CRM, say); a customer with this one already is updated.
    #[voucherify(redact)]
    pub source_id: Option<String>,
    /// The customer's first and last name.
    #[voucherify(redact)]
    pub name: Option<String>,
    /// Free text attached to the customer.
    #[voucherify(redact)]
    pub description: Option<String>,
    /// The customer's email address.
    #[voucherify(redact)]
    pub email: Option<String>,
    /// The customer's phone number; needed to send codes by SMS.
    #[voucherify(redact)]
    pub phone: Option<String>,
    /// The customer's date of birth (`YYYY-MM-DD`), under its old name.
    #[voucherify(redact, deprecated = "use `birthdate`")]
    pub birthday: Option<Date>,
    /// The customer's date of birth (`YYYY-MM-DD`).
    #[voucherify(redact)]
    pub birthdate: Option<Date>,
    /// The customer's postal address.
    #[voucherify(redact)]
    pub address: Option<CustomersCreateRequestBodyAddress>,
    /// The integrator's own key/value data about the customer, written in
    /// the order its keys were inserted.
    #[voucherify(redact, unique_keys)]
    pub metadata: Option<Map>,
    /// Further keys to send as they are, for fields this model does not
    /// know yet.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The postal address sent in a [`CustomersCreateRequestBody`]: the same
/// fields as a customer's address in responses, each left out when `None`.
pub type CustomersCreateRequestBodyAddress = CustomersCreateResponseBodyAddress;

/// The body of `PUT v1/customers/{customerId}`, which changes the fields it
/// names and leaves the others as they are.
///
/// Each field is in one of three states, which reading a body back keeps
/// apart:
///
/// | value | sent as | the API then |
/// |---|---|---|
/// | `None` | key left out | keeps what it has |
/// | `Some(None)` | `null` | clears the field |
/// | `Some(Some(value))` | the value | sets it |
///
/// ```
/// use voucherify_model::CustomersUpdateRequestBody;
///
/// let body = CustomersUpdateRequestBody {
///     description: Some(Some("Moved to the Berlin store".to_owned())),
///     metadata: Some(None),
///     ..Default::default()
/// };
/// let json = voucherify_model::to_string(&body)?;
/// assert_eq!(json, r#"{"description":"Moved to the Berlin store","metadata":null}"#);
/// assert_eq!(voucherify_model::from_str::<CustomersUpdateRequestBody>(&json)?, body);
/// # Ok::<(), voucherify_model::Error>(())
/// ```
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersUpdateRequestBody {
    /// The customer's first and last name.
    #[voucherify(redact)]
    pub name: Option<Option<String>>,
    /// Free text attached to the customer.
    #[voucherify(redact)]
    pub description: Option<Option<String>>,
    /// The customer's email address.
    #[voucherify(redact)]
    pub email: Option<Option<String>>,
    /// The customer's phone number; needed to send codes by SMS.
    #[voucherify(redact)]
    pub phone: Option<Option<String>>,
    /// The customer's date of birth (`YYYY-MM-DD`), under its old name.
    #[voucherify(redact, deprecated = "use `birthdate`")]
    pub birthday: Option<Option<Date>>,
    /// The customer's date of birth (`YYYY-MM-DD`).
    #[voucherify(redact)]
    pub birthdate: Option<Option<Date>>,
    /// The customer's postal address: `Some(None)` clears all of it, an
    /// address changes only the lines it names.
    #[voucherify(redact)]
    pub address: Option<Option<CustomersUpdateRequestBodyAddress>>,
    /// The integrator's own key/value data about the customer, written in
    /// the order its keys were inserted.
    #[voucherify(redact, unique_keys)]
    pub metadata: Option<Option<Map>>,
    /// Further keys to send as they are, for fields this model does not
    /// know yet.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The postal address in an update: each line left out (`None`), cleared
/// (`Some(None)`) or set. Every part but the country is hidden in `Debug`
/// output, so the address stays out of logs even when printed on its own.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersUpdateRequestBodyAddress {
    /// City.
    #[voucherify(redact)]
    pub city: Option<Option<String>>,
    /// State, province or region.
    #[voucherify(redact)]
    pub state: Option<Option<String>>,
    /// First line of the street address.
    #[voucherify(redact)]
    pub line_1: Option<Option<String>>,
    /// Second line of the street address.
    #[voucherify(redact)]
    pub line_2: Option<Option<String>>,
    /// Country.
    pub country: Option<Option<String>>,
    /// Postal or ZIP code.
    #[voucherify(redact)]
    pub postal_code: Option<Option<String>>,
    /// Further keys to send as they are.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// One customer in the body of `POST v1/customers/bulk/async`, which takes
/// an array of them (a `Vec<CustomersUpdateInBulkRequestBody>`, up to 10 MB
/// of JSON) and updates, or creates, each customer found by `source_id`.
///
/// The other fields have the three states of [`CustomersUpdateRequestBody`].
///
/// ```
/// use voucherify_model::CustomersUpdateInBulkRequestBody;
///
/// let bodies: Vec<CustomersUpdateInBulkRequestBody> = ["crm-1", "crm-2"]
///     .into_iter()
///     .map(|source_id| CustomersUpdateInBulkRequestBody {
///         source_id: Some(source_id.to_owned()),
///         phone: Some(None),
///         ..Default::default()
///     })
///     .collect();
/// assert_eq!(
///     voucherify_model::to_string(&bodies)?,
///     r#"[{"source_id":"crm-1","phone":null},{"source_id":"crm-2","phone":null}]"#,
/// );
/// # Ok::<(), voucherify_model::Error>(())
/// ```
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersUpdateInBulkRequestBody {
    /// The integrator's identifier of the customer to update; the API
    /// creates the customer when none has it.
    #[voucherify(redact)]
    pub source_id: Option<String>,
    /// The customer's first and last name.
    #[voucherify(redact)]
    pub name: Option<Option<String>>,
    /// Free text attached to the customer.
    #[voucherify(redact)]
    pub description: Option<Option<String>>,
    /// The customer's email address.
    #[voucherify(redact)]
    pub email: Option<Option<String>>,
    /// The customer's phone number; needed to send codes by SMS.
    #[voucherify(redact)]
    pub phone: Option<Option<String>>,
    /// The customer's date of birth (`YYYY-MM-DD`), under its old name.
    #[voucherify(redact, deprecated = "use `birthdate`")]
    pub birthday: Option<Option<Date>>,
    /// The customer's date of birth (`YYYY-MM-DD`).
    #[voucherify(redact)]
    pub birthdate: Option<Option<Date>>,
    /// The customer's postal address, line by line.
    #[voucherify(redact)]
    pub address: Option<Option<CustomersUpdateRequestBodyAddress>>,
    /// The integrator's own key/value data about the customer, written in
    /// the order its keys were inserted.
    #[voucherify(redact, unique_keys)]
    pub metadata: Option<Option<Map>>,
    /// Further keys to send as they are.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The body of `POST v1/customers/metadata/async`, which sets the same
/// metadata keys on every customer listed (creating the customers not
/// found). Keys not named keep their values.
///
/// ```
/// use voucherify_model::{CustomersMetadataUpdateInBulkRequestBody, Map};
///
/// let mut metadata = Map::new();
/// metadata.insert("newsletter".to_owned(), false.into());
/// let body = CustomersMetadataUpdateInBulkRequestBody {
///     source_ids: Some(vec!["crm-1".to_owned(), "crm-2".to_owned()]),
///     metadata: Some(metadata),
///     ..Default::default()
/// };
/// assert_eq!(
///     voucherify_model::to_string(&body)?,
///     r#"{"source_ids":["crm-1","crm-2"],"metadata":{"newsletter":false}}"#,
/// );
/// # Ok::<(), voucherify_model::Error>(())
/// ```
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersMetadataUpdateInBulkRequestBody {
    /// The `source_id`s of the customers to update.
    pub source_ids: Option<Vec<String>>,
    /// The metadata keys to set, with their values, written in the order
    /// they were inserted.
    #[voucherify(redact, unique_keys)]
    pub metadata: Option<Map>,
    /// Further keys to send as they are.
    #[voucherify(extra)]
    pub extra: Extra,
}
