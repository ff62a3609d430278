//! The request bodies, list parameters and error object of the customer
//! endpoints, as a client uses them.

use serde_json::json;
use time::macros::{date, datetime};
use voucherify_model::*;

#[test]
fn update_body_sends_exactly_what_was_set() {
    let nothing = CustomersUpdateRequestBody::default();
    assert_eq!(voucherify_model::to_string(&nothing).unwrap(), "{}");

    let body = CustomersUpdateRequestBody {
        name: Some(Some("Ana Ruiz".to_owned())),
        phone: Some(None),
        birthdate: Some(Some(date!(1985 - 06 - 30))),
        address: Some(Some(CustomersUpdateRequestBodyAddress {
            line_2: Some(None),
            country: Some(Some("Spain".to_owned())),
            ..Default::default()
        })),
        ..Default::default()
    };
    let text = voucherify_model::to_string(&body).unwrap();
    assert_eq!(
        text,
        r#"{"name":"Ana Ruiz","phone":null,"birthdate":"1985-06-30","address":{"line_2":null,"country":"Spain"}}"#
    );
    // Read back, each field is in the state it was sent in.
    let read: CustomersUpdateRequestBody = voucherify_model::from_str(&text).unwrap();
    assert_eq!(read, body);
    assert_eq!(read.email, None);
    assert_eq!(read.phone, Some(None));
}

#[test]
#[allow(deprecated)]
fn deprecated_birthday_is_still_sent() {
    let body = CustomersUpdateInBulkRequestBody {
        source_id: Some("crm-1".to_owned()),
        birthday: Some(Some(date!(1990 - 02 - 28))),
        ..Default::default()
    };
    assert_eq!(
        voucherify_model::to_string(&body).unwrap(),
        r#"{"source_id":"crm-1","birthday":"1990-02-28"}"#
    );
}

