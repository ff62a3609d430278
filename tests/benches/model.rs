//! Reading and writing `CustomersCreateResponseBody` against the same types
//! written the ordinary serde way, on the same bytes.
//!
//! Variants:
//! - `model`: `voucherify_model::CustomersCreateResponseBody`, through
//!   `voucherify_model::from_slice` and `voucherify_model::to_vec`, which
//!   take the direct reader and writer the macro generates;
//! - `model_serde`: the same type through `serde_json::from_slice` and
//!   `serde_json::to_vec`, that is through its serde impls; only in the
//!   ratio table;
//! - `twin`: plain `#[derive(Serialize, Deserialize)]` structs with the same
//!   fields and types, dropping unknown keys ([`support::twin::plain`]);
//! - `flatten`: the twin plus a `#[serde(flatten)]` map on every struct
//!   ([`support::twin::flatten`]);
//! - `value`: `serde_json::Value`;
//! - `ignored_any`: `serde::de::IgnoredAny`, the parser alone (reading only).
//!
//! After criterion's groups the benchmark measures the variants again,
//! interleaved (each round runs every variant once, in a rotating order), and
//! prints the median over rounds of each round's time ratio, so that a noisy
//! machine slows both sides of a ratio alike. `RATIO_ROUNDS` sets the number
//! of rounds (default 15; 0 skips the table). The table runs only under
//! `cargo bench`, not in criterion's test mode.

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use serde::de::value::{BorrowedStrDeserializer, Error as ValueError};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Serialize;
use serde_json::Value;
use voucherify_model::CustomersCreateResponseBody as Model;

use support::data::{self, Unknown};
use support::interleave::interleave;
use support::twin::{self, flatten, plain};

/// Size of the large workload.
const LIST_BYTES: usize = 2_000_000;
const SEED: u64 = 0x5eed_cafe_f00d_0001;

/// The Rust types one document is read into, per variant.
trait Shape {
    type Model: DeserializeOwned + Serialize + voucherify_model::Json + PartialEq + 'static;
    type Twin: DeserializeOwned + Serialize + 'static;
    type Flatten: DeserializeOwned + Serialize + 'static;
}

/// A JSON array of customers.
struct List;

impl Shape for List {
    type Model = Vec<Model>;
    type Twin = Vec<plain::Customer>;
    type Flatten = Vec<flatten::Customer>;
}

/// One customer object.
struct One;

impl Shape for One {
    type Model = Model;
    type Twin = plain::Customer;
    type Flatten = flatten::Customer;
}

struct Workload {
    name: &'static str,
    bytes: &'static [u8],
    /// Whether the documents hold keys the model does not know; the twin
    /// then reads less than the model and `flatten` keeps.
    unknown: bool,
    /// Whether criterion measures it, besides the ratio table.
    in_criterion: bool,
    reading: Vec<Case>,
    writing: Vec<Case>,
}

/// One variant's routine on one workload.
struct Case {
    variant: &'static str,
    run: Box<dyn Fn()>,
}

fn case(variant: &'static str, run: impl Fn() + 'static) -> Case {
    Case {
        variant,
        run: Box::new(run),
    }
}

fn read<T: DeserializeOwned>(bytes: &[u8]) -> T {
    serde_json::from_slice(bytes).expect("the generated JSON reads")
}

fn write<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("the value writes")
}

fn read_model<T: DeserializeOwned + voucherify_model::Json>(bytes: &[u8]) -> T {
    voucherify_model::from_slice(bytes).expect("the generated JSON reads")
}

fn write_model<T: Serialize + voucherify_model::Json>(value: &T) -> Vec<u8> {
    voucherify_model::to_vec(value).expect("the value writes")
}

fn reading_cases<S: Shape>(bytes: &'static [u8]) -> Vec<Case> {
    vec![
        case("model", move || {
            black_box(read_model::<S::Model>(black_box(bytes)));
        }),
        case("model_serde", move || {
            black_box(read::<S::Model>(black_box(bytes)));
        }),
        case("twin", move || {
            black_box(read::<S::Twin>(black_box(bytes)));
        }),
        case("flatten", move || {
            black_box(read::<S::Flatten>(black_box(bytes)));
        }),
        case("value", move || {
            black_box(read::<Value>(black_box(bytes)));
        }),
        case("ignored_any", move || {
            black_box(read::<IgnoredAny>(black_box(bytes)));
        }),
    ]
}

