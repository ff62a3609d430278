use voucherify_model::voucherify_model;

#[voucherify_model]
#[serde(untagged)]
enum Tier {
    Gold,
    Silver,
}

// On a variant: only `rename` and `alias`, each with its string.
#[voucherify_model]
enum Channel {
    #[serde(rename(serialize = "EMAIL"))]
    Email,
    #[serde(serialize_with = "write_sms")]
    Sms,
}

fn main() {}
