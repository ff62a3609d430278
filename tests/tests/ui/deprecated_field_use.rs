#![deny(deprecated)]

use voucherify_model::voucherify_model;

#[voucherify_model]
struct S {
    #[voucherify(deprecated = "use `b`")]
    a: Option<u8>,
    b: Option<u8>,
}

fn main() {
    let s: S = voucherify_model::from_str("{}").unwrap();
    let _ = s.a;
    let _ = s.b;
}
