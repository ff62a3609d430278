use voucherify_model::voucherify_model;

#[voucherify_model]
enum Tier {
    Gold,
    #[voucherify(other)]
    Other(u32),
}

#[voucherify_model]
enum Channel {
    Email,
    #[voucherify(other)]
    Other(String, String),
}

fn main() {}
