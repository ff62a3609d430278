use voucherify_model::voucherify_model;

#[voucherify_model]
enum Tier {
    Gold,
    #[voucherify(other)]
    Other(String),
    #[voucherify(other)]
    Unknown(String),
}

fn main() {}
