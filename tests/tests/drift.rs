//! Holds every customer model against its schema in Voucherify's OpenAPI
//! specification, through the description `#[voucherify_model]` records
//! for each model (`voucherify_model::shape`):
//!
//! - every property of the schema is a field of the model, of a compatible
//!   kind and format;
//! - every value of a string enum is a known variant of the model's enum;
//! - every field of the model is a property of the schema;
//! - a field the model requires is one the schema requires, without
//!   `nullable`;
//! - a `oneOf` is a tagged union: each member names its variant by the
//!   `enum` of its tag property, its other properties are held against
//!   that variant (members sharing a tag against the one variant, which
//!   must have the fields of them all), and every variant is some
//!   member's; a union that refuses an object without its tag (one
//!   without an `other` variant) needs a tag the schema requires, without
//!   `nullable`.
//!
//! Models held inside models are followed into the matching property's
//! schema. Each difference the models make on purpose is in
//! [`EXCEPTIONS`], with the reason; an exception no longer needed fails
//! the test too, so the table stays short.
//!
//! The specification lies beside the checkout; without it the test says
//! so and passes.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use voucherify_model::shape::{Format, Kind, Presence, Shape, Shaped, UnionShape};
use voucherify_model::*;

/// Each model, with the name of its schema under `components/schemas`.
fn models() -> Vec<(&'static str, Shape)> {
    vec![
        (
            "CustomersCreateResponseBody",
            CustomersCreateResponseBody::shape(),
        ),
        (
            "CustomersGetResponseBody",
            CustomersGetResponseBody::shape(),
        ),
        (
            "CustomersUpdateResponseBody",
            CustomersUpdateResponseBody::shape(),
        ),
        (
            "CustomersListResponseBody",
            CustomersListResponseBody::shape(),
        ),
        (
            "CustomersCreateRequestBody",
            CustomersCreateRequestBody::shape(),
        ),
        (
            "CustomersUpdateRequestBody",
            CustomersUpdateRequestBody::shape(),
        ),
        (
            "CustomersUpdateInBulkRequestBody",
            CustomersUpdateInBulkRequestBody::shape(),
        ),
        (
            "CustomersMetadataUpdateInBulkRequestBody",
            CustomersMetadataUpdateInBulkRequestBody::shape(),
        ),
        (
            "CustomersPermanentDeletionCreateResponseBody",
            CustomersPermanentDeletionCreateResponseBody::shape(),
        ),
        (
            "CustomersImportCsvCreateResponseBody",
            CustomersImportCsvCreateResponseBody::shape(),
        ),
        (
            "CustomersUpdateInBulkResponseBody",
            CustomersUpdateInBulkResponseBody::shape(),
        ),
        (
            "CustomersMetadataUpdateInBulkResponseBody",
            CustomersMetadataUpdateInBulkResponseBody::shape(),
        ),
        (
            "CustomersSegmentsListResponseBody",
            CustomersSegmentsListResponseBody::shape(),
        ),
        (
            "CustomersRedeemablesListResponseBody",
            CustomersRedeemablesListResponseBody::shape(),
        ),
        ("Error", VoucherifyError::shape()),
    ]
}

/// The differences kept on purpose, each with its reason: a path as the
/// test reports it (schema name, then keys; `[]` for array items), or the
/// bare name of an endpoint schema that no model stands for.
const EXCEPTIONS: &[(&str, &str)] = &[
    (
        "CustomersActivityListResponseBody",
        "the activity endpoints are not modelled yet",
    ),
    (
        "CustomersImportCSVRequestBody",
        "a multipart form carrying a CSV file, not JSON",
    ),
];

/// Whether an exception is of a whole schema rather than one property.
fn is_schema_exception(path: &str) -> bool {
    !path.contains('.')
}

/// Whether the differences at `path` are kept on purpose.
fn excepted(path: &str) -> bool {
    EXCEPTIONS.iter().any(|(excepted, _)| *excepted == path)
}

fn specification() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures/voucherify-openapi/customers.json")
}

struct Checker<'a> {
    schemas: &'a Map<String, Value>,
    problems: Vec<String>,
    excepted_seen: BTreeSet<String>,
    checked_fields: usize,
    /// The paths of the unions held against a `oneOf`.
    unions: Vec<String>,
}

/// A schema with `$ref` followed and `allOf` parts merged: properties,
/// required names, whether it is nullable, and the rest of its keys.
#[derive(Default)]
struct Resolved {
    properties: Map<String, Value>,
    required: BTreeSet<String>,
    nullable: bool,
    rest: Map<String, Value>,
}

