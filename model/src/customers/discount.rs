//! The discount of a discount voucher: the specification's `Discount`, a
//! `oneOf` told apart by its `type` key.
//!
//! Amounts are cents (`1000` is $10.00); where the specification says
//! `number` rather than `integer`, the field is an `f64`, written without a
//! fraction when it is whole. As everywhere in the responses, each field is
//! an `Option` and each struct keeps the keys it does not know.
//!
//! ```
//! use voucherify_model::{Discount, DiscountPercentVouchersEffectTypes};
//!
//! let discount: Discount = voucherify_model::from_str(
//!     r#"{"type":"PERCENT","percent_off":12.5,"amount_limit":600,"effect":"APPLY_TO_ORDER"}"#,
//! )?;
//! let Discount::Percent(percent) = &discount else { panic!("{discount:?}") };
//! assert_eq!(percent.percent_off, Some(12.5));
//! assert_eq!(percent.effect, Some(DiscountPercentVouchersEffectTypes::ApplyToOrder));
//! assert_eq!(
//!     voucherify_model::to_string(&discount)?,
//!     r#"{"type":"PERCENT","percent_off":12.5,"amount_limit":600,"effect":"APPLY_TO_ORDER"}"#,
//! );
//!
//! // A type this crate does not know is kept whole, tag included.
//! let unknown: Discount = voucherify_model::from_str(r#"{"type":"SHIPPING","zone":"EU"}"#)?;
//! assert!(matches!(&unknown, Discount::Other(object) if object["zone"] == "EU"));
//! # Ok::<(), voucherify_model::Error>(())
//! ```

use crate::{voucherify_model, Extra, Map};

/// What a discount voucher takes off, chosen by the object's `type`.
///
/// The specification lists two members under `UNIT`, one kind of free
/// unit and several; [`DiscountUnit`] takes both.
#[voucherify_model(crate = "crate")]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Discount {
    /// `"AMOUNT"`: a sum off the order or its items.
    Amount(DiscountAmount),
    /// `"UNIT"`: items given for free.
    Unit(DiscountUnit),
    /// `"PERCENT"`: a share of the price off.
    Percent(DiscountPercent),
    /// `"FIXED"`: the order or its items sold at a set price.
    Fixed(DiscountFixed),
    /// A `type` this crate does not know: the whole object as read, its
    /// `type` included, written back unchanged.
    #[voucherify(other)]
    Other(Map),
}

