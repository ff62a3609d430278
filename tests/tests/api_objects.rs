//! Voucherify's voucher, order, campaign and redemption objects and their
//! lists, modelled in `voucherify_tests::api` from the production
//! specification, read and written through the direct path and serde with
//! documents written for these tests.

use std::fmt::Debug;

use voucherify_model::__hooks::{read_direct, write_direct};
use voucherify_model::time::macros::{date, datetime};
use voucherify_model::Model;
use voucherify_tests::api::{
    Campaign, CampaignsListResponseBody, Discount, Order, OrderStatus, OrdersListResponseBody,
    RedemptionsGetResponseBody, Voucher, VoucherType, VouchersListResponseBody,
};

/// Reads `text` through `from_str`, the direct reader and serde, which
/// must agree, and checks that both writers give the same bytes.
fn read_both_ways<T: Model + PartialEq + Debug>(text: &str) -> T {
    let ours: T = voucherify_model::from_str(text).unwrap();
    let theirs: T = serde_json::from_str(text).unwrap();
    assert_eq!(ours, theirs, "serde reads {text} otherwise");
    let direct: T = read_direct(text.as_bytes()).expect("the direct reader takes it");
    assert_eq!(direct, ours);
    let written = write_direct(&ours, Vec::new()).expect("the direct writer takes it");
    assert_eq!(
        String::from_utf8(written).unwrap(),
        serde_json::to_string(&ours).unwrap()
    );
    ours
}

/// As [`read_both_ways`], for a document that must also be written back
/// byte for byte.
fn round_trip<T: Model + PartialEq + Debug>(text: &str) -> T {
    let value = read_both_ways(text);
    assert_eq!(voucherify_model::to_string(&value).unwrap(), text);
    value
}

/// One discount voucher per member of the discount union, and one of a
/// type the model does not know.
const DISCOUNTS: [&str; 6] = [
    r#"{"type":"AMOUNT","amount_off":1500.5,"effect":"APPLY_TO_ORDER","is_dynamic":false}"#,
    r#"{"type":"PERCENT","percent_off":12.5,"amount_limit":600.5,"effect":"APPLY_TO_ITEMS"}"#,
    r#"{"type":"UNIT","unit_off":1,"effect":"ADD_MISSING_ITEMS","unit_type":"prod_0b1","product":{"id":"prod_0b1","source_id":"mug","name":"Mug"}}"#,
    r#"{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":1.5,"effect":"ADD_NEW_ITEMS","unit_type":"prod_0b1"},{"unit_off":2.5,"effect":"ADD_MISSING_ITEMS","unit_type":"sku_0c2","sku":{"id":"sku_0c2","name":"Red mug"}}]}"#,
    r#"{"type":"FIXED","fixed_amount":999.5,"fixed_amount_formula":"CUSTOMER.METADATA.PRICE","effect":"APPLY_TO_ORDER","is_dynamic":true}"#,
    r#"{"type":"BUY_X_GET_Y","x_rule":{"x":[1,2]}}"#,
];

fn discount_voucher(discount: &str) -> String {
    format!(
        r#"{{"id":"v_1","code":"SPRING-2026","campaign":"Spring","campaign_id":"camp_1","type":"DISCOUNT_VOUCHER","discount":{discount},"start_date":"2026-03-01T00:00:00.000Z","expiration_date":"2026-06-01T00:00:00.000Z","validity_timeframe":{{"duration":"PT1H","interval":"P2D"}},"validity_day_of_week":[1,2,3],"active":true,"metadata":{{"region":"EU"}},"is_referral_code":false,"created_at":"2026-02-10T08:00:00.123Z","object":"voucher","redemption":{{"quantity":null,"redeemed_quantity":0,"object":"list","url":"/v1/vouchers/SPRING-2026/redemptions"}},"categories":[{{"id":"cat_1","name":"Seasonal","hierarchy":1,"object":"category","created_at":"2026-01-01T00:00:00.000Z"}},{{"id":"cat_2","name":"Mugs","hierarchy":2,"created_at":"2026-01-02T12:30:00.500Z","updated_at":"2026-01-03T12:30:00.500Z"}}],"assets":{{"qr":{{"id":"qr_1","url":"https://q"}}}}}}"#
    )
}

