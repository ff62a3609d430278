//! Every example of the customer endpoints in Voucherify's specification,
//! and the project's own documents in `tests/fixtures/api/`, reads through
//! the type made for it and writes back the same JSON.
//!
//! Responses are compared with `null` members left aside (an `Option` read
//! from `null` is written by leaving the key out) and timestamps as
//! instants; request bodies keep their `null`s, which mean "clear this
//! field", so they are compared with them.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use voucherify_model::*;

fn specification() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures/voucherify-openapi/customers.json")
}

/// Whether `null` members count in the comparison.
#[derive(Clone, Copy, PartialEq)]
enum Nulls {
    Kept,
    Ignored,
}

/// Reads `document` as a `T` (directly and through serde, which must
/// agree), writes it back, and compares.
fn round_trip<T>(document: &Value, nulls: Nulls) -> Result<(), String>
where
    T: Json + DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let bytes = serde_json::to_vec(document).unwrap();
    let value: T = voucherify_model::from_slice(&bytes).map_err(|error| error.to_string())?;
    let direct = voucherify_model::__hooks::read_direct::<T>(&bytes);
    let through_serde = serde_json::from_slice::<T>(&bytes).ok();
    if direct != through_serde {
        return Err(format!(
            "the direct reader gave {direct:?}, serde_json {through_serde:?}"
        ));
    }
    let written = voucherify_model::to_string(&value).map_err(|error| error.to_string())?;
    let through_serde = serde_json::to_string(&value).unwrap();
    if written != through_serde {
        return Err(format!(
            "the direct writer wrote {written}, serde_json {through_serde}"
        ));
    }
    let written: Value = serde_json::from_str(&written).unwrap();
    if normalized(&written, nulls) != normalized(document, nulls) {
        return Err(format!("wrote back\n{written:#}\ninstead of\n{document:#}"));
    }
    Ok(())
}

/// Turns timestamps into their instant, and drops `null` members unless
/// they are kept.
fn normalized(value: &Value, nulls: Nulls) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, member)| nulls == Nulls::Kept || !member.is_null())
                .map(|(key, member)| (key.clone(), normalized(member, nulls)))
                .collect(),
        ),
        Value::Array(items) => {
            Value::Array(items.iter().map(|item| normalized(item, nulls)).collect())
        }
        Value::String(text) => match OffsetDateTime::parse(text, &Rfc3339) {
            Ok(instant) => Value::String(format!("instant {}", instant.unix_timestamp_nanos())),
            Err(_) => value.clone(),
        },
        other => other.clone(),
    }
}

/// Round-trips `document` through the type named `type_name`.
fn check(type_name: &str, document: &Value) -> Result<(), String> {
    use Nulls::Kept;
    match type_name {
        "CustomersCreateRequestBody" => round_trip::<CustomersCreateRequestBody>(document, Kept),
        "CustomersUpdateRequestBody" => round_trip::<CustomersUpdateRequestBody>(document, Kept),
        "CustomersUpdateInBulkRequestBody" => {
            round_trip::<Vec<CustomersUpdateInBulkRequestBody>>(document, Kept)
        }
        "CustomersMetadataUpdateInBulkRequestBody" => {
            round_trip::<CustomersMetadataUpdateInBulkRequestBody>(document, Kept)
        }
        "CustomersCreateResponseBody" => round_trip::<CustomersCreateResponseBody>(document, Kept),
        "CustomersListResponseBody" => round_trip::<CustomersListResponseBody>(document, Kept),
        "CustomersPermanentDeletionCreateResponseBody" => {
            round_trip::<CustomersPermanentDeletionCreateResponseBody>(document, Kept)
        }
        "AsyncActions" => round_trip::<AsyncActions>(document, Kept),
        "CustomersSegmentsListResponseBody" => {
            round_trip::<CustomersSegmentsListResponseBody>(document, Kept)
        }
        "CustomersRedeemablesListResponseBody" => {
            round_trip::<CustomersRedeemablesListResponseBody>(document, Kept)
        }
        "VoucherifyError" => round_trip::<VoucherifyError>(document, Kept),
        other => Err(format!("no type is known by the name {other}")),
    }
}

