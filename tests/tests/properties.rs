//! Properties of reading and writing the customer models.
//!
//! Values are built by hand from strategies that reach the edges of what
//! the API allows: timestamps whose UTC year is 0000 or 9999, offsets from
//! -12:00 to +14:00, nanosecond fractions, leap days, amounts at `i64::MIN`
//! and `i64::MAX` and past 2^53, every kind of character in every string,
//! metadata nested eight deep, unknown keys at every level and object kinds
//! the model does not name. Each must be written and read back unchanged,
//! and written the same way every time.
//!
//! Documents written from such values are then damaged (cut short, bytes
//! changed, a digit replaced, a value's type swapped, a key repeated, a
//! value buried under deep nesting); reading one must give a value that
//! round-trips or an error that names its place, never a panic.

use std::panic::{self, AssertUnwindSafe};
use voucherify_model::IndexMap;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Number, Value};
use time::macros::datetime;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};
use voucherify_model::{
    CustomerLoyalty, CustomerLoyaltyCampaignsEntryValue, CustomerReferrals,
    CustomerReferralsCampaignsItem, CustomerSummary, CustomerSummaryOrders,
    CustomerSummaryRedemptions, CustomerSummaryRedemptionsGift,
    CustomerSummaryRedemptionsLoyaltyCard, CustomersCreateResponseBody,
    CustomersCreateResponseBodyAddress, CustomersCreateResponseBodyAssets,
    CustomersCreateResponseBodyObject, CustomersListResponseBody, CustomersListResponseBodyObject,
    Error, Map,
};

// The JSON names of each struct's known fields: unknown keys avoid them.
const CUSTOMER_FIELDS: &[&str] = &[
    "id",
    "source_id",
    "summary",
    "loyalty",
    "referrals",
    "system_metadata",
    "created_at",
    "updated_at",
    "assets",
    "object",
    "name",
    "description",
    "email",
    "phone",
    "birthday",
    "birthdate",
    "address",
    "metadata",
];
const SUMMARY_FIELDS: &[&str] = &["redemptions", "orders"];
const REDEMPTIONS_FIELDS: &[&str] = &[
    "total_redeemed",
    "total_failed",
    "total_succeeded",
    "total_rolled_back",
    "total_rollback_failed",
    "total_rollback_succeeded",
    "gift",
    "loyalty_card",
];
const GIFT_FIELDS: &[&str] = &["redeemed_amount", "amount_to_go"];
const LOYALTY_CARD_FIELDS: &[&str] = &["redeemed_points", "points_to_go"];
const ORDERS_FIELDS: &[&str] = &[
    "total_amount",
    "total_count",
    "average_amount",
    "last_order_amount",
    "last_order_date",
];
const LOYALTY_FIELDS: &[&str] = &["points", "referred_customers", "campaigns"];
const LOYALTY_CAMPAIGN_FIELDS: &[&str] = &["points", "loyalty_tier", "referred_customers"];
const REFERRALS_FIELDS: &[&str] = &["total", "campaigns"];
const REFERRAL_FIELDS: &[&str] = &[
    "campaign_id",
    "referrer_id",
    "related_object_id",
    "related_object_type",
    "date",
];
const ASSETS_FIELDS: &[&str] = &["cockpit_url", "cockpit_preference_center_url"];
const ADDRESS_FIELDS: &[&str] = &[
    "city",
    "state",
    "line_1",
    "line_2",
    "country",
    "postal_code",
];
const LIST_FIELDS: &[&str] = &["object", "data_ref", "customers", "total", "has_more"];

// ---------------------------------------------------------------------------
// Scalars

/// Any character, weighted towards the ones JSON must escape.
fn character() -> BoxedStrategy<char> {
    prop_oneof![
        3 => any::<char>(),
        3 => proptest::char::range('a', 'z'),
        2 => (0u32..0x20).prop_map(|code| char::from_u32(code).unwrap_or('?')),
        2 => proptest::sample::select(vec![
            '"', '\\', '/', '\u{7f}', '\u{2028}', '\u{2029}', '\u{feff}', '\u{10ffff}', 'é', '中', '😀', '🎉',
        ]),
    ]
    .boxed()
}

fn text() -> BoxedStrategy<String> {
    vec(character(), 0..12).prop_map(String::from_iter).boxed()
}

