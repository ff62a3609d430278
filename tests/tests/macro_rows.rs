//! Every rule of the macro, checked through the public API on the models
//! of this crate's `src/`, which is built as a downstream crate.

use serde_json::{json, Value};
use time::macros::{date, datetime};
use voucherify_model::{from_str, to_string, voucherify_model};
use voucherify_tests::renamed::Renamed;
use voucherify_tests::{Account, AccountKind, Channel, Page, Stamp};

/// What `to_string` writes, which must be what serde_json writes through
/// the serde impls.
fn written(value: &(impl serde::Serialize + voucherify_model::Json)) -> Value {
    let text = to_string(value).unwrap();
    assert_eq!(text, serde_json::to_string(value).unwrap());
    serde_json::from_str(&text).unwrap()
}

#[test]
fn option_absent_or_null_is_none_and_none_is_left_out() {
    let absent: Account = from_str(r#"{"id":"a"}"#).unwrap();
    let null: Account =
        from_str(r#"{"id":"a","nickname":null,"opened_at":null,"birthdate":null}"#).unwrap();
    assert_eq!(absent.nickname, None);
    assert_eq!(absent, null);
    assert_eq!(written(&null), json!({"id": "a"}));
}

#[test]
fn double_option_keeps_absent_null_and_value_apart() {
    let absent: Account = from_str(r#"{"id":"a"}"#).unwrap();
    let null: Account =
        from_str(r#"{"id":"a","note":null,"closed_at":null,"anniversary":null}"#).unwrap();
    let value: Account = from_str(
        r#"{"id":"a","note":"hi","closed_at":"2024-02-29T12:00:00Z","anniversary":"2020-02-29"}"#,
    )
    .unwrap();
    assert_eq!(
        (absent.note, absent.closed_at, absent.anniversary),
        (None, None, None)
    );
    assert_eq!(
        (null.note.clone(), null.closed_at, null.anniversary),
        (Some(None), Some(None), Some(None))
    );
    assert_eq!(value.note.as_ref(), Some(&Some("hi".to_owned())));
    assert_eq!(value.closed_at, Some(Some(datetime!(2024-02-29 12:00 UTC))));
    assert_eq!(value.anniversary, Some(Some(date!(2020 - 02 - 29))));
    assert_eq!(
        written(&null),
        json!({"id": "a", "note": null, "closed_at": null, "anniversary": null})
    );
    assert_eq!(
        written(&value),
        json!({"id": "a", "note": "hi", "closed_at": "2024-02-29T12:00:00.000Z", "anniversary": "2020-02-29"})
    );
}

#[test]
fn required_field_missing_is_an_error_naming_it() {
    let error = from_str::<Account>(r#"{"nickname":"x"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        ".: missing field `id` at line 1 column 16"
    );
    let error = from_str::<Stamp>(r#"{"at":"2022-08-30T06:32:07.380Z","by":"me"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        ".: missing field `on` at line 1 column 43"
    );
    let error = from_str::<Account>(r#"{"id":null}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "id: invalid type: null, expected a string at line 1 column 10"
    );
}

#[test]
#[allow(deprecated)]
fn required_fields_are_always_written() {
    let stamp = Stamp {
        at: datetime!(2022-08-30 06:32:07.38 UTC),
        on: date!(2022 - 08 - 30),
        by: "me".into(),
        legacy: None,
    };
    assert_eq!(
        written(&stamp),
        json!({"at": "2022-08-30T06:32:07.380Z", "on": "2022-08-30", "by": "me"})
    );
}

#[test]
fn timestamps_read_any_rfc3339_and_write_utc_milliseconds() {
    let read = |text: &str| {
        from_str::<Account>(&format!(r#"{{"id":"a","opened_at":"{text}"}}"#)).map(|a| a.opened_at)
    };
    let instant = datetime!(2022-08-30 06:32:07.38 UTC);
    for text in [
        "2022-08-30T06:32:07.380Z",
        "2022-08-30T06:32:07.38Z",
        "2022-08-30t06:32:07.380z",
        "2022-08-30T08:32:07.380+02:00",
        "2022-08-29T20:02:07.380-10:30",
    ] {
        assert_eq!(read(text).unwrap(), Some(instant), "{text}");
    }
    let account = Account {
        id: "a".into(),
        opened_at: Some(datetime!(2022-08-30 08:32:07.38 +02:00)),
        ..Account::default()
    };
    assert_eq!(written(&account)["opened_at"], "2022-08-30T06:32:07.380Z");
    for bad in [
        "2022-08-30",
        "2022-08-30T06:32:07",
        "2022-02-30T00:00:00Z",
        "10000-01-01T00:00:00Z",
        "yesterday",
    ] {
        let error = read(bad).unwrap_err();
        assert_eq!(error.path(), "opened_at", "{bad}");
        assert!(
            error
                .to_string()
                .contains("expected an RFC 3339 timestamp such as"),
            "{error}"
        );
    }
}

#[test]
fn sub_millisecond_precision_survives() {
    for (value, text) in [
        (
            datetime!(2022-08-30 06:32:07.000_001 UTC),
            "2022-08-30T06:32:07.000001Z",
        ),
        (
            datetime!(2022-08-30 06:32:07.123_456_789 UTC),
            "2022-08-30T06:32:07.123456789Z",
        ),
    ] {
        let account = Account {
            id: "a".into(),
            opened_at: Some(value),
            ..Account::default()
        };
        assert_eq!(written(&account)["opened_at"], text);
        let back: Account = from_str(&to_string(&account).unwrap()).unwrap();
        assert_eq!(back, account);
    }
}

#[test]
fn dates_are_year_month_day() {
    let account: Account = from_str(r#"{"id":"a","birthdate":"1990-07-14"}"#).unwrap();
    assert_eq!(account.birthdate, Some(date!(1990 - 07 - 14)));
    assert_eq!(written(&account)["birthdate"], "1990-07-14");
    for bad in [
        "1990-7-14",
        "1990-07-14T00:00:00Z",
        "1990-02-30",
        "14/07/1990",
        "",
    ] {
        let error =
            from_str::<Account>(&format!(r#"{{"id":"a","birthdate":"{bad}"}}"#)).unwrap_err();
        assert_eq!(error.path(), "birthdate", "{bad}");
    }
}

#[test]
fn format_attribute_applies_to_aliased_types() {
    let account: Account =
        from_str(r#"{"id":"a","audited_at":"2022-08-30T08:32:07+02:00"}"#).unwrap();
    assert_eq!(account.audited_at, Some(datetime!(2022-08-30 06:32:07 UTC)));
    assert_eq!(written(&account)["audited_at"], "2022-08-30T06:32:07.000Z");
}

#[test]
fn unknown_keys_are_kept_and_written_back() {
    let text = r#"{"id":"a","tier":{"level":3,"since":null},"nickname":"n","tags":["x",1.5]}"#;
    let account: Account = from_str(text).unwrap();
    assert_eq!(account.extra.len(), 2);
    assert_eq!(account.extra["tier"], json!({"level": 3, "since": null}));
    assert_eq!(
        written(&account),
        serde_json::from_str::<Value>(text).unwrap()
    );
}

#[test]
fn without_an_extra_field_unknown_keys_are_ignored() {
    let stamp: Stamp =
        from_str(r#"{"at":"2022-08-30T06:32:07.380Z","on":"2022-08-30","by":"me","new":1}"#)
            .unwrap();
    assert_eq!(stamp.by, "me");
}

#[test]
fn duplicate_keys_are_errors_known_or_not() {
    let error = from_str::<Account>(r#"{"id":"a","id":"b"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        ".: duplicate field `id` at line 1 column 14"
    );
    let error = from_str::<Account>(r#"{"id":"a","x":1,"x":2}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "x: duplicate field `x` at line 1 column 20"
    );
}

#[test]
fn extra_keys_that_shadow_fields_are_refused_on_write() {
    let mut account = Account {
        id: "a".into(),
        ..Account::default()
    };
    account.extra.insert("id".into(), json!("b"));
    let error = to_string(&account).unwrap_err();
    assert!(
        error.to_string().contains("the extra map holds `id`"),
        "{error}"
    );
}

#[test]
#[allow(deprecated)]
fn redacted_fields_are_hidden_from_debug() {
    let account = Account {
        id: "a".into(),
        secret: Some("hunter2".into()),
        pin: Some(Some("1234".into())),
        ..Account::default()
    };
    let debug = format!("{account:?}");
    assert!(
        !debug.contains("hunter2") && !debug.contains("1234"),
        "{debug}"
    );
    assert!(debug.contains(r#"secret: Some("<redacted>")"#), "{debug}");
    assert!(
        debug.contains(r#"pin: Some(Some("<redacted>"))"#),
        "{debug}"
    );
    let pretty = format!(
        "{:#?}",
        Account {
            pin: Some(None),
            ..account
        }
    );
    assert!(
        pretty.contains("pin: Some(\n        None,\n    )"),
        "{pretty}"
    );
    let stamp = Stamp {
        at: datetime!(2022-08-30 06:32:07.38 UTC),
        on: date!(2022 - 08 - 30),
        by: "alice".into(),
        legacy: None,
    };
    assert!(format!("{stamp:?}").contains(r#"by: "<redacted>""#));
    assert!(format!("{:?}", Account::default()).contains("secret: None"));
}

#[test]
#[allow(deprecated)]
fn deprecated_fields_still_read_and_write() {
    let account: Account =
        from_str(r#"{"id":"a","birthday":"1990-07-14","legacy_id":"old"}"#).unwrap();
    assert_eq!(account.birthday, Some(date!(1990 - 07 - 14)));
    assert_eq!(account.legacy_id.as_deref(), Some("old"));
    assert_eq!(
        written(&account),
        json!({"id": "a", "birthday": "1990-07-14", "legacy_id": "old"})
    );
}

#[test]
fn users_serde_attributes_keep_their_meaning() {
    let account: Account = from_str(r#"{"id":"a","kind":"personal"}"#).unwrap();
    assert_eq!(account.account_kind, Some(AccountKind::Personal));
    assert_eq!(written(&account), json!({"id": "a", "kind": "personal"}));
}

mod lowercase {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        value: &Option<String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_str(&value.to_lowercase()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        Ok(Option::<String>::deserialize(deserializer)?.map(|value| value.to_uppercase()))
    }
}

#[voucherify_model]
struct Coupon {
    #[serde(default, with = "lowercase")]
    code: Option<String>,
    #[serde(default, with = "lowercase", skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[voucherify(extra)]
    extra: voucherify_model::Map,
}

#[test]
fn fields_with_their_own_with_are_left_alone() {
    let coupon: Coupon = from_str(r#"{"code":"Summer","label":"Big"}"#).unwrap();
    assert_eq!(coupon.code.as_deref(), Some("SUMMER"));
    assert_eq!(written(&coupon), json!({"code": "summer", "label": "big"}));
    let empty: Coupon = from_str("{}").unwrap();
    assert_eq!(written(&empty), json!({}));
}

#[test]
fn enums_are_snake_case_strings_with_a_catch_all() {
    for (text, kind) in [
        ("personal", AccountKind::Personal),
        ("small_business", AccountKind::SmallBusiness),
        ("ENTERPRISE", AccountKind::Enterprise),
        ("martian", AccountKind::Other("martian".into())),
    ] {
        let value: AccountKind = serde_json::from_value(json!(text)).unwrap();
        assert_eq!(value, kind);
        assert_eq!(serde_json::to_value(&value).unwrap(), json!(text));
    }
    let alias: AccountKind = serde_json::from_value(json!("corp")).unwrap();
    assert_eq!(alias, AccountKind::Enterprise);
    let escaped: AccountKind = serde_json::from_str(r#""small\u005fbusiness""#).unwrap();
    assert_eq!(escaped, AccountKind::SmallBusiness);
    let error = serde_json::from_value::<AccountKind>(json!(5)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: integer `5`, expected a string"
    );
}

/// An enum of one string.
#[voucherify_model]
pub enum OnlyKind {
    Customer,
}

#[test]
fn enums_without_a_catch_all_list_the_known_strings() {
    let channel: Channel = serde_json::from_value(json!("PUSH_NOTIFICATION")).unwrap();
    assert_eq!(channel, Channel::PushNotification);
    let error = serde_json::from_value::<Channel>(json!("sms")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown variant `sms`, expected `EMAIL` or `PUSH_NOTIFICATION`"
    );
    let error = serde_json::from_value::<Channel>(json!(5)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: integer `5`, expected one of `EMAIL`, `PUSH_NOTIFICATION`"
    );
    let error = serde_json::from_value::<OnlyKind>(json!(5)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: integer `5`, expected the string `customer`"
    );
    let mut set = std::collections::HashSet::new();
    set.insert(Channel::Email);
    assert!(set.contains(&Channel::Email.clone()));
}

#[test]
fn generic_structs_keep_unknown_keys() {
    let page: Page<AccountKind> = from_str(r#"{"items":["personal","x"],"cursor":7}"#).unwrap();
    assert_eq!(
        page.items,
        vec![AccountKind::Personal, AccountKind::Other("x".into())]
    );
    assert_eq!(page.extra["cursor"], 7);
    assert_eq!(
        written(&page),
        json!({"items": ["personal", "x"], "cursor": 7})
    );
}

#[test]
fn a_renamed_runtime_crate_works_through_crate_argument() {
    let value: Renamed = from_str(r#"{"id":"r","x":true}"#).unwrap();
    assert_eq!(written(&value), json!({"id": "r", "x": true}));
}

#[test]
fn other_serde_formats_that_support_maps_round_trip() {
    // `serde_json::Value` as a format: a different Deserializer and Serializer.
    let text = r#"{"id":"a","opened_at":"2022-08-30T06:32:07.380Z","kind":"corp","zz":[1]}"#;
    let account: Account = from_str(text).unwrap();
    let as_value = serde_json::to_value(&account).unwrap();
    let back: Account = serde_json::from_value(as_value.clone()).unwrap();
    assert_eq!(back, account);
    assert_eq!(as_value["zz"], json!([1]));
}

#[test]
fn clone_and_equality_cover_every_field() {
    let account: Account = from_str(r#"{"id":"a","secret":"s","u":1}"#).unwrap();
    let mut other = account.clone();
    assert_eq!(other, account);
    other.extra.insert("u".into(), json!(2));
    assert_ne!(other, account);
}

#[test]
fn container_serde_attributes_apply_to_a_struct_without_extra() {
    use voucherify_tests::Closed;
    let closed: Closed = from_str(r#"{"id":"a"}"#).unwrap();
    assert_eq!(closed.id.as_deref(), Some("a"));
    let error = from_str::<Closed>(r#"{"id":"a","other":1}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "other: unknown field `other`, expected `id` at line 1 column 17"
    );
}
