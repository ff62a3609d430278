use voucherify_model::voucherify_model;

#[voucherify_model]
#[derive(Default)]
struct Amount {
    amount_off: Option<f64>,
}

#[voucherify_model]
#[serde(tag = "type")]
enum Discount {
    #[serde(rename = "AMOUNT")]
    Amount(Amount, Amount),
}

fn main() {}