/// Amounts, counts and points: the ends of `i64`, the edges of what an
/// `f64` holds exactly, and everything between.
fn amount() -> BoxedStrategy<i64> {
    const EXACT: i64 = 1 << 53;
    prop_oneof![
        proptest::sample::select(vec![
            i64::MIN,
            i64::MIN + 1,
            i64::MAX,
            i64::MAX - 1,
            0,
            -1,
            EXACT,
            EXACT + 1,
            -EXACT - 1,
        ]),
        any::<i64>(),
        EXACT..=EXACT + 1000,
        -100_000i64..100_000,
    ]
    .boxed()
}

fn year() -> BoxedStrategy<i32> {
    prop_oneof![
        proptest::sample::select(vec![0, 1, 1600, 1900, 2000, 2024, 9998, 9999]),
        0i32..=9999
    ]
    .boxed()
}

fn date() -> BoxedStrategy<Date> {
    let any_day = (year(), 1u8..=12, 1u8..=31)
        .prop_filter_map("a day of that month", |(year, month, day)| {
            Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
        });
    let leap_day = (0i32..2500).prop_filter_map("a leap year", |quad| {
        Date::from_calendar_date(quad * 4, Month::February, 29).ok()
    });
    let edges = proptest::sample::select(vec![
        Date::from_calendar_date(0, Month::January, 1),
        Date::from_calendar_date(1, Month::January, 1),
        Date::from_calendar_date(9999, Month::December, 31),
        Date::from_calendar_date(2000, Month::February, 29),
    ])
    .prop_filter_map("a date", Result::ok);
    prop_oneof![4 => any_day, 1 => leap_day, 1 => edges].boxed()
}

/// Offsets from -12:00 to +14:00, by the minute.
fn offset() -> BoxedStrategy<UtcOffset> {
    prop_oneof![
        proptest::sample::select(vec![
            UtcOffset::UTC,
            offset_of(14 * 60),
            offset_of(-12 * 60),
            offset_of(-30)
        ]),
        (-12 * 60..=14 * 60).prop_map(offset_of),
    ]
    .boxed()
}

fn offset_of(minutes: i32) -> UtcOffset {
    UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(UtcOffset::UTC)
}

fn nanosecond() -> BoxedStrategy<u32> {
    prop_oneof![
        Just(0),
        Just(999_999_999),
        (0u32..1000).prop_map(|milli| milli * 1_000_000),
        (0u32..1_000_000).prop_map(|micro| micro * 1000),
        0u32..1_000_000_000,
    ]
    .boxed()
}

/// Timestamps the API can carry: any offset, so long as the UTC year
/// stays within 0000 to 9999.
fn timestamp() -> BoxedStrategy<OffsetDateTime> {
    let any_time = (date(), 0u8..24, 0u8..60, 0u8..60, nanosecond(), offset()).prop_filter_map(
        "a UTC year within 0000 to 9999",
        |(date, hour, minute, second, nano, offset)| {
            let time = Time::from_hms_nano(hour, minute, second, nano).ok()?;
            let value = PrimitiveDateTime::new(date, time).assume_offset(offset);
            let utc = value.checked_to_offset(UtcOffset::UTC)?;
            (0..=9999).contains(&utc.year()).then_some(value)
        },
    );
    let edges = proptest::sample::select(vec![
        datetime!(0000-01-01 00:00 UTC),
        datetime!(0000-01-01 00:00 -12:00),
        datetime!(0001-01-01 00:00 +14:00),
        datetime!(9999-12-31 23:59:59.999_999_999 UTC),
        datetime!(9999-12-31 11:59:59.999_999_999 -12:00),
        datetime!(2024-02-29 23:59:59.999 +14:00),
        datetime!(2022-08-30 06:32:07.38 UTC),
    ]);
    prop_oneof![4 => any_time, 1 => edges].boxed()
}

// ---------------------------------------------------------------------------
// Metadata and unknown keys

fn leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        amount().prop_map(Value::from),
        (i64::MAX as u64 + 1..=u64::MAX).prop_map(Value::from),
        any::<f64>().prop_filter_map("a finite number", |float| Number::from_f64(float)
            .map(Value::Number)),
        text().prop_map(Value::String),
    ]
    .boxed()
}

