use voucherify_model::voucherify_model;

type MaybeName = Option<String>;

#[voucherify_model]
struct Customer {
    id: String,
    name: MaybeName,
}

fn main() {}
