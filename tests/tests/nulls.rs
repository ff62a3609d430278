//! A struct with an `extra` field writes back `null` for the `Option`
//! fields read as `null`, by both paths; one without, or with a `Map` as its
//! `extra`, leaves them out.

use serde_json::Value;
use voucherify_model::{voucherify_model, Extra, Map};

#[voucherify_model]
#[derive(Default)]
pub struct Kept {
    pub id: Option<String>,
    pub count: Option<i64>,
    #[serde(rename = "when")]
    pub at: Option<voucherify_model::time::OffsetDateTime>,
    #[serde(alias = "colour")]
    pub color: Option<String>,
    pub inner: Option<Box<Kept>>,
    pub note: Option<Option<String>>,
    pub tags: Option<Vec<Option<String>>>,
    #[voucherify(extra)]
    pub extra: Extra,
}

#[voucherify_model]
pub struct InMap {
    pub id: Option<String>,
    pub count: Option<i64>,
    #[voucherify(extra)]
    pub extra: Map,
}

#[voucherify_model]
pub struct Without {
    pub id: Option<String>,
    pub count: Option<i64>,
}

/// What each path writes for `text`: the direct writer on the direct
/// reader's value, and serde_json on serde_json's value.
fn both_paths<T>(text: &str) -> (String, String)
where
    T: voucherify_model::Json + serde::de::DeserializeOwned + serde::Serialize,
{
    let direct: T = voucherify_model::__hooks::read_direct(text.as_bytes())
        .unwrap_or_else(|| panic!("the direct reader gave up on {text}"));
    let direct = voucherify_model::__hooks::write_direct(&direct, Vec::new())
        .unwrap_or_else(|_| panic!("the direct writer gave up on {text}"));
    let through_serde: T = serde_json::from_str(text).unwrap();
    let through_serde = serde_json::to_string(&through_serde).unwrap();
    (String::from_utf8(direct).unwrap(), through_serde)
}

#[test]
fn nulls_come_back_where_they_were() {
    let text = r#"{"id":null,"count":3,"when":null,"color":null,"inner":{"id":null,"count":null,"inner":null},"note":null,"tags":[null,"a"],"other":null}"#;
    let (direct, through_serde) = both_paths::<Kept>(text);
    assert_eq!(direct, text);
    assert_eq!(through_serde, text);
    let kept: Kept = voucherify_model::from_str(text).unwrap();
    assert_eq!(kept.id, None);
    assert_eq!(kept.note, Some(None));
    assert_eq!(kept.extra.len(), 1, "the record is not an entry");
}

