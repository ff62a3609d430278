//! Voucherify's voucher, order, campaign and redemption objects, modelled
//! from the production specification as a user of the macro would: the
//! discount is a union chosen by its `type`.

use std::collections::BTreeMap;

use voucherify_model::time::{Date, OffsetDateTime};
use voucherify_model::{voucherify_model, Extra, Map};

/// How a voucher takes money off: a `oneOf` chosen by `type`.
#[voucherify_model]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Discount {
    /// A fixed amount off, in cents.
    Amount(DiscountAmount),
    /// A percentage off, with an optional cap in cents.
    Percent {
        /// The percentage taken off, `0` to `100`.
        percent_off: Option<f64>,
        /// A formula the percentage is computed by, instead.
        percent_off_formula: Option<String>,
        /// The most taken off, in cents.
        amount_limit: Option<f64>,
        /// The most taken off one order, in cents.
        aggregated_amount_limit: Option<i64>,
        /// Where the discount applies: `APPLY_TO_ORDER` or `APPLY_TO_ITEMS`.
        effect: Option<String>,
        /// Whether the percentage came from the formula.
        is_dynamic: Option<bool>,
        /// Keys this model does not know.
        #[voucherify(extra)]
        extra: Extra,
    },
    /// Units of a product for free: one kind, or several (`units`).
    Unit(DiscountUnit),
    /// The order or the items set to a fixed price, in cents.
    Fixed {
        /// The price the order or item is set to, in cents.
        fixed_amount: Option<f64>,
        /// A formula the price is computed by, instead.
        fixed_amount_formula: Option<String>,
        /// Where the price applies: `APPLY_TO_ORDER` or `APPLY_TO_ITEMS`.
        effect: Option<String>,
        /// Whether the price came from the formula.
        is_dynamic: Option<bool>,
    },
    /// A discount of a type this model does not know, kept whole.
    #[voucherify(other)]
    Other(Map),
}

