//! Emits the impls of the runtime's `shape::Describe` and `shape::Shaped`:
//! a description of the item's JSON, field by field, that programs can
//! read. Items with generic parameters get none, since the kind of a field
//! of type `T` is not known where the item is defined.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{LitStr, Path, Type};

use crate::ast::{option_inner, Enum, Field, FieldKind, Struct, WireNames};
use crate::attr;

pub(crate) fn struct_impl(item: &Struct, krate: &Path) -> TokenStream {
    let original = item.item.original;
    if !original.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = &original.ident;
    let name = LitStr::new(&ident.to_string(), Span::call_site());
    let shape = quote!(#krate::shape);
    let rename_all = item
        .item
        .serde
        .get("rename_all")
        .and_then(|key| key.value.as_ref())
        .map(LitStr::value);
    let has_extra = item
        .fields
        .iter()
        .any(|field| field.voucherify.extra.is_some());
    let described: Vec<&Field> = item
        .fields
        .iter()
        .filter(|field| field.voucherify.extra.is_none() && !(field.skip_read && field.skip_write))
        .collect();
    let count = described.len();
    let pushes = described.iter().map(|field| {
        let cfgs = field
            .attrs()
            .iter()
            .filter(|attr| attr.path().is_ident("cfg"));
        let wire = LitStr::new(&wire_name(field, rename_all.as_deref()), Span::call_site());
        let rust_name = field.ident.to_string();
        let rust_name = LitStr::new(
            rust_name.strip_prefix("r#").unwrap_or(&rust_name),
            Span::call_site(),
        );
        let value_ty = value_type(field);
        let presence = match field.kind {
            FieldKind::Required if field.default => quote!(Defaulted),
            FieldKind::Required => quote!(Required),
            FieldKind::Optional => quote!(Optional),
            FieldKind::DoubleOption => quote!(Clearable),
        };
        let deprecated =
            field.voucherify.deprecated.is_some() || attr::rust_deprecated(field.attrs()).is_some();
        let redacted = field.voucherify.redact.is_some();
        quote! {
            #(#cfgs)*
            fields.push(#shape::FieldShape {
                name: #wire,
                rust_name: #rust_name,
                kind: (&&#shape::probe::Probe::<#value_ty>::new()).kind(),
                presence: #shape::Presence::#presence,
                deprecated: #deprecated,
                redacted: #redacted,
            });
        }
    });
    quote! {
        #[automatically_derived]
        impl #shape::Describe for #ident {
            fn describe() -> #shape::Kind {
                #shape::Kind::Model(#shape::ModelRef {
                    name: #name,
                    shape: <Self as #shape::Shaped>::shape,
                })
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl #shape::Shaped for #ident {
            fn shape() -> #shape::Shape {
                #[allow(unused_imports)]
                use #shape::probe::{Known as _, Unknown as _};
                #[allow(unused_mut)]
                let mut fields = ::std::vec::Vec::with_capacity(#count);
                #(#pushes)*
                #shape::Shape {
                    name: #name,
                    fields,
                    extra: #has_extra,
                }
            }
        }
    }
}

pub(crate) fn enum_impl(item: &Enum, names: &[Option<WireNames>], krate: &Path) -> TokenStream {
    let original = item.item.original;
    if !original.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = &original.ident;
    let name = LitStr::new(&ident.to_string(), Span::call_site());
    let shape = quote!(#krate::shape);
    let values = names.iter().flatten().map(|names| &names.name);
    let open = item.other_variant().is_some();
    quote! {
        #[automatically_derived]
        impl #shape::Describe for #ident {
            fn describe() -> #shape::Kind {
                #shape::Kind::Enum(#shape::EnumShape {
                    name: #name,
                    values: ::std::vec![#(#values),*],
                    open: #open,
                })
            }
        }
    }
}

/// The field's type with the `Option` layers its kind accounts for taken off.
fn value_type<'a>(field: &Field<'a>) -> &'a Type {
    let ty = field.ty;
    let layers = match field.kind {
        FieldKind::Required => 0,
        FieldKind::Optional => 1,
        FieldKind::DoubleOption => 2,
    };
    (0..layers).fold(ty, |ty, _| option_inner(ty).unwrap_or(ty))
}

/// The key the field is written under: its `rename`, or its name under the
/// struct's `rename_all`.
fn wire_name(field: &Field, rename_all: Option<&str>) -> String {
    if let Some(rename) = field.serde.get("rename").and_then(|key| key.value.as_ref()) {
        return rename.value();
    }
    let name = field.ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    match rename_all {
        Some(rule) => rename_field(name, rule),
        None => name.to_owned(),
    }
}

/// serde's `rename_all` rules, applied to a snake_case field name.
fn rename_field(name: &str, rule: &str) -> String {
    let words = || name.split('_').filter(|word| !word.is_empty());
    let capitalized = |word: &str| {
        let mut chars = word.chars();
        match chars.next() {
            Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
            None => String::new(),
        }
    };
    match rule {
        "UPPERCASE" | "SCREAMING_SNAKE_CASE" => name.to_ascii_uppercase(),
        "PascalCase" => words().map(capitalized).collect(),
        "camelCase" => {
            let pascal: String = words().map(capitalized).collect();
            let mut chars = pascal.chars();
            match chars.next() {
                Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        }
        "kebab-case" => name.replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => name.replace('_', "-").to_ascii_uppercase(),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::rename_field;

    #[test]
    fn field_rules_match_serde() {
        let cases = [
            ("lowercase", "line_1"),
            ("UPPERCASE", "LINE_1"),
            ("PascalCase", "Line1"),
            ("camelCase", "line1"),
            ("snake_case", "line_1"),
            ("SCREAMING_SNAKE_CASE", "LINE_1"),
            ("kebab-case", "line-1"),
            ("SCREAMING-KEBAB-CASE", "LINE-1"),
        ];
        for (rule, expected) in cases {
            assert_eq!(rename_field("line_1", rule), expected, "{rule}");
        }
        assert_eq!(rename_field("postal_code", "camelCase"), "postalCode");
    }
}