/// Any JSON value, nested up to eight deep.
fn json() -> BoxedStrategy<Value> {
    let tree = leaf().prop_recursive(8, 32, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            vec((text(), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    });
    prop_oneof![4 => tree, 1 => deep()].boxed()
}

/// A chain of arrays and objects exactly as deep as the strategy says.
fn deep() -> BoxedStrategy<Value> {
    (vec((any::<bool>(), text()), 1..=8), leaf())
        .prop_map(|(levels, mut value)| {
            for (array, key) in levels {
                value = if array {
                    Value::Array(vec![value])
                } else {
                    Value::Object(std::iter::once((key, value)).collect())
                };
            }
            value
        })
        .boxed()
}

fn metadata() -> BoxedStrategy<Map> {
    vec((text(), json()), 0..4)
        .prop_map(|entries| entries.into_iter().collect())
        .boxed()
}

/// Unknown keys for a struct whose known keys are `fields`.
fn extra(fields: &'static [&'static str]) -> BoxedStrategy<Map> {
    prop_oneof![
        2 => Just(Map::new()),
        1 => vec((text(), json()), 1..3).prop_map(move |entries| {
            entries.into_iter().filter(|(key, _)| !fields.contains(&key.as_str())).collect()
        }),
    ]
    .boxed()
}

fn opt<S: Strategy>(strategy: S) -> impl Strategy<Value = Option<S::Value>> {
    proptest::option::of(strategy)
}

// ---------------------------------------------------------------------------
// The models

fn customer_object() -> BoxedStrategy<CustomersCreateResponseBodyObject> {
    prop_oneof![
        Just(CustomersCreateResponseBodyObject::Customer),
        // "customer" itself reads back as the named variant.
        text()
            .prop_filter("not the named kind", |kind| kind != "customer")
            .prop_map(CustomersCreateResponseBodyObject::Other),
    ]
    .boxed()
}

fn list_object() -> BoxedStrategy<CustomersListResponseBodyObject> {
    prop_oneof![
        Just(CustomersListResponseBodyObject::List),
        text()
            .prop_filter("not the named kind", |kind| kind != "list")
            .prop_map(CustomersListResponseBodyObject::Other),
    ]
    .boxed()
}

fn redemptions() -> BoxedStrategy<CustomerSummaryRedemptions> {
    let gift = (opt(amount()), opt(amount()), extra(GIFT_FIELDS)).prop_map(
        |(redeemed_amount, amount_to_go, extra)| CustomerSummaryRedemptionsGift {
            redeemed_amount,
            amount_to_go,
            extra: extra.into(),
        },
    );
    let loyalty_card = (opt(amount()), opt(amount()), extra(LOYALTY_CARD_FIELDS)).prop_map(
        |(redeemed_points, points_to_go, extra)| CustomerSummaryRedemptionsLoyaltyCard {
            redeemed_points,
            points_to_go,
            extra: extra.into(),
        },
    );
    (
        (opt(amount()), opt(amount()), opt(amount())),
        (opt(amount()), opt(amount()), opt(amount())),
        opt(gift),
        opt(loyalty_card),
        extra(REDEMPTIONS_FIELDS),
    )
        .prop_map(
            |(
                (total_redeemed, total_failed, total_succeeded),
                (total_rolled_back, total_rollback_failed, total_rollback_succeeded),
                gift,
                loyalty_card,
                extra,
            )| CustomerSummaryRedemptions {
                total_redeemed,
                total_failed,
                total_succeeded,
                total_rolled_back,
                total_rollback_failed,
                total_rollback_succeeded,
                gift,
                loyalty_card,
                extra: extra.into(),
            },
        )
        .boxed()
}

fn summary() -> BoxedStrategy<CustomerSummary> {
    let orders = (
        opt(amount()),
        opt(amount()),
        opt(amount()),
        opt(amount()),
        opt(timestamp()),
        extra(ORDERS_FIELDS),
    )
        .prop_map(
            |(
                total_amount,
                total_count,
                average_amount,
                last_order_amount,
                last_order_date,
                extra,
            )| {
                CustomerSummaryOrders {
                    total_amount,
                    total_count,
                    average_amount,
                    last_order_amount,
                    last_order_date,
                    extra: extra.into(),
                }
            },
        );
    (opt(redemptions()), opt(orders), extra(SUMMARY_FIELDS))
        .prop_map(|(redemptions, orders, extra)| CustomerSummary {
            redemptions,
            orders,
            extra: extra.into(),
        })
        .boxed()
}

