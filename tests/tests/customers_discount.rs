//! The discount of a voucher a customer holds (`voucherify_model::Discount`,
//! the specification's `oneOf` chosen by `type`): every member, a type the
//! crate does not know, unknown keys and `null`s, read and written through
//! `from_str`/`to_string` and through serde_json, which must agree.

use std::fmt::Debug;

use voucherify_model::__hooks::read_direct;
use voucherify_model::*;

/// Reads `text` through `from_str`, the direct reader and serde_json, which
/// must give the same value, and writes it back byte for byte both ways.
fn round_trip<T: Model + PartialEq + Debug>(text: &str) -> T {
    let ours: T = voucherify_model::from_str(text).unwrap();
    let theirs: T = serde_json::from_str(text).unwrap();
    assert_eq!(ours, theirs, "serde_json reads {text} otherwise");
    let direct: Option<T> = read_direct(text.as_bytes());
    assert_eq!(direct.as_ref(), Some(&ours), "the direct reader on {text}");
    assert_eq!(voucherify_model::to_string(&ours).unwrap(), text);
    assert_eq!(serde_json::to_string(&ours).unwrap(), text);
    ours
}

/// As [`round_trip`], for a document the direct reader may leave to serde
/// (it takes a union's tag only as the object's first key); when it does
/// read it, it must agree.
fn round_trip_through_serde<T: Model + PartialEq + Debug>(text: &str) -> T {
    let ours: T = voucherify_model::from_str(text).unwrap();
    let theirs: T = serde_json::from_str(text).unwrap();
    assert_eq!(ours, theirs, "serde_json reads {text} otherwise");
    if let Some(direct) = read_direct::<T>(text.as_bytes()) {
        assert_eq!(direct, ours, "the direct reader on {text}");
    }
    assert_eq!(voucherify_model::to_string(&ours).unwrap(), text);
    assert_eq!(serde_json::to_string(&ours).unwrap(), text);
    ours
}