fn writing_cases<S: Shape>(bytes: &'static [u8]) -> Vec<Case> {
    let model: S::Model = read(bytes);
    let twin: S::Twin = read(bytes);
    let flatten: S::Flatten = read(bytes);
    let value: Value = read(bytes);
    let model_serde: S::Model = read(bytes);
    vec![
        case("model", move || {
            black_box(write_model(black_box(&model)));
        }),
        case("model_serde", move || {
            black_box(write(black_box(&model_serde)));
        }),
        case("twin", move || {
            black_box(write(black_box(&twin)));
        }),
        case("flatten", move || {
            black_box(write(black_box(&flatten)));
        }),
        case("value", move || {
            black_box(write(black_box(&value)));
        }),
    ]
}

/// Checks that every variant reads the document, and that what each one
/// writes reads back into the model as the same value, so that all of them
/// do the same work. (Keys that hold `null` are left out on writing, by the
/// model and the twins alike.) Returns the sizes written, which differ a
/// little: `time` writes `.38Z` where the model writes `.380Z`, and `Value`
/// keeps the `null`s.
fn check<S: Shape>(bytes: &[u8], unknown: bool) -> String {
    let model: S::Model = read_model(bytes);
    assert!(read::<S::Model>(bytes) == model, "both model paths agree");
    let model_bytes = write_model(&model);
    assert!(model_bytes == write(&model), "both model paths agree");
    assert!(
        read_model::<S::Model>(&model_bytes) == model,
        "the model round-trips"
    );
    let value: Value = read(bytes);
    let value_bytes = write(&value);
    assert!(read::<S::Model>(&value_bytes) == model, "Value reads all");
    let flatten: S::Flatten = read(bytes);
    assert!(
        read::<S::Model>(&write(&flatten)) == model,
        "flatten keeps all"
    );
    read::<IgnoredAny>(bytes);
    let twin_bytes = write(&read::<S::Twin>(bytes));
    if !unknown {
        // The twin then drops nothing, and the model's extra maps are empty.
        assert!(read::<S::Model>(&twin_bytes) == model, "the twin reads all");
    }
    format!(
        "{} bytes; written back: model {}, twin {}, Value {}",
        bytes.len(),
        model_bytes.len(),
        twin_bytes.len(),
        value_bytes.len()
    )
}

fn workload<S: Shape>(
    name: &'static str,
    bytes: Vec<u8>,
    unknown: bool,
    in_criterion: bool,
) -> Workload {
    let sizes = check::<S>(&bytes, unknown);
    println!("workload {name}: {sizes}");
    // Every case of the run reads these bytes.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    Workload {
        name,
        bytes,
        unknown,
        in_criterion,
        reading: reading_cases::<S>(bytes),
        writing: writing_cases::<S>(bytes),
    }
}

fn workloads() -> Vec<Workload> {
    vec![
        workload::<List>(
            "list_2MB",
            data::customer_array(LIST_BYTES, SEED, Unknown::None),
            false,
            true,
        ),
        workload::<One>(
            "single",
            data::single_customer(SEED, Unknown::None),
            false,
            true,
        ),
        workload::<List>(
            "list_2MB_unknown_keys",
            data::customer_array(LIST_BYTES, SEED, Unknown::Some),
            true,
            false,
        ),
    ]
}

fn criterion_groups(criterion: &mut Criterion, workloads: &[Workload]) {
    for workload in workloads.iter().filter(|workload| workload.in_criterion) {
        for (direction, cases) in [
            ("deserialize", &workload.reading),
            ("serialize", &workload.writing),
        ] {
            let mut group = criterion.benchmark_group(format!("{direction}/{}", workload.name));
            group.throughput(Throughput::BytesDecimal(workload.bytes.len() as u64));
            if workload.bytes.len() > 100_000 {
                // Milliseconds per iteration: same-sized samples.
                group.sampling_mode(SamplingMode::Flat);
            }
            for case in cases.iter().filter(|case| case.variant != "model_serde") {
                group.bench_function(case.variant, |bencher| bencher.iter(&case.run));
            }
            group.finish();
        }
    }
}

