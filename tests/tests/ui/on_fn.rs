use voucherify_model::voucherify_model;

#[voucherify_model]
fn customer() {}

fn main() {}
