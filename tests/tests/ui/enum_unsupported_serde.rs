use voucherify_model::voucherify_model;

#[voucherify_model]
#[serde(tag = "type")]
enum Tier {
    Gold,
    Silver,
}

fn main() {}
