use voucherify_model::voucherify_model;

#[voucherify_model(foo)]
struct Customer {
    id: String,
}

fn main() {}
