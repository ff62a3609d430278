//! A harness for counting instructions with callgrind: reads or writes the
//! benchmark's single customer a given number of times, as the model, the
//! hand-written serde twin, or `serde_json::Value`.
//!
//! ```sh
//! scripts/instructions.sh            # builds this in release and prints the table
//! ```
//!
//! Run by hand: `instructions <read|write> <model|twin|value> <times>`. A
//! count of 0 runs everything but the loop, so that the difference of two
//! runs is the loop's own cost.

#[path = "../benches/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::hint::black_box;

use serde_json::Value;
use support::data::{self, Unknown};
use support::twin::plain;
use voucherify_model::CustomersCreateResponseBody as Model;

const SEED: u64 = 0x5eed_cafe_f00d_0001;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [direction, variant, times] = args.as_slice() else {
        eprintln!("usage: instructions <read|write> <model|twin|value> <times>");
        std::process::exit(2);
    };
    let times: usize = times.parse().expect("times is a count");
    let bytes = data::single_customer(SEED, Unknown::None);
    match (direction.as_str(), variant.as_str()) {
        ("read", "model") => read(&bytes, times, |b| {
            voucherify_model::from_slice::<Model>(b).unwrap()
        }),
        ("read", "twin") => read(&bytes, times, |b| {
            serde_json::from_slice::<plain::Customer>(b).unwrap()
        }),
        ("read", "value") => read(&bytes, times, |b| {
            serde_json::from_slice::<Value>(b).unwrap()
        }),
        ("write", "model") => {
            let value: Model = voucherify_model::from_slice(&bytes).unwrap();
            write(times, || {
                voucherify_model::to_vec(black_box(&value)).unwrap()
            });
        }
        ("write", "twin") => {
            let value: plain::Customer = serde_json::from_slice(&bytes).unwrap();
            write(times, || serde_json::to_vec(black_box(&value)).unwrap());
        }
        ("write", "value") => {
            let value: Value = serde_json::from_slice(&bytes).unwrap();
            write(times, || serde_json::to_vec(black_box(&value)).unwrap());
        }
        _ => {
            eprintln!("usage: instructions <read|write> <model|twin|value> <times>");
            std::process::exit(2);
        }
    }
}

/// Reads `bytes` `times` times, dropping each value read.
fn read<T>(bytes: &[u8], times: usize, mut parse: impl FnMut(&[u8]) -> T) {
    for _ in 0..times {
        drop(black_box(parse(black_box(bytes))));
    }
}

/// Writes `times` times, dropping each text written.
fn write(times: usize, mut serialize: impl FnMut() -> Vec<u8>) {
    for _ in 0..times {
        drop(black_box(serialize()));
    }
}
