//! The model's `from_str`, `from_slice` and `to_vec` against serde_json's
//! own functions on the same types, on inputs of many shapes: long strings
//! of ASCII and of 2-, 3- and 4-byte UTF-8, strings full of escapes, floats,
//! long numbers, many unknown keys, deep metadata, small and full customers.
//!
//! `cargo bench -p voucherify-tests --bench shapes` prints, for each shape,
//! the time ratio of the model to serde_json for the three functions,
//! measured interleaved: each round runs every case once, in a rotating
//! order, and the table gives the median of the per-round ratios.
//! `SHAPES_ROUNDS` sets the rounds (default 9); `SHAPES` a comma-separated
//! list of the shapes to run.
//!
//! `shapes count SHAPE CASE ITERATIONS` runs one case alone, for
//! instruction counts (`scripts/shape-instructions.sh` runs it under
//! callgrind for every case).

/// The customer documents of the `model` benchmark.
#[allow(dead_code)]
#[path = "support/data.rs"]
mod data;
#[path = "support/interleave.rs"]
mod interleave;

use std::hint::black_box;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use voucherify_model::{voucherify_model, CustomersCreateResponseBody as Customer, Json};

use data::{Rng, Unknown};
use interleave::interleave;

const SEED: u64 = 0x5eed_cafe_f00d_0002;
/// Size of the long texts.
const MB: usize = 1_000_000;

/// A list of floats, as a model holds it.
#[voucherify_model]
pub struct Floats {
    pub values: Vec<f64>,
}

/// One shape: a document and the type it is read into.
struct Shape {
    name: &'static str,
    what: &'static str,
    cases: Vec<Case>,
}

/// One function of one side on one shape.
struct Case {
    name: &'static str,
    run: Box<dyn Fn()>,
}

fn case(name: &'static str, run: impl Fn() + 'static) -> Case {
    Case {
        name,
        run: Box::new(run),
    }
}

/// The six cases of a shape: both sides' `from_str`, `from_slice` and
/// `to_vec`. `write` is the value written, read from `write_text` (the
/// document itself, unless that one does not read).
fn cases<T>(text: String, write_text: Option<String>) -> Vec<Case>
where
    T: Json + DeserializeOwned + Serialize + PartialEq + std::fmt::Debug + 'static,
{
    let text: &'static str = Box::leak(text.into_boxed_str());
    let ours = voucherify_model::from_str::<T>(text);
    let theirs = serde_json::from_str::<T>(text);
    assert_eq!(ours.as_ref().ok(), theirs.as_ref().ok(), "both read alike");
    assert_eq!(ours.is_ok(), theirs.is_ok(), "both read alike");
    let write_text = write_text.map_or(text, |text| &*Box::leak(text.into_boxed_str()));
    let value: T = serde_json::from_str(write_text).expect("the value to write reads");
    let written = voucherify_model::to_vec(&value).unwrap();
    assert!(
        written == serde_json::to_vec(&value).unwrap(),
        "both write alike"
    );
    let value: &'static T = Box::leak(Box::new(value));
    vec![
        case("model from_str", move || {
            let _ = black_box(voucherify_model::from_str::<T>(black_box(text)));
        }),
        case("serde from_str", move || {
            let _ = black_box(serde_json::from_str::<T>(black_box(text)));
        }),
        case("model from_slice", move || {
            let _ = black_box(voucherify_model::from_slice::<T>(black_box(
                text.as_bytes(),
            )));
        }),
        case("serde from_slice", move || {
            let _ = black_box(serde_json::from_slice::<T>(black_box(text.as_bytes())));
        }),
        case("model to_vec", move || {
            black_box(voucherify_model::to_vec(black_box(value)).unwrap());
        }),
        case("serde to_vec", move || {
            black_box(serde_json::to_vec(black_box(value)).unwrap());
        }),
    ]
}

/// A customer whose `name` is `name`.
fn customer_named(name: &str) -> String {
    let mut customer: Value =
        serde_json::from_slice(&data::single_customer(SEED, Unknown::None)).unwrap();
    customer["name"] = Value::String(name.to_owned());
    serde_json::to_string(&customer).unwrap()
}

/// About `bytes` of text made by repeating `unit`.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

/// Text of every width: words of ASCII, Latin, CJK and emoji.
fn mixed(bytes: usize) -> String {
    let words = [
        "Małgorzata ",
        "Zoë ",
        "山田太郎 ",
        "Smith ",
        "😀🎉 ",
        "Ångström ",
        "O'Brien ",
        "Дмитрий ",
    ];
    let mut rng = Rng::new(SEED);
    let mut out = String::with_capacity(bytes + 32);
    while out.len() < bytes {
        out.push_str(rng.pick(&words));
    }
    out
}

