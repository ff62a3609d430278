use voucherify_model::voucherify_model;

#[voucherify_model]
#[serde(tag = "type", rename_all = "shouting")]
enum Reward {
    Cash { amount: Option<i64> },
}

fn main() {}