#[test]
fn an_alias_read_as_null_is_written_under_the_field_name() {
    let (direct, through_serde) = both_paths::<Kept>(r#"{"colour":null}"#);
    assert_eq!(direct, r#"{"color":null}"#);
    assert_eq!(through_serde, direct);
}

#[test]
fn a_field_set_later_writes_its_value() {
    let mut kept: Kept = voucherify_model::from_str(r#"{"id":null,"count":null}"#).unwrap();
    kept.id = Some("c1".to_owned());
    assert_eq!(
        voucherify_model::to_string(&kept).unwrap(),
        r#"{"id":"c1","count":null}"#
    );
    assert_eq!(
        serde_json::to_string(&kept).unwrap(),
        r#"{"id":"c1","count":null}"#
    );
    // Set back to `None`, it is `null` again, as it was read.
    kept.id = None;
    assert_eq!(
        voucherify_model::to_string(&kept).unwrap(),
        r#"{"id":null,"count":null}"#
    );
}

#[test]
fn a_value_built_in_code_leaves_none_out() {
    let kept = Kept {
        count: Some(1),
        ..Default::default()
    };
    assert_eq!(
        voucherify_model::to_string(&kept).unwrap(),
        r#"{"count":1}"#
    );
}

#[test]
fn equality_ignores_the_record() {
    let read: Kept = voucherify_model::from_str(r#"{"id":null,"count":1}"#).unwrap();
    let built = Kept {
        count: Some(1),
        ..Default::default()
    };
    assert_eq!(read, built);
    assert_ne!(
        voucherify_model::to_string(&read).unwrap(),
        voucherify_model::to_string(&built).unwrap()
    );
    // A value and its round trip compare equal.
    let again: Kept =
        voucherify_model::from_str(&voucherify_model::to_string(&read).unwrap()).unwrap();
    assert_eq!(again, read);
}

#[test]
fn the_record_survives_clone_and_extra_changes() {
    let mut kept: Kept = voucherify_model::from_str(r#"{"id":null}"#).unwrap();
    kept.extra.insert("tier".to_owned(), Value::from("gold"));
    let copy = kept.clone();
    assert_eq!(
        voucherify_model::to_string(&copy).unwrap(),
        r#"{"id":null,"tier":"gold"}"#
    );
    let entries: Map = copy.extra.into_map();
    assert_eq!(entries.len(), 1);
}

#[test]
fn clear_keeps_the_record_and_forget_nulls_drops_it() {
    let text = r#"{"id":null,"count":2,"inner":{"id":null},"tier":"gold"}"#;
    let mut kept: Kept = voucherify_model::from_str(text).unwrap();
    kept.extra.clear();
    let without_entries = r#"{"id":null,"count":2,"inner":{"id":null}}"#;
    assert_eq!(voucherify_model::to_string(&kept).unwrap(), without_entries);
    assert_eq!(serde_json::to_string(&kept).unwrap(), without_entries);

    kept.extra.insert("tier".to_owned(), Value::from("silver"));
    kept.extra.forget_nulls();
    // The entries stay, and only this struct forgets: `inner` has its own.
    let forgotten = r#"{"count":2,"inner":{"id":null},"tier":"silver"}"#;
    assert_eq!(voucherify_model::to_string(&kept).unwrap(), forgotten);
    assert_eq!(serde_json::to_string(&kept).unwrap(), forgotten);

    // Nothing left to hold: the same as an `Extra` never used.
    kept.extra.clear();
    assert!(kept.extra.is_empty());
    let mut fresh: Kept = voucherify_model::from_str(r#"{"id":null}"#).unwrap();
    fresh.extra.forget_nulls();
    assert_eq!(voucherify_model::to_string(&fresh).unwrap(), "{}");
    assert_eq!(format!("{:?}", fresh.extra), "{}");
}

#[test]
fn a_map_extra_and_no_extra_leave_nulls_out() {
    let text = r#"{"id":null,"count":null,"other":null}"#;
    let (direct, through_serde) = both_paths::<InMap>(text);
    assert_eq!(direct, r#"{"other":null}"#);
    assert_eq!(through_serde, direct);
    let (direct, through_serde) = both_paths::<Without>(text);
    assert_eq!(direct, "{}");
    assert_eq!(through_serde, direct);
}

#[test]
fn a_repeated_null_key_is_still_refused() {
    let error = voucherify_model::from_str::<Kept>(r#"{"id":null,"id":null}"#).unwrap_err();
    assert!(
        error.to_string().contains("duplicate field `id`"),
        "{error}"
    );
}

/// A struct with more nullable fields than one word of the record holds.
macro_rules! wide {
    ($($field:ident)*) => {
        #[voucherify_model]
        #[derive(Default)]
        pub struct Wide {
            $(pub $field: Option<u8>,)*
            #[voucherify(extra)]
            pub extra: Extra,
        }

        const WIDE_FIELDS: &[&str] = &[$(stringify!($field)),*];
    };
}

wide! {
    f00 f01 f02 f03 f04 f05 f06 f07 f08 f09 f10 f11 f12 f13 f14 f15 f16 f17 f18 f19
    f20 f21 f22 f23 f24 f25 f26 f27 f28 f29 f30 f31 f32 f33 f34 f35 f36 f37 f38 f39
    f40 f41 f42 f43 f44 f45 f46 f47 f48 f49 f50 f51 f52 f53 f54 f55 f56 f57 f58 f59
    f60 f61 f62 f63 f64 f65 f66 f67 f68 f69 f70 f71 f72 f73 f74 f75 f76 f77 f78 f79
    f80 f81 f82 f83 f84 f85 f86 f87 f88 f89 f90 f91 f92 f93 f94 f95 f96 f97 f98 f99
    g00 g01 g02 g03 g04 g05 g06 g07 g08 g09 g10 g11 g12 g13 g14 g15 g16 g17 g18 g19
    g20 g21 g22 g23 g24 g25 g26 g27 g28 g29 g30 g31 g32 g33 g34 g35 g36 g37 g38 g39
}

#[test]
fn every_place_of_a_wide_struct_is_kept() {
    assert_eq!(WIDE_FIELDS.len(), 140);
    for (index, name) in WIDE_FIELDS.iter().enumerate() {
        // This field null, its neighbours set, in the struct's order.
        let text = format!(
            "{{{}}}",
            WIDE_FIELDS
                .iter()
                .enumerate()
                .filter(|(other, _)| other.abs_diff(index) <= 1)
                .map(|(other, key)| if other == index {
                    format!("\"{key}\":null")
                } else {
                    format!("\"{key}\":1")
                })
                .collect::<Vec<_>>()
                .join(",")
        );
        let (direct, through_serde) = both_paths::<Wide>(&text);
        assert_eq!(direct, text, "{name}");
        assert_eq!(through_serde, text, "{name}");
    }
}

#[test]
fn a_null_field_written_again_by_the_extra_map_is_refused() {
    // Read as `null`, so written as `null`: an entry of the same name
    // would write the key twice, as it would for a field that is `Some`.
    let mut kept: Kept = voucherify_model::from_str(r#"{"id":null,"k":1}"#).unwrap();
    kept.extra.insert("id".to_owned(), Value::from("x"));
    let message =
        "the extra map holds `id`, which is also a field of the struct; set the field instead";
    let error = voucherify_model::to_string(&kept).unwrap_err();
    assert_eq!(error.to_string(), format!(".: {message}"));
    let error = serde_json::to_string(&kept).unwrap_err();
    assert_eq!(error.to_string(), message);
    // Once forgotten, the field writes nothing and the entry writes itself.
    kept.extra.forget_nulls();
    assert_eq!(
        voucherify_model::to_string(&kept).unwrap(),
        r#"{"k":1,"id":"x"}"#
    );
}