#[test]
fn request_bodies_keep_personal_data_out_of_debug() {
    let create = CustomersCreateRequestBody {
        email: Some("secret@example.org".to_owned()),
        ..Default::default()
    };
    let update = CustomersUpdateRequestBody {
        email: Some(Some("secret@example.org".to_owned())),
        phone: Some(None),
        ..Default::default()
    };
    let create = format!("{create:?}");
    let update = format!("{update:?}");
    assert!(!create.contains("secret"), "{create}");
    assert!(!update.contains("secret"), "{update}");
    assert!(
        update.contains(r#"email: Some(Some("<redacted>"))"#),
        "{update}"
    );
    assert!(update.contains("phone: Some(None)"), "{update}");
    // An address printed on its own hides its lines too.
    let address = CustomersUpdateRequestBodyAddress {
        line_1: Some(Some("ul. Długa 14".to_owned())),
        country: Some(Some("Poland".to_owned())),
        ..Default::default()
    };
    let address = format!("{address:?}");
    assert!(!address.contains("Długa"), "{address}");
    assert!(address.contains("Poland"), "{address}");
}

#[test]
fn unknown_keys_of_a_request_are_sent_too() {
    let mut body = CustomersCreateRequestBody {
        source_id: Some("crm-2".to_owned()),
        ..Default::default()
    };
    let mut extra = Map::new();
    extra.insert("preferred_language".to_owned(), json!("pl"));
    body.extra = extra.into();
    assert_eq!(
        voucherify_model::to_string(&body).unwrap(),
        r#"{"source_id":"crm-2","preferred_language":"pl"}"#
    );
}

#[test]
fn every_list_parameter_is_rendered() {
    let params = ListCustomersParams {
        limit: Some(25),
        page: Some(3),
        email: Some("a+b@example.org".to_owned()),
        city: Some("New York".to_owned()),
        name: Some("Zoë & Co".to_owned()),
        segment_id: Some("seg_1".to_owned()),
        created_at_before: Some(datetime!(2024-02-01 00:00 +01:00)),
        created_at_after: Some(datetime!(2023-12-22 10:13:06.487 UTC)),
        updated_at_before: Some(datetime!(2024-03-01 12:00:00.000_001 UTC)),
        updated_at_after: Some(datetime!(2024-01-01 00:00 UTC)),
        order: Some(ListCustomersOrder::UpdatedAtDesc),
        starting_after: Some(datetime!(2020-05-24 13:43:09.024 UTC)),
    };
    let expected = [
        "limit=25",
        "page=3",
        "email=a%2Bb%40example.org",
        "city=New%20York",
        "name=Zo%C3%AB%20%26%20Co",
        "segment_id=seg_1",
        "created_at%5Bbefore%5D=2024-01-31T23%3A00%3A00.000Z",
        "created_at%5Bafter%5D=2023-12-22T10%3A13%3A06.487Z",
        "updated_at%5Bbefore%5D=2024-03-01T12%3A00%3A00.000001Z",
        "updated_at%5Bafter%5D=2024-01-01T00%3A00%3A00.000Z",
        "order=-updated_at",
        "starting_after=2020-05-24T13%3A43%3A09.024Z",
    ]
    .join("&");
    assert_eq!(params.query().unwrap(), expected);
    assert_eq!(ListCustomersParams::default().query().unwrap(), "");
}

#[test]
fn every_order_is_spelt_as_the_api_spells_it() {
    let spelt: Vec<&str> = [
        ListCustomersOrder::CreatedAt,
        ListCustomersOrder::CreatedAtDesc,
        ListCustomersOrder::UpdatedAt,
        ListCustomersOrder::UpdatedAtDesc,
        ListCustomersOrder::SourceId,
        ListCustomersOrder::SourceIdDesc,
    ]
    .into_iter()
    .map(ListCustomersOrder::as_str)
    .collect();
    assert_eq!(
        spelt,
        [
            "created_at",
            "-created_at",
            "updated_at",
            "-updated_at",
            "source_id",
            "-source_id"
        ]
    );
}

#[test]
fn a_timestamp_without_an_rfc_3339_form_is_an_error() {
    let params = ListCustomersParams {
        starting_after: Some(datetime!(9999-12-31 23:00 -02:00)),
        ..Default::default()
    };
    assert_eq!(
        params.query().unwrap_err().to_string(),
        "`starting_after` has no RFC 3339 form: its UTC year is outside 0000 to 9999"
    );
}

fn page(has_more: Option<bool>, created: &[Option<&str>]) -> CustomersListResponseBody {
    let customers: Vec<serde_json::Value> = created
        .iter()
        .map(|at| match at {
            Some(at) => json!({"id": "c", "created_at": at}),
            None => json!({"id": "c"}),
        })
        .collect();
    let mut document = json!({"object": "list", "customers": customers});
    if let Some(has_more) = has_more {
        document["has_more"] = json!(has_more);
    }
    voucherify_model::from_str(&document.to_string()).unwrap()
}

#[test]
fn next_page_continues_from_the_last_customer() {
    let params = ListCustomersParams {
        limit: Some(2),
        page: Some(99),
        city: Some("Kraków".to_owned()),
        ..Default::default()
    };
    let next = params
        .next_page(&page(
            Some(true),
            &[
                Some("2024-02-02T00:00:00.000Z"),
                Some("2024-02-01T00:00:00.000Z"),
            ],
        ))
        .unwrap();
    assert_eq!(next.page, None);
    assert_eq!(next.limit, Some(2));
    assert_eq!(next.city.as_deref(), Some("Kraków"));
    assert_eq!(next.starting_after, Some(datetime!(2024-02-01 00:00 UTC)));

    // The last page, a page without `has_more`, an empty page, and a page
    // where no customer has `created_at` all end the loop.
    assert_eq!(
        params.next_page(&page(Some(false), &[Some("2024-02-01T00:00:00Z")])),
        None
    );
    assert_eq!(
        params.next_page(&page(None, &[Some("2024-02-01T00:00:00Z")])),
        None
    );
    assert_eq!(params.next_page(&page(Some(true), &[])), None);
    assert_eq!(params.next_page(&page(Some(true), &[None, None])), None);
}

#[test]
fn next_page_continues_from_the_last_customer_that_has_created_at() {
    // One customer without `created_at` at the end of a page must not end
    // the loop early: the page continues from the one before it, and the
    // customer comes again on the next page.
    let params = ListCustomersParams::default();
    let next = params
        .next_page(&page(
            Some(true),
            &[
                Some("2024-02-03T00:00:00Z"),
                Some("2024-02-02T00:00:00Z"),
                None,
                None,
            ],
        ))
        .unwrap();
    assert_eq!(next.starting_after, Some(datetime!(2024-02-02 00:00 UTC)));
}

#[test]
fn error_object_displays_what_it_has() {
    let full: VoucherifyError = voucherify_model::from_str(
        r#"{"code":400,"key":"invalid_payload","message":"Invalid payload","request_id":"v-1","error":{"message":"Birthdate must be a date"}}"#,
    )
    .unwrap();
    assert_eq!(
        full.to_string(),
        "Voucherify error 400 invalid_payload: Invalid payload [request v-1]"
    );
    assert_eq!(
        full.error.and_then(|error| error.message).as_deref(),
        Some("Birthdate must be a date")
    );
    let bare: VoucherifyError = voucherify_model::from_str("{}").unwrap();
    assert_eq!(bare.to_string(), "Voucherify error: no message");
    // It travels as an error.
    let boxed: Box<dyn std::error::Error> = Box::new(bare);
    assert_eq!(boxed.to_string(), "Voucherify error: no message");
}

#[test]
fn error_object_refuses_a_wrong_kind_only() {
    let error = voucherify_model::from_str::<VoucherifyError>(r#"{"code":"404"}"#).unwrap_err();
    assert!(
        error.to_string().starts_with("code: invalid type"),
        "{error}"
    );
    let nulls: VoucherifyError =
        voucherify_model::from_str(r#"{"code":null,"key":null,"error":null}"#).unwrap();
    assert_eq!(nulls, VoucherifyError::default());
}

#[test]
fn repeated_keys_are_refused_in_request_and_voucher_objects() {
    let error = voucherify_model::from_str::<CustomersUpdateRequestBody>(
        r#"{"metadata":{"lang":"en","lang":"pl"}}"#,
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("metadata: duplicate key `lang`"),
        "{error}"
    );
    let error = voucherify_model::from_str::<Vec<CustomersUpdateInBulkRequestBody>>(
        r#"[{"metadata":{"a":{"b":1,"b":2}}}]"#,
    )
    .unwrap_err();
    assert!(error.to_string().contains("duplicate key `b`"), "{error}");
    let error = voucherify_model::from_str::<RedeemableVoucher>(
        r#"{"categories":[{"id":"cat_1","id":"cat_2"}]}"#,
    )
    .unwrap_err();
    assert!(error.to_string().starts_with("categories"), "{error}");
    assert!(error.to_string().contains("duplicate key `id`"), "{error}");

    // Without repeats, the three states and the arrays read as before.
    let body: CustomersUpdateRequestBody =
        voucherify_model::from_str(r#"{"metadata":null}"#).unwrap();
    assert_eq!(body.metadata, Some(None));
    let body: CustomersUpdateRequestBody = voucherify_model::from_str("{}").unwrap();
    assert_eq!(body.metadata, None);
    let voucher: RedeemableVoucher =
        voucherify_model::from_str(r#"{"categories":[{"id":"cat_1"}],"metadata":{}}"#).unwrap();
    assert_eq!(voucher.categories.map(|c| c.len()), Some(1));
}

#[test]
fn list_params_debug_hides_the_personal_filters() {
    let params = ListCustomersParams {
        limit: Some(10),
        email: Some("maria.k@example.org".to_owned()),
        name: Some("Maria".to_owned()),
        city: Some("Kraków".to_owned()),
        ..Default::default()
    };
    let shown = format!("{params:?}");
    assert!(
        shown.starts_with("ListCustomersParams { limit: Some(10), page: None, "),
        "{shown}"
    );
    assert!(shown.contains(r#"email: Some("<redacted>")"#), "{shown}");
    assert!(shown.contains(r#"name: Some("<redacted>")"#), "{shown}");
    assert!(shown.contains(r#"city: Some("Kraków")"#), "{shown}");
    assert!(
        !shown.contains("maria") && !shown.contains("Maria"),
        "{shown}"
    );
}
