use voucherify_model::voucherify_model;

#[voucherify_model]
#[serde(deny_unknown_fields)]
struct Customer {
    id: String,
    #[voucherify(extra)]
    extra: voucherify_model::Map,
}

fn main() {}