fn loyalty() -> BoxedStrategy<CustomerLoyalty> {
    let campaign = (
        opt(amount()),
        opt(text()),
        opt(amount()),
        extra(LOYALTY_CAMPAIGN_FIELDS),
    )
        .prop_map(|(points, loyalty_tier, referred_customers, extra)| {
            CustomerLoyaltyCampaignsEntryValue {
                points,
                loyalty_tier,
                referred_customers,
                extra: extra.into(),
            }
        });
    (
        opt(amount()),
        opt(amount()),
        opt(vec((text(), opt(campaign)), 0..3).prop_map(IndexMap::from_iter)),
        extra(LOYALTY_FIELDS),
    )
        .prop_map(
            |(points, referred_customers, campaigns, extra)| CustomerLoyalty {
                points,
                referred_customers,
                campaigns,
                extra: extra.into(),
            },
        )
        .boxed()
}

fn referrals() -> BoxedStrategy<CustomerReferrals> {
    let item = (
        opt(text()),
        opt(text()),
        opt(text()),
        opt(text()),
        opt(timestamp()),
        extra(REFERRAL_FIELDS),
    )
        .prop_map(
            |(campaign_id, referrer_id, related_object_id, related_object_type, date, extra)| {
                CustomerReferralsCampaignsItem {
                    campaign_id,
                    referrer_id,
                    related_object_id,
                    related_object_type,
                    date,
                    extra: extra.into(),
                }
            },
        );
    (opt(amount()), opt(vec(item, 0..3)), extra(REFERRALS_FIELDS))
        .prop_map(|(total, campaigns, extra)| CustomerReferrals {
            total,
            campaigns,
            extra: extra.into(),
        })
        .boxed()
}

fn assets() -> BoxedStrategy<CustomersCreateResponseBodyAssets> {
    (opt(text()), opt(text()), extra(ASSETS_FIELDS))
        .prop_map(|(cockpit_url, cockpit_preference_center_url, extra)| {
            CustomersCreateResponseBodyAssets {
                cockpit_url,
                cockpit_preference_center_url,
                extra: extra.into(),
            }
        })
        .boxed()
}

fn address() -> BoxedStrategy<CustomersCreateResponseBodyAddress> {
    (
        (opt(text()), opt(text()), opt(text())),
        (opt(text()), opt(text()), opt(text())),
        extra(ADDRESS_FIELDS),
    )
        .prop_map(
            |((city, state, line_1), (line_2, country, postal_code), extra)| {
                CustomersCreateResponseBodyAddress {
                    city,
                    state,
                    line_1,
                    line_2,
                    country,
                    postal_code,
                    extra: extra.into(),
                }
            },
        )
        .boxed()
}

fn customer() -> BoxedStrategy<CustomersCreateResponseBody> {
    let identity = (
        opt(text()),
        opt(text()),
        opt(customer_object()),
        opt(text()),
        opt(text()),
        opt(text()),
        opt(text()),
        opt(date()),
        opt(date()),
    );
    let parts = (
        opt(summary()),
        opt(loyalty()),
        opt(referrals()),
        opt(metadata()),
        opt(timestamp()),
        opt(timestamp()),
        opt(assets()),
        opt(address()),
        opt(metadata()),
        extra(CUSTOMER_FIELDS),
    );
    (identity, parts).prop_map(build_customer).boxed()
}

type Identity = (
    Option<String>,
    Option<String>,
    Option<CustomersCreateResponseBodyObject>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<Date>,
    Option<Date>,
);

type Parts = (
    Option<CustomerSummary>,
    Option<CustomerLoyalty>,
    Option<CustomerReferrals>,
    Option<Map>,
    Option<OffsetDateTime>,
    Option<OffsetDateTime>,
    Option<CustomersCreateResponseBodyAssets>,
    Option<CustomersCreateResponseBodyAddress>,
    Option<Map>,
    Map,
);

// `birthday` is deprecated for users of the model; the property still
// covers it, since documents still carry it.
#[allow(deprecated)]
fn build_customer((identity, parts): (Identity, Parts)) -> CustomersCreateResponseBody {
    let (id, source_id, object, name, description, email, phone, birthday, birthdate) = identity;
    let (
        summary,
        loyalty,
        referrals,
        system_metadata,
        created_at,
        updated_at,
        assets,
        address,
        metadata,
        extra,
    ) = parts;
    CustomersCreateResponseBody {
        id,
        source_id,
        summary,
        loyalty,
        referrals,
        system_metadata,
        created_at,
        updated_at,
        assets,
        object,
        name,
        description,
        email,
        phone,
        birthday,
        birthdate,
        address,
        metadata,
        extra: extra.into(),
    }
}

