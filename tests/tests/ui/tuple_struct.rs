use voucherify_model::voucherify_model;

#[voucherify_model]
struct CustomerId(String);

fn main() {}
