use voucherify_model::voucherify_model;

#[voucherify_model]
struct Customer {
    id: String,
    #[voucherify(deprecated = "use `birthdate`")]
    birthday: String,
}

fn main() {}
