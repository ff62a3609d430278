use voucherify_model::voucherify_model;

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
struct Amount {
    amount_off: Option<i64>,
}

impl voucherify_model::Json for Amount {}

#[voucherify_model]
#[serde(tag = "type")]
enum Discount {
    Amount(Amount),
}

fn main() {}