/// The date helpers alone: the model's `format` modules against `time`'s
/// parser and formatter, on 1000 values made as the documents' are.
fn format_group(criterion: &mut Criterion) {
    let timestamps = data::timestamps(1000, SEED);
    let with_offsets: Vec<String> = data::timestamps_with_offsets(1000, SEED);
    let dates = data::dates(1000, SEED);

    let mut group = criterion.benchmark_group("format/date_time_deserialize");
    group.throughput(Throughput::Elements(timestamps.len() as u64));
    for (shape, texts) in [("api_shape", &timestamps), ("with_offset", &with_offsets)] {
        group.bench_with_input(BenchmarkId::new("model", shape), texts, |b, texts| {
            b.iter(|| read_all(texts, voucherify_model::format::date_time::deserialize))
        });
        group.bench_with_input(
            BenchmarkId::new("time_rfc3339", shape),
            texts,
            |b, texts| b.iter(|| read_all(texts, twin::rfc3339::deserialize)),
        );
    }
    group.finish();

    let values: Vec<time::OffsetDateTime> = timestamps
        .iter()
        .map(|text| {
            time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
                .unwrap()
        })
        .collect();
    let mut out = Vec::with_capacity(64 * values.len());
    let mut group = criterion.benchmark_group("format/date_time_serialize");
    group.throughput(Throughput::Elements(values.len() as u64));
    group.bench_function("model", |b| {
        b.iter(|| {
            write_all(&mut out, &values, |value, json| {
                voucherify_model::format::date_time::serialize(value, json)
            })
        })
    });
    group.bench_function("time_rfc3339", |b| {
        b.iter(|| {
            write_all(&mut out, &values, |value, json| {
                twin::rfc3339::serialize(value, json)
            })
        })
    });
    group.finish();

    let mut group = criterion.benchmark_group("format/date_deserialize");
    group.throughput(Throughput::Elements(dates.len() as u64));
    group.bench_function("model", |b| {
        b.iter(|| read_all(&dates, voucherify_model::format::date::deserialize))
    });
    group.bench_function("time_format_description", |b| {
        b.iter(|| read_all(&dates, twin::date::deserialize))
    });
    group.finish();

    let values: Vec<time::Date> = dates
        .iter()
        .map(|text| voucherify_model::format::date::deserialize(str_deserializer(text)).unwrap())
        .collect();
    let mut group = criterion.benchmark_group("format/date_serialize");
    group.throughput(Throughput::Elements(values.len() as u64));
    group.bench_function("model", |b| {
        b.iter(|| {
            write_all(&mut out, &values, |value, json| {
                voucherify_model::format::date::serialize(value, json)
            })
        })
    });
    group.bench_function("time_format_description", |b| {
        b.iter(|| {
            write_all(&mut out, &values, |value, json| {
                twin::date::serialize(value, json)
            })
        })
    });
    group.finish();
}

type TextDeserializer<'a> = BorrowedStrDeserializer<'a, ValueError>;
type JsonWriter<'a> = serde_json::Serializer<&'a mut Vec<u8>>;

fn str_deserializer(text: &str) -> TextDeserializer<'_> {
    BorrowedStrDeserializer::new(text)
}

/// Reads every text with `read`, as a field's `deserialize_with` would.
fn read_all<'a, T>(
    texts: &'a [String],
    read: impl Fn(TextDeserializer<'a>) -> Result<T, ValueError>,
) {
    for text in texts {
        black_box(read(str_deserializer(text)).unwrap());
    }
}

/// Writes every value with `write` into `out`, as JSON strings.
fn write_all<T>(
    out: &mut Vec<u8>,
    values: &[T],
    write: impl Fn(&T, &mut JsonWriter<'_>) -> Result<(), serde_json::Error>,
) {
    out.clear();
    for value in values {
        let mut serializer = serde_json::Serializer::new(&mut *out);
        write(value, &mut serializer).unwrap();
    }
    black_box(&out);
}

fn median(values: &[f64]) -> f64 {
    quantile(values, 0.5)
}

fn quantile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let position = q * (sorted.len() - 1) as f64;
    let low = position.floor() as usize;
    let high = position.ceil() as usize;
    sorted[low] + (sorted[high] - sorted[low]) * (position - low as f64)
}

