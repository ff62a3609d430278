//! Checks the parsed input before anything is generated. Every problem is
//! recorded, spanned at the token to change, with what to write instead.

use crate::ast::{last_segment, Enum, FieldKind, Input, Item, Struct, Variant};
use crate::attr::{self, path_to_string};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::union;

/// Traits the macro derives on every struct and enum.
const DERIVED: &[&str] = &["Serialize", "Deserialize", "Debug", "Clone", "PartialEq"];
/// Traits the macro derives on enums in addition to `DERIVED`.
const DERIVED_ON_ENUMS: &[&str] = &["Eq", "Hash"];

pub(crate) fn check(cx: &mut Ctxt, input: &Input) {
    match input {
        Input::Struct(item) => check_struct(cx, item),
        Input::Enum(item) => check_enum(cx, item),
    }
}

fn check_item(cx: &mut Ctxt, item: &Item, extra_derived: &[&str]) {
    for path in &item.derives {
        let Some(last) = path.segments.last() else {
            continue;
        };
        let name = last.ident.to_string();
        if DERIVED.contains(&name.as_str()) || extra_derived.contains(&name.as_str()) {
            cx.error_spanned_by(
                path,
                format_args!(
                    "#[voucherify_model] derives `{name}` itself: remove it from this derive"
                ),
            );
        }
    }
    for attr in &item.voucherify.attrs {
        cx.error_spanned_by(
            attr,
            "#[voucherify(...)] goes on fields and variants; options for the whole item go in \
             #[voucherify_model(...)]",
        );
    }
    if let Some(key) = item.serde.get("crate") {
        cx.error_spanned_by(
            &key.path,
            "#[voucherify_model] sets serde's crate path itself: remove this and write \
             #[voucherify_model(crate = \"path::to::voucherify_model\")] if the runtime crate is renamed",
        );
    }
    if let Some(key) = item.serde.get("remote") {
        cx.error_spanned_by(
            &key.path,
            "`remote` is not supported with #[voucherify_model]: annotate the type where it is defined",
        );
    }
}

