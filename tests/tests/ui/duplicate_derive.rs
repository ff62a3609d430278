use voucherify_model::voucherify_model;

#[voucherify_model]
#[derive(Debug)]
struct Customer {
    id: String,
}

fn main() {}
