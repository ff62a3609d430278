//! The `inspect` example, run as a user runs it: on the bundled sample, on
//! good and hostile files, and with `--json`.

use std::path::PathBuf;
use std::process::{Command, Output};

/// `cargo test` builds the examples before it runs the tests; the binary
/// sits beside this test's own directory.
fn inspect() -> Command {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let binary = profile_dir
        .join("examples")
        .join(format!("inspect{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.exists(),
        "{} is missing: run through `cargo test`",
        binary.display()
    );
    Command::new(binary)
}

fn run(command: &mut Command) -> (Output, String, String) {
    let output = command.output().unwrap();
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    (output, stdout, stderr)
}

/// A fresh folder under the target directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .join(format!("inspect-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn summarises_the_bundled_sample() {
    let (output, stdout, stderr) = run(&mut inspect());
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert!(
        stdout.starts_with("sample: customer list, 2 of 2 customers\n"),
        "{stdout}"
    );
    for expected in [
        "Maria Kowalska (cust_7kQ2mXr9LpVb3TnE4wYs1Hd, source id crm-000481)",
        "orders: 9, total $1249.50, average $138.83, last $89.90 on 2024-11-18",
        "loyalty: 1540 points (Coffee Club 1200, Autumn Boost 340)",
        "referrals: 2",
        "created 2023-03-14 08:22:05 UTC, updated 2024-11-18 14:05:33 UTC",
        "noticed: deprecated `birthday` in use (at customers[1].birthday); use `birthdate`",
        "noticed: unknown fields kept: customers[1].segments",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
}

#[test]
fn json_flag_writes_the_document_back() {
    let dir = scratch("json");
    let file = dir.join("customer.json");
    std::fs::write(
        &file,
        r#"{"id":"c1","created_at":"2022-08-30T08:32:07.38+02:00","new":[1,null]}"#,
    )
    .unwrap();
    let (output, stdout, stderr) = run(inspect().arg("--json").arg(&file));
    assert!(output.status.success(), "{stderr}");
    let written: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        written,
        serde_json::json!({"id": "c1", "created_at": "2022-08-30T06:32:07.380Z", "new": [1, null]})
    );
}

#[test]
fn reads_standard_input() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = inspect()
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"object":"customer","name":"Ada"}"#)
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success());
    assert!(
        stdout.starts_with("-: customer\n  Ada (no id)\n"),
        "{stdout}"
    );
}

