//! The customer models: hand-built values survive a round trip, and
//! personal data never reaches `Debug` output.

use serde_json::json;
use time::macros::{date, datetime};
use voucherify_model::*;

fn extra(key: &str, value: serde_json::Value) -> Map {
    let mut map = Map::new();
    map.insert(key.to_owned(), value);
    map
}

/// A customer with every field set, an unknown key at every level, amounts
/// past 2^53 and timestamps finer than a millisecond.
#[allow(deprecated)]
fn full_customer() -> CustomersCreateResponseBody {
    let mut campaigns = IndexMap::new();
    campaigns.insert(
        "Winter Campaign".to_owned(),
        Some(CustomerLoyaltyCampaignsEntryValue {
            points: Some(i64::MAX),
            loyalty_tier: Some("ltr_1".into()),
            referred_customers: Some(0),
            extra: extra("expires", json!("2030-01-01")).into(),
        }),
    );
    campaigns.insert("Autumn Campaign".to_owned(), None);
    CustomersCreateResponseBody {
        id: Some("cust_1".into()),
        source_id: Some("src \"quoted\" \\ ünïcode 🎟".into()),
        summary: Some(CustomerSummary {
            redemptions: Some(CustomerSummaryRedemptions {
                total_redeemed: Some(1),
                total_failed: Some(-1),
                total_succeeded: Some(0),
                total_rolled_back: Some(i64::MIN),
                total_rollback_failed: Some(2),
                total_rollback_succeeded: Some(3),
                gift: Some(CustomerSummaryRedemptionsGift {
                    redeemed_amount: Some(9_007_199_254_740_993),
                    amount_to_go: Some(1),
                    extra: extra("currency", json!("EUR")).into(),
                }),
                loyalty_card: Some(CustomerSummaryRedemptionsLoyaltyCard {
                    redeemed_points: Some(5),
                    points_to_go: Some(6),
                    extra: extra("expiring", json!(2)).into(),
                }),
                extra: extra("total_vouchers", json!(4)).into(),
            }),
            orders: Some(CustomerSummaryOrders {
                total_amount: Some(9_007_199_254_740_993),
                total_count: Some(3),
                average_amount: Some(3_002_399_751_580_331),
                last_order_amount: Some(100),
                last_order_date: Some(datetime!(2024-02-29 23:59:59.999_999_999 UTC)),
                extra: extra("currency", json!("USD")).into(),
            }),
            extra: extra("computed_at", json!("now")).into(),
        }),
        loyalty: Some(CustomerLoyalty {
            points: Some(10),
            referred_customers: Some(1),
            campaigns: Some(campaigns),
            extra: extra("tiers", json!(["a", "b"])).into(),
        }),
        referrals: Some(CustomerReferrals {
            total: Some(1),
            campaigns: Some(vec![CustomerReferralsCampaignsItem {
                campaign_id: Some("camp_1".into()),
                referrer_id: Some("cust_2".into()),
                related_object_id: Some("r_1".into()),
                related_object_type: Some("redemption".into()),
                date: Some(datetime!(2022-08-30 06:32:07.000_123 +14:00)),
                extra: extra("reward", json!({"points": 50})).into(),
            }]),
            extra: extra("pending", json!(0)).into(),
        }),
        system_metadata: Some(extra("source", json!("import"))),
        created_at: Some(datetime!(0001-01-01 00:00 UTC)),
        updated_at: Some(datetime!(9999-12-31 23:59:59.999 -00:00)),
        assets: Some(CustomersCreateResponseBodyAssets {
            cockpit_url: Some("https://example.com/c".into()),
            cockpit_preference_center_url: None,
            extra: extra("qr", json!("https://example.com/q")).into(),
        }),
        object: Some(CustomersCreateResponseBodyObject::Other(
            "customer_v2".into(),
        )),
        name: Some("Secret Name".into()),
        description: Some("line\nbreak\ttab\u{0}nul".into()),
        email: Some("secret@example.com".into()),
        phone: Some("+1 555 0100".into()),
        birthday: Some(date!(1990 - 07 - 14)),
        birthdate: Some(date!(1990 - 07 - 14)),
        address: Some(CustomersCreateResponseBodyAddress {
            city: Some("Secret City".into()),
            state: None,
            line_1: Some("1 Secret Street".into()),
            line_2: None,
            country: Some("Nowhere".into()),
            postal_code: Some("00000".into()),
            extra: extra("geo", json!({"lat": 59.91, "lon": 10.75})).into(),
        }),
        metadata: Some(extra(
            "deep",
            json!({"a": [{"b": {"c": [1, 2.5, null, true, "x"]}}]}),
        )),
        extra: extra("tier", json!("gold")).into(),
    }
}

