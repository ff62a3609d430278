use voucherify_model::voucherify_model;

#[voucherify_model]
#[serde(crate = "serde")]
struct Customer {
    id: String,
}

// One error on an enum too, not a second for an unsupported key.
#[voucherify_model]
#[serde(crate = "serde")]
enum Tier {
    Gold,
}

fn main() {}
