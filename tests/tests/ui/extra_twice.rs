use voucherify_model::voucherify_model;

#[voucherify_model]
struct Customer {
    id: String,
    #[voucherify(extra)]
    extra: voucherify_model::Map,
    #[voucherify(extra)]
    more: voucherify_model::Map,
}

fn main() {}