impl Checker<'_> {
    fn resolve(&self, schema: &Value) -> Resolved {
        let mut resolved = Resolved::default();
        self.merge(schema, &mut resolved);
        resolved
    }

    fn merge(&self, schema: &Value, into: &mut Resolved) {
        let Some(object) = schema.as_object() else {
            return;
        };
        if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap();
            let target = &self.schemas[name];
            self.merge(target, into);
        }
        for part in object
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            self.merge(part, into);
        }
        if let Some(properties) = object.get("properties").and_then(Value::as_object) {
            for (key, property) in properties {
                into.properties.insert(key.clone(), property.clone());
            }
        }
        for name in object
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            into.required.insert(name.as_str().unwrap().to_owned());
        }
        if object.get("nullable") == Some(&Value::Bool(true)) {
            into.nullable = true;
        }
        for (key, value) in object {
            if !matches!(
                key.as_str(),
                "$ref" | "allOf" | "properties" | "required" | "nullable"
            ) {
                into.rest.insert(key.clone(), value.clone());
            }
        }
    }

    fn problem(&mut self, path: &str, text: String) {
        if excepted(path) {
            self.excepted_seen.insert(path.to_owned());
        } else {
            self.problems.push(format!("{path}: {text}"));
        }
    }

    /// Holds a model's shape against an object schema.
    fn object(&mut self, path: &str, shape: &Shape, schema: &Value) {
        let resolved = self.resolve(schema);
        self.properties(path, shape, &resolved, None);
        self.fields_in(path, shape, &[&resolved], None);
    }

    /// Holds each property of `resolved` (but the union's tag, `skip`)
    /// against the field of the same key.
    fn properties(&mut self, path: &str, shape: &Shape, resolved: &Resolved, skip: Option<&str>) {
        for (key, property) in &resolved.properties {
            if Some(key.as_str()) == skip {
                continue;
            }
            let field_path = format!("{path}.{key}");
            let Some(field) = shape.field(key) else {
                self.problem(&field_path, format!("not a field of {}", shape.name));
                continue;
            };
            self.checked_fields += 1;
            let property_resolved = self.resolve(property);
            if field.presence == Presence::Required
                && (!resolved.required.contains(key) || property_resolved.nullable)
            {
                self.problem(
                    &field_path,
                    format!(
                        "{}::{} is required, but the schema lets the API leave it out or send null",
                        shape.name, field.rust_name
                    ),
                );
            }
            self.value(&field_path, &field.kind, property);
        }
    }

    /// Finds each field of `shape` among the properties of one of
    /// `schemas`.
    fn fields_in(&mut self, path: &str, shape: &Shape, schemas: &[&Resolved], skip: Option<&str>) {
        for field in &shape.fields {
            let listed = schemas
                .iter()
                .any(|schema| schema.properties.contains_key(field.name));
            if !listed || Some(field.name) == skip {
                self.problem(
                    &format!("{path}.{}", field.name),
                    format!("{}::{} is not in the schema", shape.name, field.rust_name),
                );
            }
        }
    }

    /// Holds a tagged union against a `oneOf`: each member by the value of
    /// its tag property, members with one value together.
    fn union(&mut self, path: &str, union: &UnionShape, members: &[Value]) {
        self.unions.push(path.to_owned());
        // Each tag value with its members, in the schema's order.
        let mut chosen: Vec<(String, Vec<Resolved>)> = Vec::new();
        // Whether a member lets the tag be left out or `null`.
        let mut loose_tag = false;
        for (index, member) in members.iter().enumerate() {
            let resolved = self.resolve(member);
            let values: Vec<String> = resolved
                .properties
                .get(union.tag)
                .map(|tag| self.resolve(tag))
                .and_then(|tag| tag.rest.get("enum").cloned())
                .and_then(|values| serde_json::from_value(values).ok())
                .unwrap_or_default();
            if values.is_empty() {
                self.problem(
                    &format!("{path}.oneOf[{index}]"),
                    format!(
                        "names no `{}` value, so {} cannot choose it",
                        union.tag, union.name
                    ),
                );
                continue;
            }
            let tag_resolved = resolved
                .properties
                .get(union.tag)
                .map(|tag| self.resolve(tag));
            // A union with an `other` variant keeps such an object there.
            if !union.open
                && (!resolved.required.contains(union.tag)
                    || tag_resolved.is_some_and(|tag| tag.nullable))
            {
                loose_tag = true;
            }
            for value in values {
                match chosen.iter_mut().find(|(known, _)| *known == value) {
                    Some((_, group)) => group.push(self.resolve(member)),
                    None => chosen.push((value, vec![self.resolve(member)])),
                }
            }
        }
        if loose_tag {
            self.problem(
                &format!("{path}.{}", union.tag),
                format!(
                    "{} needs its tag to choose a variant, but the schema lets the API leave it out or send null",
                    union.name
                ),
            );
        }
        for (value, group) in &chosen {
            let variant_path = format!("{path}<{value}>");
            let Some(variant) = union.variant(value) else {
                self.problem(&variant_path, format!("not a variant of {}", union.name));
                continue;
            };
            let Kind::Model(model) = &variant.kind else {
                self.problem(
                    &variant_path,
                    format!("the schema has an object, the variant has {}", variant.kind),
                );
                continue;
            };
            let shape = model.shape();
            for member in group {
                self.properties(&variant_path, &shape, member, Some(union.tag));
            }
            let group: Vec<&Resolved> = group.iter().collect();
            self.fields_in(&variant_path, &shape, &group, Some(union.tag));
        }
        for variant in &union.variants {
            if !chosen.iter().any(|(value, _)| value == variant.tag) {
                self.problem(
                    &format!("{path}<{}>", variant.tag),
                    format!(
                        "a variant of {} that no member of the schema names",
                        union.name
                    ),
                );
            }
        }
    }

    /// Holds a field's kind against a property's schema.
    fn value(&mut self, path: &str, kind: &Kind, schema: &Value) {
        if excepted(path) {
            self.excepted_seen.insert(path.to_owned());
            return;
        }
        let kind = match kind {
            Kind::Nullable(inner) => inner,
            other => other,
        };
        let resolved = self.resolve(schema);
        let rest = &resolved.rest;
        if let (Some(Value::Array(members)), Kind::Union(union)) = (rest.get("oneOf"), kind) {
            self.union(path, union, members);
            return;
        }
        if rest.contains_key("oneOf") || rest.contains_key("anyOf") {
            self.problem(path, format!("the schema is a union, the model has {kind}"));
            return;
        }
        let schema_type = rest.get("type").and_then(Value::as_str);
        let schema_type = match schema_type {
            Some(schema_type) => schema_type,
            None if !resolved.properties.is_empty() => "object",
            None => {
                self.problem(path, "the schema gives no type".to_owned());
                return;
            }
        };
        let format = rest.get("format").and_then(Value::as_str);
        match (schema_type, kind) {
            ("string", Kind::String(model_format)) => {
                let expected = match format {
                    Some("date") => Some(Format::Date),
                    Some("date-time") => Some(Format::DateTime),
                    _ => None,
                };
                if *model_format != expected {
                    self.problem(
                        path,
                        format!("the schema's format is {format:?}, the model has {kind}"),
                    );
                } else if rest.contains_key("enum") {
                    self.problem(
                        path,
                        format!("the schema lists values, the model has {kind}"),
                    );
                }
            }
            ("string", Kind::Enum(shape)) => {
                let listed = rest.get("enum").and_then(Value::as_array);
                for value in listed.into_iter().flatten() {
                    let value = value.as_str().unwrap_or_default();
                    if !shape.values.contains(&value) {
                        self.problem(
                            path,
                            format!("{value:?} is not a variant of {}", shape.name),
                        );
                    }
                }
                if listed.is_none() && !shape.open {
                    self.problem(
                        path,
                        format!(
                            "any string may come, and {} refuses unknown ones",
                            shape.name
                        ),
                    );
                }
            }
            ("integer", Kind::Integer) | ("number", Kind::Number) | ("boolean", Kind::Boolean) => {}
            ("array", Kind::Array(items)) => {
                let items_schema = rest.get("items").cloned().unwrap_or(Value::Null);
                self.value(&format!("{path}[]"), items, &items_schema);
            }
            ("object", Kind::Model(model)) => {
                let shape = model.shape();
                self.object(path, &shape, schema);
            }
            ("object", Kind::Map(values)) if resolved.properties.is_empty() => {
                if let Some(values_schema) =
                    rest.get("additionalProperties").filter(|v| v.is_object())
                {
                    self.value(&format!("{path}{{}}"), values, values_schema);
                }
            }
            _ => self.problem(
                path,
                format!("the schema has {schema_type} {format:?}, the model has {kind}"),
            ),
        }
    }
}