/// The type of each example in the specification, by operation and side.
const EXAMPLE_TYPES: &[(&str, &str, &str)] = &[
    ("list-customers", "response", "CustomersListResponseBody"),
    ("create-customer", "request", "CustomersCreateRequestBody"),
    ("create-customer", "response", "CustomersCreateResponseBody"),
    ("get-customer", "response", "CustomersCreateResponseBody"),
    ("update-customer", "request", "CustomersUpdateRequestBody"),
    ("update-customer", "response", "CustomersCreateResponseBody"),
    (
        "customer-permanently-deletion",
        "response",
        "CustomersPermanentDeletionCreateResponseBody",
    ),
    ("import-customers-using-csv", "response", "AsyncActions"),
    (
        "update-customers-in-bulk",
        "request",
        "CustomersUpdateInBulkRequestBody",
    ),
    ("update-customers-in-bulk", "response", "AsyncActions"),
    (
        "update-customers-metadata-in-bulk",
        "request",
        "CustomersMetadataUpdateInBulkRequestBody",
    ),
    (
        "update-customers-metadata-in-bulk",
        "response",
        "AsyncActions",
    ),
    (
        "list-customer-segments",
        "response",
        "CustomersSegmentsListResponseBody",
    ),
    (
        "list-customer-redeemables",
        "response",
        "CustomersRedeemablesListResponseBody",
    ),
];

/// Every `(operationId, side, label, example)` of the specification's paths.
fn examples(spec: &Value) -> Vec<(String, &'static str, String, Value)> {
    let mut found = Vec::new();
    for operations in spec["paths"].as_object().unwrap().values() {
        for operation in operations.as_object().unwrap().values() {
            let Some(id) = operation.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let request = operation.pointer("/requestBody/content/application~1json/examples");
            let responses = operation["responses"]
                .as_object()
                .into_iter()
                .flat_map(|responses| responses.values())
                .filter_map(|response| response.pointer("/content/application~1json/examples"));
            let sides = request
                .map(|examples| ("request", examples))
                .into_iter()
                .chain(responses.map(|examples| ("response", examples)));
            for (side, examples) in sides {
                for (label, example) in examples.as_object().unwrap() {
                    found.push((id.to_owned(), side, label.clone(), example["value"].clone()));
                }
            }
        }
    }
    found
}

#[test]
fn specification_examples_round_trip() {
    let path = specification();
    let Ok(text) = fs::read_to_string(&path) else {
        eprintln!(
            "{} is not here; tests/fixtures/api covers the same types",
            path.display()
        );
        return;
    };
    let spec: Value = serde_json::from_str(&text).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (operation, side, label, example) in examples(&spec) {
        let Some((_, _, type_name)) = EXAMPLE_TYPES
            .iter()
            .find(|(id, example_side, _)| *id == operation && *example_side == side)
        else {
            failures.push(format!(
                "{operation} {side} {label}: no type is listed for it"
            ));
            continue;
        };
        match check(type_name, &example) {
            Ok(()) => checked += 1,
            Err(problem) => failures.push(format!(
                "{operation} {side} {label} as {type_name}: {problem}"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // 13 examples in the specification of 2026-08-21.
    assert!(checked >= 13, "only {checked} examples round-tripped");
}

#[test]
fn own_fixtures_round_trip() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/api");
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for name in &names {
        // `TypeName.what-it-shows.json`
        let type_name = name.split('.').next().unwrap();
        let document: Value =
            serde_json::from_slice(&fs::read(folder.join(name)).unwrap()).unwrap();
        if let Err(problem) = check(type_name, &document) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(names.len() >= 10, "only {} fixtures", names.len());
}

#[test]
fn comparison_keeps_request_nulls() {
    let cleared = serde_json::json!({"phone": null});
    let left_out = serde_json::json!({});
    assert_ne!(
        normalized(&cleared, Nulls::Kept),
        normalized(&left_out, Nulls::Kept)
    );
    assert_eq!(
        normalized(&cleared, Nulls::Ignored),
        normalized(&left_out, Nulls::Ignored)
    );
    // A model that loses a `null` (one without an `extra` field) fails the
    // check; the models of the crate keep it.
    let problem = round_trip::<WithoutExtra>(&cleared, Nulls::Kept).unwrap_err();
    assert!(problem.contains("wrote back"), "{problem}");
    round_trip::<CustomersCreateRequestBody>(&cleared, Nulls::Kept).unwrap();
}

/// A model that keeps no record of `null`s, for the check's own test.
#[voucherify_model::voucherify_model]
struct WithoutExtra {
    phone: Option<String>,
}
