//! Summarises Voucherify customer API documents: responses, and with
//! `--request` the request bodies sent to it.
//!
//! ```text
//! cargo run --example inspect [-- [--json | --schema] [--request] [FILE|-]...]
//! ```
//!
//! With no file it reads a sample list bundled beside this program. Each
//! response is told apart by its `object` (and, for lists, by what they
//! hold): a customer, a customer list, a permanent deletion, an
//! asynchronous action, a customer's segments or redeemables, or the error
//! object. For customers it prints who they are, their orders as money,
//! loyalty points, referrals and dates; for the others, what they say.
//! It also prints what it noticed: deprecated fields in use, and unknown
//! keys kept (by path).
//!
//! With `--request` it reads request bodies instead: an array is a bulk
//! update, an object with `source_ids` a metadata update in bulk, one with
//! `id` or `source_id` a create, any other an update; it prints which
//! fields each sets and which it clears.
//!
//! With `--json` it prints the document as the model writes it back; with
//! `--schema`, the JSON Schema of the model it was read with. A document
//! that does not fit prints `FILE: <json path>: <reason>`; the others are
//! still processed, and the exit status is then 1.

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use voucherify_model::shape::{Kind as ShapeKind, Shape, Shaped};
use voucherify_model::time::{Date, OffsetDateTime};
use voucherify_model::{
    AsyncActions, CustomerRedeemable, CustomerRedeemableRedeemableStatus,
    CustomersCreateRequestBody, CustomersCreateResponseBody, CustomersListResponseBody,
    CustomersListResponseBodyObject, CustomersMetadataUpdateInBulkRequestBody,
    CustomersPermanentDeletionCreateResponseBody, CustomersRedeemablesListResponseBody,
    CustomersSegmentsListResponseBody, CustomersUpdateInBulkRequestBody,
    CustomersUpdateRequestBody, Discount, Map, Value, VoucherifyError,
};

const SAMPLE: &str = include_str!("sample.json");

const USAGE: &str = "usage: inspect [--json | --schema] [--request] [FILE|-]...
Summarises Voucherify customer API responses (JSON): customers, customer
lists, permanent deletions, asynchronous actions, segment and redeemable
lists, and the error object.
With no FILE, reads a bundled sample; `-` reads standard input.
  --request  read request bodies instead: create, update, bulk update, metadata update
  --json     print each document as written back by the model
  --schema   print the JSON Schema of the model each document is read with";

enum Document {
    Customer(Box<CustomersCreateResponseBody>),
    List(CustomersListResponseBody),
    Deletion(Box<CustomersPermanentDeletionCreateResponseBody>),
    Async(AsyncActions),
    Segments(CustomersSegmentsListResponseBody),
    Redeemables(CustomersRedeemablesListResponseBody),
    Error(Box<VoucherifyError>),
    Create(Box<CustomersCreateRequestBody>),
    Update(Box<CustomersUpdateRequestBody>),
    Bulk(Vec<CustomersUpdateInBulkRequestBody>),
    Metadata(CustomersMetadataUpdateInBulkRequestBody),
}

/// What `--json` and `--schema` print instead of a summary.
#[derive(Clone, Copy, PartialEq)]
enum Output {
    Summary,
    Json,
    Schema,
}