/// Floats as a price list or measurements hold them.
fn floats(count: usize) -> String {
    let mut rng = Rng::new(SEED);
    let values: Vec<String> = (0..count)
        .map(|index| {
            let cents = rng.range(-10_000_000, 10_000_000);
            match index % 4 {
                0 => format!("{}.{:02}", cents / 100, (cents % 100).abs()),
                1 => format!("{}", cents),
                2 => format!("{:e}", cents as f64 * 1.37e-9),
                _ => format!("{}", (cents as f64) / 7.0),
            }
        })
        .collect();
    format!(r#"{{"values":[{}]}}"#, values.join(","))
}

/// Numbers of many digits.
fn long_numbers(count: usize, digits: usize) -> String {
    let mut rng = Rng::new(SEED);
    let values: Vec<String> = (0..count)
        .map(|index| {
            let mut number: String = (0..digits)
                .map(|_| char::from(b'0' + rng.below(10) as u8))
                .collect();
            number.replace_range(0..1, "7");
            if index % 2 == 1 {
                number.insert(digits / 3, '.');
                number.push_str("e-9000");
            } else {
                number.insert_str(0, "0.");
            }
            number
        })
        .collect();
    format!(r#"{{"values":[{}]}}"#, values.join(","))
}

/// A customer with `count` unknown keys, the last of them repeated when
/// `repeated`.
fn unknown_keys(count: usize, repeated: bool) -> String {
    let customer = String::from_utf8(data::single_customer(SEED, Unknown::None)).unwrap();
    let mut out = customer[..customer.len() - 1].to_owned();
    for index in 0..count {
        out.push_str(&format!(r#","key_{index}":{index}"#));
    }
    if repeated {
        out.push_str(&format!(r#","key_{}":0"#, count - 1));
    }
    out.push('}');
    out
}

/// A customer whose metadata holds about `bytes` of ordinary values and
/// then one value nested `depth` deep.
fn deep_metadata(bytes: usize, depth: usize) -> String {
    let mut metadata = serde_json::Map::new();
    let mut index = 0;
    while serde_json::to_string(&metadata).unwrap().len() < bytes {
        for _ in 0..1000 {
            metadata.insert(
                format!("field_{index}"),
                json!({"label": format!("entry {index}"), "count": index, "on": index % 2 == 0}),
            );
            index += 1;
        }
    }
    let mut deep = json!("bottom");
    for _ in 0..depth {
        deep = json!([deep]);
    }
    metadata.insert("deep".to_owned(), deep);
    let mut customer: Value =
        serde_json::from_slice(&data::single_customer(SEED, Unknown::None)).unwrap();
    customer["metadata"] = Value::Object(metadata);
    serde_json::to_string(&customer).unwrap()
}

/// Small customers with much metadata, as in Voucherify's documented
/// examples: a few fields, metadata of a dozen keys of every kind.
fn metadata_heavy(count: usize) -> String {
    let mut rng = Rng::new(SEED);
    let customers: Vec<Value> = (0..count)
        .map(|index| {
            json!({
                "id": format!("cust_{index:08}"),
                "source_id": format!("source_{}", rng.below(1_000_000)),
                "name": "John Doe",
                "email": format!("john.doe{index}@example.com"),
                "metadata": {
                    "lang": "en",
                    "test": false,
                    "age": rng.range(18, 90),
                    "acquisition_channel": "Facebook",
                    "favorite_brands": ["Nike", "Adidas", "Puma"],
                    "discount": rng.below(100) as f64 / 4.0,
                    "loyal": index % 3 == 0,
                    "ratings": [4.5, 3.0, 5.0],
                    "address": {"city": "Warsaw", "zip": "00-001"},
                    "notes": null,
                    "visits": rng.below(500),
                    "segment": "vip",
                },
                "object": "customer",
                "created_at": "2022-08-30T06:32:07.380Z",
            })
        })
        .collect();
    serde_json::to_string(&customers).unwrap()
}

fn shapes(only: Option<&[String]>) -> Vec<Shape> {
    let wanted = |name: &str| only.is_none_or(|only| only.iter().any(|o| o == name));
    let mut shapes = Vec::new();
    let mut add = |name: &'static str, what: &'static str, make: fn() -> Vec<Case>| {
        if wanted(name) {
            shapes.push(Shape {
                name,
                what,
                cases: make(),
            });
        }
    };
    add("ascii", "customer, `name` of 1 MB of ASCII", || {
        cases::<Customer>(customer_named(&repeat("Smith John ", MB)), None)
    });
    add("utf8_2", "customer, `name` of 1 MB of `é`", || {
        cases::<Customer>(customer_named(&repeat("é", MB)), None)
    });
    add("utf8_3", "customer, `name` of 1 MB of `中`", || {
        cases::<Customer>(customer_named(&repeat("中", MB)), None)
    });
    add("utf8_4", "customer, `name` of 1 MB of `😀`", || {
        cases::<Customer>(customer_named(&repeat("😀", MB)), None)
    });
    add(
        "mixed",
        "customer, `name` of 1 MB of words in many scripts",
        || cases::<Customer>(customer_named(&mixed(MB)), None),
    );
    add("escapes", "customer, `name` of 1 MB of `\\n`", || {
        cases::<Customer>(customer_named(&repeat("\n", MB)), None)
    });
    add(
        "some_escapes",
        "customer, `name` of 1 MB, a `\"` every 16 bytes",
        || cases::<Customer>(customer_named(&repeat("said \"hello\" to", MB)), None),
    );
    add("floats", "`Vec<f64>` of 100 000 numbers", || {
        cases::<Floats>(floats(100_000), None)
    });
    add(
        "long_numbers",
        "`Vec<f64>` of 100 numbers of 10 000 digits",
        || cases::<Floats>(long_numbers(100, 10_000), None),
    );
    add(
        "unknown_keys",
        "customer with 100 000 unknown keys, the last repeated (an error; written without the repeat)",
        || {
            cases::<Customer>(
                unknown_keys(100_000, true),
                Some(unknown_keys(100_000, false)),
            )
        },
    );
    add(
        "deep_metadata",
        "customer, 1 MB of metadata ending in a value nested 70 deep",
        || cases::<Customer>(deep_metadata(MB, 70), None),
    );
    add(
        "metadata_heavy",
        "1 000 small customers with 12 metadata keys each",
        || cases::<Vec<Customer>>(metadata_heavy(1000), None),
    );
    add("full", "list of full customers, 1 MB", || {
        let text = data::customer_array(MB, SEED, Unknown::None);
        cases::<Vec<Customer>>(String::from_utf8(text).unwrap(), None)
    });
    shapes
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("count") {
        let [_, shape, case, iterations] = &args[..] else {
            panic!("usage: shapes count SHAPE CASE ITERATIONS");
        };
        let shapes = shapes(Some(std::slice::from_ref(shape)));
        let shape = shapes.first().expect("a known shape");
        let case = shape
            .cases
            .iter()
            .find(|c| c.name.replace(' ', "_") == *case)
            .expect("a known case, such as model_from_str");
        for _ in 0..iterations.parse::<u32>().unwrap() {
            (case.run)();
        }
        return;
    }
    // `cargo test` runs benches once with `--test`: building the inputs
    // checks that both sides agree, which is enough there.
    let testing = args.iter().any(|arg| arg == "--test");
    let only: Option<Vec<String>> = std::env::var("SHAPES")
        .ok()
        .map(|list| list.split(',').map(str::to_owned).collect());
    let rounds: usize = std::env::var("SHAPES_ROUNDS")
        .ok()
        .map(|rounds| rounds.parse().expect("SHAPES_ROUNDS is a number"))
        .unwrap_or(9);
    let shapes = shapes(only.as_deref());
    if testing {
        return;
    }
    println!(
        "Time ratios, model / serde_json on the same type (median of {rounds} interleaved rounds):"
    );
    println!();
    println!("| shape | from_str | from_slice | to_vec | serde from_slice |");
    println!("|---|--:|--:|--:|--:|");
    for shape in &shapes {
        let runs: Vec<&dyn Fn()> = shape.cases.iter().map(|case| &*case.run).collect();
        let times = interleave(&runs, rounds, Duration::from_millis(30));
        let ratio = |a: usize, b: usize| {
            median(times[a].iter().zip(&times[b]).map(|(a, b)| a / b).collect())
        };
        println!(
            "| {} | {:.2} | {:.2} | {:.2} | {:.2} ms |",
            shape.name,
            ratio(0, 1),
            ratio(2, 3),
            ratio(4, 5),
            median(times[3].clone()) / 1e6,
        );
    }
    println!();
    for shape in &shapes {
        println!("- {}: {}", shape.name, shape.what);
    }
}
