//! What each model looks like as JSON, recorded by `#[voucherify_model]`
//! for programs to read: the key of every field, the kind of its value
//! (with formats, enum values and nested models), whether it may be left
//! out or be `null`, and whether the model keeps unknown keys.
//!
//! A description is a schema the program itself can use: to compare the
//! models with Voucherify's OpenAPI specification (this crate's drift
//! test does), to print what a model expects, or to export it as a JSON
//! Schema ([`Shape::json_schema`]).
//!
//! ```
//! use voucherify_model::shape::{Kind, Presence, Shaped};
//! use voucherify_model::CustomersUpdateRequestBody;
//!
//! let shape = CustomersUpdateRequestBody::shape();
//! let birthdate = shape.field("birthdate").unwrap();
//! assert_eq!(birthdate.kind, Kind::String(Some(voucherify_model::shape::Format::Date)));
//! // Left out, `null`, or a date.
//! assert_eq!(birthdate.presence, Presence::Clearable);
//! assert!(shape.field("birthday").unwrap().deprecated);
//! assert!(shape.extra);
//! ```

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::marker::PhantomData;

use serde_json::json;
use time::{Date, OffsetDateTime};

use crate::{Extra, Map, Value};

/// A model struct's JSON object: its fields in declaration order.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The Rust name of the struct, such as `CustomerSummary`.
    pub name: &'static str,
    /// The fields written and read, in the order they are written; a field
    /// serde skips both ways and the `extra` field are not among them.
    pub fields: Vec<FieldShape>,
    /// Whether unknown keys are kept (in an `#[voucherify(extra)]` field)
    /// rather than dropped.
    pub extra: bool,
}

/// One field of a [`Shape`].
#[derive(Debug, Clone, PartialEq)]
pub struct FieldShape {
    /// The JSON key, after any `rename`.
    pub name: &'static str,
    /// The Rust name of the field, without any `r#`.
    pub rust_name: &'static str,
    /// The kind of value, with any `Option` layers of the field taken off.
    pub kind: Kind,
    /// Whether the key may be left out, and what `null` means.
    pub presence: Presence,
    /// Whether the field is `#[voucherify(deprecated)]` or `#[deprecated]`.
    pub deprecated: bool,
    /// Whether `Debug` hides the value (`#[voucherify(redact)]`).
    pub redacted: bool,
}

/// How a field treats a missing key and `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Presence {
    /// The key must be there, with a value (any type but `Option`).
    Required,
    /// The key may be missing, with a default value then (a non-`Option`
    /// field with `#[serde(default)]`).
    Defaulted,
    /// Missing and `null` both read as `None` (`Option<T>`).
    Optional,
    /// Missing, `null` and a value are three different things
    /// (`Option<Option<T>>`): left out, cleared, set.
    Clearable,
}

/// The format of a JSON string, where it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `YYYY-MM-DD` (`time::Date`).
    Date,
    /// An RFC 3339 timestamp (`time::OffsetDateTime`).
    DateTime,
}

impl Format {
    /// The name OpenAPI and JSON Schema use: `date` or `date-time`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Date => "date",
            Format::DateTime => "date-time",
        }
    }
}

/// The kind of a JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A string, in a format or not.
    String(Option<Format>),
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// An array of values of one kind.
    Array(Box<Kind>),
    /// An object with keys of any name and values of one kind.
    Map(Box<Kind>),
    /// A value of the kind inside, or `null`: an `Option` below the
    /// field's own level, such as `Vec<Option<i64>>`.
    Nullable(Box<Kind>),
    /// Any JSON value.
    Any,
    /// An object described by another model.
    Model(ModelRef),
    /// A string out of a list of values.
    Enum(EnumShape),
    /// An object told apart by the string under one key: a tagged union
    /// (`#[serde(tag = "...")]`).
    Union(UnionShape),
    /// A type the description does not know (a tuple, a type with its own
    /// serde impls), by its Rust name.
    Unknown(&'static str),
}

/// A reference to a model, whose [`Shape`] is made when asked for, so that
/// a model may hold itself.
#[derive(Clone, Copy)]
pub struct ModelRef {
    /// The Rust name of the model.
    pub name: &'static str,
    /// Makes its description.
    pub shape: fn() -> Shape,
}

impl ModelRef {
    /// The model's description.
    pub fn shape(&self) -> Shape {
        (self.shape)()
    }
}

