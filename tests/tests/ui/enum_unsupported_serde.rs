use voucherify_model::voucherify_model;

#[voucherify_model]
#[serde(untagged)]
enum Tier {
    Gold,
    Silver,
}

fn main() {}
