use voucherify_model::voucherify_model;

#[voucherify_model]
struct Customer {
    #[serde(default = "not a path")]
    id: String,
    #[serde(skip_serializing_if = "Vec::is_empty()")]
    tags: Vec<String>,
}

fn main() {}