/// The schema each request body and response of a `/v1/customers` path
/// names, directly or as the items of an array.
fn endpoint_schemas(spec: &Value) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for operations in spec["paths"].as_object().unwrap().values() {
        for operation in operations.as_object().unwrap().values() {
            let request = operation.pointer("/requestBody/content");
            let responses = operation
                .get("responses")
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|responses| responses.values())
                .filter_map(|response| response.get("content"));
            for content in request.into_iter().chain(responses) {
                for media in content.as_object().unwrap().values() {
                    let schema = &media["schema"];
                    let reference = schema
                        .get("$ref")
                        .or_else(|| schema.pointer("/items/$ref"))
                        .and_then(Value::as_str);
                    if let Some(reference) = reference {
                        names.insert(reference.rsplit('/').next().unwrap().to_owned());
                    }
                }
            }
        }
    }
    names
}

#[test]
fn every_endpoint_schema_has_a_model() {
    let Ok(text) = fs::read_to_string(specification()) else {
        eprintln!("the specification is not here; skipped");
        return;
    };
    let spec: Value = serde_json::from_str(&text).unwrap();
    let modelled: BTreeSet<&str> = models().iter().map(|(name, _)| *name).collect();
    let endpoint = endpoint_schemas(&spec);
    let missing: Vec<&String> = endpoint
        .iter()
        .filter(|name| !modelled.contains(name.as_str()))
        .filter(|name| !EXCEPTIONS.iter().any(|(excepted, _)| excepted == name))
        .collect();
    assert!(missing.is_empty(), "schemas without a model: {missing:?}");
    for (excepted, _) in EXCEPTIONS
        .iter()
        .filter(|(path, _)| is_schema_exception(path))
    {
        assert!(
            endpoint.contains(*excepted) && !modelled.contains(excepted),
            "the exception for {excepted} is no longer needed"
        );
    }
    // `Error` is named by no path of the slice, but every endpoint returns it.
    assert!(modelled.contains("Error"));
    assert!(
        endpoint.len() >= 15,
        "only {} endpoint schemas found",
        endpoint.len()
    );
}

