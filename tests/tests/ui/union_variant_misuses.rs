use voucherify_model::voucherify_model;

#[voucherify_model]
struct DiscountAmount {
    amount_off: Option<i64>,
}

#[voucherify_model]
#[serde(tag = "type")]
enum Discount {
    Amount(#[serde(default)] DiscountAmount),
    Percent {
        #[cfg(any())]
        percent_off: Option<f64>,
    },
}

#[voucherify_model]
#[serde(tag = "type")]
enum Nothing {}

fn main() {}