impl PartialEq for ModelRef {
    /// Two references are equal when they name the same model.
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl fmt::Debug for ModelRef {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "ModelRef({})", self.name)
    }
}

/// A field-less enum's strings.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumShape {
    /// The Rust name of the enum.
    pub name: &'static str,
    /// The string each known variant is written as, in declaration order.
    pub values: Vec<&'static str>,
    /// Whether an unknown string is kept (by an `#[voucherify(other)]`
    /// variant) rather than refused.
    pub open: bool,
}

/// A tagged union's objects: the key its tag is under, and the variant
/// each tag chooses.
///
/// ```
/// use voucherify_model::shape::{Describe, Kind};
///
/// let Kind::Union(union) = voucherify_model::Discount::describe() else { unreachable!() };
/// assert_eq!(union.tag, "type");
/// let Kind::Model(amount) = &union.variant("AMOUNT").unwrap().kind else { unreachable!() };
/// assert!(amount.shape().field("amount_off").is_some());
/// // A discount of a type not listed is kept whole.
/// assert!(union.open);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UnionShape {
    /// The Rust name of the enum.
    pub name: &'static str,
    /// The key the tag is under, such as `type`.
    pub tag: &'static str,
    /// The variants chosen by a tag, in declaration order; the `other`
    /// variant is not among them.
    pub variants: Vec<VariantShape>,
    /// Whether an object with a tag not listed, or with none or `null`, is
    /// kept whole (by an `#[voucherify(other)]` variant) rather than
    /// refused.
    pub open: bool,
}

/// One variant of a [`UnionShape`].
#[derive(Debug, Clone, PartialEq)]
pub struct VariantShape {
    /// The tag's value that is written for the variant.
    pub tag: &'static str,
    /// Other values read as the variant (serde's `alias`).
    pub aliases: Vec<&'static str>,
    /// The rest of the object, beside the tag: a [`Kind::Model`], for a
    /// variant with named fields one named `Enum::Variant`.
    pub kind: Kind,
}

impl UnionShape {
    /// The variant the tag `value` chooses, by its name or an alias.
    pub fn variant(&self, value: &str) -> Option<&VariantShape> {
        self.variants
            .iter()
            .find(|variant| variant.tag == value || variant.aliases.contains(&value))
    }
}

/// A type whose JSON kind is known. `#[voucherify_model]` implements it for
/// every model without generic parameters; it is implemented here for the
/// types models are built of.
pub trait Describe {
    /// The kind of JSON value this type reads and writes.
    fn describe() -> Kind;
}

/// A model struct, whose JSON object is described field by field.
/// `#[voucherify_model]` implements it for every struct without generic
/// parameters.
pub trait Shaped: Describe {
    /// The description of the model's JSON object.
    fn shape() -> Shape;
}

impl Shape {
    /// The field written under `key`.
    pub fn field(&self, key: &str) -> Option<&FieldShape> {
        self.fields.iter().find(|field| field.name == key)
    }

    /// A JSON Schema (draft 2020-12) of the model: an object with its
    /// fields as properties, the models it holds under `$defs`, `required`
    /// for the fields that must be there, and `null` allowed where an
    /// `Option` takes it. Unknown keys are allowed, as the models take
    /// them (kept with `extra`, dropped without); an enum that keeps
    /// unknown strings lists its values as `examples` rather than `enum`.
    ///
    /// ```
    /// use voucherify_model::shape::Shaped;
    ///
    /// let schema = voucherify_model::CustomerReferralsCampaignsItem::shape().json_schema();
    /// let date = &schema["properties"]["date"]["anyOf"];
    /// assert_eq!(date[0]["format"], "date-time");
    /// assert_eq!(date[1]["type"], "null");
    /// // A response model requires nothing: a missing key reads as `None`.
    /// assert!(schema.get("required").is_none());
    /// ```
    pub fn json_schema(&self) -> Value {
        let mut defs = BTreeMap::new();
        let mut root = object_schema(self, &mut defs);
        if let Value::Object(root) = &mut root {
            root.insert(
                "$schema".to_owned(),
                json!("https://json-schema.org/draft/2020-12/schema"),
            );
            if !defs.is_empty() {
                root.insert(
                    "$defs".to_owned(),
                    Value::Object(defs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()),
                );
            }
        }
        root
    }
}