#[test]
fn vouchers_with_every_member_of_the_discount_union() {
    let mut kinds = Vec::new();
    for discount in DISCOUNTS {
        let voucher: Voucher = round_trip(&discount_voucher(discount));
        assert_eq!(voucher.kind, Some(VoucherType::DiscountVoucher));
        // Dates in an array of objects, and `null` as the only quantity.
        let categories = voucher.categories.as_ref().unwrap();
        assert_eq!(
            categories[1].updated_at,
            Some(datetime!(2026-01-03 12:30:00.5 UTC))
        );
        assert_eq!(voucher.redemption.as_ref().unwrap().quantity, Some(None));
        assert_eq!(voucher.validity_day_of_week, Some(vec![1, 2, 3]));
        // `assets` is not modelled: kept as an unknown key.
        assert_eq!(voucher.extra["assets"]["qr"]["id"], "qr_1");
        kinds.push(match voucher.discount.unwrap() {
            Discount::Amount(amount) => format!("amount {:?}", amount.amount_off),
            Discount::Percent { percent_off, .. } => format!("percent {percent_off:?}"),
            Discount::Unit(unit) => format!(
                "unit {:?} x{}",
                unit.unit_off,
                unit.units.map_or(0, |units| units.len())
            ),
            Discount::Fixed { fixed_amount, .. } => format!("fixed {fixed_amount:?}"),
            Discount::Other(object) => format!("other {}", object["type"]),
        });
    }
    assert_eq!(
        kinds,
        [
            "amount Some(1500.5)",
            "percent Some(12.5)",
            "unit Some(1) x0",
            "unit None x2",
            "fixed Some(999.5)",
            "other \"BUY_X_GET_Y\"",
        ]
    );
}

