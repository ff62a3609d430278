//! The macro's own view of the annotated item: what each field is for
//! serialization, with its attributes already read.

use quote::ToTokens;
use syn::{Attribute, DeriveInput, Fields, GenericArgument, Ident, PathArguments, Type};

use crate::attr::{self, DateFormat, Serde, Voucherify};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;

pub(crate) enum Input<'a> {
    Struct(Struct<'a>),
    Enum(Enum<'a>),
}

/// Item-level facts shared by structs and enums.
pub(crate) struct Item<'a> {
    pub(crate) original: &'a DeriveInput,
    pub(crate) voucherify: Voucherify,
    pub(crate) serde: Serde,
    pub(crate) derives: Vec<syn::Path>,
}

pub(crate) struct Struct<'a> {
    pub(crate) item: Item<'a>,
    pub(crate) fields: Vec<Field<'a>>,
}

pub(crate) struct Field<'a> {
    pub(crate) original: &'a syn::Field,
    pub(crate) ident: &'a Ident,
    /// The key the field is written under: its `rename`, or its name
    /// without `r#`.
    pub(crate) wire_name: String,
    /// The other keys it is read from (`alias`).
    pub(crate) aliases: Vec<String>,
    pub(crate) ty: &'a Type,
    pub(crate) kind: FieldKind,
    /// The date format in use: found from the type, or forced by
    /// `#[voucherify(format)]`.
    pub(crate) date: Option<DateFormat>,
    /// Whether the date is inside containers (`Vec<Date>`,
    /// `BTreeMap<String, Option<OffsetDateTime>>`...) below the field's
    /// own `Option`s.
    pub(crate) nested_date: bool,
    /// Whether an `f64` is inside containers (`Vec<f64>`,
    /// `BTreeMap<String, Option<f64>>`...) below the field's own
    /// `Option`s, and is written as the API writes numbers: no date format
    /// and no `with` of the user's own.
    pub(crate) nested_number: bool,
    /// Whether the field's type names one of the item's generic
    /// parameters (type, const or lifetime) or `Self`: code outside the
    /// item's impls, such as a constant, cannot name that type.
    pub(crate) generic: bool,
    /// Whether the field's code is chosen by its type (`__private::pick`),
    /// with one check of that type at the field: see [`Field::pickable`].
    pub(crate) picked: bool,
    /// Whether serde leaves the field out when reading (`skip` or
    /// `skip_deserializing`): it takes its default.
    pub(crate) skip_read: bool,
    /// Whether serde leaves the field out when writing (`skip` or
    /// `skip_serializing`).
    pub(crate) skip_write: bool,
    /// Whether serde leaves the field out entirely (`skip`): no key, no
    /// generated code of its own.
    pub(crate) skip: bool,
    /// Whether the user gave serde a `default` for the field: absent, it
    /// takes that instead of being refused.
    pub(crate) default: bool,
    /// Whether the user's own `skip_serializing_if` decides when the field
    /// is written.
    pub(crate) skip_if: bool,
    pub(crate) voucherify: Voucherify,
    pub(crate) serde: Serde,
}

/// How presence and `null` map onto the field's type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
    /// Any type but `Option`: the key must be present.
    Required,
    /// `Option<T>`: absent or `null` is `None`; `None` is not written.
    Optional,
    /// `Option<Option<T>>`: absent, `null` and a value are kept apart.
    DoubleOption,
}

pub(crate) struct Enum<'a> {
    pub(crate) item: Item<'a>,
    pub(crate) variants: Vec<Variant<'a>>,
}

pub(crate) struct Variant<'a> {
    pub(crate) original: &'a syn::Variant,
    pub(crate) ident: &'a Ident,
    pub(crate) voucherify: Voucherify,
    pub(crate) serde: Serde,
}

/// The strings a unit variant is read from: the one it is written as, then
/// its aliases.
pub(crate) struct WireNames {
    pub(crate) name: String,
    pub(crate) aliases: Vec<String>,
}