#[test]
fn models_match_the_specification() {
    let path = specification();
    let Ok(text) = fs::read_to_string(&path) else {
        eprintln!("{} is not here; the drift check is skipped", path.display());
        return;
    };
    let spec: Value = serde_json::from_str(&text).unwrap();
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let mut checker = Checker {
        schemas,
        problems: Vec::new(),
        excepted_seen: BTreeSet::new(),
        checked_fields: 0,
        unions: Vec::new(),
    };
    for (schema_name, shape) in models() {
        let schema = schemas
            .get(schema_name)
            .unwrap_or_else(|| panic!("{schema_name} is not in the specification"));
        checker.object(schema_name, &shape, schema);
    }
    let stale: Vec<&str> = EXCEPTIONS
        .iter()
        .map(|(path, _)| *path)
        .filter(|path| !is_schema_exception(path) && !checker.excepted_seen.contains(*path))
        .collect();
    assert!(
        checker.problems.is_empty(),
        "the models drifted from the specification:\n{}",
        checker.problems.join("\n")
    );
    assert!(stale.is_empty(), "exceptions no longer needed: {stale:?}");
    assert_eq!(
        checker.unions,
        ["CustomersRedeemablesListResponseBody.data[].redeemable.voucher.discount"]
    );
    assert!(
        checker.checked_fields > 150,
        "only {} fields were compared",
        checker.checked_fields
    );
}

/// A model made to differ from the schema below in every way the check
/// looks for.
#[voucherify_model]
struct Drifted {
    id: String,
    count: Option<String>,
    status: Option<DriftedStatus>,
    at: Option<voucherify_model::time::Date>,
    renamed: Option<bool>,
    #[voucherify(extra)]
    extra: Extra,
}

#[voucherify_model]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum DriftedStatus {
    Active,
}

#[test]
fn the_check_reports_each_kind_of_drift() {
    let schemas = serde_json::json!({
        "Drifted": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "nullable": true},
                "count": {"type": "integer"},
                "status": {"type": "string", "enum": ["ACTIVE", "PAUSED"]},
                "at": {"type": "string", "format": "date-time"},
                "name": {"type": "string"}
            }
        }
    });
    let mut checker = Checker {
        schemas: schemas.as_object().unwrap(),
        problems: Vec::new(),
        excepted_seen: BTreeSet::new(),
        checked_fields: 0,
        unions: Vec::new(),
    };
    checker.object("Drifted", &Drifted::shape(), &schemas["Drifted"]);
    let problems = checker.problems.join("\n");
    for expected in [
        "Drifted.id: Drifted::id is required, but the schema lets the API leave it out or send null",
        "Drifted.count: the schema has integer None, the model has string",
        "Drifted.status: \"PAUSED\" is not a variant of DriftedStatus",
        "Drifted.at: the schema's format is Some(\"date-time\"), the model has string (date)",
        "Drifted.name: not a field of Drifted",
        "Drifted.renamed: Drifted::renamed is not in the schema",
    ] {
        assert!(problems.contains(expected), "missing {expected:?} in\n{problems}");
    }
    assert_eq!(checker.problems.len(), 6, "{problems}");
}