#[test]
fn hostile_files_are_reported_and_the_rest_still_processed() {
    let dir = scratch("hostile");
    let deep = "[".repeat(50_000) + &"]".repeat(50_000);
    let deep_object =
        r#"{"metadata":"#.to_owned() + &r#"{"a":"#.repeat(50_000) + "1" + &"}".repeat(50_001);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("a-non-utf8.json", b"{\"name\":\"\xff\xfe\"}".to_vec(), "name: invalid unicode code point at line 1 column 10"),
        ("b-deep-array.json", deep.into_bytes(), ".: invalid type: sequence, expected struct CustomersCreateResponseBody at line 1 column 1"),
        ("c-deep-metadata.json", deep_object.into_bytes(), "recursion limit exceeded"),
        ("d-huge-number.json", br#"{"loyalty":{"points":1e400}}"#.to_vec(), "loyalty.points: number out of range at line 1 column 26"),
        (
            "e-year-10000.json",
            br#"{"created_at":"10000-01-01T00:00:00.000Z"}"#.to_vec(),
            "created_at: invalid value: string \"10000-01-01T00:00:00.000Z\", expected an RFC 3339 timestamp",
        ),
        ("f-array.json", b"[{\"id\":\"c1\"}]".to_vec(), ".: invalid type: sequence, expected struct CustomersCreateResponseBody at line 1 column 1"),
        ("g-truncated.json", br#"{"id":"c1","summary":{"orders""#.to_vec(), "summary: EOF while parsing an object at line 1 column 30"),
        ("h-empty.json", Vec::new(), ".: EOF while parsing a value at line 1 column 0"),
        ("i-good.json", br#"{"id":"c1","name":"Ada"}"#.to_vec(), ""),
    ];
    for (name, bytes, _) in &cases {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let sub = dir.join("j-a-directory");
    std::fs::create_dir(&sub).unwrap();

    let mut command = inspect();
    for (name, _, _) in &cases {
        command.arg(dir.join(name));
    }
    command.arg(&sub).arg(dir.join("k-missing.json"));
    let (output, stdout, stderr) = run(&mut command);

    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stdout.contains("Ada (c1)"),
        "the good file after the bad ones is still read:\n{stdout}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 10, "one line per failed input:\n{stderr}");
    for ((name, _, reason), line) in cases
        .iter()
        .filter(|(_, _, reason)| !reason.is_empty())
        .zip(&lines)
    {
        let prefix = format!("{}: ", dir.join(name).display());
        assert!(line.starts_with(&prefix), "{line}");
        assert!(
            line.contains(reason),
            "{name}: expected {reason:?} in {line}"
        );
    }
    assert!(
        lines[8].starts_with(&format!("{}: .: cannot read: ", sub.display())),
        "{}",
        lines[8]
    );
    assert!(
        lines[9].contains("k-missing.json: .: cannot read: "),
        "{}",
        lines[9]
    );
}

#[test]
fn unknown_options_are_refused() {
    let (output, _, stderr) = run(inspect().arg("--yaml"));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("unknown option `--yaml`"), "{stderr}");
}

/// Writes each `(name, text)` into a fresh folder and returns the paths.
fn files(dir: &str, documents: &[(&str, &str)]) -> Vec<PathBuf> {
    let dir = scratch(dir);
    documents
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

#[test]
fn tells_every_response_apart() {
    let paths = files(
        "responses",
        &[
            (
                "a.json",
                r#"{"id":"del_1","related_object_id":"cust_1","status":"DONE","data_json":{"orders":9,"customer":1},"object":"pernament_deletion"}"#,
            ),
            ("b.json", r#"{"async_action_id":"aa_1"}"#),
            (
                "c.json",
                r#"{"object":"list","data_ref":"data","data":[{"id":"seg_1","name":"Gold","object":"segment"}],"total":1}"#,
            ),
            (
                "d.json",
                r#"{"object":"list","data_ref":"data","data":[{"id":"rh_1","holder_role":"OWNER","voucher_type":"GIFT_VOUCHER","redeemable":{"type":"voucher","voucher":{"code":"G-1","gift":{"amount":10000,"balance":2500}},"status":"ACTIVE"}}],"total":1,"has_more":false}"#,
            ),
            (
                "e.json",
                r#"{"code":404,"key":"not_found","message":"Resource not found","request_id":"v-1"}"#,
            ),
            (
                "f.json",
                r#"{"object":"list","data_ref":"customers","customers":[],"total":0}"#,
            ),
            (
                "g.json",
                r#"{"object":"customer","id":"cust_1","name":"Ada"}"#,
            ),
            (
                "h.json",
                r#"{"object":"list","data_ref":"data","data":[],"total":0,"has_more":false,"more_starting_after":null}"#,
            ),
        ],
    );
    let (output, stdout, stderr) = run(inspect().args(&paths));
    assert!(output.status.success(), "{stderr}");
    let name = |index: usize| paths[index].display().to_string();
    for expected in [
        format!("{}: permanent deletion del_1 of cust_1, status DONE\n  deleted with it: 9 orders, 1 customer\n", name(0)),
        format!("{}: asynchronous action aa_1, accepted", name(1)),
        format!("{}: segment list, 1 of 1 segments\n  Gold (seg_1)\n", name(2)),
        format!("{}: redeemable list, 1 of 1 redeemables\n  G-1: GIFT_VOUCHER, held as OWNER, active\n    gift card: $25.00 left of $100.00\n", name(3)),
        format!("{}: Voucherify error 404 not_found: Resource not found [request v-1]\n", name(4)),
        format!("{}: customer list, 0 of 0 customers\n", name(5)),
        format!("{}: customer\n  Ada (cust_1)\n", name(6)),
        format!("{}: redeemable list, 0 of 0 redeemables\n", name(7)),
    ] {
        assert!(stdout.contains(&expected), "missing {expected:?} in\n{stdout}");
    }
}

#[test]
fn notices_unknown_and_deprecated_fields_of_every_kind() {
    let paths = files(
        "notices",
        &[
            (
                "a.json",
                r#"{"object":"list","data":[{"id":"rh_1","redeemable":{"voucher":{"code":"X","tier":"gold"}},"source":"import"}],"has_more":true}"#,
            ),
            ("b.json", r#"{"async_action_id":"aa_1","queued":true}"#),
        ],
    );
    let (output, stdout, stderr) = run(inspect().args(&paths));
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.contains(
            "noticed: unknown fields kept: data[0].redeemable.voucher.tier, data[0].source\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("noticed: unknown fields kept: queued\n"),
        "{stdout}"
    );
}

#[test]
fn prints_each_kind_of_discount_and_notices_its_unknown_keys() {
    let voucher = |code: &str, discount: &str| {
        format!(
            r#"{{"id":"rh_{code}","redeemable":{{"type":"voucher","voucher":{{"code":"{code}","type":"DISCOUNT_VOUCHER","discount":{discount}}}}}}}"#
        )
    };
    let data = [
        voucher(
            "A",
            r#"{"type":"AMOUNT","amount_off":1050,"stackable":true}"#,
        ),
        voucher("P", r#"{"type":"PERCENT","percent_off":12.5}"#),
        voucher("U", r#"{"type":"UNIT","unit_off":2,"unit_type":"prod_1"}"#),
        voucher(
            "M",
            r#"{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":1},{"unit_off":2}]}"#,
        ),
        voucher("F", r#"{"type":"FIXED","fixed_amount":999}"#),
        voucher("S", r#"{"type":"SHIPPING","zone":"EU"}"#),
    ];
    let paths = files(
        "discounts",
        &[(
            "a.json",
            &format!(
                r#"{{"object":"list","data":[{}],"total":6,"has_more":false}}"#,
                data.join(",")
            ),
        )],
    );
    let (output, stdout, stderr) = run(inspect().args(&paths));
    assert!(output.status.success(), "{stderr}");
    for expected in [
        "  A: DISCOUNT_VOUCHER\n    discount: $10.50 off\n",
        "  P: DISCOUNT_VOUCHER\n    discount: 12.5% off\n",
        "  U: DISCOUNT_VOUCHER\n    discount: 2 of prod_1 for free\n",
        "  M: DISCOUNT_VOUCHER\n    discount: 2 kinds of item for free\n",
        "  F: DISCOUNT_VOUCHER\n    discount: price set to $9.99\n",
        "  S: DISCOUNT_VOUCHER\n    discount: a discount of type SHIPPING\n",
        // The tag is no unknown key; a discount of an unknown type is kept
        // whole, so nothing in it is noticed.
        "noticed: unknown fields kept: data[0].redeemable.voucher.discount.stackable\n",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
}

#[test]
fn reads_request_bodies_with_request() {
    let paths = files(
        "requests",
        &[
            (
                "create.json",
                r#"{"source_id":"crm-1","name":"Ada","birthday":"1990-01-01","vip":true}"#,
            ),
            (
                "update.json",
                r#"{"phone":null,"address":{"line_2":null,"city":"Oslo"},"email":"a@b.c"}"#,
            ),
            (
                "bulk.json",
                r#"[{"source_id":"crm-1","email":null},{"source_id":"crm-2"}]"#,
            ),
            (
                "metadata.json",
                r#"{"source_ids":["crm-1","crm-2"],"metadata":{"lang":"en"}}"#,
            ),
        ],
    );
    let (output, stdout, stderr) = run(inspect().arg("--request").args(&paths));
    assert!(output.status.success(), "{stderr}");
    let name = |index: usize| paths[index].display().to_string();
    for expected in [
        format!("{}: create request (upsert) for source id crm-1\n  sets: source_id, name, birthday, vip\n  noticed: deprecated fields in use: birthday\n  noticed: unknown fields kept: vip\n", name(0)),
        format!("{}: update request\n  sets: email, address.city\n  clears: phone, address.line_2\n", name(1)),
        format!("{}: bulk update request, 2 customers\n  crm-1:\n    sets: source_id\n    clears: email\n  crm-2:\n    sets: source_id\n", name(2)),
        format!("{}: metadata update request for 2 customers (crm-1, crm-2)\n  sets: lang\n", name(3)),
    ] {
        assert!(stdout.contains(&expected), "missing {expected:?} in\n{stdout}");
    }

    // Written back, an update keeps its nulls.
    let (output, stdout, stderr) = run(inspect().args(["--request", "--json"]).arg(&paths[1]));
    assert!(output.status.success(), "{stderr}");
    let written: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        written,
        serde_json::json!({"phone": null, "address": {"line_2": null, "city": "Oslo"}, "email": "a@b.c"})
    );

    // A request body of the wrong kind is reported with its path.
    let bad = files("bad-request", &[("bad.json", r#"{"phone":5}"#)]);
    let (output, _, stderr) = run(inspect().arg("--request").arg(&bad[0]));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        // `phone` is personal: the error names the kind, not the value.
        stderr.contains("bad.json: phone: invalid type: an integer, expected a string"),
        "{stderr}"
    );
}

#[test]
fn schema_flag_prints_the_model_as_json_schema() {
    let paths = files(
        "schema",
        &[(
            "segments.json",
            r#"{"object":"list","data":[{"id":"seg_1"}]}"#,
        )],
    );
    let (output, stdout, stderr) = run(inspect().arg("--schema").arg(&paths[0]));
    assert!(output.status.success(), "{stderr}");
    let schema: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(schema["title"], "CustomersSegmentsListResponseBody");
    assert_eq!(schema["$defs"]["SimpleSegment"]["type"], "object");

    let bulk = files(
        "schema-bulk",
        &[("bulk.json", r#"[{"source_id":"crm-1"}]"#)],
    );
    let (output, stdout, stderr) = run(inspect().args(["--request", "--schema"]).arg(&bulk[0]));
    assert!(output.status.success(), "{stderr}");
    let schema: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(schema["type"], "array");
    assert_eq!(schema["items"]["title"], "CustomersUpdateInBulkRequestBody");
    assert!(schema["$defs"]["CustomersUpdateRequestBodyAddress"].is_object());
}