fn main() -> ExitCode {
    let mut output = Output::Summary;
    let mut request = false;
    let mut inputs = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--json") => output = Output::Json,
            Some("--schema") => output = Output::Schema,
            Some("--request") => request = true,
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some(flag) if flag.starts_with("--") => {
                eprintln!("inspect: unknown option `{flag}`\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => inputs.push(arg),
        }
    }

    let mut failed = false;
    let mut stdout = io::stdout().lock();
    let mut report = |label: &str, bytes: io::Result<Vec<u8>>| -> io::Result<()> {
        let text = match bytes {
            Ok(bytes) => match read(&bytes, request) {
                Ok(document) => match output {
                    Output::Json => written(&document),
                    Output::Schema => schema(&document),
                    Output::Summary => Ok(summary(label, &document, &bytes)),
                },
                Err(error) => Err(error),
            },
            Err(error) => Err(format!(".: cannot read: {error}")),
        };
        match text {
            Ok(text) => stdout.write_all(text.as_bytes()),
            Err(reason) => {
                failed = true;
                stdout.flush()?;
                writeln!(io::stderr(), "{label}: {reason}")
            }
        }
    };

    let result = if inputs.is_empty() {
        report("sample", Ok(SAMPLE.as_bytes().to_vec()))
    } else {
        inputs.iter().try_for_each(|input| {
            if input == "-" {
                let mut bytes = Vec::new();
                let read = io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes);
                report("-", read)
            } else {
                report(&input.to_string_lossy(), std::fs::read(input))
            }
        })
    };
    match result {
        // A closed pipe (`inspect | head`) ends the output quietly.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("inspect: {error}");
            ExitCode::FAILURE
        }
        Ok(()) if failed => ExitCode::FAILURE,
        Ok(()) => ExitCode::SUCCESS,
    }
}

/// Reads a response, of the kind [`classify`] tells, or with `request` a
/// request body, of the kind [`classify_request`] tells.
fn read(bytes: &[u8], request: bool) -> Result<Document, String> {
    // A document that is not JSON at all is read as a customer (or an
    // update), whose reader then says where it went wrong.
    let value = voucherify_model::from_slice::<Value>(bytes).ok();
    let document = if request {
        match value.as_ref().map_or(Which::Update, classify_request) {
            Which::Bulk => voucherify_model::from_slice(bytes).map(Document::Bulk),
            Which::Metadata => voucherify_model::from_slice(bytes).map(Document::Metadata),
            Which::Create => {
                voucherify_model::from_slice(bytes).map(|b| Document::Create(Box::new(b)))
            }
            _ => voucherify_model::from_slice(bytes).map(|b| Document::Update(Box::new(b))),
        }
    } else {
        match value.as_ref().map_or(Which::Customer, classify) {
            Which::List => voucherify_model::from_slice(bytes).map(Document::List),
            Which::Deletion => {
                voucherify_model::from_slice(bytes).map(|d| Document::Deletion(Box::new(d)))
            }
            Which::Async => voucherify_model::from_slice(bytes).map(Document::Async),
            Which::Segments => voucherify_model::from_slice(bytes).map(Document::Segments),
            Which::Redeemables => voucherify_model::from_slice(bytes).map(Document::Redeemables),
            Which::Error => {
                voucherify_model::from_slice(bytes).map(|e| Document::Error(Box::new(e)))
            }
            _ => voucherify_model::from_slice(bytes)
                .map(|customer| Document::Customer(Box::new(customer))),
        }
    };
    document.map_err(|error| error.to_string())
}

/// The kinds of document, before they are read.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    Customer,
    List,
    Deletion,
    Async,
    Segments,
    Redeemables,
    Error,
    Create,
    Update,
    Bulk,
    Metadata,
}

/// Tells a response apart by its `object`: `list` (of customers, segments
/// or redeemables, by what it holds), `pernament_deletion`; without one, an
/// asynchronous action has `async_action_id` and the error object `key` or
/// `code`. Anything else is read as a customer.
fn classify(value: &Value) -> Which {
    let has = |key: &str| value.get(key).is_some();
    match value.get("object").and_then(Value::as_str) {
        Some("list") => {
            let first = value.get("data").and_then(|data| data.get(0));
            let holds_redeemables = first.is_some_and(|item| {
                item.get("redeemable_id").is_some() || item.get("holder_role").is_some()
            });
            if has("customers")
                || value.get("data_ref").and_then(Value::as_str) == Some("customers")
            {
                Which::List
            } else if holds_redeemables || has("has_more") || has("more_starting_after") {
                Which::Redeemables
            } else if has("data") {
                Which::Segments
            } else {
                Which::List
            }
        }
        Some("pernament_deletion" | "permanent_deletion") => Which::Deletion,
        Some(_) => Which::Customer,
        None if has("async_action_id") => Which::Async,
        None if has("key") || has("code") => Which::Error,
        None => Which::Customer,
    }
}

