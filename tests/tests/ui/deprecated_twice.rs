use voucherify_model::voucherify_model;

#[voucherify_model]
struct Customer {
    id: String,
    #[voucherify(deprecated = "use `birthdate`")]
    #[deprecated]
    birthday: Option<String>,
}

fn main() {}
