use voucherify_model::voucherify_model;

#[voucherify_model]
#[serde(tag = "type")]
enum Discount<T> {
    #[voucherify(extra)]
    Amount { amount_off: Option<T> },
    Percent {
        #[voucherify(redact)]
        percent_off: Option<f64>,
    },
    #[voucherify(other)]
    Other(voucherify_model::Map),
    #[voucherify(other)]
    Unknown(voucherify_model::Map),
}

fn main() {}
