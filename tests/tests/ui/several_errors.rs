use voucherify_model::voucherify_model;

#[voucherify_model]
#[derive(Clone)]
struct Customer {
    #[voucherify(secret)]
    email: Option<String>,
    #[voucherify(extra)]
    extra: Vec<String>,
}

fn main() {}