pub(crate) fn check_struct(cx: &mut Ctxt, item: &Struct) {
    check_item(cx, &item.item, &[]);
    let mut extra_field = None;
    for field in &item.fields {
        let v = &field.voucherify;
        // Values the generated code names as paths: checked here once, so
        // that the generators may take them as read.
        for name in [
            "default",
            "skip_serializing_if",
            "with",
            "serialize_with",
            "deserialize_with",
        ] {
            let Some(value) = field.serde.get(name).and_then(|key| key.value.as_ref()) else {
                continue;
            };
            if value.parse::<syn::Path>().is_err() {
                cx.error_spanned_by(
                    value,
                    format_args!(
                        "`{name}` takes the path of a {}, such as \"crate::module::{}\"",
                        if name == "with" { "module" } else { "function" },
                        if name == "with" { "format" } else { "function" },
                    ),
                );
            }
        }
        if let Some(other) = &v.other {
            cx.error_spanned_by(
                other,
                "`other` marks the catch-all variant of an enum, not a struct field; \
                 to keep unknown keys use #[voucherify(extra)]",
            );
        }
        if let (Some(deprecated), Some(own)) = (&v.deprecated, attr::rust_deprecated(field.attrs()))
        {
            cx.error_spanned_by(
                own,
                format_args!(
                    "this field is already #[voucherify({})]: remove this #[deprecated]",
                    path_to_string(&deprecated.path),
                ),
            );
        }
        if let (Some(unique), Some(custom)) = (&v.unique_keys, field.serde.custom_with()) {
            cx.error_spanned_by(
                unique,
                format_args!(
                    "this field is read by its own #[serde({})]: remove `unique_keys`, or remove `{}`",
                    path_to_string(&custom.path),
                    path_to_string(&custom.path),
                ),
            );
        }
        if let Some(deprecated) = &v.deprecated {
            let required = field.kind == FieldKind::Required
                && v.extra.is_none()
                && !field.default
                && !field.skip_read;
            if required {
                cx.error_spanned_by(
                    &deprecated.path,
                    format_args!(
                        "a deprecated field is one the API may stop sending, so it cannot be \
                         required: give `{}` the type `Option<...>`, or add #[serde(default)]",
                        field.ident,
                    ),
                );
            }
        }
        if let (Some(custom), Some(format)) = (field.serde.custom_with(), &v.format) {
            cx.error_spanned_by(
                &format.literal,
                format_args!(
                    "this field has its own #[serde({})]: remove `format`, or remove `{}` to let the \
                     format apply",
                    path_to_string(&custom.path),
                    path_to_string(&custom.path),
                ),
            );
        }
        if let Some(flatten) = field.serde.get("flatten") {
            if v.extra.is_none() && item.fields.iter().any(|f| f.voucherify.extra.is_some()) {
                cx.error_spanned_by(
                    &flatten.path,
                    "`flatten` cannot be combined with a #[voucherify(extra)] field, which already \
                     takes every unknown key: make this a named nested field instead",
                );
            }
        }
        if field.kind != FieldKind::Required && v.extra.is_none() {
            if let Some(custom) = field
                .serde
                .get("with")
                .or_else(|| field.serde.get("deserialize_with"))
            {
                if !field.default {
                    cx.error_spanned_by(
                        &custom.path,
                        format_args!(
                            "an `Option` field with its own `{}` is required by serde unless it also has \
                             `default`: write #[serde({} = \"...\", default)] so a missing key reads as `None`",
                            path_to_string(&custom.path),
                            path_to_string(&custom.path),
                        ),
                    );
                }
            }
        }
        let Some(extra) = &v.extra else { continue };
        if extra_field.replace(extra).is_some() {
            cx.error_spanned_by(
                extra,
                "only one field can be #[voucherify(extra)]: every unknown key already goes to the first one",
            );
        }
        let is_map = field.kind == FieldKind::Required
            && last_segment(field.ty)
                .is_some_and(|segment| segment.ident == "Map" || segment.ident == "Extra");
        if !is_map {
            cx.error_spanned_by(
                field.ty,
                "a #[voucherify(extra)] field holds every unknown key: give it the type \
                 `voucherify_model::Extra`, or `voucherify_model::Map` (a `serde_json::Map<String, serde_json::Value>`)",
            );
        }
        if let Some(deprecated) = &v.deprecated {
            cx.error_spanned_by(
                &deprecated.path,
                "the #[voucherify(extra)] field cannot be deprecated: it is where unknown keys land",
            );
        }
        if let Some(format) = &v.format {
            cx.error_spanned_by(
                &format.literal,
                "`format` does not apply to the #[voucherify(extra)] field",
            );
        }
        if let Some(unique) = &v.unique_keys {
            cx.error_spanned_by(
                unique,
                "the #[voucherify(extra)] field already refuses a repeated key: remove `unique_keys`",
            );
        }
        if let Some(redact) = &v.redact {
            cx.error_spanned_by(
                redact,
                "the #[voucherify(extra)] field already shows only its keys in `Debug`, and its \
                 values never appear in errors: remove `redact`",
            );
        }
        if let Some(key) = field.serde.keys.first() {
            cx.error_spanned_by(
                &key.path,
                "the #[voucherify(extra)] field is filled by the macro: remove its #[serde(...)] attribute",
            );
        }
    }
    if extra_field.is_some() {
        for name in ["deny_unknown_fields", "transparent"] {
            if let Some(key) = item.item.serde.get(name) {
                cx.error_spanned_by(
                    &key.path,
                    format_args!(
                        "`{name}` contradicts the #[voucherify(extra)] field, which keeps unknown keys: \
                         remove one of them"
                    ),
                );
            }
        }
        if let Some(lifetime) = item.item.original.generics.lifetimes().next() {
            cx.error_spanned_by(
                lifetime,
                "a struct with a #[voucherify(extra)] field must own its data: use `String` and other \
                 owned types instead of borrowing",
            );
        }
    }
}

