use voucherify_model::voucherify_model;

// Unknown keys are kept as owned values, so a struct that keeps them
// cannot borrow from the input.
#[voucherify_model]
struct CodeRef<'a> {
    code: &'a str,
    #[voucherify(extra)]
    extra: voucherify_model::Extra,
}

fn main() {}
