use voucherify_model::voucherify_model;

#[voucherify_model]
#[serde(tag = "type", content = "value")]
enum Discount {
    #[serde(skip)]
    Amount {
        #[serde(flatten)]
        rest: voucherify_model::Map,
    },
}

fn main() {}
