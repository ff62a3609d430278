//! Voucherify's voucher, order, campaign and redemption objects, modelled
//! from the production specification as a user of the macro would: the
//! discount is a union chosen by its `type`.

use voucherify_model::time::OffsetDateTime;
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
    },
}