impl Enum<'_> {
    /// `#[serde(tag = "...")]`: the key that names the variant of a tagged
    /// union.
    pub(crate) fn tag(&self) -> Option<&syn::LitStr> {
        self.item
            .serde
            .get("tag")
            .and_then(|key| key.value.as_ref())
    }

    /// Wire names of each unit variant, in order; the `other` variant has none.
    pub(crate) fn wire_names(&self) -> Vec<Option<WireNames>> {
        let rule = self
            .item
            .serde
            .get("rename_all")
            .and_then(|key| key.value.as_ref())
            .and_then(|value| RenameRule::from_str(&value.value()))
            .unwrap_or(RenameRule::Snake);
        self.variants
            .iter()
            .map(|variant| {
                if variant.voucherify.other.is_some() {
                    return None;
                }
                let renamed = variant
                    .serde
                    .get("rename")
                    .and_then(|key| key.value.as_ref());
                let name = match renamed {
                    Some(value) => value.value(),
                    None => rule.apply(&variant.ident.to_string()),
                };
                let aliases = variant
                    .serde
                    .keys
                    .iter()
                    .filter(|key| key.path.is_ident("alias"))
                    .filter_map(|key| key.value.as_ref().map(syn::LitStr::value))
                    .collect();
                Some(WireNames { name, aliases })
            })
            .collect()
    }

    pub(crate) fn other_variant(&self) -> Option<&Variant<'_>> {
        self.variants
            .iter()
            .find(|variant| variant.voucherify.other.is_some())
    }
}

impl<'a> Input<'a> {
    /// Reads the item; `None` when its shape is not one the macro takes
    /// (the reason is recorded in `cx`).
    pub(crate) fn from_syn(cx: &mut Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let item = Item {
            original: input,
            voucherify: Voucherify::from_attrs(cx, &input.attrs),
            serde: Serde::from_attrs(cx, &input.attrs),
            derives: attr::derived_traits(cx, &input.attrs),
        };
        match &input.data {
            syn::Data::Struct(data) => match &data.fields {
                Fields::Named(named) => {
                    let fields = named
                        .named
                        .iter()
                        .map(|field| Field::from_syn(cx, field))
                        .map(|mut field| {
                            field.generic = names_any(field.ty.to_token_stream(), &input.generics);
                            field.picked = field.pickable() && !field.generic;
                            field
                        })
                        .collect();
                    Some(Input::Struct(Struct { item, fields }))
                }
                Fields::Unnamed(unnamed) => {
                    cx.error_spanned_by(
                        unnamed,
                        "#[voucherify_model] needs named fields, like a JSON object: \
                         write `struct Name { field: Type }`",
                    );
                    None
                }
                Fields::Unit => {
                    cx.error_spanned_by(
                        &input.ident,
                        "#[voucherify_model] needs named fields, like a JSON object: \
                         write `struct Name { field: Type }`",
                    );
                    None
                }
            },
            syn::Data::Enum(data) => {
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| Variant {
                        original: variant,
                        ident: &variant.ident,
                        voucherify: Voucherify::from_attrs(cx, &variant.attrs),
                        serde: Serde::from_attrs(cx, &variant.attrs),
                    })
                    .collect();
                Some(Input::Enum(Enum { item, variants }))
            }
            syn::Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "#[voucherify_model] does not apply to unions: use a struct with named fields, \
                     or a field-less enum",
                );
                None
            }
        }
    }
}

