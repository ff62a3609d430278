use voucherify_model::voucherify_model;

#[voucherify_model]
pub struct Tags {
    #[voucherify(unique_keys)]
    pub tags: Option<Vec<String>>,
}

fn main() {}
