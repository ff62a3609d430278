use serde::Serialize;
use voucherify_model::voucherify_model;

#[derive(Serialize)]
#[voucherify_model]
struct Customer {
    id: String,
}

fn main() {}