impl<'a> Field<'a> {
    fn from_syn(cx: &mut Ctxt, field: &'a syn::Field) -> Self {
        let voucherify = Voucherify::from_attrs(cx, &field.attrs);
        let serde = Serde::from_attrs(cx, &field.attrs);
        let (kind, value_ty) = match option_inner(&field.ty) {
            None => (FieldKind::Required, &field.ty),
            Some(inner) => match option_inner(inner) {
                None => (FieldKind::Optional, inner),
                Some(innermost) => (FieldKind::DoubleOption, innermost),
            },
        };
        // A date may sit inside containers: `nested` then says so.
        let leaf = container_leaf(value_ty);
        let nested = !std::ptr::eq(leaf, value_ty);
        let date = match &voucherify.format {
            Some(forced) => Some(forced.format),
            None => date_format_of(leaf),
        };
        let ident = field.ident.as_ref().expect("named fields have identifiers");
        let wire_name = match serde.get("rename").and_then(|key| key.value.as_ref()) {
            Some(rename) => rename.value(),
            None => {
                let name = ident.to_string();
                name.strip_prefix("r#").unwrap_or(&name).to_owned()
            }
        };
        let aliases = serde
            .keys
            .iter()
            .filter(|key| key.path.is_ident("alias"))
            .filter_map(|key| key.value.as_ref().map(syn::LitStr::value))
            .collect();
        let nested_number = date.is_none()
            && serde.custom_with().is_none()
            && !is_f64(value_ty)
            && number_leaf(value_ty);
        Field {
            original: field,
            ident,
            wire_name,
            aliases,
            ty: &field.ty,
            kind,
            date,
            nested_date: date.is_some() && nested,
            nested_number,
            generic: false,
            picked: false,
            skip_read: serde.has("skip") || serde.has("skip_deserializing"),
            skip_write: serde.has("skip") || serde.has("skip_serializing"),
            skip: serde.has("skip"),
            default: serde.has("default"),
            skip_if: serde.has("skip_serializing_if"),
            voucherify,
            serde,
        }
    }

    /// Whether serialization of this field is left to the user's own
    /// `#[serde(with | serialize_with | deserialize_with)]`.
    pub(crate) fn has_custom_with(&self) -> bool {
        self.serde.custom_with().is_some()
    }

    /// Whether the field holds an `f64` (under its options), written as the
    /// API writes numbers (`format::number`) unless the user's own `with`
    /// or a date format decides.
    pub(crate) fn is_number(&self) -> bool {
        let options = match self.kind {
            FieldKind::Required => 0,
            FieldKind::Optional => 1,
            FieldKind::DoubleOption => 2,
        };
        let mut ty = self.ty;
        for _ in 0..options {
            ty = option_inner(ty).unwrap_or(ty);
        }
        !self.has_custom_with() && self.date.is_none() && is_f64(ty)
    }

    /// Whether the field's code may be chosen by its type: a field that
    /// serde reads and writes as its type does (no `with`, no format of
    /// ours, no `extra` or `unique_keys`, only
    /// `#[serde]` keys that leave the value to its type), of an owned type
    /// (no lifetime, no reference; [`Field::generic`] leaves out the types
    /// that name `Self` or a parameter). Such a field's type must
    /// have serde's traits, `Clone`, `PartialEq` and `Debug`, and is
    /// checked for them once.
    pub(crate) fn pickable(&self) -> bool {
        const KEYS: [&str; 4] = ["rename", "alias", "default", "skip_serializing_if"];
        self.voucherify.extra.is_none()
            && self.voucherify.unique_keys.is_none()
            && self.date.is_none()
            && !self.nested_number
            && !self.is_number()
            && self
                .serde
                .keys
                .iter()
                .all(|key| KEYS.iter().any(|name| key.path.is_ident(name)))
            && owned(self.ty.to_token_stream())
    }

    pub(crate) fn attrs(&self) -> &'a [Attribute] {
        &self.original.attrs
    }
}

/// `T` when `ty` is spelled `Option<T>` (by any path ending in `Option`).
pub(crate) fn option_inner(ty: &Type) -> Option<&Type> {
    let segment = last_segment(ty)?;
    if segment.ident != "Option" {
        return None;
    }
    match &segment.arguments {
        PathArguments::AngleBracketed(args) if args.args.len() == 1 => match &args.args[0] {
            GenericArgument::Type(inner) => Some(inner),
            _ => None,
        },
        _ => None,
    }
}

