//! A response model refuses a document only for a value of the wrong kind,
//! never for a missing key or a `null`: each member of a full response, at
//! any depth, set to `null` or removed, one at a time, still reads, and
//! comes back byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use voucherify_model::{CustomersCreateResponseBody, CustomersListResponseBody};

/// One step into a JSON value.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// The path of every object member in `value`, at any depth.
fn member_paths(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(map) => {
            for (key, member) in map {
                path.push(Step::Key(key.clone()));
                out.push(path.clone());
                member_paths(member, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(Step::Index(index));
                member_paths(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The object holding the member at `path`, and the member's key.
fn parent<'a>(
    value: &'a mut Value,
    path: &[Step],
) -> (&'a mut serde_json::Map<String, Value>, String) {
    let (last, steps) = path.split_last().unwrap();
    let mut at = value;
    for step in steps {
        at = match step {
            Step::Key(key) => &mut at[key.as_str()],
            Step::Index(index) => &mut at[*index],
        };
    }
    let Step::Key(key) = last else {
        unreachable!("member paths end in a key")
    };
    (at.as_object_mut().unwrap(), key.clone())
}

/// The documents made from `original`: each member set to `null`, then
/// each removed (keeping the order of the others), as compact text.
fn variants(original: &Value) -> Vec<(String, Vec<u8>)> {
    let mut paths = Vec::new();
    member_paths(original, &mut Vec::new(), &mut paths);
    let mut out = Vec::new();
    for path in &paths {
        let mut nulled = original.clone();
        let (object, key) = parent(&mut nulled, path);
        object[&key] = Value::Null;
        out.push((
            format!("{path:?} = null"),
            serde_json::to_vec(&nulled).unwrap(),
        ));

        let mut removed = original.clone();
        let (object, key) = parent(&mut removed, path);
        object.shift_remove(&key);
        out.push((
            format!("{path:?} removed"),
            serde_json::to_vec(&removed).unwrap(),
        ));
    }
    out
}

/// Reads and writes back each variant of each document; returns how many.
fn check(documents: &[PathBuf]) -> usize {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in documents {
        let original: Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
        let is_list = original.get("object").and_then(Value::as_str) == Some("list");
        for (change, text) in variants(&original) {
            count += 1;
            let written = if is_list {
                voucherify_model::from_slice::<CustomersListResponseBody>(&text)
                    .and_then(|list| voucherify_model::to_vec(&list))
            } else {
                voucherify_model::from_slice::<CustomersCreateResponseBody>(&text)
                    .and_then(|customer| voucherify_model::to_vec(&customer))
            };
            match written {
                Ok(written) if written == text => {}
                Ok(written) => failures.push(format!(
                    "{}, {change}: wrote back {}",
                    path.display(),
                    String::from_utf8_lossy(&written)
                )),
                Err(error) => failures.push(format!("{}, {change}: {error}", path.display())),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} documents failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    count
}

#[test]
fn voucherify_full_responses_with_any_member_null_or_missing_read() {
    let folder =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/voucherify-docs");
    if !folder.is_dir() {
        eprintln!(
            "{} is not here; own_fixtures_with_any_member_null_or_missing_read covers the same shapes",
            folder.display()
        );
        return;
    }
    let documents = [
        "customers-create-response.json",
        "customers-get-response.json",
        "customers-list-response.json",
    ]
    .map(|name| folder.join(name));
    // 46 + 41 + 145 members, each set to null and removed.
    assert_eq!(check(&documents), 464);
}

#[test]
fn own_fixtures_with_any_member_null_or_missing_read() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/exact");
    let documents = ["customer.json", "customers-list.json"].map(|name| folder.join(name));
    let count = check(&documents);
    assert!(count > 150, "only {count} documents");
}

#[test]
fn the_variants_are_what_they_say() {
    let original = serde_json::json!({"a": {"b": [{"c": 1}]}, "d": 2});
    let made: Vec<String> = variants(&original)
        .into_iter()
        .map(|(_, text)| String::from_utf8(text).unwrap())
        .collect();
    assert_eq!(
        made,
        [
            r#"{"a":null,"d":2}"#,
            r#"{"d":2}"#,
            r#"{"a":{"b":null},"d":2}"#,
            r#"{"a":{},"d":2}"#,
            r#"{"a":{"b":[{"c":null}]},"d":2}"#,
            r#"{"a":{"b":[{}]},"d":2}"#,
            r#"{"a":{"b":[{"c":1}]},"d":null}"#,
            r#"{"a":{"b":[{"c":1}]}}"#,
        ]
    );
}