fn list() -> BoxedStrategy<CustomersListResponseBody> {
    (
        opt(list_object()),
        opt(text()),
        opt(vec(customer(), 0..3)),
        opt(amount()),
        opt(any::<bool>()),
        extra(LIST_FIELDS),
    )
        .prop_map(|(object, data_ref, customers, total, has_more, extra)| {
            CustomersListResponseBody {
                object,
                data_ref,
                customers,
                total,
                has_more,
                extra: extra.into(),
            }
        })
        .boxed()
}

// ---------------------------------------------------------------------------
// Round trips

/// `cases` cases, few enough for a debug build to run them in seconds;
/// `PROPTEST_CASES=n` runs `n` of each instead, for a longer search.
fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        // Failures are reported, not written into the source tree.
        failure_persistence: None,
        ..Config::default()
    }
}

/// Writes `value`, reads it back, and checks that nothing changed, that
/// the written form is the same every time, and that the direct reader and
/// writer agree with serde_json going through the serde impls.
fn round_trip<T>(value: &T) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + voucherify_model::Json + PartialEq + std::fmt::Debug,
{
    let text = voucherify_model::to_string(value)
        .map_err(|error| TestCaseError::fail(error.to_string()))?;
    let through_serde =
        serde_json::to_string(value).map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!(&text, &through_serde, "the direct writer and serde differ");
    let back: T = voucherify_model::from_str(&text)
        .map_err(|error| TestCaseError::fail(format!("{error} in {text}")))?;
    prop_assert_eq!(&back, value, "written as {}", text);
    let back_through_serde: T = serde_json::from_str(&text)
        .map_err(|error| TestCaseError::fail(format!("{error} in {text}")))?;
    prop_assert_eq!(&back_through_serde, value, "serde reads {}", text);

    let again = voucherify_model::to_string(value)
        .map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!(&again, &text, "written twice");
    let rewritten = voucherify_model::to_string(&back)
        .map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!(&rewritten, &text, "written again after reading");
    let bytes =
        voucherify_model::to_vec(value).map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!(
        bytes.as_slice(),
        text.as_bytes(),
        "to_vec and to_string differ"
    );

    let pretty = voucherify_model::to_string_pretty(value)
        .map_err(|error| TestCaseError::fail(error.to_string()))?;
    let back: T = voucherify_model::from_slice(pretty.as_bytes())
        .map_err(|error| TestCaseError::fail(format!("{error} in {pretty}")))?;
    prop_assert_eq!(&back, value, "written pretty as {}", pretty);
    Ok(())
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn customers_round_trip(customer in customer()) {
        round_trip(&customer)?;
    }
}