/// The type inside any nesting of `Option`, `Box`, `Vec`, and
/// `BTreeMap`/`HashMap` values: `ty` itself when it is none of these.
pub(crate) fn container_leaf(ty: &Type) -> &Type {
    let Some((name, types)) = type_arguments(ty) else {
        return ty;
    };
    let inner = match (name.as_str(), types.as_slice()) {
        ("Option" | "Box" | "Vec", [inner]) => inner,
        ("BTreeMap" | "HashMap", [_, value, ..]) => value,
        _ => return ty,
    };
    container_leaf(inner)
}

/// The name of the last segment of `ty`'s path and the types between its
/// angle brackets, when it has them: `("Vec", [T])` for `std::vec::Vec<T>`.
fn type_arguments(ty: &Type) -> Option<(String, Vec<&Type>)> {
    let segment = last_segment(ty)?;
    let PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    let types = args
        .args
        .iter()
        .filter_map(|arg| match arg {
            GenericArgument::Type(ty) => Some(ty),
            _ => None,
        })
        .collect();
    Some((segment.ident.to_string(), types))
}

/// Whether a type's tokens name one of the item's generic parameters, or
/// `Self`.
fn names_any(tokens: proc_macro2::TokenStream, generics: &syn::Generics) -> bool {
    use proc_macro2::TokenTree;
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) if ident == "Self" => true,
        TokenTree::Ident(ident) => generics.params.iter().any(|param| match param {
            syn::GenericParam::Type(param) => param.ident == ident,
            syn::GenericParam::Const(param) => param.ident == ident,
            syn::GenericParam::Lifetime(param) => param.lifetime.ident == ident,
        }),
        TokenTree::Group(group) => names_any(group.stream(), generics),
        _ => false,
    })
}

/// Whether a type's tokens name no lifetime, reference or macro (`Self`
/// is left to [`names_any`]; a `dyn` type with no lifetime is `'static`).
fn owned(tokens: proc_macro2::TokenStream) -> bool {
    use proc_macro2::TokenTree;
    tokens.into_iter().all(|token| match token {
        TokenTree::Punct(punct) => !matches!(punct.as_char(), '\'' | '&' | '!'),
        TokenTree::Group(group) => owned(group.stream()),
        TokenTree::Ident(_) | TokenTree::Literal(_) => true,
    })
}

/// Whether `ty` is spelled `f64`.
fn is_f64(ty: &Type) -> bool {
    last_segment(ty).is_some_and(|segment| {
        segment.ident == "f64" && matches!(segment.arguments, PathArguments::None)
    })
}

/// Whether `ty` is an `f64` inside any nesting of `Option`, `Box`, `Vec`,
/// and `BTreeMap`/`HashMap`/`IndexMap` keyed by `String` (the maps the
/// runtime writes numbers in), or `f64` itself.
fn number_leaf(ty: &Type) -> bool {
    if is_f64(ty) {
        return true;
    }
    let Some((name, types)) = type_arguments(ty) else {
        return false;
    };
    match (name.as_str(), types.as_slice()) {
        ("Option" | "Box" | "Vec", [inner]) => number_leaf(inner),
        ("BTreeMap" | "HashMap" | "IndexMap", [key, value, ..]) => {
            last_segment(key).is_some_and(|segment| {
                segment.ident == "String" && matches!(segment.arguments, PathArguments::None)
            }) && number_leaf(value)
        }
        _ => false,
    }
}

/// Dates are recognised by the last segment of their type's path, so that
/// `time::Date`, `Date` and `::time::OffsetDateTime` all count.
fn date_format_of(ty: &Type) -> Option<DateFormat> {
    let segment = last_segment(ty)?;
    if !matches!(segment.arguments, PathArguments::None) {
        return None;
    }
    if segment.ident == "OffsetDateTime" {
        Some(DateFormat::DateTime)
    } else if segment.ident == "Date" {
        Some(DateFormat::Date)
    } else {
        None
    }
}

pub(crate) fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last(),
        Type::Group(group) => last_segment(&group.elem),
        Type::Paren(paren) => last_segment(&paren.elem),
        _ => None,
    }
}
