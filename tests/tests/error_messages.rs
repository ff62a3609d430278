//! The exact error message for each kind of bad document: the JSON path of
//! the failure, what was expected there, and the line and column.
//!
//! A message that changes is a change users see; update the table on
//! purpose, and read the new message as a user would.

use voucherify_model::{CustomersCreateResponseBody, CustomersListResponseBody, Error};

#[derive(Clone, Copy, Debug)]
enum Model {
    Customer,
    List,
}

struct Case {
    name: &'static str,
    model: Model,
    input: Vec<u8>,
    expected: String,
}

fn case(
    name: &'static str,
    model: Model,
    input: impl Into<Vec<u8>>,
    expected: impl Into<String>,
) -> Case {
    Case {
        name,
        model,
        input: input.into(),
        expected: expected.into(),
    }
}

/// `open` repeated `depth` times, `inner`, then `close` repeated as often.
fn nested(open: &str, inner: &str, close: &str, depth: usize) -> String {
    format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
}

const REFERRAL: &str = r#""campaign_id":"camp_1","referrer_id":"cust_2","related_object_id":"r_3""#;

fn cases() -> Vec<Case> {
    use Model::{Customer, List};

    vec![
        // Wrong types at nested paths.
        case(
            "amount given as a string",
            Customer,
            r#"{"summary":{"redemptions":{},"orders":{"total_amount":"100"}}}"#,
            r#"summary.orders.total_amount: invalid type: string "100", expected i64 at line 1 column 59"#,
        ),
        case(
            "points of a loyalty campaign given as a boolean",
            Customer,
            r#"{"loyalty":{"campaigns":{"Fall Campaign":{"points":true}}}}"#,
            r#"loyalty.campaigns["Fall Campaign"].points: invalid type: boolean `true`, expected i64 at line 1 column 55"#,
        ),
        case(
            "gift amount given as a float",
            Customer,
            r#"{"summary":{"redemptions":{"gift":{"amount_to_go":1.0}},"orders":{}}}"#,
            "summary.redemptions.gift.amount_to_go: invalid type: floating point `1.0`, expected i64 at line 1 column 53",
        ),
        case(
            "city given as a number, on the second line",
            Customer,
            "{\n  \"address\": {\"city\": 10001}\n}",
            "address.city: invalid type: an integer, expected a string at line 2 column 27",
        ),
        case(
            "system_metadata given as a string",
            Customer,
            r#"{"system_metadata":"vip"}"#,
            r#"system_metadata: invalid type: a string, expected a JSON object at line 1 column 24"#,
        ),
        case(
            "metadata given as an array",
            Customer,
            r#"{"metadata":[{"tier":"gold"}]}"#,
            "metadata: invalid type: an array, expected a JSON object at line 1 column 12",
        ),
        case(
            "has_more given as a string",
            List,
            r#"{"object":"list","has_more":"yes"}"#,
            r#"has_more: invalid type: string "yes", expected a boolean at line 1 column 33"#,
        ),
        case(
            "total given as a float",
            List,
            r#"{"total":-1.5}"#,
            "total: invalid type: floating point `-1.5`, expected i64 at line 1 column 13",
        ),
        case(
            "data_ref given as a number",
            List,
            r#"{"data_ref":7}"#,
            "data_ref: invalid type: integer `7`, expected a string at line 1 column 13",
        ),
        case(
            "customers given as an object",
            List,
            r#"{"customers":{"id":"cust_1"}}"#,
            "customers: invalid type: map, expected a sequence at line 1 column 13",
        ),
        case(
            "a customer in a list given as a number",
            List,
            r#"{"customers":[{},7]}"#,
            "customers[1]: invalid type: integer `7`, expected struct CustomersCreateResponseBody at line 1 column 18",
        ),
        // Parts the specification requires may be missing or null, but not
        // of the wrong kind.
        case(
            "summary redemptions given as a number",
            Customer,
            r#"{"summary":{"orders":{},"redemptions":1}}"#,
            "summary.redemptions: invalid type: integer `1`, expected struct CustomerSummaryRedemptions at line 1 column 39",
        ),
        case(
            "summary orders given as a list, in a list",
            List,
            r#"{"customers":[{"summary":{"orders":[]}}]}"#,
            "customers[0].summary.orders: invalid type: sequence, expected struct CustomerSummaryOrders at line 1 column 37",
        ),
        case(
            "referral date given as a number",
            Customer,
            format!(r#"{{"referrals":{{"campaigns":[{{{REFERRAL},"date":20220830}}]}}}}"#),
            "referrals.campaigns[0].date: invalid type: integer `20220830`, expected an RFC 3339 timestamp such as \
             2022-08-30T06:32:07.380Z at line 1 column 115",
        ),
        case(
            "loyalty campaign entry given as a number, in a list",
            List,
            r#"{"customers":[{"loyalty":{"campaigns":{"A":null,"B":5}}}]}"#,
            "customers[0].loyalty.campaigns.B: invalid type: integer `5`, expected struct CustomerLoyaltyCampaignsEntryValue at line 1 column 53",
        ),
        // Referrals of the wrong shape.
        case(
            "referral given as a string",
            Customer,
            r#"{"referrals":{"campaigns":["camp_rRsfatlwN7unSeUIJDCYedal"]}}"#,
            r#"referrals.campaigns[0]: invalid type: string "camp_rRsfatlwN7unSeUIJDCYedal", expected struct CustomerReferralsCampaignsItem at line 1 column 58"#,
        ),
        case(
            "referral given as a string, in a list",
            List,
            r#"{"customers":[{"referrals":{"campaigns":[{"x":1},"camp_1"]}}]}"#,
            r#"customers[0].referrals.campaigns[1]: invalid type: string "camp_1", expected struct CustomerReferralsCampaignsItem at line 1 column 57"#,
        ),
        case(
            "referral campaigns given as an object",
            Customer,
            r#"{"referrals":{"total":1,"campaigns":{}}}"#,
            "referrals.campaigns: invalid type: map, expected a sequence at line 1 column 36",
        ),
        // Bad dates.
        // Redacted fields: the error says what was wrong, never the value.
        case(
            "name given as a number",
            Customer,
            r#"{"name":19900230}"#,
            "name: invalid type: an integer, expected a string at line 1 column 16",
        ),
        case(
            "email given as a boolean",
            Customer,
            r#"{"email":true}"#,
            "email: invalid type: a boolean, expected a string at line 1 column 13",
        ),
        case(
            "phone given as a float",
            Customer,
            r#"{"phone":48.5}"#,
            "phone: invalid type: a floating point number, expected a string at line 1 column 13",
        ),
        case(
            "deprecated birthday that does not exist",
            Customer,
            r#"{"birthday":"1990-02-30"}"#,
            "birthday: invalid value: a string that is not a date that exists in the calendar at line 1 column 24",
        ),
        case(
            "birthdate given as a number",
            Customer,
            r#"{"birthdate":19900230}"#,
            "birthdate: invalid type: an integer, expected a date in the form YYYY-MM-DD at line 1 column 21",
        ),
        case(
            "address given as a string",
            Customer,
            r#"{"address":"1 Main St"}"#,
            "address: invalid type: a string, expected struct CustomersCreateResponseBodyAddress at line 1 column 22",
        ),
        case(
            "postal code of the address given as an array",
            Customer,
            r#"{"address":{"postal_code":[1]}}"#,
            "address.postal_code: invalid type: an array, expected a string at line 1 column 26",
        ),
        case(
            "email of a listed customer given as an object",
            List,
            r#"{"customers":[{},{"email":{"a":"b"}}]}"#,
            "customers[1].email: invalid type: an object, expected a string at line 1 column 26",
        ),
        case(
            "birthdate of a listed customer that does not exist",
            List,
            r#"{"customers":[{"birthdate":"2023-02-29"}]}"#,
            "customers[0].birthdate: invalid value: a string that is not a date that exists in the calendar at line 1 column 39",
        ),
        case(
            "birthdate that does not exist",
            Customer,
            r#"{"birthdate":"2022-02-30"}"#,
            "birthdate: invalid value: a string that is not a date that exists in the calendar at line 1 column 25",
        ),
        case(
            "birthdate on the leap day of a common year",
            Customer,
            r#"{"birthdate":"2023-02-29"}"#,
            "birthdate: invalid value: a string that is not a date that exists in the calendar at line 1 column 25",
        ),
        case(
            "birthdate in another form",
            Customer,
            r#"{"birthdate":"14/07/1990"}"#,
            "birthdate: invalid value: a string that is not a date in the form YYYY-MM-DD at line 1 column 25",
        ),
        case(
            "timestamp in the year 10000",
            Customer,
            r#"{"created_at":"10000-01-01T00:00:00Z"}"#,
            r#"created_at: invalid value: string "10000-01-01T00:00:00Z", expected an RFC 3339 timestamp such as 2022-08-30T06:32:07.380Z at line 1 column 37"#,
        ),
        case(
            "timestamp whose UTC form is in the year 10000",
            Customer,
            r#"{"created_at":"9999-12-31T23:00:00-01:00"}"#,
            r#"created_at: invalid value: string "9999-12-31T23:00:00-01:00", expected a timestamp whose UTC year is within 0000 to 9999 at line 1 column 41"#,
        ),
        case(
            "timestamp with an offset past 23:59",
            Customer,
            r#"{"updated_at":"2022-08-30T06:32:07+25:00"}"#,
            r#"updated_at: invalid value: string "2022-08-30T06:32:07+25:00", expected an RFC 3339 timestamp such as 2022-08-30T06:32:07.380Z at line 1 column 41"#,
        ),
        case(
            "timestamp in the thirteenth month, in a list",
            List,
            r#"{"customers":[{},{"created_at":"2022-13-01T00:00:00Z"}]}"#,
            r#"customers[1].created_at: invalid value: string "2022-13-01T00:00:00Z", expected an RFC 3339 timestamp such as 2022-08-30T06:32:07.380Z at line 1 column 53"#,
        ),
        case(
            "last order date without an offset",
            Customer,
            r#"{"summary":{"redemptions":{},"orders":{"last_order_date":"2022-08-30T10:17:39"}}}"#,
            r#"summary.orders.last_order_date: invalid value: string "2022-08-30T10:17:39", expected an RFC 3339 timestamp such as 2022-08-30T06:32:07.380Z at line 1 column 78"#,
        ),
        // The object kind.
        case(
            "object given as a number",
            Customer,
            r#"{"object":5}"#,
            "object: invalid type: integer `5`, expected a string at line 1 column 11",
        ),
        case(
            "object given as a number, in a list",
            List,
            r#"{"object":5}"#,
            "object: invalid type: integer `5`, expected a string at line 1 column 11",
        ),
        // Duplicate keys.
        case(
            "duplicate known key",
            Customer,
            r#"{"id":"cust_1","id":"cust_2"}"#,
            ".: duplicate field `id` at line 1 column 19",
        ),
        case(
            "duplicate unknown key",
            Customer,
            r#"{"tier":"gold","tier":"silver"}"#,
            "tier: duplicate field `tier` at line 1 column 22",
        ),
        case(
            "duplicate key inside metadata",
            Customer,
            r#"{"metadata":{"tier":"gold","tier":"silver"}}"#,
            "metadata: duplicate key `tier` at line 1 column 33",
        ),
        case(
            "duplicate key deep inside an unknown value",
            Customer,
            r#"{"x":[{"a":{"b":1,"b":2}}]}"#,
            "x[0].a: duplicate key `b` at line 1 column 21",
        ),
        case(
            "duplicate loyalty campaign",
            Customer,
            r#"{"loyalty":{"campaigns":{"A":{"points":1},"A":{"points":2}}}}"#,
            "loyalty.campaigns: duplicate key `A` at line 1 column 45",
        ),
        case(
            "duplicate known key in a list",
            List,
            r#"{"object":"list","object":"list"}"#,
            ".: duplicate field `object` at line 1 column 25",
        ),
        case(
            "duplicate unknown key in a customer of a list",
            List,
            r#"{"customers":[{"id":"a"},{"x":1,"x":2}]}"#,
            "customers[1].x: duplicate field `x` at line 1 column 36",
        ),
        case(
            "bad value under an empty key",
            Customer,
            r#"{"":x}"#,
            r#"[""]: expected value at line 1 column 5"#,
        ),
        case(
            "bad value under a key holding a dot, in a list",
            List,
            r#"{"customers":[{"metadata":{"a.b":1e400}}]}"#,
            r#"customers[0].metadata["a.b"]: number out of range at line 1 column 38"#,
        ),
        // The document's own shape.
        case(
            "trailing characters",
            Customer,
            r#"{"id":"cust_1"} x"#,
            ".: trailing characters at line 1 column 17",
        ),
        case(
            "two documents",
            List,
            r#"{"customers":[]} {"customers":[]}"#,
            ".: trailing characters at line 1 column 18",
        ),
        case(
            "end of input inside an object",
            Customer,
            r#"{"id":"cust_1""#,
            ".: EOF while parsing an object at line 1 column 14",
        ),
        case(
            "end of input after a comma in a nested object",
            Customer,
            r#"{"summary":{"redemptions":{},"#,
            "summary: EOF while parsing a value at line 1 column 29",
        ),
        case(
            "end of input inside a list",
            List,
            r#"{"customers":[{"id":"a"},"#,
            "customers: EOF while parsing a value at line 1 column 25",
        ),
        case("empty input", Customer, "", ".: EOF while parsing a value at line 1 column 0"),
        case("only whitespace", List, " \n ", ".: EOF while parsing a value at line 2 column 1"),
        case(
            "array instead of a document",
            Customer,
            "[]",
            ".: invalid type: sequence, expected struct CustomersCreateResponseBody at line 1 column 2",
        ),
        case(
            "array of customers instead of a list",
            List,
            r#"[{"id":"cust_1"}]"#,
            ".: invalid type: sequence, expected struct CustomersListResponseBody at line 1 column 1",
        ),
        case(
            "assets given as an array",
            Customer,
            r#"{"assets":["https://app.voucherify.io/#/app/core/customers/cust_1/details"]}"#,
            "assets: invalid type: sequence, expected struct CustomersCreateResponseBodyAssets at line 1 column 11",
        ),
        case(
            "referral given as an array",
            Customer,
            r#"{"referrals":{"campaigns":[["camp_1","cust_2"]]}}"#,
            "referrals.campaigns[0]: invalid type: sequence, expected struct CustomerReferralsCampaignsItem at line 1 column 28",
        ),
        case(
            "string instead of a document",
            List,
            r#""customers""#,
            r#".: invalid type: string "customers", expected struct CustomersListResponseBody at line 1 column 11"#,
        ),
        case(
            "null instead of a document",
            Customer,
            "null",
            ".: invalid type: null, expected struct CustomersCreateResponseBody at line 1 column 4",
        ),
        case(
            "a key that is not a string",
            Customer,
            "{1:2}",
            ".: key must be a string at line 1 column 2",
        ),
        case("trailing comma", List, r#"{"total":1,}"#, ".: trailing comma at line 1 column 12"),
        // Bytes and escapes inside strings.
        case(
            "non-UTF-8 byte inside a string",
            Customer,
            b"{\"name\":\"Bob \xff Smith\"}".to_vec(),
            "name: invalid unicode code point at line 1 column 14",
        ),
        case(
            "non-UTF-8 byte inside a string, in a list",
            List,
            b"{\"customers\":[{\"metadata\":{\"note\":\"\xc3\x28\"}}]}".to_vec(),
            "customers[0].metadata.note: invalid unicode code point at line 1 column 36",
        ),
        case(
            "control character inside a string",
            Customer,
            "{\"description\":\"line\nbreak\"}",
            "description: control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0",
        ),
        case(
            "unknown escape",
            Customer,
            r#"{"email":"a\qb"}"#,
            r#"email: invalid escape at line 1 column 13"#,
        ),
        case(
            "lone surrogate escape",
            Customer,
            r#"{"phone":"\ud800"}"#,
            "phone: unexpected end of hex escape at line 1 column 17",
        ),
        // Numbers out of range.
        case(
            "number beyond f64 in metadata",
            Customer,
            r#"{"metadata":{"lifetime_value":1e400}}"#,
            "metadata.lifetime_value: number out of range at line 1 column 35",
        ),
        case(
            "number beyond f64 in an unknown key of a list",
            List,
            r#"{"total":1,"score":-1e400}"#,
            "score: number out of range at line 1 column 25",
        ),
        case(
            "amount beyond i64",
            Customer,
            r#"{"summary":{"redemptions":{},"orders":{"total_amount":9223372036854775808}}}"#,
            "summary.orders.total_amount: invalid value: integer `9223372036854775808`, expected i64 at line 1 column 73",
        ),
        case(
            "points below i64",
            Customer,
            r#"{"loyalty":{"points":-9223372036854775809}}"#,
            "loyalty.points: invalid type: floating point `-9.223372036854776e+18`, expected i64 at line 1 column 41",
        ),
        case(
            "total beyond i64 in a list",
            List,
            r#"{"total":18446744073709551616}"#,
            "total: invalid type: floating point `1.8446744073709552e+19`, expected i64 at line 1 column 29",
        ),
        // Nesting past the reader's limit.
        case(
            "deep nesting in an unknown key",
            Customer,
            format!(r#"{{"tags":{}}}"#, nested("[", "", "]", 200)),
            format!("tags{}: recursion limit exceeded at line 1 column 135", "[0]".repeat(126)),
        ),
        case(
            "deep nesting in metadata, in a list",
            List,
            format!(
                r#"{{"customers":[{{"metadata":{{"a":{}}}}}]}}"#,
                nested(r#"{"a":"#, "1", "}", 200)
            ),
            format!(
                "customers[0].metadata{}: recursion limit exceeded at line 1 column 647",
                ".a".repeat(124)
            ),
        ),
    ]
}

fn read(model: Model, input: &[u8]) -> Result<(), Error> {
    match model {
        Model::Customer => {
            voucherify_model::from_slice::<CustomersCreateResponseBody>(input).map(drop)
        }
        Model::List => voucherify_model::from_slice::<CustomersListResponseBody>(input).map(drop),
    }
}

fn read_str(model: Model, input: &str) -> Result<(), Error> {
    match model {
        Model::Customer => {
            voucherify_model::from_str::<CustomersCreateResponseBody>(input).map(drop)
        }
        Model::List => voucherify_model::from_str::<CustomersListResponseBody>(input).map(drop),
    }
}

fn read_reader(model: Model, input: &[u8]) -> Result<(), Error> {
    match model {
        Model::Customer => {
            voucherify_model::from_reader::<_, CustomersCreateResponseBody>(input).map(drop)
        }
        Model::List => {
            voucherify_model::from_reader::<_, CustomersListResponseBody>(input).map(drop)
        }
    }
}

/// What is wrong with the error for `case`, if anything.
fn check(case: &Case) -> Option<String> {
    let error = match read(case.model, &case.input) {
        Ok(()) => return Some("read without an error".to_owned()),
        Err(error) => error,
    };
    let message = error.to_string();
    if message != case.expected {
        return Some(format!("expected: {}\n     got: {message}", case.expected));
    }
    let prefix = format!("{}: ", error.path());
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    if !message.starts_with(&prefix) || !message.ends_with(&suffix) {
        return Some(format!("{message:?} is not {prefix:?} ... {suffix:?}"));
    }
    if let Ok(text) = std::str::from_utf8(&case.input) {
        let from_str = read_str(case.model, text)
            .err()
            .map(|error| error.to_string());
        if from_str.as_deref() != Some(&*message) {
            return Some(format!("from_str says {from_str:?}"));
        }
    }
    let from_reader = read_reader(case.model, &case.input)
        .err()
        .map(|error| error.to_string());
    if from_reader.as_deref() != Some(&*message) {
        return Some(format!("from_reader says {from_reader:?}"));
    }
    None
}

#[test]
fn every_bad_document_has_its_exact_message() {
    let cases = cases();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            check(case).map(|failure| format!("{} ({:?}):\n  {}", case.name, case.model, failure))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_covers_both_models() {
    let cases = cases();
    let customers = cases
        .iter()
        .filter(|case| matches!(case.model, Model::Customer))
        .count();
    let lists = cases.len() - customers;
    assert!(
        customers >= 22 && lists >= 12,
        "{customers} customer cases, {lists} list cases"
    );
}

#[test]
fn the_classification_follows_the_failure() {
    use serde_json::error::Category;

    let kind = |input: &str| {
        voucherify_model::from_str::<CustomersCreateResponseBody>(input)
            .unwrap_err()
            .classify()
    };
    assert_eq!(kind(r#"{"id":"a""#), Category::Eof);
    assert_eq!(kind(r#"{"id":"a"} x"#), Category::Syntax);
    assert_eq!(kind(r#"{"id":1}"#), Category::Data);
    assert_eq!(kind(r#"{"birthdate":"2022-02-30"}"#), Category::Data);
}
