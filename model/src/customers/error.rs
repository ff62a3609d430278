//! The error object every Voucherify endpoint returns on failure.

use std::fmt;

use crate::{voucherify_model, Extra};

/// The body of a failed Voucherify call (the specification's `Error`):
/// the HTTP status, a short key for the kind of failure, a message for
/// people, and the request's identifier to quote to Voucherify's support.
///
/// Its `Display` gives the status, key, message and request identifier
/// that are present, on one line; it is also a [`std::error::Error`], so it
/// can travel through `?`. The `details` often quote the values of the
/// request (an email, a phone number), so `Display` leaves them out and
/// `Debug` shows `<redacted>` for them: read the field where it is safe to.
///
/// ```
/// use voucherify_model::VoucherifyError;
///
/// let error: VoucherifyError = voucherify_model::from_str(
///     r#"{"code":404,"key":"not_found","message":"Resource not found",
///         "details":"Cannot find customer with id cust_1","request_id":"v-0a885062c80375740f"}"#,
/// )?;
/// assert_eq!(
///     error.to_string(),
///     "Voucherify error 404 not_found: Resource not found [request v-0a885062c80375740f]",
/// );
/// assert_eq!(error.details.as_deref(), Some("Cannot find customer with id cust_1"));
/// assert!(!format!("{error:?}").contains("cust_1"));
/// # Ok::<(), voucherify_model::Error>(())
/// ```
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct VoucherifyError {
    /// The HTTP status code of the response, such as `400` or `404`.
    pub code: Option<i64>,
    /// A short machine-readable name of the kind of failure, such as `not_found`.
    pub key: Option<String>,
    /// A short explanation for people.
    pub message: Option<String>,
    /// A longer explanation for people: which value, which object. It may
    /// quote personal data, so it is hidden in `Debug` and `Display`.
    #[voucherify(redact)]
    pub details: Option<String>,
    /// The identifier of the failed request, such as `v-0a885062c80375740f`.
    pub request_id: Option<String>,
    /// The identifier of the resource involved, such as `rf_0c5d710a87c8a31f86`.
    pub resource_id: Option<String>,
    /// The kind of the resource involved, such as `voucher`.
    pub resource_type: Option<String>,
    /// More about the failure, where the API gives it.
    pub error: Option<VoucherifyErrorError>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The specification's name for [`VoucherifyError`].
pub type ErrorObject = VoucherifyError;

/// Further information inside a [`VoucherifyError`].
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct VoucherifyErrorError {
    /// An explanation for people, such as the one a validation rule gives.
    pub message: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

impl fmt::Display for VoucherifyError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Voucherify error")?;
        if let Some(code) = self.code {
            write!(formatter, " {code}")?;
        }
        if let Some(key) = &self.key {
            write!(formatter, " {key}")?;
        }
        match &self.message {
            Some(message) => write!(formatter, ": {message}")?,
            None => formatter.write_str(": no message")?,
        }
        if let Some(request_id) = &self.request_id {
            write!(formatter, " [request {request_id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for VoucherifyError {}