/// An amount off.
#[voucherify_model]
#[derive(Default)]
pub struct DiscountAmount {
    /// The amount taken off, in cents (`1000` is $10).
    pub amount_off: Option<f64>,
    /// A formula the amount is computed by, instead.
    pub amount_off_formula: Option<String>,
    /// The most taken off one order, in cents.
    pub aggregated_amount_limit: Option<i64>,
    /// Where the discount applies, such as `APPLY_TO_ORDER`.
    pub effect: Option<String>,
    /// Whether the amount came from the formula.
    pub is_dynamic: Option<bool>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Free units: `unit_off` of one product, or several in `units`
/// (`effect` is then `ADD_MANY_ITEMS`).
#[voucherify_model]
#[derive(Default)]
pub struct DiscountUnit {
    /// How many units are free.
    pub unit_off: Option<i64>,
    /// A formula the number of units is computed by, instead.
    pub unit_off_formula: Option<String>,
    /// How the units are added: `ADD_MISSING_ITEMS`, `ADD_NEW_ITEMS` or `ADD_MANY_ITEMS`.
    pub effect: Option<String>,
    /// The product or SKU id given for free.
    pub unit_type: Option<String>,
    /// The free product.
    pub product: Option<SimpleProduct>,
    /// The free SKU.
    pub sku: Option<SimpleSku>,
    /// Whether the number came from the formula.
    pub is_dynamic: Option<bool>,
    /// Several kinds of free units, each like a one-unit discount.
    pub units: Option<Vec<DiscountUnitOne>>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// One kind of free unit within a multiple-unit discount.
#[voucherify_model]
#[derive(Default)]
pub struct DiscountUnitOne {
    /// How many units are free.
    pub unit_off: Option<f64>,
    /// A formula the number of units is computed by, instead.
    pub unit_off_formula: Option<String>,
    /// `ADD_NEW_ITEMS` or `ADD_MISSING_ITEMS`.
    pub effect: Option<String>,
    /// The product or SKU id given for free.
    pub unit_type: Option<String>,
    /// The free product.
    pub product: Option<SimpleProduct>,
    /// The free SKU.
    pub sku: Option<SimpleSku>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A product, as a unit discount names it.
#[voucherify_model]
#[derive(Default)]
pub struct SimpleProduct {
    /// The product's id, `prod_...`.
    pub id: Option<String>,
    /// The id in the merchant's own system.
    pub source_id: Option<String>,
    /// The product's name.
    pub name: Option<String>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A SKU, as a unit discount names it.
#[voucherify_model]
#[derive(Default)]
pub struct SimpleSku {
    /// The SKU's id, `sku_...`.
    pub id: Option<String>,
    /// The id in the merchant's own system.
    pub source_id: Option<String>,
    /// The SKU's name.
    pub name: Option<String>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A union without an `other` variant, whose unknown tags are errors.
#[voucherify_model]
#[serde(tag = "kind")]
pub enum Effect {
    /// Applies to the whole order.
    #[serde(rename = "order", alias = "ORDER")]
    Order {
        /// When it took effect.
        at: OffsetDateTime,
    },
    /// Applies to some items.
    Items {
        /// The items' ids.
        ids: Vec<String>,
        /// When it took effect, if known.
        at: Option<OffsetDateTime>,
        /// The items' ids, as an older version sent them.
        #[voucherify(deprecated = "use `ids`")]
        item_ids: Option<Vec<String>>,
    },
}

/// What kind of voucher it is.
#[voucherify_model]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum VoucherType {
    /// A gift card with a balance, in cents.
    GiftVoucher,
    /// A discount code.
    DiscountVoucher,
    /// A loyalty card collecting points.
    LoyaltyCard,
    /// A kind this model does not know.
    #[voucherify(other)]
    Other(String),
}

/// A gift card's credit, in cents.
#[voucherify_model]
#[derive(Default)]
pub struct Gift {
    /// The credit put on the card over its life, in cents.
    pub amount: Option<i64>,
    /// The credit taken off by hand, in cents.
    pub subtracted_amount: Option<i64>,
    /// The credit left, in cents.
    pub balance: Option<i64>,
    /// How the credit applies: `APPLY_TO_ORDER` or `APPLY_TO_ITEMS`.
    pub effect: Option<String>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A loyalty card's points.
#[voucherify_model]
#[derive(Default)]
pub struct LoyaltyCard {
    /// Points added over the card's life.
    pub points: Option<i64>,
    /// Points that can be spent now.
    pub balance: Option<i64>,
    /// When the next points expire (a date, `YYYY-MM-DD`).
    pub next_expiration_date: Option<Date>,
    /// How many points expire then.
    pub next_expiration_points: Option<i64>,
    /// Points not yet added.
    pub pending_points: Option<i64>,
    /// Points that expired.
    pub expired_points: Option<i64>,
    /// Points taken off by hand.
    pub subtracted_points: Option<i64>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A category a voucher or campaign is filed under.
#[voucherify_model]
#[derive(Default)]
pub struct Category {
    /// The category's id, `cat_...`.
    pub id: Option<String>,
    /// Its name.
    pub name: Option<String>,
    /// Its rank among categories; lower comes first.
    pub hierarchy: Option<i64>,
    /// Always `category`.
    pub object: Option<String>,
    /// When it was made.
    pub created_at: Option<OffsetDateTime>,
    /// When it last changed.
    pub updated_at: Option<OffsetDateTime>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A recurring window in which a voucher is valid.
#[voucherify_model]
#[derive(Default)]
pub struct ValidityTimeframe {
    /// How long each window lasts, as an ISO 8601 duration (`PT1H`).
    pub duration: Option<String>,
    /// How often a window opens, as an ISO 8601 duration (`P2D`).
    pub interval: Option<String>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// How often a voucher was and may be redeemed.
#[voucherify_model]
#[derive(Default)]
pub struct VoucherRedemptions {
    /// How many redemptions are allowed; `null` for no limit.
    pub quantity: Option<Option<i64>>,
    /// How many were made.
    pub redeemed_quantity: Option<i64>,
    /// Loyalty points spent through it.
    pub redeemed_points: Option<i64>,
    /// Always `list`.
    pub object: Option<String>,
    /// Where the redemptions are listed.
    pub url: Option<String>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A voucher: a discount code, a gift card or a loyalty card.
#[voucherify_model]
#[derive(Default)]
pub struct Voucher {
    /// The voucher's id, `v_...`.
    pub id: Option<String>,
    /// The code customers type.
    pub code: Option<String>,
    /// The campaign's name.
    pub campaign: Option<String>,
    /// The campaign's id, `camp_...`.
    pub campaign_id: Option<String>,
    /// The category's name.
    pub category: Option<String>,
    /// The category's id.
    pub category_id: Option<String>,
    /// What kind of voucher it is; tells which of the next three is set.
    #[serde(rename = "type")]
    pub kind: Option<VoucherType>,
    /// The discount of a discount voucher.
    pub discount: Option<Discount>,
    /// The credit of a gift card.
    pub gift: Option<Gift>,
    /// The points of a loyalty card.
    pub loyalty_card: Option<LoyaltyCard>,
    /// When it becomes valid.
    pub start_date: Option<OffsetDateTime>,
    /// When it stops being valid.
    pub expiration_date: Option<OffsetDateTime>,
    /// Recurring windows of validity.
    pub validity_timeframe: Option<ValidityTimeframe>,
    /// Days of the week it is valid on: `0` is Sunday, `6` Saturday.
    pub validity_day_of_week: Option<Vec<i64>>,
    /// Whether it can be redeemed now.
    pub active: Option<bool>,
    /// Free text for the merchant.
    pub additional_info: Option<String>,
    /// The merchant's own attributes, in their order.
    pub metadata: Option<Map>,
    /// Whether it is a referral code.
    pub is_referral_code: Option<bool>,
    /// When it was made.
    pub created_at: Option<OffsetDateTime>,
    /// When it last changed.
    pub updated_at: Option<OffsetDateTime>,
    /// The customer holding it.
    pub holder_id: Option<String>,
    /// Always `voucher`.
    pub object: Option<String>,
    /// How often it was and may be redeemed.
    pub redemption: Option<VoucherRedemptions>,
    /// The categories it is filed under.
    pub categories: Option<Vec<Category>>,
    /// Keys this model does not know (`assets`, `publish`...).
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The response of `GET v1/vouchers`.
#[voucherify_model]
#[derive(Default)]
pub struct VouchersListResponseBody {
    /// Always `list`.
    pub object: Option<String>,
    /// Always `vouchers`: the key the list is under.
    pub data_ref: Option<String>,
    /// The page of vouchers.
    pub vouchers: Option<Vec<Voucher>>,
    /// How many vouchers match, on all pages.
    pub total: Option<i64>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Where an order stands.
#[voucherify_model]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OrderStatus {
    /// Made, not paid.
    Created,
    /// Paid.
    Paid,
    /// Called off.
    Canceled,
    /// Delivered.
    Fulfilled,
    /// A status this model does not know.
    #[voucherify(other)]
    Other(String),
}

/// One line of an order.
#[voucherify_model]
#[derive(Default)]
pub struct OrderItem {
    /// The product's id.
    pub product_id: Option<String>,
    /// The SKU's id.
    pub sku_id: Option<String>,
    /// `product` or `sku`.
    pub related_object: Option<String>,
    /// How many.
    pub quantity: Option<i64>,
    /// The line's amount before discounts, in cents.
    pub amount: Option<i64>,
    /// The discount on the line, in cents.
    pub discount_amount: Option<i64>,
    /// The unit price, in cents.
    pub price: Option<i64>,
    /// The line's amount after discounts, in cents.
    pub subtotal_amount: Option<i64>,
    /// Always `order_item`.
    pub object: Option<String>,
    /// The merchant's own attributes.
    pub metadata: Option<Map>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// One redemption applied to an order, keyed by its redemption id.
#[voucherify_model]
#[derive(Default)]
pub struct OrderRedemption {
    /// When it was redeemed.
    pub date: Option<OffsetDateTime>,
    /// The id of the rollback that undid it, if one did.
    pub rollback_id: Option<String>,
    /// When it was rolled back.
    pub rollback_date: Option<OffsetDateTime>,
    /// `voucher` or `promotion_tier`.
    pub related_object_type: Option<String>,
    /// The voucher's or tier's id.
    pub related_object_id: Option<String>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// An order, as `GET v1/orders/{id}` returns it.
#[voucherify_model]
#[derive(Default)]
pub struct Order {
    /// The order's id, `ord_...`.
    pub id: Option<String>,
    /// The id in the merchant's own system.
    pub source_id: Option<String>,
    /// Where it stands.
    pub status: Option<OrderStatus>,
    /// The amount before discounts, in cents.
    pub amount: Option<i64>,
    /// The discount on the whole order, in cents.
    pub discount_amount: Option<i64>,
    /// The amount after every discount, in cents.
    pub total_amount: Option<i64>,
    /// The merchant's own attributes.
    pub metadata: Option<Map>,
    /// Always `order`.
    pub object: Option<String>,
    /// When it was made.
    pub created_at: Option<OffsetDateTime>,
    /// When it last changed; `null` when never.
    pub updated_at: Option<Option<OffsetDateTime>>,
    /// The customer's id.
    pub customer_id: Option<String>,
    /// The redemptions applied, by redemption id.
    pub redemptions: Option<BTreeMap<String, OrderRedemption>>,
    /// The lines.
    pub items: Option<Vec<OrderItem>>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The response of `GET v1/orders`.
#[voucherify_model]
#[derive(Default)]
pub struct OrdersListResponseBody {
    /// Always `list`.
    pub object: Option<String>,
    /// Always `orders`.
    pub data_ref: Option<String>,
    /// The page of orders.
    pub orders: Option<Vec<Order>>,
    /// How many orders match, on all pages.
    pub total: Option<i64>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A redemption or its rollback: `GET v1/redemptions/{id}` returns
/// either, told apart by `object`.
#[voucherify_model]
#[serde(tag = "object", rename_all = "snake_case")]
pub enum RedemptionsGetResponseBody {
    /// A redemption.
    Redemption(Redemption),
    /// The rollback of one.
    RedemptionRollback(Redemption),
    /// An object this model does not know.
    #[voucherify(other)]
    Other(Map),
}

/// A redemption or a rollback.
#[voucherify_model]
#[derive(Default)]
pub struct Redemption {
    /// The id, `r_...` or `rr_...`.
    pub id: Option<String>,
    /// When it happened.
    pub date: Option<OffsetDateTime>,
    /// The customer's id.
    pub customer_id: Option<String>,
    /// The tracking id of the customer.
    pub tracking_id: Option<String>,
    /// The merchant's own attributes.
    pub metadata: Option<Map>,
    /// The amount redeemed from a gift card, in cents.
    pub amount: Option<i64>,
    /// For a rollback, the redemption it undid.
    pub redemption: Option<String>,
    /// `SUCCESS` or `FAILURE`.
    pub result: Option<String>,
    /// `SUCCEEDED`, `FAILED` or `ROLLED_BACK`.
    pub status: Option<String>,
    /// Why it failed.
    pub failure_code: Option<String>,
    /// The order it applied to.
    pub order: Option<Order>,
    /// `voucher`, `promotion_tier` or `redemption`.
    pub related_object_type: Option<String>,
    /// The id of that object.
    pub related_object_id: Option<String>,
    /// The voucher redeemed.
    pub voucher: Option<Voucher>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The voucher template of a campaign.
#[voucherify_model]
#[derive(Default)]
pub struct CampaignVoucher {
    /// What kind of vouchers the campaign makes.
    #[serde(rename = "type")]
    pub kind: Option<VoucherType>,
    /// Their discount.
    pub discount: Option<Discount>,
    /// Their credit.
    pub gift: Option<Gift>,
    /// When they become valid.
    pub start_date: Option<OffsetDateTime>,
    /// When they stop being valid.
    pub expiration_date: Option<OffsetDateTime>,
    /// Keys this model does not know (`code_config`...).
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A campaign, as `GET v1/campaigns/{id}` returns it.
#[voucherify_model]
#[derive(Default)]
pub struct Campaign {
    /// The campaign's id, `camp_...`.
    pub id: Option<String>,
    /// Its name.
    pub name: Option<String>,
    /// `LOYALTY_PROGRAM`, `GIFT_VOUCHERS`, `DISCOUNT_COUPONS`, `PROMOTION`
    /// or `REFERRAL_PROGRAM`.
    pub campaign_type: Option<String>,
    /// `AUTO_UPDATE`, `STATIC` or `STANDALONE`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The voucher template.
    pub voucher: Option<CampaignVoucher>,
    /// How many vouchers it has.
    pub vouchers_count: Option<i64>,
    /// When it starts.
    pub start_date: Option<OffsetDateTime>,
    /// When it ends.
    pub expiration_date: Option<OffsetDateTime>,
    /// Days of the week it runs on: `0` is Sunday.
    pub validity_day_of_week: Option<Vec<i64>>,
    /// Whether it runs now.
    pub active: Option<bool>,
    /// The merchant's own attributes.
    pub metadata: Option<Map>,
    /// When it was made.
    pub created_at: Option<OffsetDateTime>,
    /// When it last changed.
    pub updated_at: Option<OffsetDateTime>,
    /// Its categories.
    pub categories: Option<Vec<Category>>,
    /// Always `campaign`.
    pub object: Option<String>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// The response of `GET v1/campaigns`.
#[voucherify_model]
#[derive(Default)]
pub struct CampaignsListResponseBody {
    /// Always `list`.
    pub object: Option<String>,
    /// Always `campaigns`.
    pub data_ref: Option<String>,
    /// The page of campaigns.
    pub campaigns: Option<Vec<Campaign>>,
    /// How many campaigns match, on all pages.
    pub total: Option<i64>,
    /// Keys this model does not know.
    #[voucherify(extra)]
    pub extra: Extra,
}
