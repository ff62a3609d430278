#![deny(warnings)]

use voucherify_model::voucherify_model;

#[voucherify_model]
struct S {
    #[voucherify(deprecated = "use `b`")]
    a: Option<u8>,
    b: Option<u8>,
}

// Rust's own `#[deprecated]` on a field: the generated impls use the field
// without a warning, as serde's do.
#[voucherify_model]
struct Legacy {
    #[deprecated = "use `code`"]
    old_code: Option<String>,
    code: Option<String>,
}

#[voucherify_model]
enum Tier {
    Gold,
    Silver,
}

#[voucherify_model]
struct Customer {
    id: String,
    #[voucherify(deprecated(since = "0.2.0", note = "use `id`"))]
    source_id: Option<String>,
    #[voucherify(extra)]
    extra: voucherify_model::Map,
}

fn main() {
    let s: S = voucherify_model::from_str(r#"{"a":1,"b":2}"#).unwrap();
    assert_eq!(voucherify_model::to_string(&s).unwrap(), r#"{"a":1,"b":2}"#);
    let tier: Tier = voucherify_model::from_str(r#""silver""#).unwrap();
    assert_eq!(voucherify_model::to_string(&tier).unwrap(), r#""silver""#);
    let customer: Customer =
        voucherify_model::from_str(r#"{"id":"c1","source_id":"s1","tier":"gold"}"#).unwrap();
    assert_eq!(
        voucherify_model::to_string(&customer).unwrap(),
        r#"{"id":"c1","source_id":"s1","tier":"gold"}"#,
    );
    let legacy: Legacy = voucherify_model::from_str(r#"{"old_code":"a","code":"b"}"#).unwrap();
    assert_eq!(
        voucherify_model::to_string(&legacy).unwrap(),
        r#"{"old_code":"a","code":"b"}"#,
    );
    let shape = <Legacy as voucherify_model::shape::Shaped>::shape();
    assert!(shape.field("old_code").unwrap().deprecated);
    assert!(!shape.field("code").unwrap().deprecated);
}