#[test]
fn gift_cards_and_loyalty_cards() {
    let gift: Voucher = round_trip(
        r#"{"id":"v_2","code":"GIFT-1","type":"GIFT_VOUCHER","gift":{"amount":10000,"subtracted_amount":0,"balance":7550,"effect":"APPLY_TO_ORDER"},"active":true,"object":"voucher"}"#,
    );
    assert_eq!(gift.gift.as_ref().unwrap().balance, Some(7550));
    let card: Voucher = round_trip(
        r#"{"id":"v_3","code":"LOYAL-1","type":"LOYALTY_CARD","loyalty_card":{"points":1200,"balance":950,"next_expiration_date":"2026-12-31","next_expiration_points":50,"pending_points":0,"expired_points":200,"subtracted_points":50,"tier_hint":"gold"},"holder_id":"cust_1","object":"voucher"}"#,
    );
    let loyalty = card.loyalty_card.as_ref().unwrap();
    assert_eq!(loyalty.next_expiration_date, Some(date!(2026 - 12 - 31)));
    assert_eq!(loyalty.extra["tier_hint"], "gold");
    // A voucher type this model does not know is kept as written.
    let other: Voucher = round_trip(r#"{"id":"v_4","type":"STAMP_CARD"}"#);
    assert_eq!(
        other.kind,
        Some(VoucherType::Other("STAMP_CARD".to_owned()))
    );
}

#[test]
fn nulls_and_missing_keys_read_as_none() {
    let text = r#"{"id":"v_5","code":null,"type":null,"discount":null,"gift":null,"start_date":null,"categories":null,"redemption":{"quantity":5}}"#;
    let voucher: Voucher = read_both_ways(text);
    assert_eq!(voucher.code, None);
    assert_eq!(voucher.discount, None);
    assert_eq!(voucher.redemption.as_ref().unwrap().quantity, Some(Some(5)));
    let empty: Voucher = round_trip("{}");
    assert_eq!(empty, Voucher::default());
}

#[test]
fn the_vouchers_list() {
    let text = format!(
        r#"{{"object":"list","data_ref":"vouchers","vouchers":[{},{}],"total":2}}"#,
        discount_voucher(DISCOUNTS[0]),
        discount_voucher(DISCOUNTS[5]),
    );
    let list: VouchersListResponseBody = round_trip(&text);
    assert_eq!(list.vouchers.as_ref().unwrap().len(), 2);
    assert_eq!(list.total, Some(2));
}

const ORDER: &str = r#"{"id":"ord_1","source_id":"web-1001","status":"PAID","amount":24900,"discount_amount":1500,"total_amount":23400,"metadata":{"channel":"web"},"object":"order","created_at":"2026-04-01T10:00:00.000Z","updated_at":null,"customer_id":"cust_1","redemptions":{"r_1":{"date":"2026-04-01T10:00:01.250Z","related_object_type":"voucher","related_object_id":"v_1"},"r_2":{"date":"2026-04-01T10:00:02.000Z","rollback_id":"rr_1","rollback_date":"2026-04-02T09:00:00.000Z","related_object_type":"promotion_tier","related_object_id":"promo_1"}},"items":[{"product_id":"prod_0b1","related_object":"product","quantity":2,"amount":24900,"price":12450,"subtotal_amount":23400,"object":"order_item"}],"referrer_id":"cust_9"}"#;

#[test]
fn orders_with_redemptions_by_id() {
    let order: Order = round_trip(ORDER);
    assert_eq!(order.status, Some(OrderStatus::Paid));
    assert_eq!(order.updated_at, Some(None));
    let redemptions = order.redemptions.as_ref().unwrap();
    assert_eq!(
        redemptions["r_2"].rollback_date,
        Some(datetime!(2026-04-02 09:00 UTC))
    );
    assert_eq!(order.extra["referrer_id"], "cust_9");
    let list: OrdersListResponseBody = round_trip(&format!(
        r#"{{"object":"list","data_ref":"orders","orders":[{ORDER}],"total":1}}"#
    ));
    assert_eq!(list.orders.unwrap()[0], order);
}

#[test]
fn redemptions_and_rollbacks_are_told_apart_by_object() {
    let redemption: RedemptionsGetResponseBody = round_trip(&format!(
        r#"{{"object":"redemption","id":"r_1","date":"2026-04-01T10:00:01.250Z","customer_id":"cust_1","result":"SUCCESS","status":"SUCCEEDED","order":{ORDER},"related_object_type":"voucher","related_object_id":"v_1","voucher":{}}}"#,
        discount_voucher(DISCOUNTS[1])
    ));
    let RedemptionsGetResponseBody::Redemption(redemption) = redemption else {
        panic!("not a redemption: {redemption:?}");
    };
    assert_eq!(redemption.order.unwrap().id.as_deref(), Some("ord_1"));
    assert!(matches!(
        redemption.voucher.unwrap().discount,
        Some(Discount::Percent { .. })
    ));

    let rollback: RedemptionsGetResponseBody = round_trip(
        r#"{"object":"redemption_rollback","id":"rr_1","date":"2026-04-02T09:00:00.000Z","redemption":"r_2","result":"SUCCESS","status":"SUCCEEDED","reason":"returned"}"#,
    );
    let RedemptionsGetResponseBody::RedemptionRollback(rollback) = rollback else {
        panic!("not a rollback: {rollback:?}");
    };
    assert_eq!(rollback.redemption.as_deref(), Some("r_2"));
    assert_eq!(rollback.extra["reason"], "returned");
    assert!(rollback.extra.as_map().get("object").is_none());

    let unknown: RedemptionsGetResponseBody =
        read_both_ways(r#"{"object":"redemption_batch","id":"rb_1"}"#);
    assert!(matches!(unknown, RedemptionsGetResponseBody::Other(object) if object["id"] == "rb_1"));
}

const CAMPAIGN: &str = r#"{"id":"camp_1","name":"Spring","campaign_type":"DISCOUNT_COUPONS","type":"AUTO_UPDATE","voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"PERCENT","percent_off":10.5},"start_date":"2026-03-01T00:00:00.000Z","code_config":{"length":8,"prefix":"SPRING-"}},"vouchers_count":1000,"start_date":"2026-03-01T00:00:00.000Z","expiration_date":"2026-06-01T00:00:00.000Z","validity_day_of_week":[0,6],"active":true,"metadata":{},"created_at":"2026-02-10T08:00:00.000Z","categories":[{"id":"cat_1","name":"Seasonal","created_at":"2026-01-01T00:00:00.000Z"}],"object":"campaign","creation_status":"DONE"}"#;

#[test]
fn campaigns_and_their_list() {
    let campaign: Campaign = round_trip(CAMPAIGN);
    let voucher = campaign.voucher.as_ref().unwrap();
    assert_eq!(voucher.kind, Some(VoucherType::DiscountVoucher));
    assert_eq!(voucher.extra["code_config"]["prefix"], "SPRING-");
    assert_eq!(campaign.extra["creation_status"], "DONE");
    let list: CampaignsListResponseBody = round_trip(&format!(
        r#"{{"object":"list","data_ref":"campaigns","campaigns":[{CAMPAIGN},{CAMPAIGN}],"total":2}}"#
    ));
    assert_eq!(list.campaigns.unwrap().len(), 2);
}

#[test]
fn a_mistake_deep_inside_names_its_path() {
    let text = discount_voucher(r#"{"type":"AMOUNT","amount_off":"ten"}"#);
    let error = voucherify_model::from_str::<Voucher>(&text).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with(r#"discount.amount_off: invalid type: string "ten", expected f64"#),
        "{error}"
    );
    let text = discount_voucher(r#"{"type":"AMOUNT"}"#).replace("2026-01-03T12:30:00.500Z", "soon");
    let error = voucherify_model::from_str::<Voucher>(&text).unwrap_err();
    assert!(
        error.to_string().starts_with("categories[1].updated_at: "),
        "{error}"
    );
    let error = voucherify_model::from_str::<Order>(r#"{"status":7}"#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("status: invalid type: integer `7`"),
        "{error}"
    );
}