/// Tells a request body apart: an array is a bulk update, `source_ids`
/// makes a metadata update in bulk, `id` or `source_id` a create (which
/// upserts), and anything else an update.
fn classify_request(value: &Value) -> Which {
    let has = |key: &str| value.get(key).is_some();
    if value.is_array() {
        Which::Bulk
    } else if has("source_ids") {
        Which::Metadata
    } else if has("id") || has("source_id") {
        Which::Create
    } else {
        Which::Update
    }
}

fn written(document: &Document) -> Result<String, String> {
    let text = match document {
        Document::Customer(customer) => voucherify_model::to_string_pretty(customer),
        Document::List(list) => voucherify_model::to_string_pretty(list),
        Document::Deletion(deletion) => voucherify_model::to_string_pretty(deletion),
        Document::Async(action) => voucherify_model::to_string_pretty(action),
        Document::Segments(list) => voucherify_model::to_string_pretty(list),
        Document::Redeemables(list) => voucherify_model::to_string_pretty(list),
        Document::Error(error) => voucherify_model::to_string_pretty(error),
        Document::Create(body) => voucherify_model::to_string_pretty(body),
        Document::Update(body) => voucherify_model::to_string_pretty(body),
        Document::Bulk(bodies) => voucherify_model::to_string_pretty(bodies),
        Document::Metadata(body) => voucherify_model::to_string_pretty(body),
    };
    text.map(|text| text + "\n")
        .map_err(|error| error.to_string())
}

/// The description of the model a document was read with.
fn shape_of(document: &Document) -> Shape {
    match document {
        Document::Customer(_) => CustomersCreateResponseBody::shape(),
        Document::List(_) => CustomersListResponseBody::shape(),
        Document::Deletion(_) => CustomersPermanentDeletionCreateResponseBody::shape(),
        Document::Async(_) => AsyncActions::shape(),
        Document::Segments(_) => CustomersSegmentsListResponseBody::shape(),
        Document::Redeemables(_) => CustomersRedeemablesListResponseBody::shape(),
        Document::Error(_) => VoucherifyError::shape(),
        Document::Create(_) => CustomersCreateRequestBody::shape(),
        Document::Update(_) => CustomersUpdateRequestBody::shape(),
        // The body is an array of these.
        Document::Bulk(_) => CustomersUpdateInBulkRequestBody::shape(),
        Document::Metadata(_) => CustomersMetadataUpdateInBulkRequestBody::shape(),
    }
}

fn schema(document: &Document) -> Result<String, String> {
    let mut schema = shape_of(document).json_schema();
    if let Document::Bulk(_) = document {
        // The bulk endpoint takes an array of the model.
        let defs = schema.as_object_mut().and_then(|root| root.remove("$defs"));
        let mut array = Map::new();
        array.insert("$schema".to_owned(), schema["$schema"].clone());
        if let Some(root) = schema.as_object_mut() {
            root.remove("$schema");
        }
        array.insert("type".to_owned(), "array".into());
        array.insert("items".to_owned(), schema);
        if let Some(defs) = defs {
            array.insert("$defs".to_owned(), defs);
        }
        schema = Value::Object(array);
    }
    voucherify_model::to_string_pretty(&schema)
        .map(|text| text + "\n")
        .map_err(|error| error.to_string())
}

