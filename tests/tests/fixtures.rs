//! Every document of a fixture folder reads, except the ones known to break
//! the schema, and writes back the same JSON value, `null`s included
//! (timestamps compared as instants); documents in the API's key order,
//! compact, come back byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use voucherify_model::{CustomersCreateResponseBody, CustomersListResponseBody};

/// Voucherify's own examples, beside the checkout.
fn voucherify_docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/voucherify-docs")
}

/// The project's own documents, of the same shapes.
fn own_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Reads every `.json` file of `folder`; `broken` lists the files expected
/// to fail with the JSON path their error must start with. Returns how many
/// documents round-tripped.
fn check_folder(folder: &Path, broken: &[(&str, &str)]) -> usize {
    let mut entries: Vec<PathBuf> = fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut round_tripped = 0;
    let mut broken_seen = 0;
    for path in &entries {
        let name = path.file_name().unwrap().to_str().unwrap();
        let bytes = fs::read(path).unwrap();
        let original: Value = serde_json::from_slice(&bytes).unwrap();
        let is_list = original.get("object").and_then(Value::as_str) == Some("list");
        let direct = if is_list {
            direct_path_agrees::<CustomersListResponseBody>(&bytes)
        } else {
            direct_path_agrees::<CustomersCreateResponseBody>(&bytes)
        };
        if let Err(problem) = direct {
            failures.push(format!("{name}: {problem}"));
        }
        let written = if is_list {
            voucherify_model::from_slice::<CustomersListResponseBody>(&bytes)
                .and_then(|list| voucherify_model::to_string(&list))
        } else {
            voucherify_model::from_slice::<CustomersCreateResponseBody>(&bytes)
                .and_then(|customer| voucherify_model::to_string(&customer))
        };
        let expected_failure = broken
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, path)| *path);
        match (written, expected_failure) {
            (Ok(written), None) => {
                let written: Value = serde_json::from_str(&written).unwrap();
                if normalized(&written) == normalized(&original) {
                    round_tripped += 1;
                } else {
                    failures.push(format!(
                        "{name}: wrote back\n{written:#}\ninstead of\n{original:#}"
                    ));
                }
            }
            (Err(error), Some(path)) => {
                broken_seen += 1;
                if !error.path().starts_with(path) || !error.to_string().starts_with(path) {
                    failures.push(format!("{name}: expected an error at {path}, got {error}"));
                }
            }
            (Err(error), None) => failures.push(format!("{name}: {error}")),
            (Ok(_), Some(path)) => {
                failures.push(format!("{name}: read, but should fail at {path}"))
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} documents failed:\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n")
    );
    assert_eq!(
        broken_seen,
        broken.len(),
        "a file expected to fail is missing"
    );
    round_tripped
}

/// The direct reader takes the document exactly when serde_json takes it,
/// and then gives the same value; the direct writer writes that value as
/// serde_json does.
fn direct_path_agrees<T>(bytes: &[u8]) -> Result<(), String>
where
    T: voucherify_model::Json + DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let direct = voucherify_model::__hooks::read_direct::<T>(bytes);
    let through_serde = serde_json::from_slice::<T>(bytes).ok();
    if direct != through_serde {
        return Err(format!(
            "the direct reader gave {direct:?}, serde_json {through_serde:?}"
        ));
    }
    let (Some(value), Some(through_serde)) = (direct, through_serde) else {
        return Ok(());
    };
    let written = voucherify_model::__hooks::write_direct(&value, Vec::new())
        .map_err(|_| "the direct writer gave up".to_owned())?;
    // What serde read, written by serde: equal values may differ in what
    // they remember (nulls, order), which the bytes show.
    let expected = serde_json::to_vec(&through_serde).map_err(|error| error.to_string())?;
    if written != expected {
        return Err(format!(
            "the direct writer wrote {}, serde_json {}",
            String::from_utf8_lossy(&written),
            String::from_utf8_lossy(&expected)
        ));
    }
    Ok(())
}

/// Turns timestamps into their instant, so that documents equal as the API
/// means them compare equal; everything else, `null` members included, is
/// kept.
fn normalized(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, member)| (key.clone(), normalized(member)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(normalized).collect()),
        Value::String(text) => match OffsetDateTime::parse(text, &Rfc3339) {
            Ok(instant) => Value::String(format!("instant {}", instant.unix_timestamp_nanos())),
            Err(_) => value.clone(),
        },
        other => other.clone(),
    }
}