#[test]
fn amount() {
    let discount: Discount = round_trip(
        r#"{"type":"AMOUNT","amount_off":1000,"amount_off_formula":"CUSTOMER.METADATA.CREDIT","aggregated_amount_limit":5000,"effect":"APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY","is_dynamic":false}"#,
    );
    let Discount::Amount(amount) = discount else {
        panic!("{discount:?}")
    };
    assert_eq!(amount.amount_off, Some(1000.0));
    assert_eq!(
        amount.amount_off_formula.as_deref(),
        Some("CUSTOMER.METADATA.CREDIT")
    );
    assert_eq!(amount.aggregated_amount_limit, Some(5000));
    assert_eq!(
        amount.effect,
        Some(DiscountAmountVouchersEffectTypes::ApplyToItemsProportionallyByQuantity)
    );
    assert_eq!(amount.is_dynamic, Some(false));
    // Cents with a fraction stay as read.
    let part: Discount = round_trip(r#"{"type":"AMOUNT","amount_off":1050.5}"#);
    assert!(matches!(part, Discount::Amount(a) if a.amount_off == Some(1050.5)));
}

#[test]
fn percent() {
    let discount: Discount = round_trip(
        r#"{"type":"PERCENT","percent_off":12.5,"percent_off_formula":"10 + 2.5","amount_limit":600,"aggregated_amount_limit":1200,"effect":"APPLY_TO_ITEMS","is_dynamic":true}"#,
    );
    assert_eq!(
        discount,
        Discount::Percent(DiscountPercent {
            percent_off: Some(12.5),
            percent_off_formula: Some("10 + 2.5".to_owned()),
            amount_limit: Some(600.0),
            aggregated_amount_limit: Some(1200),
            effect: Some(DiscountPercentVouchersEffectTypes::ApplyToItems),
            is_dynamic: Some(true),
            ..Default::default()
        })
    );
}

#[test]
fn fixed() {
    let discount: Discount = round_trip(
        r#"{"type":"FIXED","fixed_amount":999.5,"fixed_amount_formula":"ORDER.AMOUNT / 2","effect":"APPLY_TO_ORDER","is_dynamic":true}"#,
    );
    let Discount::Fixed(fixed) = discount else {
        panic!("{discount:?}")
    };
    assert_eq!(fixed.fixed_amount, Some(999.5));
    assert_eq!(
        fixed.fixed_amount_formula.as_deref(),
        Some("ORDER.AMOUNT / 2")
    );
    assert_eq!(
        fixed.effect,
        Some(DiscountFixedVouchersEffectTypes::ApplyToOrder)
    );
}

#[test]
fn one_unit() {
    let discount: Discount = round_trip(
        r#"{"type":"UNIT","unit_off":2,"effect":"ADD_MISSING_ITEMS","unit_type":"prod_0b1","product":{"id":"prod_0b1","source_id":"mug","name":"Mug"},"sku":{"id":"sku_0c2","source_id":"mug-red","name":"Red mug"},"is_dynamic":false}"#,
    );
    let Discount::Unit(unit) = discount else {
        panic!("{discount:?}")
    };
    assert_eq!(unit.unit_off, Some(2));
    assert_eq!(
        unit.effect,
        Some(DiscountUnitVouchersEffectTypes::AddMissingItems)
    );
    assert_eq!(unit.product.unwrap().source_id.as_deref(), Some("mug"));
    assert_eq!(unit.sku.unwrap().name.as_deref(), Some("Red mug"));
    assert_eq!(unit.units, None);
}

#[test]
fn several_units_share_the_unit_tag() {
    let discount: Discount = round_trip(
        r#"{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":1,"effect":"ADD_NEW_ITEMS","unit_type":"prod_0b1","product":{"id":"prod_0b1","name":"Mug"}},{"unit_off":2.5,"unit_off_formula":"2 + 0.5","effect":"ADD_MISSING_ITEMS","unit_type":"sku_0c2","sku":{"id":"sku_0c2","source_id":"mug-red"}}]}"#,
    );
    let Discount::Unit(unit) = discount else {
        panic!("{discount:?}")
    };
    assert_eq!(
        unit.effect,
        Some(DiscountUnitVouchersEffectTypes::AddManyItems)
    );
    assert_eq!(unit.unit_off, None);
    let units = unit.units.unwrap();
    assert_eq!(units.len(), 2);
    assert_eq!(units[0].unit_off, Some(1.0));
    assert_eq!(
        units[0].effect,
        Some(DiscountUnitVouchersEffectTypes::AddNewItems)
    );
    assert_eq!(
        units[0].product.as_ref().unwrap().name.as_deref(),
        Some("Mug")
    );
    assert_eq!(units[1].unit_off, Some(2.5));
    assert_eq!(units[1].unit_off_formula.as_deref(), Some("2 + 0.5"));
    assert_eq!(
        units[1].sku.as_ref().unwrap().source_id.as_deref(),
        Some("mug-red")
    );
}

#[test]
fn an_unknown_type_is_kept_whole() {
    let text = r#"{"type":"SHIPPING","amount_off":500,"zones":["EU",null],"rule":{"min":null}}"#;
    let discount: Discount = round_trip(text);
    let Discount::Other(object) = &discount else {
        panic!("{discount:?}")
    };
    assert_eq!(object["type"], "SHIPPING");
    assert_eq!(object["amount_off"], 500);
    assert_eq!(object["zones"][1], Value::Null);
    assert_eq!(object.len(), 4);
}

#[test]
fn unknown_keys_and_effects_are_kept() {
    let discount: Discount = round_trip(
        r#"{"type":"UNIT","unit_off":1,"effect":"ADD_FREE_SHIPPING","units":[{"unit_off":1,"product":{"id":"prod_1","price":900},"colour":"red"}],"stackable":true,"limit":{"per_order":null}}"#,
    );
    let Discount::Unit(unit) = discount else {
        panic!("{discount:?}")
    };
    assert_eq!(
        unit.effect,
        Some(DiscountUnitVouchersEffectTypes::Other(
            "ADD_FREE_SHIPPING".to_owned()
        ))
    );
    // Unknown keys keep their order, after the fields.
    let unknown: Vec<&String> = unit.extra.as_map().keys().collect();
    assert_eq!(unknown, ["stackable", "limit"]);
    let units = unit.units.unwrap();
    assert_eq!(units[0].extra["colour"], "red");
    assert_eq!(units[0].product.as_ref().unwrap().extra["price"], 900);

    let discount: Discount = round_trip(
        r#"{"type":"PERCENT","percent_off":5,"effect":"APPLY_TO_CHEAPEST","applicable_to":{"data":[]}}"#,
    );
    let Discount::Percent(percent) = discount else {
        panic!("{discount:?}")
    };
    assert_eq!(
        percent.effect,
        Some(DiscountPercentVouchersEffectTypes::Other(
            "APPLY_TO_CHEAPEST".to_owned()
        ))
    );
    assert!(percent.extra["applicable_to"]["data"].is_array());
}

#[test]
fn nulls_read_as_none_and_are_written_back() {
    let discount: Discount = round_trip(
        r#"{"type":"AMOUNT","amount_off":null,"amount_off_formula":null,"aggregated_amount_limit":null,"effect":null,"is_dynamic":null}"#,
    );
    let Discount::Amount(amount) = &discount else {
        panic!("{discount:?}")
    };
    assert_eq!(amount.amount_off, None);
    assert_eq!(amount.effect, None);
    let discount: Discount = round_trip(
        r#"{"type":"UNIT","unit_off":null,"product":null,"sku":{"id":null,"name":"Red mug"},"units":null}"#,
    );
    let Discount::Unit(unit) = &discount else {
        panic!("{discount:?}")
    };
    assert_eq!(unit.product, None);
    assert_eq!(unit.sku.as_ref().unwrap().id, None);
    // With only its tag, each member reads with every field `None`.
    for (text, expected) in [
        (r#"{"type":"AMOUNT"}"#, Discount::Amount(Default::default())),
        (
            r#"{"type":"PERCENT"}"#,
            Discount::Percent(Default::default()),
        ),
        (r#"{"type":"FIXED"}"#, Discount::Fixed(Default::default())),
        (r#"{"type":"UNIT"}"#, Discount::Unit(Default::default())),
    ] {
        assert_eq!(round_trip::<Discount>(text), expected);
    }
}

#[test]
fn a_tag_after_the_fields_is_found_and_written_first() {
    let text = r#"{"percent_off":20,"type":"PERCENT","effect":"APPLY_TO_ORDER"}"#;
    let ours: Discount = voucherify_model::from_str(text).unwrap();
    let theirs: Discount = serde_json::from_str(text).unwrap();
    assert_eq!(ours, theirs);
    assert_eq!(
        voucherify_model::to_string(&ours).unwrap(),
        r#"{"type":"PERCENT","percent_off":20,"effect":"APPLY_TO_ORDER"}"#
    );
}

#[test]
fn a_value_of_the_wrong_kind_is_refused_with_its_path() {
    let error = voucherify_model::from_str::<Discount>(r#"{"type":"AMOUNT","amount_off":"ten"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with(r#"amount_off: invalid type: string "ten", expected f64"#),
        "{error}"
    );
    let error = voucherify_model::from_str::<Discount>(
        r#"{"type":"UNIT","units":[{"unit_off":1},{"unit_off":true}]}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.starts_with("units[1].unit_off: invalid type"),
        "{error}"
    );
}

/// A page of redeemables around `discount`.
fn page(discount: &str) -> String {
    format!(
        r#"{{"object":"list","data_ref":"data","data":[{{"id":"rh_1","created_at":"2024-01-02T03:04:05.000Z","redeemable_id":"v_1","redeemable_object":"voucher","customer_id":"cust_1","holder_role":"OWNER","campaign_id":"camp_1","campaign_type":"DISCOUNT_COUPONS","voucher_type":"DISCOUNT_VOUCHER","redeemable":{{"type":"voucher","voucher":{{"id":"v_1","code":"3xRUnMVG","type":"DISCOUNT_VOUCHER","discount":{discount},"active":true}},"status":"ACTIVE"}}}}],"total":1,"has_more":false}}"#
    )
}

#[test]
fn the_redeemable_voucher_holds_a_discount() {
    let members = [
        r#"{"type":"AMOUNT","amount_off":1000,"effect":"APPLY_TO_ORDER"}"#,
        r#"{"type":"PERCENT","percent_off":10,"amount_limit":600.5}"#,
        r#"{"type":"UNIT","unit_off":1,"unit_type":"prod_1","product":{"id":"prod_1"}}"#,
        r#"{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":1,"unit_type":"sku_1"}]}"#,
        r#"{"type":"FIXED","fixed_amount":500,"extra_rule":1}"#,
        r#"{"type":"BUY_X_GET_Y","x":{"y":[1]}}"#,
        r#"null"#,
    ];
    let mut read = Vec::new();
    for discount in members {
        let page: CustomersRedeemablesListResponseBody = round_trip(&page(discount));
        let held = page.data.unwrap().remove(0);
        let voucher = held.redeemable.unwrap().voucher.unwrap();
        read.push(match voucher.discount {
            Some(Discount::Amount(amount)) => format!("amount {:?}", amount.amount_off),
            Some(Discount::Percent(percent)) => format!("percent {:?}", percent.percent_off),
            Some(Discount::Unit(unit)) => format!(
                "unit {:?} of {} kinds",
                unit.unit_off,
                unit.units.map_or(1, |units| units.len())
            ),
            Some(Discount::Fixed(fixed)) => format!("fixed {:?}", fixed.fixed_amount),
            Some(Discount::Other(object)) => format!("other {}", object["type"]),
            None => "none".to_owned(),
        });
    }
    assert_eq!(
        read,
        [
            "amount Some(1000.0)",
            "percent Some(10.0)",
            "unit Some(1) of 1 kinds",
            "unit None of 1 kinds",
            "fixed Some(500.0)",
            "other \"BUY_X_GET_Y\"",
            "none",
        ]
    );
}

#[test]
fn built_in_code_is_written_as_the_api_writes_it() {
    let discount = Discount::Unit(DiscountUnit {
        effect: Some(DiscountUnitVouchersEffectTypes::AddManyItems),
        units: Some(vec![DiscountUnitMultipleOneUnit {
            unit_off: Some(3.0),
            effect: Some(DiscountUnitVouchersEffectTypes::AddNewItems),
            product: Some(SimpleProductDiscountUnit {
                id: Some("prod_1".to_owned()),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    });
    let text = r#"{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":3,"effect":"ADD_NEW_ITEMS","product":{"id":"prod_1"}}]}"#;
    assert_eq!(voucherify_model::to_string(&discount).unwrap(), text);
    assert_eq!(serde_json::to_string(&discount).unwrap(), text);
    assert_eq!(round_trip::<Discount>(text), discount);
}

#[test]
fn a_missing_or_null_type_is_kept_whole() {
    for text in [
        r#"{"amount_off":500,"effect":"APPLY_TO_ORDER"}"#,
        r#"{"type":null,"percent_off":10}"#,
        r#"{"percent_off":10,"type":null}"#,
        r#"{}"#,
    ] {
        let discount: Discount = round_trip_through_serde(text);
        let Discount::Other(object) = &discount else {
            panic!("{text} read as {discount:?}")
        };
        assert_eq!(Value::Object(object.clone()).to_string(), text);
    }
    let page: CustomersRedeemablesListResponseBody =
        round_trip_through_serde(&page(r#"{"type":null,"amount_off":100}"#));
    let held = &page.data.as_ref().unwrap()[0];
    let voucher = held.redeemable.as_ref().unwrap().voucher.as_ref().unwrap();
    assert!(
        matches!(&voucher.discount, Some(Discount::Other(object)) if object["amount_off"] == 100)
    );
}

#[test]
fn a_tag_of_another_kind_is_kept_whole_too() {
    // Not a string, so it names no variant: one odd discount must not make
    // the list it is in unreadable.
    for text in [r#"{"type":1}"#, r#"{"amount_off":1,"type":["AMOUNT"]}"#] {
        let discount = voucherify_model::from_str::<Discount>(text).unwrap();
        let Discount::Other(object) = &discount else {
            panic!("{text} read as {discount:?}")
        };
        assert_eq!(Value::Object(object.clone()).to_string(), text);
        assert_eq!(voucherify_model::to_string(&discount).unwrap(), text);
    }
}