/// The median of `a / b` over rounds, with its interquartile range.
fn paired_ratio(a: &[f64], b: &[f64]) -> String {
    let ratios: Vec<f64> = a.iter().zip(b).map(|(a, b)| a / b).collect();
    format!(
        "{:.2} ({:.2}–{:.2})",
        median(&ratios),
        quantile(&ratios, 0.25),
        quantile(&ratios, 0.75)
    )
}

/// Medians of one workload and direction, from [`interleave`].
struct Measured {
    workload: String,
    direction: &'static str,
    bytes: f64,
    variants: Vec<&'static str>,
    times: Vec<Vec<f64>>,
}

impl Measured {
    fn times(&self, variant: &str) -> Option<&[f64]> {
        let index = self.variants.iter().position(|name| *name == variant)?;
        Some(&self.times[index])
    }

    /// MB/s (10^6 bytes of the input document) at the median round.
    fn speed(&self, variant: &str) -> String {
        match self.times(variant) {
            Some(times) => format!("{:.0}", self.bytes / median(times) * 1e3),
            None => "–".to_owned(),
        }
    }

    fn ratio(&self, a: &str, b: &str) -> String {
        match (self.times(a), self.times(b)) {
            (Some(a), Some(b)) => paired_ratio(a, b),
            _ => "–".to_owned(),
        }
    }
}

fn ratio_table(workloads: &[Workload], rounds: usize) {
    let mut measured = Vec::new();
    for workload in workloads {
        for (direction, cases) in [
            ("deserialize", &workload.reading),
            ("serialize", &workload.writing),
        ] {
            measured.push(Measured {
                workload: if workload.unknown {
                    format!("{} (the twin drops them)", workload.name)
                } else {
                    workload.name.to_owned()
                },
                direction,
                bytes: workload.bytes.len() as f64,
                variants: cases.iter().map(|case| case.variant).collect(),
                times: interleave(
                    &cases.iter().map(|case| &*case.run).collect::<Vec<_>>(),
                    rounds,
                    Duration::from_millis(40),
                ),
            });
        }
    }

    println!();
    println!("Interleaved: {rounds} rounds, every case once per round in a rotating order.");
    println!();
    println!("MB/s (10^6 bytes of the input document per second, median round):");
    println!();
    println!(
        "| workload | direction | model | model (serde) | twin | flatten | Value | IgnoredAny |"
    );
    println!("|---|---|--:|--:|--:|--:|--:|--:|");
    for m in &measured {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            m.workload,
            m.direction,
            m.speed("model"),
            m.speed("model_serde"),
            m.speed("twin"),
            m.speed("flatten"),
            m.speed("value"),
            m.speed("ignored_any"),
        );
    }
    println!();
    println!("Time ratios (median of the per-round ratios, interquartile range in parentheses):");
    println!();
    println!(
        "| workload | direction | model / twin | model / Value | model (serde) / twin \
         | flatten / twin | Value / twin |"
    );
    println!("|---|---|--:|--:|--:|--:|--:|");
    for m in &measured {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            m.workload,
            m.direction,
            m.ratio("model", "twin"),
            m.ratio("model", "value"),
            m.ratio("model_serde", "twin"),
            m.ratio("flatten", "twin"),
            m.ratio("value", "twin"),
        );
    }
    println!();
}

fn main() {
    let workloads = workloads();

    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
        .configure_from_args();
    criterion_groups(&mut criterion, &workloads);
    format_group(&mut criterion);
    criterion.final_summary();

    // `cargo bench` passes `--bench`; criterion's test, list and profiling
    // modes are asked for with the flags below.
    let args: Vec<String> = std::env::args().collect();
    let has = |flag: &str| {
        args.iter()
            .any(|arg| arg == flag || arg.starts_with(&format!("{flag}=")))
    };
    let benching = has("--bench") && !has("--test") && !has("--list") && !has("--profile-time");
    let rounds = std::env::var("RATIO_ROUNDS")
        .ok()
        .map(|rounds| rounds.parse().expect("RATIO_ROUNDS is a number"))
        .unwrap_or(15);
    if benching && rounds > 0 {
        ratio_table(&workloads, rounds);
    }
}
