use voucherify_model::voucherify_model;

// A struct the attribute was forgotten on.
struct Plain {
    amount: i64,
}

#[voucherify_model]
struct Order {
    id: String,
    plain: Plain,
    #[voucherify(extra)]
    extra: voucherify_model::Extra,
}

#[voucherify_model]
struct Refund {
    reason: Option<String>,
    plain: Plain,
    cleared: Option<Option<Plain>>,
    boxed: Option<Box<Plain>>,
}

// Generic and borrowed models: a field that names no parameter is checked.
#[voucherify_model]
struct Page<'a, T> {
    data: Vec<T>,
    code: &'a str,
    plain: Vec<Plain>,
}

// Generic over a constant: a field that names none is checked.
#[voucherify_model]
struct Sized<const N: usize> {
    count: Option<i64>,
    plain: Plain,
}

// A type with serde's traits but without `PartialEq`.
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug)]
struct Unequal {
    amount: i64,
}

#[voucherify_model]
#[serde(tag = "type")]
enum Discount {
    Amount {
        amount_off: Option<i64>,
        plain: Option<Plain>,
        unequal: Unequal,
    },
    #[voucherify(other)]
    Other(voucherify_model::Map),
}

fn main() {
    // Uses of the models add no errors of their own.
    let order: Order = voucherify_model::from_str("{}").unwrap();
    let copy = order.clone();
    assert_eq!(copy, order);
    println!("{order:?} {}", voucherify_model::to_string(&copy).unwrap());
    let refund: Refund = serde_json::from_str("{}").unwrap();
    println!("{}", serde_json::to_string(&refund).unwrap());
    let discount: Discount = voucherify_model::from_str("{}").unwrap();
    assert_eq!(discount.clone(), discount);
    println!("{discount:?} {}", voucherify_model::to_string(&discount).unwrap());
}
