use voucherify_model::voucherify_model;

#[voucherify_model]
union Amount {
    cents: u64,
    ratio: f64,
}

fn main() {}
