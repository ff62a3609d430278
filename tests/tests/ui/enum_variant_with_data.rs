use voucherify_model::voucherify_model;

#[voucherify_model]
enum Discount {
    Amount { cents: i64 },
    Percent,
}

fn main() {}
