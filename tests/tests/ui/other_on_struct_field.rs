use voucherify_model::voucherify_model;

#[voucherify_model]
struct Customer {
    id: String,
    #[voucherify(other)]
    rest: Option<String>,
}

fn main() {}
