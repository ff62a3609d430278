//! The customer objects of the Voucherify API.
//!
//! Every field is an `Option`, because a response model refuses a document
//! only for a value of the wrong kind, never for a missing key or a member's
//! `null`: Voucherify's own SDKs drop the specification's `required` marks,
//! and the API adds and leaves out keys as it changes. So one odd record
//! does not make a whole list unreadable. Fields the specification marks
//! required say so in their docs. (A `null` in place of a list's item is a
//! value of the wrong kind: lists hold their items, not `Option`s.)
//!
//! Amounts are `i64` cents (`24900` is $249.00) and points are whole
//! `i64`s; timestamps are ISO 8601 / RFC 3339 in UTC, dates are
//! `YYYY-MM-DD`. Fields are declared in the order the API sends them. Each
//! struct keeps any key it does not know in its `extra` field, and which of
//! its fields were read as `null`, and writes both back.

use indexmap::IndexMap;
use time::{Date, OffsetDateTime};

use crate::{voucherify_model, Extra, Map};

mod discount;
mod error;
mod params;
mod requests;
mod responses;

pub use self::discount::*;
pub use self::error::*;
pub use self::params::*;
pub use self::requests::*;
pub use self::responses::*;

/// A customer, as returned by `POST v1/customers` (and, under the aliases
/// below, by the get and update endpoints and inside customer lists).
///
/// Every field that may identify the person (`source_id`, often an email,
/// the name, email, phone, birthdates, address, description, both metadata
/// maps and the dashboard links, which carry an access token) prints as
/// `<redacted>` in `Debug`, and an error at one of them names the kind of
/// value found, not the value.
///
/// ```
/// use voucherify_model::CustomersCreateResponseBody;
///
/// let customer: CustomersCreateResponseBody =
///     voucherify_model::from_str(r#"{"id":"cust_1","name":"Bob Smith","birthdate":"1990-07-14"}"#)?;
/// assert_eq!(customer.name.as_deref(), Some("Bob Smith"));
/// assert_eq!(customer.birthdate.map(|date| date.year()), Some(1990));
/// # Ok::<(), voucherify_model::Error>(())
/// ```
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersCreateResponseBody {
    /// Voucherify's identifier of the customer, such as `cust_CSnYd37MXmrbS19XCrghjBsv`.
    pub id: Option<String>,
    /// The integrator's own identifier of the customer: an id or email from
    /// a CRM, a database or another service.
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
    pub address: Option<CustomersCreateResponseBodyAddress>,
    /// Totals of the customer's redemptions and orders.
    pub summary: Option<CustomerSummary>,
    /// The customer's loyalty points, overall and per campaign.
    pub loyalty: Option<CustomerLoyalty>,
    /// The referrals the customer took part in.
    pub referrals: Option<CustomerReferrals>,
    /// The integrator's own key/value data about the customer, used for
    /// validation rules and segments.
    #[voucherify(redact, unique_keys)]
    pub metadata: Option<Map>,
    /// Key/value data that Voucherify itself attaches to the customer.
    #[voucherify(redact, unique_keys)]
    pub system_metadata: Option<Map>,
    /// When the customer was created (ISO 8601, written in UTC with milliseconds).
    pub created_at: Option<OffsetDateTime>,
    /// When the customer was last updated (ISO 8601, written in UTC with milliseconds).
    pub updated_at: Option<OffsetDateTime>,
    /// Links to the customer's pages in the Voucherify dashboard.
    pub assets: Option<CustomersCreateResponseBodyAssets>,
    /// The kind of object this is: `customer`.
    pub object: Option<CustomersCreateResponseBodyObject>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A customer as returned by `GET v1/customers/{id}`.
pub type CustomersGetResponseBody = CustomersCreateResponseBody;
/// A customer as returned by `PUT v1/customers/{id}`.
pub type CustomersUpdateResponseBody = CustomersCreateResponseBody;
/// A customer inside a [`CustomersListResponseBody`].
pub type CustomerWithSummaryLoyaltyReferrals = CustomersCreateResponseBody;

/// The `object` of a customer.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub enum CustomersCreateResponseBodyObject {
    /// `"customer"`.
    #[default]
    Customer,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}

