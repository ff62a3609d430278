//! Models written the way a crate that depends only on `voucherify-model`
//! writes them: no `serde` in this crate's dependencies, and every warning
//! an error, so that nothing the macro generates may warn.

#![deny(warnings)]

use voucherify_model::time::{Date, OffsetDateTime};
use voucherify_model::{voucherify_model, Map};

pub mod api;

/// A time type under another name: dates are then marked with `format`.
pub type Timestamp = OffsetDateTime;

/// Every field rule of the macro in one struct.
#[voucherify_model]
#[derive(Default)]
pub struct Account {
    pub id: String,
    pub nickname: Option<String>,
    pub note: Option<Option<String>>,
    pub opened_at: Option<OffsetDateTime>,
    pub closed_at: Option<Option<OffsetDateTime>>,
    pub birthdate: Option<Date>,
    pub anniversary: Option<Option<Date>>,
    #[voucherify(format = "date-time")]
    pub audited_at: Option<Timestamp>,
    #[voucherify(redact)]
    pub secret: Option<String>,
    #[voucherify(redact)]
    pub pin: Option<Option<String>>,
    #[voucherify(deprecated = "use `birthdate`")]
    pub birthday: Option<Date>,
    #[voucherify(deprecated(since = "2.0.0", note = "use `id`"))]
    pub legacy_id: Option<String>,
    #[serde(rename = "kind")]
    pub account_kind: Option<AccountKind>,
    #[voucherify(extra)]
    pub extra: Map,
}

/// Required dates and a struct without an `extra` field.
#[voucherify_model]
pub struct Stamp {
    pub at: OffsetDateTime,
    pub on: Date,
    #[voucherify(redact)]
    pub by: String,
    #[voucherify(deprecated)]
    pub legacy: Option<u8>,
}

/// A field-less enum with a catch-all.
#[voucherify_model]
pub enum AccountKind {
    Personal,
    SmallBusiness,
    #[serde(rename = "ENTERPRISE", alias = "corp")]
    Enterprise,
    #[voucherify(other)]
    Other(String),
}

/// A field-less enum without one.
#[voucherify_model]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Channel {
    Email,
    PushNotification,
}

/// A generic struct with unknown-key capture.
#[voucherify_model]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
    #[voucherify(extra)]
    pub extra: Map,
}

/// The runtime crate renamed, as a crate that re-exports it would do.
pub mod renamed {
    pub use voucherify_model as vm;

    #[vm::voucherify_model(crate = "crate::renamed::vm")]
    pub struct Renamed {
        pub id: Option<String>,
        #[voucherify(extra)]
        pub extra: vm::Map,
    }
}

/// Fields that the direct reader and writer hand to serde (a `with` module,
/// a tuple), or read by rules of their own (`skip`, a `default`
/// function, a `skip_serializing_if` function, integers and floats).
#[voucherify_model]
pub struct Ledger {
    #[serde(with = "voucherify_model::format::date_time")]
    pub at: OffsetDateTime,
    pub totals: std::collections::HashMap<String, i64>,
    pub ratio: Option<f64>,
    pub count: u32,
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(skip)]
    pub cache: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
    pub channels: Vec<Channel>,
    pub kind: Option<AccountKind>,
    pub bounds: Option<(i64, i64)>,
    #[voucherify(extra)]
    pub extra: voucherify_model::Extra,
}

fn default_currency() -> String {
    "USD".to_owned()
}

/// Unknown keys refused.
#[voucherify_model]
#[serde(deny_unknown_fields)]
pub struct Closed {
    pub id: Option<String>,
}

/// Generic code over models, as a crate without a `serde` dependency writes
/// it: `Model` is the only bound needed to read.
pub fn load<T: voucherify_model::Model>(text: &str) -> Result<T, voucherify_model::Error> {
    voucherify_model::from_str(text)
}

/// Reads bytes, then a reader, and writes the value back each way; all
/// through the one `Model` bound.
pub fn reload<T: voucherify_model::Model>(
    bytes: &[u8],
) -> Result<(T, String, Vec<u8>), voucherify_model::Error> {
    let first: T = voucherify_model::from_slice(bytes)?;
    let second: T = voucherify_model::from_reader(bytes)?;
    let text = voucherify_model::to_string(&first)?;
    let mut written = voucherify_model::to_vec(&second)?;
    voucherify_model::to_writer(&mut written, &first)?;
    Ok((first, text, written))
}