#[test]
fn voucherify_examples_read_and_round_trip() {
    let folder = voucherify_docs();
    if !folder.is_dir() {
        eprintln!(
            "{} is not here; the project's own fixtures cover the same shapes",
            folder.display()
        );
        return;
    }
    let count = check_folder(
        &folder,
        &[("customer-ef534c52ab.json", "referrals.campaigns[0]")],
    );
    assert!(count >= 68, "only {count} documents round-tripped");
}

#[test]
fn own_fixtures_read_and_round_trip() {
    let count = check_folder(
        &own_fixtures(),
        &[(
            "customer-referrals-as-strings.json",
            "referrals.campaigns[0]",
        )],
    );
    assert_eq!(count, 6);
}

#[test]
fn normalization_sees_real_differences() {
    let a: Value = serde_json::json!({"at": "2022-08-30T06:32:07.380Z", "n": 1});
    let b: Value = serde_json::json!({"at": "2022-08-30T08:32:07.38+02:00", "n": 1});
    let c: Value = serde_json::json!({"at": "2022-08-30T06:32:07.381Z", "n": 1});
    let d: Value = serde_json::json!({"at": "2022-08-30T06:32:07.380Z", "n": 1, "gone": null});
    assert_eq!(normalized(&a), normalized(&b));
    assert_ne!(normalized(&a), normalized(&c));
    assert_ne!(normalized(&a), normalized(&d), "a null member counts");
}

/// Reads `text` as the model its `object` names and writes it back.
fn round_trip(text: &[u8]) -> Result<Vec<u8>, voucherify_model::Error> {
    let value: Value = serde_json::from_slice(text).unwrap();
    if value.get("object").and_then(Value::as_str) == Some("list") {
        voucherify_model::to_vec(&voucherify_model::from_slice::<CustomersListResponseBody>(
            text,
        )?)
    } else {
        voucherify_model::to_vec(
            &voucherify_model::from_slice::<CustomersCreateResponseBody>(text)?,
        )
    }
}

/// `path`, compact, with its keys in the order written.
fn compact(path: &Path) -> Vec<u8> {
    let value: Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    serde_json::to_vec(&value).unwrap()
}

#[test]
fn full_responses_come_back_byte_for_byte() {
    let folder = voucherify_docs();
    if !folder.is_dir() {
        eprintln!("{} is not here; see own_exact_fixtures", folder.display());
        return;
    }
    for name in [
        "customers-create-response.json",
        "customers-get-response.json",
        "customers-list-response.json",
    ] {
        let text = compact(&folder.join(name));
        let written = round_trip(&text).unwrap();
        assert_eq!(
            String::from_utf8(written).unwrap(),
            String::from_utf8(text).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn own_exact_fixtures_come_back_byte_for_byte() {
    let folder = own_fixtures().join("exact");
    let mut count = 0;
    for entry in fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read(&path).unwrap();
        let text = text.trim_ascii_end();
        let written = round_trip(text).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&written),
            String::from_utf8_lossy(text),
            "{}",
            path.display()
        );
        assert_eq!(text, compact(&path), "{} is not compact", path.display());
        count += 1;
    }
    assert_eq!(count, 2);
}

/// Every customer and customer list among the examples of Voucherify's
/// OpenAPI specification, with the JSON pointer where it was found.
fn openapi_examples(value: &Value, pointer: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            let object = map.get("object").and_then(Value::as_str);
            let in_example = pointer.contains("/example");
            if in_example && (object == Some("customer") || map.contains_key("customers")) {
                out.push((pointer, value.clone()));
                return;
            }
            for (key, member) in map {
                openapi_examples(member, format!("{pointer}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                openapi_examples(item, format!("{pointer}/{index}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn openapi_examples_round_trip() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures/voucherify-openapi/customers.json");
    let Ok(text) = fs::read(&path) else {
        eprintln!("{} is not here", path.display());
        return;
    };
    let spec: Value = serde_json::from_slice(&text).unwrap();
    let mut examples = Vec::new();
    openapi_examples(&spec, String::new(), &mut examples);
    let mut failures = Vec::new();
    for (pointer, example) in &examples {
        let text = serde_json::to_vec(example).unwrap();
        match round_trip(&text) {
            Ok(written) => {
                let written: Value = serde_json::from_slice(&written).unwrap();
                if normalized(&written) != normalized(example) {
                    failures.push(format!("{pointer}: wrote back\n{written:#}"));
                }
            }
            Err(error) => failures.push(format!("{pointer}: {error}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The list, the create, get and update responses.
    assert!(examples.len() >= 4, "only {} examples", examples.len());
}
