//! `Extra`, the unknown keys of a model, through its own API: built,
//! compared, printed, read and moved out as the `Map` it stands for.

use serde_json::json;
use voucherify_model::{Extra, Map};

fn map() -> Map {
    let mut map = Map::new();
    map.insert("tier".to_owned(), json!("gold"));
    map.insert("since".to_owned(), json!(2019));
    map
}

#[test]
fn extra_moves_its_entries_out() {
    assert_eq!(Extra::from(map()).into_map(), map());
    assert_eq!(Map::from(Extra::from(map())), map());
    assert_eq!(Extra::new().into_map(), Map::new());
}

#[test]
fn extra_collects_entries() {
    let extra: Extra = map().into_iter().collect();
    assert_eq!(extra.as_map(), &map());
    let empty: Extra = std::iter::empty().collect();
    assert!(empty.is_empty());
}

#[test]
fn extras_are_equal_when_their_entries_are() {
    assert_eq!(Extra::from(map()), map().into_iter().collect::<Extra>());
    assert_eq!(Extra::new(), Extra::from(Map::new()));
    assert_ne!(Extra::from(map()), Extra::new());
    let mut other = map();
    other.insert("since".to_owned(), json!(2020));
    assert_ne!(Extra::from(map()), Extra::from(other));
}

#[test]
fn extra_prints_its_keys_in_order_and_hides_its_values() {
    assert_eq!(
        format!("{:?}", Extra::from(map())),
        r#"{"tier": <redacted>, "since": <redacted>}"#
    );
    assert_eq!(format!("{:?}", Extra::new()), "{}");
}

#[test]
fn extra_reads_as_a_map() {
    let extra: Extra = serde_json::from_str(r#"{"tier":"gold","since":2019}"#).unwrap();
    assert_eq!(extra.into_map(), map());
    let empty: Extra = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, Extra::new());
}
