//! A harness for counting instructions with callgrind: reads or writes one
//! customer document `COUNT` times with one variant, and nothing else.
//!
//! ```sh
//! scripts/instructions.sh            # every variant, per customer, as a table
//! cargo build --release -p voucherify-tests --example instructions
//! valgrind --tool=callgrind target/release/examples/instructions read model single 2000
//! ```
//!
//! Arguments: `read` or `write`; `model` (`from_slice` / `to_vec`), `twin`
//! (the benchmark's hand-written serde structs, which drop unknown keys) or
//! `value` (`serde_json::Value`);
//! the document: `single` (the benchmark's customer, with its few nulls),
//! `no_nulls` (the same without a `null` anywhere) or `many_nulls` (a
//! customer with `null` at every level); the count. Subtract a run with a
//! count of 0 to leave out the set-up.

#[allow(dead_code)]
#[path = "../benches/support/mod.rs"]
mod support;

use std::hint::black_box;

use support::data::{self, Unknown};
use support::twin::plain;
use voucherify_model::CustomersCreateResponseBody as Model;

const SEED: u64 = 0x5eed_cafe_f00d_0001;

/// A customer in the API's key order with `null` at every level.
const MANY_NULLS: &str = r#"{"id":"cust_CSnYd37MXmrbS19XCrghjBsv","source_id":null,"name":null,"description":null,"email":"bob.smith@email.com","phone":null,"birthdate":null,"address":{"city":"New York","state":null,"line_1":null,"line_2":null,"country":null,"postal_code":null},"summary":{"redemptions":{"total_redeemed":0,"total_failed":null,"total_succeeded":null,"total_rolled_back":null,"total_rollback_failed":null,"total_rollback_succeeded":null,"gift":{"redeemed_amount":null,"amount_to_go":null},"loyalty_card":null},"orders":{"total_amount":24900,"total_count":3,"average_amount":null,"last_order_amount":null,"last_order_date":null}},"loyalty":{"points":null,"referred_customers":null,"campaigns":{"Coffee Club":{"points":12,"loyalty_tier":null,"referred_customers":null}}},"referrals":{"total":null,"campaigns":null},"metadata":null,"system_metadata":null,"created_at":"2022-08-30T06:32:07.380Z","updated_at":null,"assets":null,"object":"customer"}"#;

fn document(name: &str) -> Vec<u8> {
    let single = || data::single_customer(SEED, Unknown::None);
    match name {
        "single" => single(),
        "no_nulls" => {
            let mut text = String::from_utf8(single()).expect("UTF-8");
            for null in [
                ",\"description\":null",
                "\"line_2\":null,",
                ",\"updated_at\":null",
                "\"loyalty_tier\":null,",
                ",\"referral_code\":null",
            ] {
                text = text.replace(null, "");
            }
            assert!(!text.contains("null"), "a null is left: {text}");
            text.into_bytes()
        }
        "many_nulls" => MANY_NULLS.as_bytes().to_vec(),
        other => panic!("unknown document {other}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [direction, variant, doc, count] = &args[..] else {
        panic!("usage: instructions read|write model|twin|value single|no_nulls|many_nulls COUNT");
    };
    let count: usize = count.parse().expect("a count");
    let bytes = document(doc);
    match (direction.as_str(), variant.as_str()) {
        ("read", "model") => {
            for _ in 0..count {
                let value: Model = voucherify_model::from_slice(black_box(&bytes)).unwrap();
                drop(black_box(value));
            }
        }
        ("read", "twin") => {
            for _ in 0..count {
                let value: plain::Customer = serde_json::from_slice(black_box(&bytes)).unwrap();
                drop(black_box(value));
            }
        }
        ("read", "value") => {
            for _ in 0..count {
                let value: serde_json::Value = serde_json::from_slice(black_box(&bytes)).unwrap();
                drop(black_box(value));
            }
        }
        ("write", "model") => {
            let value: Model = voucherify_model::from_slice(&bytes).unwrap();
            for _ in 0..count {
                drop(black_box(
                    voucherify_model::to_vec(black_box(&value)).unwrap(),
                ));
            }
        }
        ("write", "twin") => {
            let value: plain::Customer = serde_json::from_slice(&bytes).unwrap();
            for _ in 0..count {
                drop(black_box(serde_json::to_vec(black_box(&value)).unwrap()));
            }
        }
        ("write", "value") => {
            let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            for _ in 0..count {
                drop(black_box(serde_json::to_vec(black_box(&value)).unwrap()));
            }
        }
        _ => panic!(
            "usage: instructions read|write model|twin|value single|no_nulls|many_nulls COUNT"
        ),
    }
}
