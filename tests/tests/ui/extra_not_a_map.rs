use std::collections::HashMap;

use voucherify_model::voucherify_model;

#[voucherify_model]
struct Customer {
    id: String,
    #[voucherify(extra)]
    extra: HashMap<String, String>,
}

fn main() {}
