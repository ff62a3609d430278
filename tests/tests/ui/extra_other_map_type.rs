use std::collections::BTreeMap as Map;

use voucherify_model::voucherify_model;

#[voucherify_model]
struct Customer {
    id: String,
    #[voucherify(extra)]
    extra: Map<String, String>,
}

fn main() {}
