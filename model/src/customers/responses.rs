//! The responses of the customer endpoints other than the customer itself:
//! permanent deletion, the asynchronous bulk actions, and the customer's
//! segments and redeemables.
//!
//! As with customers, every field is an `Option`, so that a response is
//! refused only for a value of the wrong kind, never for a missing key or a
//! member's `null` (a `null` in place of a list's item is refused); each
//! struct keeps the keys it does not know in `extra`.

use time::{Date, OffsetDateTime};

use crate::{voucherify_model, CustomersListResponseBodyObject, Discount, Extra, Map};

/// The response of `POST v1/customers/{customerId}/permanent-deletion`: the
/// request to erase a customer and the data tied to them.
///
/// ```
/// use voucherify_model::CustomersPermanentDeletionCreateResponseBody;
///
/// let deletion: CustomersPermanentDeletionCreateResponseBody = voucherify_model::from_str(
///     r#"{"id":"del_1","status":"DONE","data_json":{"orders":9},"object":"pernament_deletion"}"#,
/// )?;
/// assert_eq!(deletion.data_json.and_then(|counts| counts.orders), Some(9));
/// # Ok::<(), voucherify_model::Error>(())
/// ```
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersPermanentDeletionCreateResponseBody {
    /// The deletion's identifier, such as `del_7k3buMvBsJuXiLRmdh1WZvZs`.
    pub id: Option<String>,
    /// When the deletion was asked for (ISO 8601, written in UTC with milliseconds).
    pub created_at: Option<OffsetDateTime>,
    /// The identifier of the customer being deleted.
    pub related_object_id: Option<String>,
    /// The kind of object being deleted: `customer`.
    pub related_object: Option<String>,
    /// Where the deletion stands, such as `DONE`.
    pub status: Option<String>,
    /// How many records of each kind were deleted with the customer.
    pub data_json: Option<CustomersPermanentDeletionCreateResponseBodyDataJson>,
    /// The kind of object this is: `pernament_deletion`, spelt so by the API.
    pub object: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Counts of the records deleted with a customer, by kind.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersPermanentDeletionCreateResponseBodyDataJson {
    /// Events deleted.
    pub events: Option<i64>,
    /// Events of the customer deleted.
    pub customer_events: Option<i64>,
    /// Daily event aggregates deleted.
    pub daily_events: Option<i64>,
    /// Segment memberships deleted.
    pub segments: Option<i64>,
    /// Orders deleted.
    pub orders: Option<i64>,
    /// Order events deleted.
    pub order_events: Option<i64>,
    /// Customers deleted: `1`.
    pub customer: Option<i64>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The response of an endpoint that works in the background: the
/// identifier of the asynchronous action to ask `GET v1/async-actions/{id}`
/// about.
///
/// ```
/// use voucherify_model::CustomersUpdateInBulkResponseBody;
///
/// let accepted: CustomersUpdateInBulkResponseBody =
///     voucherify_model::from_str(r#"{"async_action_id":"aa_0a875d56c805df6601"}"#)?;
/// assert_eq!(accepted.async_action_id.as_deref(), Some("aa_0a875d56c805df6601"));
/// # Ok::<(), voucherify_model::Error>(())
/// ```
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct AsyncActions {
    /// The asynchronous action's identifier, such as `aa_0a875d56c805df6601`.
    pub async_action_id: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The response of `POST v1/customers/importCSV` (status 202).
pub type CustomersImportCsvCreateResponseBody = AsyncActions;
/// The response of `POST v1/customers/bulk/async` (status 202).
pub type CustomersUpdateInBulkResponseBody = AsyncActions;
/// The response of `POST v1/customers/metadata/async` (status 202).
pub type CustomersMetadataUpdateInBulkResponseBody = AsyncActions;

/// The segments a customer belongs to, as returned by
/// `GET v1/customers/{customerId}/segments`.
///
/// ```
/// use voucherify_model::CustomersSegmentsListResponseBody;
///
/// let segments: CustomersSegmentsListResponseBody = voucherify_model::from_str(
///     r#"{"object":"list","data_ref":"data","data":[{"id":"seg_1","name":"Gold","object":"segment"}],"total":1}"#,
/// )?;
/// let names: Vec<_> = segments.data.iter().flatten().filter_map(|s| s.name.as_deref()).collect();
/// assert_eq!(names, ["Gold"]);
/// # Ok::<(), voucherify_model::Error>(())
/// ```
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersSegmentsListResponseBody {
    /// The kind of object this is: `list`.
    pub object: Option<CustomersListResponseBodyObject>,
    /// The key under which the list's items are found: `data`.
    pub data_ref: Option<String>,
    /// The segments, each with its identifier and name.
    pub data: Option<Vec<SimpleSegment>>,
    /// How many segments the customer belongs to.
    pub total: Option<i64>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The specification's name for the body of [`CustomersSegmentsListResponseBody`].
pub type CustomerSegmentsList = CustomersSegmentsListResponseBody;

/// A segment, by identifier and name.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct SimpleSegment {
    /// The segment's identifier, such as `seg_DNAOhUtJffvX0f57ajLMFBYR`.
    pub id: Option<String>,
    /// The segment's name.
    pub name: Option<String>,
    /// The kind of object this is: `segment`.
    pub object: Option<SimpleSegmentObject>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The `object` of a segment.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub enum SimpleSegmentObject {
    /// `"segment"`.
    #[default]
    Segment,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}

/// A page of the codes and cards a customer holds, as returned by
/// `GET v1/customers/{customerId}/redeemables`.
///
/// ```
/// use voucherify_model::{CustomerRedeemableHolderRole, CustomersRedeemablesListResponseBody, Discount};
///
/// let page: CustomersRedeemablesListResponseBody = voucherify_model::from_str(
///     r#"{"object":"list","data":[{"id":"rh_1","holder_role":"OWNER","redeemable":
///         {"type":"voucher","voucher":{"code":"3xRUnMVG","discount":{"type":"AMOUNT","amount_off":1000}},"status":"ACTIVE"}}],
///        "total":1,"has_more":false}"#,
/// )?;
/// let held = &page.data.as_ref().unwrap()[0];
/// assert_eq!(held.holder_role, Some(CustomerRedeemableHolderRole::Owner));
/// let voucher = held.redeemable.as_ref().and_then(|r| r.voucher.as_ref()).unwrap();
/// assert_eq!(voucher.code.as_deref(), Some("3xRUnMVG"));
/// assert!(matches!(&voucher.discount, Some(Discount::Amount(amount)) if amount.amount_off == Some(1000.0)));
/// # Ok::<(), voucherify_model::Error>(())
/// ```
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomersRedeemablesListResponseBody {
    /// The kind of object this is: `list`.
    pub object: Option<CustomersListResponseBodyObject>,
    /// The key under which the list's items are found: `data`.
    pub data_ref: Option<String>,
    /// The redeemables on this page.
    pub data: Option<Vec<CustomerRedeemable>>,
    /// How many redeemables the customer holds, on all pages.
    pub total: Option<i64>,
    /// Whether more pages follow this one.
    pub has_more: Option<bool>,
    /// The identifier to pass as `starting_after_id` to get the next page.
    pub more_starting_after: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The specification's name for the body of [`CustomersRedeemablesListResponseBody`].
pub type CustomerRedeemablesList = CustomersRedeemablesListResponseBody;

/// One code or card a customer holds, and the customer's role in it.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerRedeemable {
    /// The holding's identifier, such as `rh_0e7b8db4700106a852`.
    pub id: Option<String>,
    /// When the redeemable was given to the customer (ISO 8601, written in UTC with milliseconds).
    pub created_at: Option<OffsetDateTime>,
    /// The redeemable's identifier, such as `v_GXVguPhq2khgFxH7GrRXWA91gDr1LiA1`.
    pub redeemable_id: Option<String>,
    /// The kind of redeemable, such as `voucher`.
    pub redeemable_object: Option<String>,
    /// The holder's customer identifier.
    pub customer_id: Option<String>,
    /// The customer's role: owner, referrer or referee.
    pub holder_role: Option<CustomerRedeemableHolderRole>,
    /// The identifier of the campaign the redeemable belongs to.
    pub campaign_id: Option<String>,
    /// The kind of that campaign.
    pub campaign_type: Option<CustomerRedeemableCampaignType>,
    /// The kind of voucher: discount, gift card or loyalty card.
    pub voucher_type: Option<CustomerRedeemableVoucherType>,
    /// The redeemable itself, with its state.
    pub redeemable: Option<CustomerRedeemableRedeemable>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A customer's role in a redeemable they hold.
#[voucherify_model(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CustomerRedeemableHolderRole {
    /// `"OWNER"`: the code is the customer's own.
    Owner,
    /// `"REFERRER"`: the customer shares the code with others.
    Referrer,
    /// `"REFEREE"`: the customer was referred with the code.
    Referee,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}

/// The kind of a campaign.
#[voucherify_model(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CustomerRedeemableCampaignType {
    /// `"LOYALTY_PROGRAM"`.
    LoyaltyProgram,
    /// `"GIFT_VOUCHERS"`.
    GiftVouchers,
    /// `"DISCOUNT_COUPONS"`.
    DiscountCoupons,
    /// `"PROMOTION"`.
    Promotion,
    /// `"REFERRAL_PROGRAM"`.
    ReferralProgram,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}

/// The kind of a voucher.
#[voucherify_model(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CustomerRedeemableVoucherType {
    /// `"GIFT_VOUCHER"`: a gift card with a balance in cents.
    GiftVoucher,
    /// `"DISCOUNT_VOUCHER"`: a discount code.
    DiscountVoucher,
    /// `"LOYALTY_CARD"`: a card that collects points.
    LoyaltyCard,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}

/// The redeemable a customer holds, with its state.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct CustomerRedeemableRedeemable {
    /// The kind of redeemable, such as `voucher`.
    pub r#type: Option<String>,
    /// The voucher, when the redeemable is one.
    pub voucher: Option<RedeemableVoucher>,
    /// Whether it can be used now, and if not, why.
    pub status: Option<CustomerRedeemableRedeemableStatus>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Whether a redeemable can be used now.
#[voucherify_model(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CustomerRedeemableRedeemableStatus {
    /// `"ACTIVE"`: it can be used.
    Active,
    /// `"USED"`: it has been used up.
    Used,
    /// `"DISABLED"`: it was turned off.
    Disabled,
    /// `"NOT_ACTIVE_YET"`: its start date is ahead.
    NotActiveYet,
    /// `"EXPIRED"`: its expiration date has passed.
    Expired,
    /// `"NO_BALANCE"`: no credit or points are left on it.
    NoBalance,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}

/// A voucher (discount code, gift card or loyalty card) held by a customer.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct RedeemableVoucher {
    /// The voucher's identifier, such as `v_GXVguPhq2khgFxH7GrRXWA91gDr1LiA1`.
    pub id: Option<String>,
    /// The code a customer types or scans, such as `3xRUnMVG`.
    pub code: Option<String>,
    /// The name of the campaign the voucher belongs to.
    pub campaign: Option<String>,
    /// The identifier of that campaign.
    pub campaign_id: Option<String>,
    /// The voucher's category; the API sends `null`.
    pub category: Option<String>,
    /// The identifier of the voucher's category.
    pub category_id: Option<String>,
    /// The voucher's categories, as objects kept as read.
    #[voucherify(unique_keys)]
    pub categories: Option<Vec<Map>>,
    /// The kind of voucher.
    pub r#type: Option<CustomerRedeemableVoucherType>,
    /// What a discount voucher takes off: a sum, a share, free items or a
    /// set price, told apart by the object's `type`.
    pub discount: Option<Discount>,
    /// The credit of a gift card.
    pub gift: Option<RedeemableVoucherGift>,
    /// The points of a loyalty card.
    pub loyalty_card: Option<RedeemableVoucherLoyaltyCard>,
    /// When the voucher becomes usable (ISO 8601, written in UTC with milliseconds).
    pub start_date: Option<OffsetDateTime>,
    /// When the voucher stops being usable (ISO 8601, written in UTC with milliseconds).
    pub expiration_date: Option<OffsetDateTime>,
    /// A recurring window in which the voucher is usable.
    pub validity_timeframe: Option<ValidityTimeframe>,
    /// Hours of the day in which the voucher is usable.
    pub validity_hours: Option<ValidityHours>,
    /// Days of the week on which the voucher is usable: `0` is Sunday, `6` Saturday.
    pub validity_day_of_week: Option<Vec<i64>>,
    /// Whether the voucher is turned on.
    pub active: Option<bool>,
    /// Free text about the voucher.
    pub additional_info: Option<String>,
    /// The integrator's own key/value data about the voucher.
    #[voucherify(redact, unique_keys)]
    pub metadata: Option<Map>,
    /// The voucher's code as a QR code and a barcode.
    pub assets: Option<VoucherAssets>,
    /// Whether the voucher is a referral code.
    pub is_referral_code: Option<bool>,
    /// When the voucher was created (ISO 8601, written in UTC with milliseconds).
    pub created_at: Option<OffsetDateTime>,
    /// When the voucher was last updated (ISO 8601, written in UTC with milliseconds).
    pub updated_at: Option<OffsetDateTime>,
    /// The identifier of the customer holding the voucher.
    pub holder_id: Option<String>,
    /// The identifier of the customer who referred the holder.
    pub referrer_id: Option<String>,
    /// A summary of the voucher's redemptions.
    pub redemption: Option<RedeemableVoucherRedemption>,
    /// A summary of the voucher's publications.
    pub publish: Option<RedeemableVoucherPublish>,
    /// The kind of object this is: `voucher`.
    pub object: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The credit of a gift card.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct RedeemableVoucherGift {
    /// The credit loaded onto the card, in cents.
    pub amount: Option<i64>,
    /// The credit taken off the card, in cents.
    pub subtracted_amount: Option<i64>,
    /// The credit left, in cents.
    pub balance: Option<i64>,
    /// How the credit applies to an order.
    pub effect: Option<RedeemableVoucherGiftEffect>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// How a gift card's credit applies to an order.
#[voucherify_model(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RedeemableVoucherGiftEffect {
    /// `"APPLY_TO_ORDER"`: to the order's total.
    ApplyToOrder,
    /// `"APPLY_TO_ITEMS"`: to the items one by one.
    ApplyToItems,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}

/// The points of a loyalty card.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct RedeemableVoucherLoyaltyCard {
    /// Points earned in all.
    pub points: Option<i64>,
    /// Points left to spend.
    pub balance: Option<i64>,
    /// The day the next points expire (`YYYY-MM-DD`).
    pub next_expiration_date: Option<Date>,
    /// How many points expire then.
    pub next_expiration_points: Option<i64>,
    /// Points earned but not yet usable.
    pub pending_points: Option<i64>,
    /// Points that expired.
    pub expired_points: Option<i64>,
    /// Points taken off the card.
    pub subtracted_points: Option<i64>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A recurring window of validity, as ISO 8601 durations.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct ValidityTimeframe {
    /// How long each window lasts, such as `PT1H`.
    pub duration: Option<String>,
    /// How often a window starts, such as `P2D`.
    pub interval: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Hours of the day in which something is valid.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct ValidityHours {
    /// The daily windows; they do not overlap.
    pub daily: Option<Vec<ValidityHoursDailyItem>>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// One daily window of validity.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct ValidityHoursDailyItem {
    /// When the window opens, as `HH:mm` (such as `12:00`).
    pub start_time: Option<String>,
    /// The days of the week it applies to: `0` is Sunday, `6` Saturday.
    pub days_of_week: Option<Vec<i64>>,
    /// When the window closes, as `HH:mm`.
    pub expiration_time: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A voucher's code as images.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct VoucherAssets {
    /// The code as a QR code.
    pub qr: Option<VoucherAssetsQr>,
    /// The code as a barcode.
    pub barcode: Option<VoucherAssetsBarcode>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// One image of a voucher's code.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct VoucherAssetsQr {
    /// The image's identifier (the encrypted code).
    pub id: Option<String>,
    /// Where to fetch the image.
    pub url: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A voucher's barcode: the same fields as its QR code.
pub type VoucherAssetsBarcode = VoucherAssetsQr;

/// A summary of a voucher's publications.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct RedeemableVoucherPublish {
    /// The kind of object this is: `list`.
    pub object: Option<String>,
    /// How many times the voucher was published.
    pub count: Option<i64>,
    /// The API path that lists the publications, such as
    /// `/v1/vouchers/3xRUnMVG/publications?page=1&limit=10`.
    pub url: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A summary of a voucher's redemptions.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct RedeemableVoucherRedemption {
    /// How many times the voucher may be redeemed; `None` when unlimited.
    pub quantity: Option<i64>,
    /// How many times it was redeemed.
    pub redeemed_quantity: Option<i64>,
    /// Loyalty points redeemed with it.
    pub redeemed_points: Option<i64>,
    /// The kind of object this is: `list`.
    pub object: Option<String>,
    /// The API path that lists the redemptions.
    pub url: Option<String>,
    /// Keys of the document that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}
