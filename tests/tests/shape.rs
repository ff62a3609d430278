//! The JSON description `#[voucherify_model]` records for each model, on
//! the models of `src/lib.rs` (which use every field rule) and on the
//! customer models.

use voucherify_model::shape::{Describe, EnumShape, Format, Kind, Presence, Shaped};
use voucherify_model::*;
use voucherify_tests::{Account, AccountKind, Channel, Ledger, Stamp};

#[test]
fn fields_are_described_by_key_kind_and_presence() {
    let shape = Account::shape();
    assert_eq!(shape.name, "Account");
    assert!(shape.extra);
    let keys: Vec<&str> = shape.fields.iter().map(|field| field.name).collect();
    assert_eq!(
        keys,
        [
            "id",
            "nickname",
            "note",
            "opened_at",
            "closed_at",
            "birthdate",
            "anniversary",
            "audited_at",
            "secret",
            "pin",
            "birthday",
            "legacy_id",
            "kind"
        ]
    );
    let field = |key: &str| shape.field(key).unwrap();
    assert_eq!(field("id").presence, Presence::Required);
    assert_eq!(field("nickname").presence, Presence::Optional);
    assert_eq!(field("note").presence, Presence::Clearable);
    assert_eq!(
        field("closed_at").kind,
        Kind::String(Some(Format::DateTime))
    );
    assert_eq!(field("anniversary").kind, Kind::String(Some(Format::Date)));
    // A date behind a type alias.
    assert_eq!(
        field("audited_at").kind,
        Kind::String(Some(Format::DateTime))
    );
    assert!(field("secret").redacted && field("pin").redacted);
    assert!(!field("nickname").redacted);
    assert!(field("birthday").deprecated && field("legacy_id").deprecated);
    // `#[serde(rename = "kind")]` on `account_kind`.
    assert_eq!(field("kind").rust_name, "account_kind");
    assert_eq!(field("kind").kind, AccountKind::describe());
}

#[test]
fn enums_list_their_strings() {
    assert_eq!(
        AccountKind::describe(),
        Kind::Enum(EnumShape {
            name: "AccountKind",
            values: vec!["personal", "small_business", "ENTERPRISE"],
            open: true,
        })
    );
    assert_eq!(
        Channel::describe(),
        Kind::Enum(EnumShape {
            name: "Channel",
            values: vec!["EMAIL", "PUSH_NOTIFICATION"],
            open: false,
        })
    );
    assert_eq!(
        AccountKind::describe().to_string(),
        r#"one of "personal", "small_business", "ENTERPRISE" or another string"#
    );
    assert_eq!(
        Channel::describe().to_string(),
        r#"one of "EMAIL", "PUSH_NOTIFICATION""#
    );
}

#[test]
fn other_types_and_serde_attributes() {
    let shape = Ledger::shape();
    let field = |key: &str| shape.field(key).unwrap();
    assert_eq!(field("totals").kind, Kind::Map(Box::new(Kind::Integer)));
    assert_eq!(field("ratio").kind, Kind::Number);
    assert_eq!(field("count").kind, Kind::Integer);
    assert_eq!(field("currency").presence, Presence::Defaulted);
    assert_eq!(field("memo").presence, Presence::Defaulted);
    assert_eq!(
        field("channels").kind,
        Kind::Array(Box::new(Channel::describe()))
    );
    // A tuple has no JSON kind of its own here.
    assert!(matches!(field("bounds").kind, Kind::Unknown(name) if name.contains("i64")));
    // `#[serde(skip)]` is neither read nor written.
    assert!(shape.field("cache").is_none());
    // A struct without `extra` drops unknown keys.
    assert!(!Stamp::shape().extra);
}

/// Fields serde skips in one direction only.
#[voucherify_model]
#[derive(Default)]
struct OneWay {
    #[serde(skip_serializing)]
    read_only: Option<String>,
    #[serde(skip_deserializing)]
    written_only: Option<String>,
    #[serde(skip)]
    neither: Option<String>,
}

#[test]
fn a_field_skipped_one_way_is_still_described() {
    let shape = OneWay::shape();
    assert!(shape.field("read_only").is_some());
    assert!(shape.field("written_only").is_some());
    assert!(shape.field("neither").is_none());
}

#[test]
fn nested_models_are_referenced_and_followed() {
    let shape = CustomersListResponseBody::shape();
    let customers = &shape.field("customers").unwrap().kind;
    let Kind::Array(item) = customers else {
        panic!("{customers:?}")
    };
    let Kind::Model(customer) = &**item else {
        panic!("{item:?}")
    };
    assert_eq!(customer.name, "CustomersCreateResponseBody");
    let customer = customer.shape();
    assert_eq!(customer.field("birthday").map(|f| f.deprecated), Some(true));
    assert_eq!(
        customer.field("object").unwrap().kind.to_string(),
        r#"one of "customer" or another string"#
    );
}

#[test]
fn model_references_compare_by_the_model_they_name_and_print_it() {
    let list = CustomersListResponseBody::shape();
    let Kind::Array(item) = &list.field("customers").unwrap().kind else {
        panic!("customers is an array")
    };
    let Kind::Model(customer) = &**item else {
        panic!("{item:?}")
    };
    let same = shape::ModelRef {
        name: "CustomersCreateResponseBody",
        shape: CustomersCreateResponseBody::shape,
    };
    let other = shape::ModelRef {
        name: "CustomersListResponseBody",
        shape: CustomersListResponseBody::shape,
    };
    assert_eq!(*customer, same);
    assert_ne!(*customer, other);
    assert_eq!(
        format!("{customer:?}"),
        "ModelRef(CustomersCreateResponseBody)"
    );
}