/// The schema of one model's object; models it refers to go into `defs`.
fn object_schema(shape: &Shape, defs: &mut BTreeMap<&'static str, Value>) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in &shape.fields {
        let mut schema = kind_schema(&field.kind, defs);
        if matches!(field.presence, Presence::Optional | Presence::Clearable) {
            schema = json!({"anyOf": [schema, {"type": "null"}]});
        }
        if field.deprecated {
            if let Value::Object(schema) = &mut schema {
                schema.insert("deprecated".to_owned(), Value::Bool(true));
            }
        }
        if field.presence == Presence::Required {
            required.push(Value::String(field.name.to_owned()));
        }
        properties.insert(field.name.to_owned(), schema);
    }
    let mut schema = Map::new();
    schema.insert("title".to_owned(), json!(shape.name));
    schema.insert("type".to_owned(), json!("object"));
    schema.insert("properties".to_owned(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".to_owned(), Value::Array(required));
    }
    Value::Object(schema)
}

fn kind_schema(kind: &Kind, defs: &mut BTreeMap<&'static str, Value>) -> Value {
    match kind {
        Kind::String(None) => json!({"type": "string"}),
        Kind::String(Some(format)) => json!({"type": "string", "format": format.as_str()}),
        Kind::Integer => json!({"type": "integer"}),
        Kind::Number => json!({"type": "number"}),
        Kind::Boolean => json!({"type": "boolean"}),
        Kind::Array(items) => json!({"type": "array", "items": kind_schema(items, defs)}),
        Kind::Map(values) => {
            json!({"type": "object", "additionalProperties": kind_schema(values, defs)})
        }
        Kind::Nullable(inner) => json!({"anyOf": [kind_schema(inner, defs), {"type": "null"}]}),
        Kind::Any | Kind::Unknown(_) => json!({}),
        Kind::Model(model) => {
            if !defs.contains_key(model.name) {
                // Claimed before it is filled in, so that a model holding
                // itself ends.
                defs.insert(model.name, Value::Null);
                let schema = object_schema(&model.shape(), defs);
                defs.insert(model.name, schema);
            }
            json!({"$ref": format!("#/$defs/{}", model.name)})
        }
        Kind::Union(union) => {
            if !defs.contains_key(union.name) {
                defs.insert(union.name, Value::Null);
                let schema = union_schema(union, defs);
                defs.insert(union.name, schema);
            }
            json!({"$ref": format!("#/$defs/{}", union.name)})
        }
        Kind::Enum(shape) if shape.open => json!({"type": "string", "examples": shape.values}),
        Kind::Enum(shape) => json!({"type": "string", "enum": shape.values}),
    }
}

/// A union's schema: `oneOf` the variants, each its object with the tag's
/// `const` (an `enum` with its aliases) required, and for an open union
/// one more object whose tag is anything else or missing.
fn union_schema(union: &UnionShape, defs: &mut BTreeMap<&'static str, Value>) -> Value {
    let mut members = Vec::new();
    for variant in &union.variants {
        let tag = if variant.aliases.is_empty() {
            json!({"const": variant.tag})
        } else {
            let mut values = vec![variant.tag];
            values.extend(&variant.aliases);
            json!({"enum": values})
        };
        let mut properties = Map::new();
        properties.insert(union.tag.to_owned(), tag);
        let mut member = json!({
            "type": "object",
            "properties": properties,
            "required": [union.tag],
        });
        let rest = kind_schema(&variant.kind, defs);
        if rest != json!({}) {
            member["allOf"] = json!([rest]);
        }
        members.push(member);
    }
    if union.open {
        let known: Vec<&str> = union
            .variants
            .iter()
            .flat_map(|variant| std::iter::once(variant.tag).chain(variant.aliases.iter().copied()))
            .collect();
        let mut properties = Map::new();
        properties.insert(union.tag.to_owned(), json!({"not": {"enum": known}}));
        members.push(json!({"type": "object", "properties": properties}));
    }
    json!({"title": union.name, "oneOf": members})
}

