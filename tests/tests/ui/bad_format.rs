use voucherify_model::voucherify_model;

type Birthday = time::Date;

#[voucherify_model]
struct Customer {
    #[voucherify(format = "iso8601")]
    birthday: Option<Birthday>,
}

fn main() {}
