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

// serde's crate is one error, not a second for an unsupported key; a
// variant takes `rename` and `alias` only with their strings.
#[voucherify_model]
#[serde(tag = "type", crate = "serde")]
enum Reward {
    #[serde(rename(serialize = "CASH"))]
    Cash { amount: Option<i64> },
    #[serde(serialize_with = "write_points")]
    Points { points: Option<i64> },
}

fn main() {}
