//! Reading a list of customer-like objects into a borrowed model (`&'a str`
//! and `Cow<'a, str>` fields) against the same model with owned `String`s,
//! from the same text, through `voucherify_model::from_str` (issue 10, item
//! 4).
//!
//! Variants:
//! - `owned`: `String` fields, which the macro's direct reader takes;
//! - `borrowed`: `&'a str` and `Cow<'a, str>` fields; a model with a
//!   lifetime is read through its serde impls, borrowing from the text;
//! - `owned_serde`: the owned model through `serde_json::from_str`, that is
//!   through serde as the borrowed one is, to tell the cost of the path
//!   apart from the cost of the allocations.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{Criterion, Throughput};
use voucherify_model::time::OffsetDateTime;
use voucherify_model::voucherify_model;

#[voucherify_model]
pub struct OwnedCustomer {
    pub id: String,
    pub source_id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub created_at: Option<OffsetDateTime>,
    pub object: String,
}

#[voucherify_model]
pub struct BorrowedCustomer<'a> {
    pub id: &'a str,
    pub source_id: Option<&'a str>,
    pub name: Option<Cow<'a, str>>,
    pub description: Option<Cow<'a, str>>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub created_at: Option<OffsetDateTime>,
    pub object: Cow<'a, str>,
}

/// `count` customers in a JSON array, none of whose strings has an escape.
fn customers(count: usize) -> String {
    let items: Vec<String> = (0..count)
        .map(|index| {
            format!(
                r#"{{"id":"cust_{index:08}","source_id":"source-{index}","name":"Customer number {index}","description":"A customer written for the borrowed benchmark","email":"customer{index}@example.com","phone":"+48 600 000 {index:03}","created_at":"2024-03-0{}T10:20:30.123Z","object":"customer"}}"#,
                index % 9 + 1
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

fn read_customers(criterion: &mut Criterion) {
    let text = customers(200);
    // The three variants read the same values.
    let owned: Vec<OwnedCustomer> = voucherify_model::from_str(&text).unwrap();
    let borrowed: Vec<BorrowedCustomer<'_>> = voucherify_model::from_str(&text).unwrap();
    assert_eq!(owned.len(), borrowed.len());
    for (owned, borrowed) in owned.iter().zip(&borrowed) {
        assert_eq!(owned.id, borrowed.id);
        assert_eq!(owned.name.as_deref(), borrowed.name.as_deref());
        assert_eq!(owned.created_at, borrowed.created_at);
        assert!(matches!(borrowed.object, Cow::Borrowed("customer")));
    }
    let through_serde: Vec<OwnedCustomer> = serde_json::from_str(&text).unwrap();
    assert_eq!(through_serde, owned);

    let mut group = criterion.benchmark_group("borrowed/read_customers");
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    group.bench_function("owned", |bencher| {
        bencher.iter(|| {
            let value: Vec<OwnedCustomer> = voucherify_model::from_str(black_box(&text)).unwrap();
            value
        })
    });
    group.bench_function("borrowed", |bencher| {
        bencher.iter(|| {
            let value: Vec<BorrowedCustomer<'_>> =
                voucherify_model::from_str(black_box(&text)).unwrap();
            value
        })
    });
    group.bench_function("owned_serde", |bencher| {
        bencher.iter(|| {
            let value: Vec<OwnedCustomer> = serde_json::from_str(black_box(&text)).unwrap();
            value
        })
    });
    group.finish();
}

criterion::criterion_group!(benches, read_customers);
criterion::criterion_main!(benches);