/// Totals of a customer's redemptions and orders.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerSummary {
    /// Counts of the customer's redemptions by outcome (required by the
    /// specification).
    pub redemptions: Option<CustomerSummaryRedemptions>,
    /// Totals of the customer's orders (required by the specification).
    pub orders: Option<CustomerSummaryOrders>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Counts of a customer's redemptions by outcome.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerSummaryRedemptions {
    /// Redemptions attempted, whatever their outcome.
    pub total_redeemed: Option<i64>,
    /// Redemptions that failed.
    pub total_failed: Option<i64>,
    /// Redemptions that succeeded.
    pub total_succeeded: Option<i64>,
    /// Redemptions that were rolled back.
    pub total_rolled_back: Option<i64>,
    /// Rollbacks that failed.
    pub total_rollback_failed: Option<i64>,
    /// Rollbacks that succeeded.
    pub total_rollback_succeeded: Option<i64>,
    /// Gift card credit the customer used.
    pub gift: Option<CustomerSummaryRedemptionsGift>,
    /// Loyalty card points the customer used.
    pub loyalty_card: Option<CustomerSummaryRedemptionsLoyaltyCard>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Gift card credit a customer used.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerSummaryRedemptionsGift {
    /// Credit redeemed from gift cards, in cents.
    pub redeemed_amount: Option<i64>,
    /// Credit still left on gift cards, in cents.
    pub amount_to_go: Option<i64>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Loyalty card points a customer used.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerSummaryRedemptionsLoyaltyCard {
    /// Points redeemed from loyalty cards.
    pub redeemed_points: Option<i64>,
    /// Points still left on loyalty cards.
    pub points_to_go: Option<i64>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Totals of a customer's orders.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerSummaryOrders {
    /// The sum of all orders, in cents.
    pub total_amount: Option<i64>,
    /// How many orders the customer placed.
    pub total_count: Option<i64>,
    /// The mean order amount, in cents.
    pub average_amount: Option<i64>,
    /// The amount of the latest order, in cents.
    pub last_order_amount: Option<i64>,
    /// When the latest order was placed (ISO 8601, written in UTC with milliseconds).
    pub last_order_date: Option<OffsetDateTime>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A customer's loyalty points.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerLoyalty {
    /// Points across all loyalty campaigns.
    pub points: Option<i64>,
    /// How many customers this customer referred.
    pub referred_customers: Option<i64>,
    /// Points per loyalty campaign, keyed by the campaign's name, in the
    /// order read; an entry may be `null` (`None`).
    #[voucherify(unique_keys)]
    pub campaigns: Option<IndexMap<String, Option<CustomerLoyaltyCampaignsEntryValue>>>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A customer's standing in one loyalty campaign.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerLoyaltyCampaignsEntryValue {
    /// Points in this campaign.
    pub points: Option<i64>,
    /// The identifier of the customer's tier in this campaign.
    pub loyalty_tier: Option<String>,
    /// How many customers this customer referred in this campaign.
    pub referred_customers: Option<i64>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The referrals a customer took part in.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerReferrals {
    /// How many referrals the customer took part in.
    pub total: Option<i64>,
    /// One entry per referral.
    pub campaigns: Option<Vec<CustomerReferralsCampaignsItem>>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// One referral a customer took part in. The specification marks every
/// field required.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerReferralsCampaignsItem {
    /// The referral campaign's identifier, such as `camp_rRsfatlwN7unSeUIJDCYedal`.
    pub campaign_id: Option<String>,
    /// The referring customer's identifier.
    pub referrer_id: Option<String>,
    /// The identifier of the object the referral came through, such as a redemption.
    pub related_object_id: Option<String>,
    /// The kind of that object, such as `redemption`.
    pub related_object_type: Option<String>,
    /// When the referral happened (ISO 8601, written in UTC with milliseconds).
    pub date: Option<OffsetDateTime>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Links to a customer's pages in the Voucherify dashboard.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersCreateResponseBodyAssets {
    /// The customer's page in the dashboard (the cockpit).
    #[voucherify(redact)]
    pub cockpit_url: Option<String>,
    /// The customer's preference center page.
    #[voucherify(redact)]
    pub cockpit_preference_center_url: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A customer's postal address. Every part but the country is personal:
/// `Debug` shows `<redacted>` for it, even when the address is printed on
/// its own.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersCreateResponseBodyAddress {
    /// City.
    #[voucherify(redact)]
    pub city: Option<String>,
    /// State, province or region.
    #[voucherify(redact)]
    pub state: Option<String>,
    /// First line of the street address.
    #[voucherify(redact)]
    pub line_1: Option<String>,
    /// Second line of the street address.
    #[voucherify(redact)]
    pub line_2: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Postal or ZIP code.
    #[voucherify(redact)]
    pub postal_code: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A page of customers, as returned by `GET v1/customers`.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersListResponseBody {
    /// The kind of object this is: `list`.
    pub object: Option<CustomersListResponseBodyObject>,
    /// The key under which the list's items are found: `customers`.
    pub data_ref: Option<String>,
    /// The customers on this page.
    pub customers: Option<Vec<CustomerWithSummaryLoyaltyReferrals>>,
    /// How many customers match the query, on all pages.
    pub total: Option<i64>,
    /// Whether more pages follow this one.
    pub has_more: Option<bool>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The `object` of a customer list.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub enum CustomersListResponseBodyObject {
    /// `"list"`.
    #[default]
    List,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}
