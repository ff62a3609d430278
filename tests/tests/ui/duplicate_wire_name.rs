use voucherify_model::voucherify_model;

#[voucherify_model]
enum Tier {
    Gold,
    #[serde(rename = "gold")]
    GoldPlus,
}

fn main() {}