fn check_enum(cx: &mut Ctxt, item: &Enum) {
    if item.item.serde.has("tag") {
        return check_union(cx, item);
    }
    check_item(cx, &item.item, DERIVED_ON_ENUMS);
    let original = item.item.original;
    if original.generics.params.iter().next().is_some() {
        cx.error_spanned_by(
            &original.generics,
            "a #[voucherify_model] enum is a set of strings and takes no generic parameters: remove them",
        );
    }
    if item.variants.is_empty() {
        cx.error_spanned_by(
            &original.ident,
            "a #[voucherify_model] enum needs at least one variant, one per string it accepts",
        );
    }
    for key in &item.item.serde.keys {
        if key.path.is_ident("rename_all") {
            if let Some(value) = &key.value {
                if RenameRule::from_str(&value.value()).is_none() {
                    cx.error_spanned_by(
                        value,
                        format_args!("unknown rename rule; write one of {}", RenameRule::NAMES),
                    );
                }
            } else {
                cx.error_spanned_by(&key.path, "write `rename_all = \"...\"` with a single rule");
            }
        } else if !key.path.is_ident("crate") && !key.path.is_ident("remote") {
            cx.error_spanned_by(
                &key.path,
                format_args!(
                    "#[serde({})] is not supported on a #[voucherify_model] enum, which is written as a \
                     plain string; it takes `rename_all` here and `rename` or `alias` on variants",
                    path_to_string(&key.path),
                ),
            );
        }
    }
    check_variants(
        cx,
        item,
        "string",
        "takes every unknown string",
        check_variant,
    );
}

fn check_variant(cx: &mut Ctxt, variant: &Variant) {
    let v = &variant.voucherify;
    let misplaced = [
        v.extra.as_ref().map(|p| (p, "extra")),
        v.redact.as_ref().map(|p| (p, "redact")),
        v.deprecated.as_ref().map(|d| (&d.path, "deprecated")),
        v.unique_keys.as_ref().map(|p| (p, "unique_keys")),
    ];
    for (path, name) in misplaced.into_iter().flatten() {
        cx.error_spanned_by(
            path,
            format_args!("`{name}` applies to struct fields; an enum variant takes only `other`"),
        );
    }
    if let Some(format) = &v.format {
        cx.error_spanned_by(
            &format.literal,
            "`format` applies to struct fields; an enum variant takes only `other`",
        );
    }
    for key in &variant.serde.keys {
        let supported =
            (key.path.is_ident("rename") || key.path.is_ident("alias")) && key.value.is_some();
        if !supported {
            cx.error_spanned_by(
                &key.path,
                format_args!(
                    "#[serde({})] is not supported on a variant of a #[voucherify_model] enum; \
                     write `rename = \"...\"` or `alias = \"...\"`",
                    path_to_string(&key.path),
                ),
            );
        }
    }
    if v.other.is_some() {
        if !holds_one_string(&variant.original.fields) {
            let fields = &variant.original.fields;
            let span: &dyn quote::ToTokens = if fields.is_empty() {
                variant.ident
            } else {
                fields
            };
            cx.error_spanned_by(
                span,
                format_args!(
                    "the #[voucherify(other)] variant keeps the unknown string: write `{}(String)`",
                    variant.ident
                ),
            );
        }
        if let Some(key) = variant.serde.keys.first() {
            cx.error_spanned_by(
                &key.path,
                "the #[voucherify(other)] variant takes whatever string is unknown: remove its \
                 #[serde(...)] attribute",
            );
        }
    } else if !variant.original.fields.is_empty() {
        cx.error_spanned_by(
            &variant.original.fields,
            format_args!(
                "a #[voucherify_model] enum is a set of strings, so `{}` cannot carry data: remove the \
                 fields, or keep unknown strings in one #[voucherify(other)] `Other(String)` variant",
                variant.ident
            ),
        );
    }
}

