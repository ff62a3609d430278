//! Fields whose code is chosen by their type: recursive models, models that
//! hold each other, and types with serde's traits but no attribute, through
//! `Clone`, `PartialEq`, `Debug`, serde and the direct path.

mod support;

use serde::{Deserialize, Serialize};
use support::agree;
use voucherify_model::__hooks::write_direct;
use voucherify_model::{voucherify_model, Extra};

/// A model that holds itself.
#[voucherify_model]
struct Kept {
    id: String,
    child: Option<Box<Kept>>,
    children: Vec<Kept>,
    #[voucherify(extra)]
    extra: Extra,
}

/// Two models that hold each other, one without `extra`.
#[voucherify_model]
struct Campaign {
    name: String,
    rewards: Vec<Reward>,
}

#[voucherify_model]
struct Reward {
    points: i64,
    campaign: Option<Box<Campaign>>,
    #[voucherify(extra)]
    extra: Extra,
}

/// A type with the traits but not the attribute: read and written by serde
/// inside a model.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
struct Money {
    cents: i64,
    currency: String,
}

#[voucherify_model]
struct Priced {
    #[serde(rename = "price")]
    money: Money,
    #[serde(default, alias = "was")]
    before: Option<Money>,
    cleared: Option<Option<Money>>,
    #[serde(default)]
    note: Option<Box<str>>,
    #[serde(default)]
    codes: Option<Vec<Box<[i64]>>>,
}

fn both_ways<T: voucherify_model::Model + PartialEq + std::fmt::Debug + Clone>(text: &str) -> T {
    let (value, direct) = agree::<T>(text);
    let value = value.unwrap();
    assert!(direct, "the direct reader gave up on {text}");
    let written = write_direct(&value, Vec::new()).expect("written directly");
    assert_eq!(String::from_utf8(written).unwrap(), text);
    assert_eq!(serde_json::to_string(&value).unwrap(), text);
    let copy = value.clone();
    assert_eq!(copy, value);
    value
}

#[test]
fn a_model_that_holds_itself() {
    let text = r#"{"id":"a","child":{"id":"b","children":[{"id":"c","children":[],"x":1}]},"children":[]}"#;
    let kept: Kept = both_ways(text);
    let child = kept.child.as_ref().unwrap();
    assert_eq!(child.children[0].extra["x"], 1);
    let mut other = kept.clone();
    other.child.as_mut().unwrap().children[0].id = "d".to_owned();
    assert_ne!(other, kept);
    assert!(format!("{kept:?}").contains(r#"id: "c""#));
}

#[test]
fn models_that_hold_each_other() {
    let text = r#"{"name":"spring","rewards":[{"points":5,"campaign":{"name":"inner","rewards":[]},"kept":true}]}"#;
    let campaign: Campaign = both_ways(text);
    assert_eq!(campaign.rewards[0].points, 5);
    assert_eq!(campaign.rewards[0].campaign.as_ref().unwrap().name, "inner");
    let reward: Reward = both_ways(r#"{"points":1}"#);
    assert!(reward.campaign.is_none());
}

#[test]
fn a_type_with_serde_traits_and_no_attribute() {
    let text =
        r#"{"price":{"cents":100,"currency":"EUR"},"before":{"cents":120,"currency":"EUR"}}"#;
    let priced: Priced = both_ways(text);
    assert_eq!(priced.money.cents, 100);
    assert_eq!(priced.cleared, None);
    let cleared: Priced = both_ways(r#"{"price":{"cents":1,"currency":"X"},"cleared":null}"#);
    assert_eq!(cleared.cleared, Some(None));
    let kept: Priced =
        both_ways(r#"{"price":{"cents":1,"currency":"X"},"cleared":{"cents":3,"currency":"Z"}}"#);
    assert_eq!(kept.cleared.unwrap().unwrap().cents, 3);
    let boxed: Priced =
        both_ways(r#"{"price":{"cents":1,"currency":"X"},"note":"n","codes":[[1,2],[]]}"#);
    assert_eq!(boxed.note.as_deref(), Some("n"));
    assert_eq!(boxed.codes.unwrap()[0][..], [1, 2]);
    let was: Priced = voucherify_model::from_str(
        r#"{"price":{"cents":1,"currency":"X"},"was":{"cents":2,"currency":"Y"}}"#,
    )
    .unwrap();
    assert_eq!(was.before.unwrap().cents, 2);
    let error = voucherify_model::from_str::<Priced>(r#"{"price":{"cents":"1","currency":"X"}}"#)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("price.cents: invalid type: string"),
        "{error}"
    );
    let missing = voucherify_model::from_str::<Priced>("{}")
        .unwrap_err()
        .to_string();
    assert!(missing.starts_with(".: missing field `price`"), "{missing}");
}

/// Generic and borrowed models: the fields that name no parameter are
/// picked, the others keep serde's own bounds.
#[voucherify_model]
struct Page<T> {
    data: Vec<T>,
    total: Option<Money>,
    #[voucherify(extra)]
    extra: Extra,
}

#[voucherify_model]
struct CodeRef<'a> {
    code: &'a str,
    money: Money,
}

#[test]
fn generic_and_borrowed_models() {
    let text =
        r#"{"data":[{"cents":1,"currency":"X"}],"total":{"cents":1,"currency":"X"},"more":1}"#;
    let page: Page<Money> = voucherify_model::from_str(text).unwrap();
    assert_eq!(page.data[0].cents, 1);
    assert_eq!(voucherify_model::to_string(&page).unwrap(), text);
    assert_eq!(page.clone(), page);
    assert!(format!("{page:?}").contains("total: Some(Money"));

    let text = r#"{"code":"C-1","money":{"cents":2,"currency":"Y"}}"#;
    let code: CodeRef = voucherify_model::from_str(text).unwrap();
    assert_eq!(code.code, "C-1");
    assert_eq!(code.money.cents, 2);
    assert_eq!(serde_json::to_string(&code).unwrap(), text);
    assert_eq!(code.clone(), code);
}
