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