fn summary(label: &str, document: &Document, bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut notes = Notes::default();
    match document {
        Document::Customer(_) | Document::List(_) => {}
        other => {
            let value = voucherify_model::from_slice::<Value>(bytes).unwrap_or(Value::Null);
            other_summary(&mut out, label, other, &value);
            let mut notes = Notes::default();
            let shape = shape_of(other);
            match &value {
                // A bulk update's items.
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        notes.walk(&format!("[{index}]"), item, &shape);
                    }
                }
                value => notes.walk("", value, &shape),
            }
            notes.print(&mut out);
            return out;
        }
    }
    match document {
        Document::Customer(customer) => {
            let _ = writeln!(out, "{label}: customer");
            describe(&mut out, &mut notes, "", customer);
        }
        Document::List(list) => {
            let customers = list.customers.as_deref().unwrap_or_default();
            let kind = match &list.object {
                Some(CustomersListResponseBodyObject::Other(other)) => {
                    format!("list of kind `{other}`")
                }
                _ => "customer list".to_owned(),
            };
            let total = list
                .total
                .map_or(String::new(), |total| format!(" of {total}"));
            let more = match list.has_more {
                Some(true) => ", more pages follow",
                _ => "",
            };
            let _ = writeln!(
                out,
                "{label}: {kind}, {}{total} customers{more}",
                customers.len()
            );
            notes.unknown("", &list.extra);
            for (index, customer) in customers.iter().enumerate() {
                describe(
                    &mut out,
                    &mut notes,
                    &format!("customers[{index}]."),
                    customer,
                );
            }
        }
        _ => {}
    }
    if notes.deprecated.is_empty() && notes.unknown.is_empty() {
        let _ = writeln!(out, "  noticed: nothing unusual");
    }
    if !notes.deprecated.is_empty() {
        let _ = writeln!(
            out,
            "  noticed: deprecated `birthday` in use (at {}); use `birthdate`",
            notes.deprecated.join(", ")
        );
    }
    if !notes.unknown.is_empty() {
        let _ = writeln!(
            out,
            "  noticed: unknown fields kept: {}",
            notes.unknown.join(", ")
        );
    }
    out
}

/// What the summary points out, by JSON path.
#[derive(Default)]
struct Notes {
    deprecated: Vec<String>,
    unknown: Vec<String>,
}

impl Notes {
    fn unknown(&mut self, prefix: &str, extra: &Map) {
        self.unknown
            .extend(extra.keys().map(|key| member(prefix, key)));
    }
}

/// `prefix` followed by `key`, as error paths write it: `a.b`, or
/// `a["Coffee Club"]` for a key that is not a plain name.
fn member(prefix: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-');
    if plain {
        format!("{prefix}{key}")
    } else {
        let prefix = prefix.strip_suffix('.').unwrap_or(prefix);
        format!(
            "{prefix}[{}]",
            voucherify_model::to_string(key).unwrap_or_default()
        )
    }
}

