use voucherify_model::voucherify_model;

#[voucherify_model]
struct Customer {
    #[voucherify(hidden)]
    email: Option<String>,
}

fn main() {}
