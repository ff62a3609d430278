use voucherify_model::voucherify_model;

#[voucherify_model]
enum Tier {
    Gold,
    #[voucherify(other)]
    Other(u32),
}

fn main() {}
