use voucherify_model::voucherify_model;

// A serde value that is not a string: one error, at the value...
#[voucherify_model]
struct Order {
    #[serde(rename = 5)]
    id: Option<String>,
}

// ...and the keys after it are still read: `flatten` beside an `extra`
// field is an error of its own.
#[voucherify_model]
struct Customer {
    #[serde(rename = not::a::string, flatten)]
    id: Option<String>,
    #[voucherify(extra)]
    extra: voucherify_model::Extra,
}

fn main() {}