/// A union made to differ from the `oneOf` below in every way the check
/// looks for, held by a model as a `oneOf` and as a plain object.
#[voucherify_model]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
enum DriftedUnion {
    Amount {
        amount_off: Option<i64>,
        #[voucherify(extra)]
        extra: Extra,
    },
    Unit(DriftedUnit),
    Gone {
        gone: Option<bool>,
    },
    #[voucherify(other)]
    Other(voucherify_model::Map),
}

#[voucherify_model]
struct DriftedUnit {
    unit_off: Option<i64>,
    units: Option<Vec<i64>>,
    stray: Option<bool>,
}

/// A union without an `other` variant, which needs its tag.
#[voucherify_model]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
enum ClosedUnion {
    Only { note: Option<String> },
}

#[voucherify_model]
struct DriftedHolder {
    discount: Option<DriftedUnion>,
    plain: Option<DriftedUnion>,
    closed: Option<ClosedUnion>,
}

#[test]
fn the_check_reports_each_kind_of_union_drift() {
    let tag =
        |value: &str| serde_json::json!({"type": "string", "enum": [value], "nullable": true});
    let schemas = serde_json::json!({
        "DriftedHolder": {
            "type": "object",
            "properties": {
                "discount": {"oneOf": [
                    {"$ref": "#/components/schemas/Amount"},
                    {"$ref": "#/components/schemas/Unit"},
                    {"$ref": "#/components/schemas/UnitMultiple"},
                    {"$ref": "#/components/schemas/Percent"},
                    {"type": "object", "properties": {"note": {"type": "string"}}}
                ]},
                "plain": {"type": "object", "properties": {"type": {"type": "string"}}},
                "closed": {"oneOf": [{"$ref": "#/components/schemas/Only"}]}
            }
        },
        "Only": {"type": "object", "properties": {
            "type": tag("ONLY"),
            "note": {"type": "string"}
        }},
        "Amount": {"type": "object", "properties": {
            "type": tag("AMOUNT"),
            "amount_off": {"type": "number"}
        }},
        "Unit": {"type": "object", "properties": {
            "type": tag("UNIT"),
            "unit_off": {"type": "integer"}
        }},
        "UnitMultiple": {"type": "object", "properties": {
            "type": tag("UNIT"),
            "units": {"type": "array", "items": {"type": "integer"}}
        }},
        "Percent": {"type": "object", "properties": {
            "type": tag("PERCENT"),
            "percent_off": {"type": "number"}
        }}
    });
    let mut checker = Checker {
        schemas: schemas.as_object().unwrap(),
        problems: Vec::new(),
        excepted_seen: BTreeSet::new(),
        checked_fields: 0,
        unions: Vec::new(),
    };
    checker.object(
        "DriftedHolder",
        &DriftedHolder::shape(),
        &schemas["DriftedHolder"],
    );
    let problems = checker.problems.join("\n");
    for expected in [
        "DriftedHolder.discount<AMOUNT>.amount_off: the schema has number None, the model has integer",
        "DriftedHolder.discount<UNIT>.stray: DriftedUnit::stray is not in the schema",
        "DriftedHolder.discount<PERCENT>: not a variant of DriftedUnion",
        "DriftedHolder.discount.oneOf[4]: names no `type` value, so DriftedUnion cannot choose it",
        "DriftedHolder.discount<GONE>: a variant of DriftedUnion that no member of the schema names",
        "DriftedHolder.plain: the schema has object None, the model has union DriftedUnion tagged by type",
        "DriftedHolder.closed.type: ClosedUnion needs its tag to choose a variant, but the schema lets the API leave it out or send null",
    ] {
        assert!(problems.contains(expected), "missing {expected:?} in\n{problems}");
    }
    // `unit_off` and `units` each come from one of the two `UNIT` members,
    // and `DriftedUnion`, which keeps an object without its tag, may be
    // sent one.
    assert_eq!(checker.problems.len(), 7, "{problems}");
    assert_eq!(
        checker.unions,
        ["DriftedHolder.discount", "DriftedHolder.closed"]
    );
}