impl fmt::Display for Kind {
    /// A short phrase: `string (date-time)`, `array of integer`,
    /// `object CustomerSummary`, `one of "A", "B" or another string`,
    /// `union Discount tagged by type`.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::String(None) => formatter.write_str("string"),
            Kind::String(Some(format)) => write!(formatter, "string ({})", format.as_str()),
            Kind::Integer => formatter.write_str("integer"),
            Kind::Number => formatter.write_str("number"),
            Kind::Boolean => formatter.write_str("boolean"),
            Kind::Array(items) => write!(formatter, "array of {items}"),
            Kind::Map(values) => write!(formatter, "object of {values}"),
            Kind::Nullable(inner) => write!(formatter, "{inner} or null"),
            Kind::Any => formatter.write_str("any value"),
            Kind::Model(model) => write!(formatter, "object {}", model.name),
            Kind::Enum(shape) => {
                formatter.write_str("one of ")?;
                for (index, value) in shape.values.iter().enumerate() {
                    if index > 0 {
                        formatter.write_str(", ")?;
                    }
                    write!(formatter, "{value:?}")?;
                }
                if shape.open {
                    formatter.write_str(" or another string")?;
                }
                Ok(())
            }
            Kind::Union(union) => {
                write!(formatter, "union {} tagged by {}", union.name, union.tag)
            }
            Kind::Unknown(name) => write!(formatter, "{name} (not described)"),
        }
    }
}

impl fmt::Display for Shape {
    /// One line per field: key, kind, presence and notes.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(formatter, "{}:", self.name)?;
        for field in &self.fields {
            let presence = match field.presence {
                Presence::Required => "required",
                Presence::Defaulted => "may be left out",
                Presence::Optional => "may be left out or null",
                Presence::Clearable => "left out, null (clear) or a value",
            };
            write!(formatter, "  {}: {}, {presence}", field.name, field.kind)?;
            if field.deprecated {
                formatter.write_str(", deprecated")?;
            }
            if field.redacted {
                formatter.write_str(", redacted in Debug")?;
            }
            writeln!(formatter)?;
        }
        if self.extra {
            writeln!(formatter, "  (other keys kept as read)")?;
        }
        Ok(())
    }
}

macro_rules! describe {
    ($kind:expr => $($ty:ty),*) => {$(
        impl Describe for $ty {
            fn describe() -> Kind {
                $kind
            }
        }
    )*};
}

describe!(Kind::String(None) => String, str, Cow<'_, str>, &str, char);
describe!(Kind::Integer => i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
describe!(Kind::Number => f32, f64);
describe!(Kind::Boolean => bool);
describe!(Kind::String(Some(Format::Date)) => Date);
describe!(Kind::String(Some(Format::DateTime)) => OffsetDateTime);
describe!(Kind::Any => Value);
describe!(Kind::Map(Box::new(Kind::Any)) => Map, Extra);

impl<T: Describe> Describe for Option<T> {
    fn describe() -> Kind {
        Kind::Nullable(Box::new(T::describe()))
    }
}

impl<T: ?Sized + Describe> Describe for Box<T> {
    fn describe() -> Kind {
        T::describe()
    }
}

impl<T: Describe> Describe for Vec<T> {
    fn describe() -> Kind {
        Kind::Array(Box::new(T::describe()))
    }
}

impl<T: Describe> Describe for [T] {
    fn describe() -> Kind {
        Kind::Array(Box::new(T::describe()))
    }
}

impl<T: Describe> Describe for BTreeMap<String, T> {
    fn describe() -> Kind {
        Kind::Map(Box::new(T::describe()))
    }
}

impl<T: Describe, S> Describe for HashMap<String, T, S> {
    fn describe() -> Kind {
        Kind::Map(Box::new(T::describe()))
    }
}

impl<T: Describe, S> Describe for indexmap::IndexMap<String, T, S> {
    fn describe() -> Kind {
        Kind::Map(Box::new(T::describe()))
    }
}

/// Pieces the generated impls name: the kind of a field's type when it has
/// one, [`Kind::Unknown`] otherwise, chosen by method resolution
/// (`(&&Probe::<T>::new()).kind()`), which prefers the impl on `&Probe<T>`.
#[doc(hidden)]
pub mod probe {
    use super::*;

    pub struct Probe<T: ?Sized>(PhantomData<T>);

    impl<T: ?Sized> Probe<T> {
        #[allow(clippy::new_without_default)]
        pub fn new() -> Self {
            Probe(PhantomData)
        }
    }

    pub trait Known {
        fn kind(&self) -> Kind;
    }

    impl<T: ?Sized + Describe> Known for &Probe<T> {
        fn kind(&self) -> Kind {
            T::describe()
        }
    }

    pub trait Unknown {
        fn kind(&self) -> Kind;
    }

    impl<T: ?Sized> Unknown for Probe<T> {
        fn kind(&self) -> Kind {
            Kind::Unknown(std::any::type_name::<T>())
        }
    }
}
