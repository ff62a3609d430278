use voucherify_model::voucherify_model;

#[voucherify_model]
#[voucherify(extra)]
struct Customer {
    id: String,
}

fn main() {}
