use voucherify_model::voucherify_model;

#[voucherify_model]
#[serde(crate = "serde")]
struct Customer {
    id: String,
}

fn main() {}
