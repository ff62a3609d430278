//! Summarises Voucherify customer and customer-list responses.
//!
//! ```text
//! cargo run --example inspect [-- [--json] [FILE|-]...]
//! ```
//!
//! With no file it reads a sample list bundled beside this program. For each
//! document it prints who the customers are, their orders as money, loyalty
//! points, referrals and dates, and what it noticed: the deprecated
//! `birthday` in use, and unknown keys kept (by path). With `--json` it
//! prints the document as the model writes it back instead. A document that
//! does not fit prints `FILE: <json path>: <reason>`; the others are still
//! processed, and the exit status is then 1.

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use voucherify_model::time::{Date, OffsetDateTime};
use voucherify_model::{
    voucherify_model, CustomersCreateResponseBody, CustomersListResponseBody,
    CustomersListResponseBodyObject, Map,
};

const SAMPLE: &str = include_str!("sample.json");

const USAGE: &str = "usage: inspect [--json] [FILE|-]...
Summarises Voucherify customer and customer-list responses (JSON).
With no FILE, reads a bundled sample; `-` reads standard input.
  --json   print each document as written back by the model";

/// Only the `object` key, to choose the model; everything else is ignored.
#[voucherify_model]
struct Kind {
    object: Option<String>,
}

enum Document {
    Customer(Box<CustomersCreateResponseBody>),
    List(CustomersListResponseBody),
}

fn main() -> ExitCode {
    let mut json = false;
    let mut inputs = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--json") => json = true,
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
            Ok(bytes) => match read(&bytes) {
                Ok(document) if json => written(&document),
                Ok(document) => Ok(summary(label, &document)),
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

/// Reads a customer or, when `object` says `list`, a customer list.
fn read(bytes: &[u8]) -> Result<Document, String> {
    let is_list = voucherify_model::from_slice::<Kind>(bytes)
        .is_ok_and(|kind| kind.object.as_deref() == Some("list"));
    let document = if is_list {
        voucherify_model::from_slice(bytes).map(Document::List)
    } else {
        voucherify_model::from_slice(bytes).map(|customer| Document::Customer(Box::new(customer)))
    };
    document.map_err(|error| error.to_string())
}

fn written(document: &Document) -> Result<String, String> {
    let text = match document {
        Document::Customer(customer) => voucherify_model::to_string_pretty(customer),
        Document::List(list) => voucherify_model::to_string_pretty(list),
    };
    text.map(|text| text + "\n")
        .map_err(|error| error.to_string())
}

fn summary(label: &str, document: &Document) -> String {
    let mut out = String::new();
    let mut notes = Notes::default();
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
                let _ = write!(line, " on {}", day(date.date()));
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
