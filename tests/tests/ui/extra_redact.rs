use voucherify_model::voucherify_model;

#[voucherify_model]
struct Customer {
    id: String,
    #[voucherify(extra, redact)]
    extra: voucherify_model::Extra,
}

fn main() {}