fn describe(
    out: &mut String,
    notes: &mut Notes,
    prefix: &str,
    customer: &CustomersCreateResponseBody,
) {
    let name = customer.name.as_deref().unwrap_or("(no name)");
    let id = customer.id.as_deref().unwrap_or("no id");
    let source = customer
        .source_id
        .as_deref()
        .map_or(String::new(), |source| format!(", source id {source}"));
    let _ = writeln!(out, "  {name} ({id}{source})");

    notes.unknown(prefix, &customer.extra);
    #[allow(deprecated)]
    if customer.birthday.is_some() {
        notes.deprecated.push(format!("{prefix}birthday"));
    }

    if let Some(summary) = &customer.summary {
        if let Some(orders) = &summary.orders {
            let mut line = format!("    orders: {}", orders.total_count.unwrap_or(0));
            if let Some(total) = orders.total_amount {
                let _ = write!(line, ", total {}", money(total));
            }
            if let Some(average) = orders.average_amount {
                let _ = write!(line, ", average {}", money(average));
            }
            if let Some(last) = orders
                .last_order_amount
                .filter(|_| orders.total_count != Some(0))
            {
                let _ = write!(line, ", last {}", money(last));
            }
            if let Some(date) = orders.last_order_date {
                // The date belongs to the last order, with or without its amount.
                let lead = if orders.last_order_amount.is_some() && orders.total_count != Some(0) {
                    " on"
                } else {
                    ", last order on"
                };
                let _ = write!(line, "{lead} {}", day(date.date()));
            }
            let _ = writeln!(out, "{line}");
            notes.unknown(&format!("{prefix}summary.orders."), &orders.extra);
        }
        if let Some(redemptions) = &summary.redemptions {
            if let Some(total) = redemptions.total_redeemed {
                let _ = writeln!(
                    out,
                    "    redemptions: {total} ({} succeeded, {} failed)",
                    redemptions.total_succeeded.unwrap_or(0),
                    redemptions.total_failed.unwrap_or(0),
                );
            }
            notes.unknown(&format!("{prefix}summary.redemptions."), &redemptions.extra);
            if let Some(gift) = &redemptions.gift {
                notes.unknown(&format!("{prefix}summary.redemptions.gift."), &gift.extra);
            }
            if let Some(card) = &redemptions.loyalty_card {
                notes.unknown(
                    &format!("{prefix}summary.redemptions.loyalty_card."),
                    &card.extra,
                );
            }
        }
        notes.unknown(&format!("{prefix}summary."), &summary.extra);
    }

    if let Some(loyalty) = &customer.loyalty {
        let mut line = format!("    loyalty: {} points", loyalty.points.unwrap_or(0));
        let campaigns = loyalty
            .campaigns
            .as_ref()
            .filter(|campaigns| !campaigns.is_empty());
        if let Some(campaigns) = campaigns {
            let parts: Vec<String> = campaigns
                .iter()
                .map(|(campaign, entry)| {
                    let points = entry.as_ref().and_then(|entry| entry.points);
                    format!("{campaign} {}", points.unwrap_or(0))
                })
                .collect();
            let _ = write!(line, " ({})", parts.join(", "));
        }
        let _ = writeln!(out, "{line}");
        notes.unknown(&format!("{prefix}loyalty."), &loyalty.extra);
        for (campaign, entry) in loyalty.campaigns.iter().flatten() {
            let Some(entry) = entry else { continue };
            let campaign = member(&format!("{prefix}loyalty.campaigns."), campaign);
            notes.unknown(&format!("{campaign}."), &entry.extra);
        }
    }

    if let Some(referrals) = &customer.referrals {
        let campaigns = referrals.campaigns.as_deref().unwrap_or_default();
        let _ = writeln!(
            out,
            "    referrals: {}",
            referrals.total.unwrap_or(campaigns.len() as i64)
        );
        notes.unknown(&format!("{prefix}referrals."), &referrals.extra);
        for (index, item) in campaigns.iter().enumerate() {
            notes.unknown(
                &format!("{prefix}referrals.campaigns[{index}]."),
                &item.extra,
            );
        }
    }

    let mut dates = Vec::new();
    if let Some(created) = customer.created_at {
        dates.push(format!("created {}", instant(created)));
    }
    if let Some(updated) = customer.updated_at {
        dates.push(format!("updated {}", instant(updated)));
    }
    if !dates.is_empty() {
        let _ = writeln!(out, "    {}", dates.join(", "));
    }

    if let Some(assets) = &customer.assets {
        notes.unknown(&format!("{prefix}assets."), &assets.extra);
    }
    if let Some(address) = &customer.address {
        notes.unknown(&format!("{prefix}address."), &address.extra);
    }
}

/// Cents as dollars: `24900` → `$249.00`.
fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    format!("{sign}${}.{:02}", cents / 100, cents % 100)
}