#[test]
fn shapes_print_one_line_a_field() {
    let text = VoucherifyErrorError::shape().to_string();
    assert_eq!(
        text,
        "VoucherifyErrorError:\n  message: string, may be left out or null\n  (other keys kept as read)\n"
    );
    let text = CustomersUpdateRequestBody::shape().to_string();
    assert!(
        text.contains("  birthday: string (date), left out, null (clear) or a value, deprecated, redacted in Debug\n"),
        "{text}"
    );
}

#[test]
fn json_schema_nests_models_under_defs() {
    let schema = CustomersSegmentsListResponseBody::shape().json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["title"], "CustomersSegmentsListResponseBody");
    assert_eq!(
        schema["properties"]["data"],
        serde_json::json!({"anyOf": [
            {"type": "array", "items": {"$ref": "#/$defs/SimpleSegment"}},
            {"type": "null"}
        ]})
    );
    let segment = &schema["$defs"]["SimpleSegment"];
    assert_eq!(segment["properties"]["id"]["anyOf"][0]["type"], "string");
    // An enum that keeps unknown strings lists its values as examples only.
    assert_eq!(
        segment["properties"]["object"]["anyOf"][0],
        serde_json::json!({"type": "string", "examples": ["segment"]})
    );
    // Required fields, closed enums and deprecation.
    let schema = Account::shape().json_schema();
    assert_eq!(schema["required"], serde_json::json!(["id"]));
    assert_eq!(schema["properties"]["birthday"]["deprecated"], true);
    let schema = Ledger::shape().json_schema();
    assert_eq!(
        schema["properties"]["channels"]["items"],
        serde_json::json!({"type": "string", "enum": ["EMAIL", "PUSH_NOTIFICATION"]})
    );
}

#[test]
fn a_union_records_its_tag_and_each_variant() {
    let Kind::Union(union) = Discount::describe() else {
        panic!("{}", Discount::describe())
    };
    assert_eq!(union.name, "Discount");
    assert_eq!(union.tag, "type");
    assert!(union.open);
    let tags: Vec<&str> = union.variants.iter().map(|variant| variant.tag).collect();
    assert_eq!(tags, ["AMOUNT", "UNIT", "PERCENT", "FIXED"]);
    let Kind::Model(unit) = &union.variant("UNIT").unwrap().kind else {
        panic!("UNIT holds a struct")
    };
    assert_eq!(unit.name, "DiscountUnit");
    assert!(unit.shape().field("units").is_some());
    assert!(union.variant("SHIPPING").is_none());
    // A field holding a union has its kind.
    let voucher = RedeemableVoucher::shape();
    assert_eq!(
        voucher.field("discount").unwrap().kind.to_string(),
        "union Discount tagged by type"
    );

    // Variants with named fields are described as `Enum::Variant`;
    // aliases are kept, and a union without `other` is closed.
    let Kind::Union(effect) = voucherify_tests::api::Effect::describe() else {
        panic!("Effect is a union")
    };
    assert_eq!(effect.tag, "kind");
    assert!(!effect.open);
    let order = effect.variant("ORDER").unwrap();
    assert_eq!(order.tag, "order");
    assert_eq!(order.aliases, ["ORDER"]);
    let Kind::Model(order) = &order.kind else {
        panic!("a variant with named fields is described as a model")
    };
    let order = order.shape();
    assert_eq!(order.name, "Effect::Order");
    assert_eq!(
        order.field("at").unwrap().kind,
        Kind::String(Some(Format::DateTime))
    );
    assert_eq!(order.field("at").unwrap().presence, Presence::Required);
}

#[test]
fn a_union_is_a_one_of_in_json_schema() {
    let schema = RedeemableVoucher::shape().json_schema();
    assert_eq!(
        schema["properties"]["discount"]["anyOf"][0]["$ref"],
        "#/$defs/Discount"
    );
    let union = &schema["$defs"]["Discount"];
    let members = union["oneOf"].as_array().unwrap();
    // Four variants, and any other `type` for the `other` variant.
    assert_eq!(members.len(), 5);
    assert_eq!(members[0]["properties"]["type"]["const"], "AMOUNT");
    assert_eq!(members[0]["required"][0], "type");
    assert_eq!(members[0]["allOf"][0]["$ref"], "#/$defs/DiscountAmount");
    assert_eq!(
        members[4]["properties"]["type"]["not"]["enum"],
        serde_json::json!(["AMOUNT", "UNIT", "PERCENT", "FIXED"])
    );
    // The variants' structs are defined once, with their own fields.
    assert_eq!(
        schema["$defs"]["DiscountUnit"]["properties"]["units"]["anyOf"][0]["items"]["$ref"],
        "#/$defs/DiscountUnitMultipleOneUnit"
    );

    // A closed union has no member for other tags; aliases are an `enum`.
    #[voucherify_model]
    struct Holder {
        effect: voucherify_tests::api::Effect,
    }
    let schema = Holder::shape().json_schema();
    let members = schema["$defs"]["Effect"]["oneOf"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(
        members[0]["properties"]["kind"]["enum"],
        serde_json::json!(["order", "ORDER"])
    );
    assert_eq!(members[1]["properties"]["kind"]["const"], "items");
    assert_eq!(
        schema["$defs"]["Effect::Order"]["required"],
        serde_json::json!(["at"])
    );
}