fn holds_one_string(fields: &syn::Fields) -> bool {
    match fields {
        syn::Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
            last_segment(&unnamed.unnamed[0].ty).is_some_and(|segment| segment.ident == "String")
        }
        _ => false,
    }
}

/// A `#[serde(tag = "...")]` enum: a union of JSON objects told apart by
/// the tag.
fn check_union(cx: &mut Ctxt, item: &Enum) {
    check_item(cx, &item.item, &[]);
    let original = item.item.original;
    if original.generics.params.iter().next().is_some() {
        cx.error_spanned_by(
            &original.generics,
            "a #[voucherify_model] tagged union takes no generic parameters: remove them",
        );
    }
    if item.variants.is_empty() {
        cx.error_spanned_by(
            &original.ident,
            "a tagged union needs at least one variant, one per value of its tag",
        );
    }
    let tag = item.tag().map(syn::LitStr::value);
    for key in &item.item.serde.keys {
        if key.path.is_ident("tag") {
            if key.value.is_none() {
                cx.error_spanned_by(&key.path, "write the tag's key: `tag = \"type\"`");
            }
        } else if key.path.is_ident("rename_all") {
            match &key.value {
                Some(value) if RenameRule::from_str(&value.value()).is_none() => cx
                    .error_spanned_by(
                        value,
                        format_args!("unknown rename rule; write one of {}", RenameRule::NAMES),
                    ),
                Some(_) => {}
                None => cx
                    .error_spanned_by(&key.path, "write `rename_all = \"...\"` with a single rule"),
            }
        } else if !key.path.is_ident("crate") && !key.path.is_ident("remote") {
            cx.error_spanned_by(
                &key.path,
                format_args!(
                    "#[serde({})] is not supported on a #[voucherify_model] tagged union; it takes \
                     `tag` and `rename_all` here, and `rename` or `alias` on variants",
                    path_to_string(&key.path),
                ),
            );
        }
    }
    check_variants(cx, item, "tag", "keeps every unknown tag", |cx, variant| {
        check_union_variant(cx, &original.ident, variant, tag.as_deref());
    });
}

/// What a field-less enum and a union share: no string (`what`) stands for
/// two variants, and one variant at most is `other`, which `other_does`;
/// `check` looks at each variant on its own, in order.
fn check_variants(
    cx: &mut Ctxt,
    item: &Enum,
    what: &str,
    other_does: &str,
    mut check: impl FnMut(&mut Ctxt, &Variant),
) {
    let mut seen: Vec<String> = Vec::new();
    for (variant, names) in item.variants.iter().zip(item.wire_names()) {
        let Some(names) = names else { continue };
        for name in std::iter::once(names.name).chain(names.aliases) {
            if seen.contains(&name) {
                cx.error_spanned_by(
                    variant.ident,
                    format_args!(
                        "the {what} \"{name}\" already stands for an earlier variant: give this one \
                         another #[serde(rename = \"...\")]"
                    ),
                );
            }
            seen.push(name);
        }
    }
    let mut other_variant = None;
    for variant in &item.variants {
        check(cx, variant);
        if let Some(other) = &variant.voucherify.other {
            if other_variant.replace(other).is_some() {
                cx.error_spanned_by(
                    other,
                    format_args!(
                        "only one variant can be #[voucherify(other)]: it already {other_does}"
                    ),
                );
            }
        }
    }
}