fn day(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A timestamp in UTC to the second.
fn instant(value: OffsetDateTime) -> String {
    match value.checked_to_offset(voucherify_model::time::UtcOffset::UTC) {
        Some(utc) => format!(
            "{} {:02}:{:02}:{:02} UTC",
            day(utc.date()),
            utc.hour(),
            utc.minute(),
            utc.second()
        ),
        None => value.to_string(),
    }
}

impl Notes {
    /// Notes deprecated fields in use and unknown keys of `value`, read
    /// as described by `shape`, below `path`.
    fn walk(&mut self, path: &str, value: &Value, shape: &Shape) {
        let Value::Object(members) = value else {
            return;
        };
        let prefix = if path.is_empty() {
            String::new()
        } else {
            format!("{path}.")
        };
        for (key, member_value) in members {
            let member_path = member(&prefix, key);
            match shape.field(key) {
                Some(field) => {
                    if field.deprecated && !member_value.is_null() {
                        self.deprecated.push(member_path.clone());
                    }
                    self.walk_kind(&member_path, member_value, &field.kind);
                }
                None => self.unknown.push(member_path),
            }
        }
    }

    fn walk_kind(&mut self, path: &str, value: &Value, kind: &ShapeKind) {
        match (kind, value) {
            (ShapeKind::Nullable(inner), value) => self.walk_kind(path, value, inner),
            (ShapeKind::Model(model), value) => self.walk(path, value, &model.shape()),
            // A union's object, as the variant its tag chooses; the tag
            // itself is no unknown key.
            (ShapeKind::Union(union), Value::Object(members)) => {
                let chosen = members
                    .get(union.tag)
                    .and_then(Value::as_str)
                    .and_then(|tag| union.variant(tag));
                if let Some(ShapeKind::Model(model)) = chosen.map(|variant| &variant.kind) {
                    let mut rest = members.clone();
                    rest.shift_remove(union.tag);
                    self.walk(path, &Value::Object(rest), &model.shape());
                }
            }
            (ShapeKind::Array(items), Value::Array(values)) => {
                for (index, value) in values.iter().enumerate() {
                    self.walk_kind(&format!("{path}[{index}]"), value, items);
                }
            }
            _ => {}
        }
    }

    /// The notes of a document other than a customer or customer list.
    fn print(&self, out: &mut String) {
        if self.deprecated.is_empty() && self.unknown.is_empty() {
            let _ = writeln!(out, "  noticed: nothing unusual");
        }
        if !self.deprecated.is_empty() {
            let _ = writeln!(
                out,
                "  noticed: deprecated fields in use: {}",
                self.deprecated.join(", ")
            );
        }
        if !self.unknown.is_empty() {
            let _ = writeln!(
                out,
                "  noticed: unknown fields kept: {}",
                self.unknown.join(", ")
            );
        }
    }
}

/// The summary of a document other than a customer or customer list.
fn other_summary(out: &mut String, label: &str, document: &Document, value: &Value) {
    match document {
        Document::Customer(_) | Document::List(_) => {}
        Document::Deletion(deletion) => {
            let id = deletion.id.as_deref().unwrap_or("(no id)");
            let of = deletion
                .related_object_id
                .as_deref()
                .map_or(String::new(), |customer| format!(" of {customer}"));
            let status = deletion.status.as_deref().unwrap_or("unknown");
            let _ = writeln!(out, "{label}: permanent deletion {id}{of}, status {status}");
            if let Some(created) = deletion.created_at {
                let _ = writeln!(out, "  requested {}", instant(created));
            }
            if let Some(counts) = &deletion.data_json {
                let parts: Vec<String> = [
                    (counts.events, "events"),
                    (counts.customer_events, "customer events"),
                    (counts.daily_events, "daily events"),
                    (counts.segments, "segments"),
                    (counts.orders, "orders"),
                    (counts.order_events, "order events"),
                    (counts.customer, "customer"),
                ]
                .into_iter()
                .filter_map(|(count, what)| count.map(|count| format!("{count} {what}")))
                .collect();
                let _ = writeln!(out, "  deleted with it: {}", parts.join(", "));
            }
        }
        Document::Async(action) => {
            let id = action.async_action_id.as_deref().unwrap_or("(no id)");
            let _ = writeln!(
                out,
                "{label}: asynchronous action {id}, accepted; GET v1/async-actions/{id} tells its result"
            );
        }
        Document::Segments(list) => {
            let segments = list.data.as_deref().unwrap_or_default();
            let total = list
                .total
                .map_or(String::new(), |total| format!(" of {total}"));
            let _ = writeln!(
                out,
                "{label}: segment list, {}{total} segments",
                segments.len()
            );
            for segment in segments {
                let _ = writeln!(
                    out,
                    "  {} ({})",
                    segment.name.as_deref().unwrap_or("(no name)"),
                    segment.id.as_deref().unwrap_or("no id")
                );
            }
        }
        Document::Redeemables(list) => {
            let items = list.data.as_deref().unwrap_or_default();
            let total = list
                .total
                .map_or(String::new(), |total| format!(" of {total}"));
            let more = match (list.has_more, &list.more_starting_after) {
                (Some(true), Some(after)) => format!(", more pages follow after {after}"),
                (Some(true), None) => ", more pages follow".to_owned(),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "{label}: redeemable list, {}{total} redeemables{more}",
                items.len()
            );
            for item in items {
                redeemable(out, item);
            }
        }
        Document::Error(error) => {
            let _ = writeln!(out, "{label}: {error}");
        }
        Document::Create(body) => {
            let whom = match (&body.id, &body.source_id) {
                (Some(id), _) => format!("customer {id}"),
                (None, Some(source)) => format!("source id {source}"),
                (None, None) => "a new customer".to_owned(),
            };
            let _ = writeln!(out, "{label}: create request (upsert) for {whom}");
            changes(out, "  ", value, &CustomersCreateRequestBody::shape());
        }
        Document::Update(_) => {
            let _ = writeln!(out, "{label}: update request");
            changes(out, "  ", value, &CustomersUpdateRequestBody::shape());
        }
        Document::Bulk(bodies) => {
            let _ = writeln!(
                out,
                "{label}: bulk update request, {}",
                customers(bodies.len())
            );
            let shape = CustomersUpdateInBulkRequestBody::shape();
            for (body, item) in bodies.iter().zip(value.as_array().into_iter().flatten()) {
                let _ = writeln!(
                    out,
                    "  {}:",
                    body.source_id.as_deref().unwrap_or("(no source id)")
                );
                changes(out, "    ", item, &shape);
            }
        }
        Document::Metadata(body) => {
            let ids = body.source_ids.as_deref().unwrap_or_default();
            let keys: Vec<&str> = body
                .metadata
                .iter()
                .flatten()
                .map(|(key, _)| key.as_str())
                .collect();
            let _ = writeln!(
                out,
                "{label}: metadata update request for {} ({})",
                customers(ids.len()),
                ids.join(", ")
            );
            let _ = writeln!(out, "  sets: {}", keys.join(", "));
        }
    }
}

/// The fields a request body sets and the ones it clears (sends as `null`),
/// by path: an address line is `address.line_2`.
fn changes(out: &mut String, indent: &str, body: &Value, shape: &Shape) {
    let mut sets = Vec::new();
    let mut clears = Vec::new();
    collect_changes(&mut sets, &mut clears, "", body, shape);
    if sets.is_empty() && clears.is_empty() {
        let _ = writeln!(out, "{indent}changes nothing");
    }
    if !sets.is_empty() {
        let _ = writeln!(out, "{indent}sets: {}", sets.join(", "));
    }
    if !clears.is_empty() {
        let _ = writeln!(out, "{indent}clears: {}", clears.join(", "));
    }
}

fn collect_changes(
    sets: &mut Vec<String>,
    clears: &mut Vec<String>,
    prefix: &str,
    body: &Value,
    shape: &Shape,
) {
    let Value::Object(members) = body else {
        return;
    };
    // In the model's order, then any keys it does not know.
    let known = shape
        .fields
        .iter()
        .filter_map(|field| members.get_key_value(field.name));
    let unknown = members.iter().filter(|(key, _)| shape.field(key).is_none());
    for (key, value) in known.chain(unknown) {
        let path = member(prefix, key);
        let nested = shape.field(key).and_then(|field| match &field.kind {
            ShapeKind::Model(model) => Some(model.shape()),
            _ => None,
        });
        match (value, nested) {
            (Value::Null, _) => clears.push(path),
            (Value::Object(_), Some(nested)) => {
                collect_changes(sets, clears, &format!("{path}."), value, &nested)
            }
            _ => sets.push(path),
        }
    }
}

/// One line about a code or card a customer holds, and one about its value.
fn redeemable(out: &mut String, item: &CustomerRedeemable) {
    let held = item.redeemable.as_ref();
    let voucher = held.and_then(|held| held.voucher.as_ref());
    let code = voucher
        .and_then(|voucher| voucher.code.as_deref())
        .or(item.redeemable_id.as_deref())
        .unwrap_or("(no code)");
    let mut facts = Vec::new();
    if let Some(kind) = voucher
        .and_then(|voucher| voucher.r#type.as_ref())
        .or(item.voucher_type.as_ref())
    {
        facts.push(wire(kind));
    }
    if let Some(role) = &item.holder_role {
        facts.push(format!("held as {}", wire(role)));
    }
    if let Some(status) = held.and_then(|held| held.status.as_ref()) {
        let status = match status {
            CustomerRedeemableRedeemableStatus::Active => "active".to_owned(),
            other => wire(other),
        };
        facts.push(status);
    }
    let _ = writeln!(out, "  {code}: {}", facts.join(", "));
    let Some(voucher) = voucher else { return };
    if let Some(discount) = &voucher.discount {
        let text = match discount {
            Discount::Amount(amount) => amount
                .amount_off
                .map(|cents| format!("{} off", money(cents.round() as i64))),
            Discount::Percent(percent) => {
                percent.percent_off.map(|percent| format!("{percent}% off"))
            }
            Discount::Unit(unit) => match &unit.units {
                Some(units) => Some(format!("{} kinds of item for free", units.len())),
                None => unit.unit_off.map(|count| {
                    let what = unit.unit_type.as_deref().unwrap_or("an item");
                    format!("{count} of {what} for free")
                }),
            },
            Discount::Fixed(fixed) => fixed
                .fixed_amount
                .map(|cents| format!("price set to {}", money(cents.round() as i64))),
            Discount::Other(object) => object
                .get("type")
                .and_then(Value::as_str)
                .map(|other| format!("a discount of type {other}")),
        };
        if let Some(text) = text {
            let _ = writeln!(out, "    discount: {text}");
        }
    }
    if let Some(gift) = &voucher.gift {
        let balance = gift.balance.map_or("?".to_owned(), money);
        let amount = gift.amount.map_or("?".to_owned(), money);
        let _ = writeln!(out, "    gift card: {balance} left of {amount}");
    }
    if let Some(card) = &voucher.loyalty_card {
        let _ = writeln!(
            out,
            "    loyalty card: {} points left of {}",
            card.balance.unwrap_or(0),
            card.points.unwrap_or(0)
        );
    }
}

/// An enum value as the API writes it.
fn wire<T: voucherify_model::Json + serde::Serialize>(value: &T) -> String {
    voucherify_model::to_string(value)
        .map(|text| text.trim_matches('"').to_owned())
        .unwrap_or_default()
}

/// `1 customer`, `2 customers`.
fn customers(count: usize) -> String {
    if count == 1 {
        "1 customer".to_owned()
    } else {
        format!("{count} customers")
    }
}
