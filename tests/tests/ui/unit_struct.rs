use voucherify_model::voucherify_model;

#[voucherify_model]
struct Empty;

fn main() {}