fn check_union_variant(
    cx: &mut Ctxt,
    enum_ident: &syn::Ident,
    variant: &Variant,
    tag: Option<&str>,
) {
    let v = &variant.voucherify;
    let misplaced = [
        v.extra.as_ref().map(|p| (p, "extra")),
        v.redact.as_ref().map(|p| (p, "redact")),
        v.deprecated.as_ref().map(|d| (&d.path, "deprecated")),
    ];
    for (path, name) in misplaced.into_iter().flatten() {
        cx.error_spanned_by(
            path,
            format_args!(
                "`{name}` applies to fields: write it on a field of the variant; a variant takes only `other`"
            ),
        );
    }
    if let Some(format) = &v.format {
        cx.error_spanned_by(
            &format.literal,
            "`format` applies to fields: write it on a field of the variant",
        );
    }
    for key in &variant.serde.keys {
        let supported =
            (key.path.is_ident("rename") || key.path.is_ident("alias")) && key.value.is_some();
        if !supported || v.other.is_some() {
            cx.error_spanned_by(
                &key.path,
                format_args!(
                    "#[serde({})] is not supported here; a variant of a tagged union takes \
                     `rename = \"...\"` or `alias = \"...\"`, and the `other` variant none",
                    path_to_string(&key.path),
                ),
            );
        }
    }
    match union::shape(enum_ident, variant) {
        union::Shape::Other => {
            let holds_map = match &variant.original.fields {
                syn::Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
                    last_segment(&unnamed.unnamed[0].ty)
                        .is_some_and(|segment| segment.ident == "Map")
                }
                _ => false,
            };
            if !holds_map {
                let fields = &variant.original.fields;
                let span: &dyn quote::ToTokens = if fields.is_empty() {
                    variant.ident
                } else {
                    fields
                };
                cx.error_spanned_by(
                    span,
                    format_args!(
                        "the #[voucherify(other)] variant of a tagged union keeps the whole object: \
                         write `{}(voucherify_model::Map)`",
                        variant.ident
                    ),
                );
            }
        }
        union::Shape::Held(_) => {
            if let syn::Fields::Unnamed(unnamed) = &variant.original.fields {
                if let Some(attr) = unnamed.unnamed[0].attrs.first() {
                    cx.error_spanned_by(
                        attr,
                        "the struct a variant holds takes no attributes here: write them on its own fields",
                    );
                }
            }
        }
        union::Shape::Invalid => {
            let fields = &variant.original.fields;
            let span: &dyn quote::ToTokens = if fields.is_empty() {
                variant.ident
            } else {
                fields
            };
            cx.error_spanned_by(
                span,
                format_args!(
                    "a variant of a tagged union is a JSON object: give `{0}` named fields, \
                     `{0} {{ field: Type }}`, or have it hold one #[voucherify_model] struct, `{0}(Struct)`",
                    variant.ident
                ),
            );
        }
        union::Shape::Named(input) => {
            let Some(hidden) = union::hidden_struct(cx, &input) else {
                return;
            };
            check_struct(cx, &hidden);
            for field in &hidden.fields {
                if let Some(redact) = &field.voucherify.redact {
                    cx.error_spanned_by(
                        redact,
                        "`redact` is not supported on a field of a union variant: hold a \
                         #[voucherify_model] struct with this field instead",
                    );
                }
                for attr in field
                    .attrs()
                    .iter()
                    .filter(|attr| attr.path().is_ident("cfg"))
                {
                    cx.error_spanned_by(attr, "a field of a union variant cannot be under #[cfg]");
                }
                for key in &field.serde.keys {
                    let followed = crate::direct::FOLLOWED_FIELD_KEYS
                        .iter()
                        .any(|name| key.path.is_ident(name));
                    if !followed {
                        cx.error_spanned_by(
                            &key.path,
                            format_args!(
                                "#[serde({})] is not supported on a field of a union variant: \
                                 hold a #[voucherify_model] struct with this field instead",
                                path_to_string(&key.path),
                            ),
                        );
                    }
                }
                if field.voucherify.extra.is_none()
                    && tag.is_some_and(|tag| crate::direct::wire_name(field) == tag)
                {
                    cx.error_spanned_by(
                        field.ident,
                        "this field has the name of the union's tag, which the tag already takes: \
                         rename it with #[serde(rename = \"...\")]",
                    );
                }
            }
        }
    }
}