/// A sum off: the `AMOUNT` member of [`Discount`].
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct DiscountAmount {
    /// How much is taken off, in cents: `1000` takes off $10.00. When a
    /// formula is set, this is what applies if the formula cannot be worked
    /// out.
    pub amount_off: Option<f64>,
    /// A formula that works the sum out at redemption time.
    pub amount_off_formula: Option<String>,
    /// The most this discount may take off one order, in cents.
    pub aggregated_amount_limit: Option<i64>,
    /// Where in the order the sum is taken off.
    pub effect: Option<DiscountAmountVouchersEffectTypes>,
    /// Whether the sum came out of the formula.
    pub is_dynamic: Option<bool>,
    /// Keys of the object that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Free items: the `UNIT` member of [`Discount`], in either of the
/// specification's two forms. One kind of item has `unit_off`,
/// `unit_type` and the `product` or `sku` here; several kinds have
/// `effect` set to `ADD_MANY_ITEMS` and one entry each in `units`.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct DiscountUnit {
    /// How many items are free.
    pub unit_off: Option<i64>,
    /// A formula that works out how many items are free.
    pub unit_off_formula: Option<String>,
    /// How the free items get into the order; `ADD_MANY_ITEMS` when
    /// they are listed in `units`.
    pub effect: Option<DiscountUnitVouchersEffectTypes>,
    /// The identifier of the product or SKU given for free.
    pub unit_type: Option<String>,
    /// The product given for free.
    pub product: Option<SimpleProductDiscountUnit>,
    /// The SKU given for free.
    pub sku: Option<SimpleSkuDiscountUnit>,
    /// Whether the count came out of the formula.
    pub is_dynamic: Option<bool>,
    /// Each kind of free item, when there are several.
    pub units: Option<Vec<DiscountUnitMultipleOneUnit>>,
    /// Keys of the object that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// One kind of free item in a [`DiscountUnit`] that gives several.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct DiscountUnitMultipleOneUnit {
    /// How many of this item are free.
    pub unit_off: Option<f64>,
    /// A formula that works out how many are free.
    pub unit_off_formula: Option<String>,
    /// How the free items get into the order: `ADD_NEW_ITEMS` or
    /// `ADD_MISSING_ITEMS`.
    pub effect: Option<DiscountUnitVouchersEffectTypes>,
    /// The identifier of the product or SKU given for free.
    pub unit_type: Option<String>,
    /// The product given for free.
    pub product: Option<SimpleProductDiscountUnit>,
    /// The SKU given for free.
    pub sku: Option<SimpleSkuDiscountUnit>,
    /// Keys of the object that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A product, as a unit discount names the one it gives away.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct SimpleProductDiscountUnit {
    /// Voucherify's identifier of the product, such as `prod_0b1da8105693710357`.
    pub id: Option<String>,
    /// The integrator's own identifier of the product.
    pub source_id: Option<String>,
    /// The product's name.
    pub name: Option<String>,
    /// Keys of the object that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A SKU (one variant of a product), as a unit discount names the one it
/// gives away.
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct SimpleSkuDiscountUnit {
    /// Voucherify's identifier of the SKU, such as `sku_0b1621b319d248b79f`.
    pub id: Option<String>,
    /// The integrator's own identifier of the SKU.
    pub source_id: Option<String>,
    /// The SKU's name.
    pub name: Option<String>,
    /// Keys of the object that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A share of the price off: the `PERCENT` member of [`Discount`].
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct DiscountPercent {
    /// The share taken off, in percent: `12.5` takes off an eighth.
    pub percent_off: Option<f64>,
    /// A formula that works the share out at redemption time.
    pub percent_off_formula: Option<String>,
    /// The most the share may come to, in cents: `600` caps it at $6.00.
    pub amount_limit: Option<f64>,
    /// The most this discount may take off one order, in cents.
    pub aggregated_amount_limit: Option<i64>,
    /// Where in the order the share is taken off.
    pub effect: Option<DiscountPercentVouchersEffectTypes>,
    /// Whether the share came out of the formula.
    pub is_dynamic: Option<bool>,
    /// Keys of the object that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// A set price: the `FIXED` member of [`Discount`].
#[voucherify_model(crate = "crate")]
#[derive(Default)]
pub struct DiscountFixed {
    /// The price the order or each item is brought down to, in cents. When a
    /// formula is set, this is what applies if the formula cannot be worked
    /// out.
    pub fixed_amount: Option<f64>,
    /// A formula that works the price out at redemption time.
    pub fixed_amount_formula: Option<String>,
    /// Whether the price is set for the whole order or for its items.
    pub effect: Option<DiscountFixedVouchersEffectTypes>,
    /// Whether the price came out of the formula.
    pub is_dynamic: Option<bool>,
    /// Keys of the object that this model does not know, kept as read.
    #[voucherify(extra)]
    pub extra: Extra,
}

/// Where an [`DiscountAmount`] takes its sum off.
#[voucherify_model(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DiscountAmountVouchersEffectTypes {
    /// `"APPLY_TO_ORDER"`: off the order's total.
    ApplyToOrder,
    /// `"APPLY_TO_ITEMS"`: off each item the voucher applies to.
    ApplyToItems,
    /// `"APPLY_TO_ITEMS_PROPORTIONALLY"`: spread over the items by their
    /// prices.
    ApplyToItemsProportionally,
    /// `"APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY"`: spread over the items
    /// by their prices and quantities.
    ApplyToItemsProportionallyByQuantity,
    /// `"APPLY_TO_ITEMS_BY_QUANTITY"`: off each unit of the items.
    ApplyToItemsByQuantity,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}

/// How a [`DiscountUnit`] puts its free items into the order.
#[voucherify_model(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DiscountUnitVouchersEffectTypes {
    /// `"ADD_MISSING_ITEMS"`: adds the items if the order lacks them.
    AddMissingItems,
    /// `"ADD_NEW_ITEMS"`: always adds them as new lines.
    AddNewItems,
    /// `"ADD_MANY_ITEMS"`: several kinds of items, listed in `units`.
    AddManyItems,
    /// `"ADD_SAME_ITEMS"`: adds more of items already in the order.
    AddSameItems,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}

/// Where a [`DiscountPercent`] takes its share off.
#[voucherify_model(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DiscountPercentVouchersEffectTypes {
    /// `"APPLY_TO_ORDER"`: off the order's total.
    ApplyToOrder,
    /// `"APPLY_TO_ITEMS"`: off each item the voucher applies to.
    ApplyToItems,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}

/// What a [`DiscountFixed`] sets the price of.
#[voucherify_model(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DiscountFixedVouchersEffectTypes {
    /// `"APPLY_TO_ORDER"`: the order's total.
    ApplyToOrder,
    /// `"APPLY_TO_ITEMS"`: each item the voucher applies to.
    ApplyToItems,
    /// Any other string, kept as read.
    #[voucherify(other)]
    Other(String),
}
