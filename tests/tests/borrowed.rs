//! Models that borrow from the input: `&'a str` and `Cow<'a, str>` fields,
//! read through `from_str` and `from_slice`.

use std::borrow::Cow;

use voucherify_model::voucherify_model;

#[voucherify_model]
pub struct CodeRef<'a> {
    pub code: &'a str,
    pub name: Cow<'a, str>,
    pub campaign: Option<&'a str>,
    pub created_at: Option<voucherify_model::time::OffsetDateTime>,
}

#[test]
fn strings_borrow_from_the_input() {
    let text = String::from(r#"{"code":"SPRING-1","name":"Spring","campaign":"camp_1"}"#);
    let code: CodeRef = voucherify_model::from_str(&text).unwrap();
    assert_eq!(code.code, "SPRING-1");
    assert!(matches!(code.name, Cow::Borrowed("Spring")));
    assert_eq!(code.campaign, Some("camp_1"));
    // The borrowed text lies inside the input.
    let range = text.as_bytes().as_ptr_range();
    assert!(range.contains(&code.code.as_ptr()));
    assert_eq!(voucherify_model::to_string(&code).unwrap(), text);

    let from_bytes: CodeRef = voucherify_model::from_slice(text.as_bytes()).unwrap();
    assert_eq!(from_bytes, code);
}

#[test]
fn an_escaped_string_is_owned_by_a_cow_and_refused_by_a_str() {
    let text = r#"{"code":"A","name":"Spring \"26\""}"#;
    let code: CodeRef = voucherify_model::from_str(text).unwrap();
    assert!(matches!(&code.name, Cow::Owned(name) if name == "Spring \"26\""));
    let error = voucherify_model::from_str::<CodeRef>(r#"{"code":"A\nB","name":""}"#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("code: invalid type: string \"A\\nB\", expected a borrowed string"),
        "{error}"
    );
}

/// A serde type of the user's own that borrows: the model hands it to serde.
#[derive(serde::Serialize, serde::Deserialize, Clone, PartialEq, Debug)]
pub struct Note<'a> {
    pub text: &'a str,
}

#[voucherify_model]
pub struct Memo<'a> {
    #[serde(borrow)]
    pub note: Note<'a>,
    #[serde(borrow)]
    pub reply: Option<Note<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub cleared: Option<Option<Note<'a>>>,
}

#[test]
fn a_borrowing_type_of_its_own_is_read_and_written_by_serde() {
    // Without an `extra` field (a borrowing model has none), a `None` is
    // left out; `cleared` keeps its `null` itself.
    let full = r#"{"note":{"text":"a"},"reply":{"text":"b"},"cleared":{"text":"c"}}"#;
    let nulls = r#"{"note":{"text":"a"},"reply":null,"cleared":null}"#;
    for (text, written) in [
        (full, full),
        (nulls, r#"{"note":{"text":"a"},"cleared":null}"#),
        (r#"{"note":{"text":"a"}}"#, r#"{"note":{"text":"a"}}"#),
    ] {
        let memo: Memo = voucherify_model::from_str(text).unwrap();
        assert_eq!(memo.note.text, "a");
        assert_eq!(voucherify_model::to_string(&memo).unwrap(), written);
        assert_eq!(serde_json::to_string(&memo).unwrap(), written);
    }
}

/// A `Cow<'static, str>` borrows nothing: it owns what it reads.
#[voucherify_model]
pub struct StaticLabel {
    pub note: Cow<'static, str>,
    pub fallback: Option<Cow<'static, str>>,
}

#[test]
fn a_static_cow_reads_from_input_that_does_not_live_forever() {
    let text = String::from(r#"{"note":"b","fallback":"c"}"#);
    let label: StaticLabel = voucherify_model::from_str(&text).unwrap();
    let through_serde: StaticLabel = serde_json::from_str(&text).unwrap();
    drop(text);
    assert!(matches!(label.note, Cow::Owned(ref note) if note == "b"));
    assert_eq!(label, through_serde);
    let built = StaticLabel {
        note: Cow::Borrowed("b"),
        fallback: Some(Cow::Borrowed("c")),
    };
    assert_eq!(
        voucherify_model::to_string(&built).unwrap(),
        r#"{"note":"b","fallback":"c"}"#
    );
}
