use voucherify_model::voucherify_model;

#[voucherify_model]
#[serde(tag = "type")]
enum Discount {
    Amount { amount_off: Option<i64> },
    #[voucherify(other)]
    Other(String),
}

fn main() {}
