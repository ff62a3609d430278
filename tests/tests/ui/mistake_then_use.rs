use voucherify_model::voucherify_model;

#[voucherify_model]
struct Customer {
    id: String,
    #[voucherify(extras)]
    extra: voucherify_model::Map,
}

#[voucherify_model]
#[serde(tag = "type")]
enum Discount {
    Amount(Customer),
    Free,
}

fn load<T: voucherify_model::Model>(text: &str) -> T {
    voucherify_model::from_str(text).unwrap()
}

fn main() {
    let customer: Customer = load(r#"{"id":"c"}"#);
    let copy = customer.clone();
    assert_eq!(copy, customer);
    println!("{customer:?} {}", voucherify_model::to_string(&copy).unwrap());
    let discount: Discount = voucherify_model::from_str("{}").unwrap();
    println!("{discount:?}");
}