proptest! {
    #![proptest_config(config(24))]

    #[test]
    fn lists_round_trip(list in list()) {
        round_trip(&list)?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn timestamps_round_trip(at in timestamp(), on in date()) {
        let referral = CustomerReferralsCampaignsItem {
            campaign_id: Some(String::new()),
            referrer_id: None,
            related_object_id: Some(String::new()),
            related_object_type: None,
            date: Some(at),
            extra: Map::new().into(),
        };
        round_trip(&referral)?;
        let customer = CustomersCreateResponseBody {
            created_at: Some(at),
            birthdate: Some(on),
            ..CustomersCreateResponseBody::default()
        };
        round_trip(&customer)?;
    }

    #[test]
    fn amounts_round_trip(amount in amount()) {
        let orders = CustomerSummaryOrders { total_amount: Some(amount), ..CustomerSummaryOrders::default() };
        let text = voucherify_model::to_string(&orders).map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(&text, &format!(r#"{{"total_amount":{amount}}}"#));
        round_trip(&orders)?;
    }
}

// ---------------------------------------------------------------------------
// Damaged documents

/// One way to damage a document.
#[derive(Clone, Debug)]
enum Damage {
    /// Cut the text short.
    Truncate(Index),
    /// XOR bytes with non-zero masks.
    Flip(Vec<(Index, u8)>),
    /// Put a printable ASCII character in place of a digit, in a number or
    /// a date.
    Digit(Index, u8),
    /// Give a value another JSON type.
    SwapType(Index),
    /// Write an object's first key twice, with its value or another.
    DuplicateKey(Index, bool),
    /// Put a value under this many arrays or objects.
    Nest(Index, usize, bool),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<Index>().prop_map(Damage::Truncate),
        vec((any::<Index>(), 1u8..=255), 1..4).prop_map(Damage::Flip),
        (any::<Index>(), 0x20u8..0x7f).prop_map(|(at, byte)| Damage::Digit(at, byte)),
        any::<Index>().prop_map(Damage::SwapType),
        (any::<Index>(), any::<bool>()).prop_map(|(at, same)| Damage::DuplicateKey(at, same)),
        (any::<Index>(), 1usize..300, any::<bool>())
            .prop_map(|(at, depth, array)| Damage::Nest(at, depth, array)),
    ]
}

/// A document to damage: a customer or a list, compact or indented.
fn document() -> impl Strategy<Value = String> {
    let customer = customer().prop_map(|customer| to_value(&customer));
    let list = list().prop_map(|list| to_value(&list));
    (prop_oneof![3 => customer, 1 => list], any::<bool>()).prop_map(|(value, pretty)| {
        let text = if pretty {
            serde_json::to_string_pretty(&value)
        } else {
            serde_json::to_string(&value)
        };
        text.unwrap_or_default()
    })
}

fn to_value<T: Serialize + voucherify_model::Json>(value: &T) -> Value {
    let text = voucherify_model::to_string(value).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_default()
}

/// The document with `damage` done to it.
fn damaged(document: &str, damage: &Damage) -> Vec<u8> {
    let mut bytes = document.as_bytes().to_vec();
    match damage {
        Damage::Truncate(at) => {
            bytes.truncate(at.index(bytes.len() + 1));
            bytes
        }
        Damage::Flip(flips) => {
            if !bytes.is_empty() {
                for (at, mask) in flips {
                    let at = at.index(bytes.len());
                    bytes[at] ^= mask;
                }
            }
            bytes
        }
        Damage::Digit(at, byte) => {
            let digits: Vec<usize> = (0..bytes.len())
                .filter(|&at| bytes[at].is_ascii_digit())
                .collect();
            if !digits.is_empty() {
                bytes[digits[at.index(digits.len())]] = *byte;
            }
            bytes
        }
        Damage::SwapType(at) | Damage::DuplicateKey(at, _) | Damage::Nest(at, _, _) => {
            let Ok(value) = serde_json::from_str::<Value>(document) else {
                return bytes;
            };
            let nodes = count_nodes(&value);
            let mut writer = Writer {
                target: at.index(nodes),
                next: 0,
                damage,
                out: String::new(),
            };
            writer.write(&value);
            writer.out.into_bytes()
        }
    }
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(entries) => entries.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Writes JSON, damaging the `target`-th value in document order.
struct Writer<'a> {
    target: usize,
    next: usize,
    damage: &'a Damage,
    out: String,
}

impl Writer<'_> {
    fn write(&mut self, value: &Value) {
        let this = self.next;
        self.next += 1;
        if this != self.target {
            return self.write_plain(value);
        }
        match *self.damage {
            Damage::SwapType(_) => {
                let swapped = swap_type(value);
                self.out
                    .push_str(&serde_json::to_string(&swapped).unwrap_or_default());
                // The swapped value's own nodes are not targets.
                self.next += count_nodes(value) - 1;
            }
            Damage::DuplicateKey(_, same) => match value {
                Value::Object(entries) if !entries.is_empty() => {
                    let (key, first) = entries
                        .iter()
                        .next()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .unwrap_or_default();
                    let repeated = if same { first } else { Value::from(1) };
                    self.out.push('{');
                    self.out
                        .push_str(&serde_json::to_string(&key).unwrap_or_default());
                    self.out.push(':');
                    self.out
                        .push_str(&serde_json::to_string(&repeated).unwrap_or_default());
                    for (key, item) in entries {
                        self.out.push(',');
                        self.out
                            .push_str(&serde_json::to_string(key).unwrap_or_default());
                        self.out.push(':');
                        self.write(item);
                    }
                    self.out.push('}');
                }
                // Not an object: damage the next value instead.
                _ => {
                    self.target += 1;
                    self.write_plain(value);
                }
            },
            Damage::Nest(_, depth, array) => {
                let (open, close) = if array {
                    ("[", "]")
                } else {
                    (r#"{"deep":"#, "}")
                };
                self.out.push_str(&open.repeat(depth));
                self.write_plain(value);
                self.out.push_str(&close.repeat(depth));
            }
            Damage::Truncate(_) | Damage::Flip(_) | Damage::Digit(..) => self.write_plain(value),
        }
    }

    fn write_plain(&mut self, value: &Value) {
        match value {
            Value::Array(items) => {
                self.out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        self.out.push(',');
                    }
                    self.write(item);
                }
                self.out.push(']');
            }
            Value::Object(entries) => {
                self.out.push('{');
                for (index, (key, item)) in entries.iter().enumerate() {
                    if index > 0 {
                        self.out.push(',');
                    }
                    self.out
                        .push_str(&serde_json::to_string(key).unwrap_or_default());
                    self.out.push(':');
                    self.write(item);
                }
                self.out.push('}');
            }
            leaf => self
                .out
                .push_str(&serde_json::to_string(leaf).unwrap_or_default()),
        }
    }
}