#[test]
fn hand_built_customer_round_trips() {
    let customer = full_customer();
    let text = to_string(&customer).unwrap();
    let back: CustomersCreateResponseBody = from_str(&text).unwrap();
    assert_eq!(back, customer);
    assert_eq!(to_string(&back).unwrap(), text);
    // The written forms the API uses.
    assert!(
        text.contains(r#""last_order_date":"2024-02-29T23:59:59.999999999Z""#),
        "{text}"
    );
    assert!(
        text.contains(r#""date":"2022-08-29T16:32:07.000123Z""#),
        "{text}"
    );
    assert!(
        text.contains(r#""created_at":"0001-01-01T00:00:00.000Z""#),
        "{text}"
    );
    assert!(
        text.contains(r#""total_amount":9007199254740993"#),
        "{text}"
    );
    assert!(text.contains(r#""object":"customer_v2""#), "{text}");
}

#[test]
fn hand_built_list_round_trips() {
    let list = CustomersListResponseBody {
        object: Some(CustomersListResponseBodyObject::Other("page".into())),
        data_ref: Some("customers".into()),
        customers: Some(vec![
            full_customer(),
            CustomersCreateResponseBody::default(),
        ]),
        total: Some(2),
        has_more: Some(false),
        extra: extra("cursor", json!("c_2")).into(),
    };
    let text = to_string(&list).unwrap();
    let back: CustomersListResponseBody = from_str(&text).unwrap();
    assert_eq!(back, list);
    let pretty = to_string_pretty(&list).unwrap();
    assert_eq!(
        from_str::<CustomersListResponseBody>(&pretty).unwrap(),
        list
    );
    assert_eq!(serde_json::to_string(&list).unwrap(), text);
}

#[test]
fn debug_never_shows_personal_fields() {
    let customer = full_customer();
    for debug in [format!("{customer:?}"), format!("{customer:#?}")] {
        for secret in [
            "Secret Name",
            "secret@example.com",
            "555 0100",
            "1990",
            "Secret City",
            "Secret Street",
            "00000",
        ] {
            assert!(!debug.contains(secret), "{secret} shows in {debug}");
        }
        assert!(debug.contains("cust_1"), "non-personal fields still show");
    }
    let debug = format!("{customer:?}");
    for field in ["name", "email", "phone", "birthday", "birthdate", "address"] {
        assert!(
            debug.contains(&format!(r#"{field}: Some("<redacted>")"#)),
            "{field} in {debug}"
        );
    }
    let empty = format!("{:?}", CustomersCreateResponseBody::default());
    assert!(
        empty.contains("name: None") && empty.contains("address: None"),
        "{empty}"
    );
    let list = CustomersListResponseBody {
        customers: Some(vec![customer]),
        ..Default::default()
    };
    assert!(!format!("{list:?}").contains("secret@example.com"));
}

#[test]
fn default_values_write_an_empty_object() {
    assert_eq!(
        to_string(&CustomersCreateResponseBody::default()).unwrap(),
        "{}"
    );
    assert_eq!(
        to_string(&CustomersListResponseBody::default()).unwrap(),
        "{}"
    );
    assert_eq!(
        to_string(&CustomerSummary::default()).unwrap(),
        "{}",
        "the parts the specification requires are options too"
    );
    assert_eq!(
        to_string(&CustomerReferralsCampaignsItem::default()).unwrap(),
        "{}"
    );
}

#[test]
fn the_aliases_are_the_same_type() {
    let get: CustomersGetResponseBody = from_str(r#"{"id":"a"}"#).unwrap();
    let update: CustomersUpdateResponseBody = get.clone();
    let item: CustomerWithSummaryLoyaltyReferrals = update;
    assert_eq!(item.id.as_deref(), Some("a"));
}

#[test]
fn parts_the_specification_requires_may_be_missing_or_null() {
    for text in [
        r#"{"summary":{"orders":{}}}"#,
        r#"{"summary":{"redemptions":null,"orders":null}}"#,
        r#"{"loyalty":{"campaigns":{"A":null,"B":{"points":1}}}}"#,
        r#"{"referrals":{"campaigns":[{"campaign_id":"c","referrer_id":"r","related_object_id":"o","related_object_type":"t"}]}}"#,
        r#"{"referrals":{"campaigns":[{"campaign_id":null,"date":null},{}]}}"#,
    ] {
        let customer: CustomersCreateResponseBody = from_str(text).unwrap();
        assert_eq!(to_string(&customer).unwrap(), text);
    }
    // A value of the wrong kind is still refused, naming its path.
    let error = from_str::<CustomersCreateResponseBody>(
        r#"{"referrals":{"campaigns":[{"date":"yesterday"}]}}"#,
    )
    .unwrap_err();
    assert_eq!(error.path(), "referrals.campaigns[0].date");
}

#[test]
fn amounts_past_i32_and_2_pow_53_are_exact() {
    let text = r#"{"summary":{"redemptions":{},"orders":{"total_amount":9223372036854775807,"average_amount":-9223372036854775808}}}"#;
    let customer: CustomersCreateResponseBody = from_str(text).unwrap();
    let orders = customer.summary.as_ref().unwrap().orders.as_ref().unwrap();
    assert_eq!(orders.total_amount, Some(i64::MAX));
    assert_eq!(orders.average_amount, Some(i64::MIN));
    assert_eq!(to_string(&customer).unwrap(), text);
    let error = from_str::<CustomersCreateResponseBody>(
        r#"{"summary":{"redemptions":{},"orders":{"total_amount":9223372036854775808}}}"#,
    )
    .unwrap_err();
    assert_eq!(error.path(), "summary.orders.total_amount");
}