/// The same content as another JSON type.
fn swap_type(value: &Value) -> Value {
    match value {
        Value::Null => Value::from(0),
        Value::Bool(flag) => Value::String(flag.to_string()),
        Value::Number(number) => Value::String(number.to_string()),
        Value::String(text) => match text.parse::<f64>().ok().and_then(Number::from_f64) {
            Some(number) => Value::Number(number),
            None => Value::Bool(text.is_empty()),
        },
        Value::Array(items) => Value::Object(
            items
                .iter()
                .enumerate()
                .map(|(index, item)| (index.to_string(), item.clone()))
                .collect(),
        ),
        Value::Object(entries) => Value::Array(entries.values().cloned().collect()),
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|message| (*message).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

/// Reads `bytes` as `T`: `Ok` with the outcome, or `Err` with a panic's message.
fn read<T: DeserializeOwned + voucherify_model::Json>(
    bytes: &[u8],
) -> Result<Result<T, Error>, String> {
    panic::catch_unwind(AssertUnwindSafe(|| {
        voucherify_model::from_slice::<T>(bytes)
    }))
    .map_err(|payload| panic_message(&*payload))
}

/// A damaged document reads as a value that round-trips, or as an error
/// that names its place; it never panics. Either way, serde_json through
/// the serde impls gives the same outcome.
fn check_damaged<T>(bytes: &[u8]) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + voucherify_model::Json + PartialEq + std::fmt::Debug,
{
    let shown = String::from_utf8_lossy(bytes);
    let outcome = read::<T>(bytes);
    if let Ok(outcome) = &outcome {
        let through_serde = serde_json::from_slice::<T>(bytes);
        prop_assert_eq!(
            outcome.as_ref().ok(),
            through_serde.as_ref().ok(),
            "the direct reader and serde differ on {}",
            shown
        );
    }
    match outcome {
        Ok(Ok(value)) => round_trip(&value),
        Ok(Err(error)) => check_error(&error, bytes),
        Err(message) => Err(TestCaseError::fail(format!(
            "panicked ({message}) reading {shown}"
        ))),
    }
}

/// The message is the path (`.` for the document, never empty), `": "`,
/// serde_json's account, and a line and column inside the input.
fn check_error(error: &Error, bytes: &[u8]) -> Result<(), TestCaseError> {
    let path = error.path();
    let message = error.to_string();
    prop_assert!(!path.is_empty(), "empty path: {}", message);
    prop_assert!(
        message.starts_with(&format!("{path}: ")),
        "{:?} does not start with the path",
        message
    );
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    prop_assert!(
        message.ends_with(&suffix),
        "{:?} does not end with {:?}",
        message,
        suffix
    );
    prop_assert!(
        message.len() > path.len() + 2 + suffix.len(),
        "{:?} does not say what went wrong",
        message
    );
    let lines: Vec<&[u8]> = bytes.split(|byte| *byte == b'\n').collect();
    prop_assert!(
        (1..=lines.len()).contains(&error.line()),
        "line {} of {} in {:?}",
        error.line(),
        lines.len(),
        message
    );
    let line = lines[error.line() - 1];
    prop_assert!(
        error.column() <= line.len(),
        "column {} of {} in {:?}",
        error.column(),
        line.len(),
        message
    );
    Ok(())
}

proptest! {
    #![proptest_config(config(192))]

    #[test]
    fn damaged_documents_read_or_say_where(document in document(), damage in damage()) {
        let bytes = damaged(&document, &damage);
        check_damaged::<CustomersCreateResponseBody>(&bytes)?;
        check_damaged::<CustomersListResponseBody>(&bytes)?;
    }
}
