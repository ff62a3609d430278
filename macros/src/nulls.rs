//! Which fields of a struct remember an explicit `null`, and the pieces of
//! generated code that note and write it. A struct with an `extra` field
//! keeps, beside its unknown keys, the places of its nullable fields read as
//! `null` (`__private::Nulls`); both the serde impls (`expand`) and the
//! direct reader and writer (`direct`) call on this file for them.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Path;

use crate::ast::{Field, FieldKind, Struct};
use crate::direct;

/// Each field's place among the struct's nullable fields, or `None` for a
/// field that does not remember a `null`: a field of a struct without
/// `extra`, one that is not `Option<T>` (`Option<Option<T>>` keeps its
/// `null` itself), one that serde skips or that the user's own
/// `skip_serializing_if`, `with`, `serialize_with` or `deserialize_with`
/// reads or writes.
pub(crate) fn places(item: &Struct) -> Vec<Option<usize>> {
    let has_extra = item
        .fields
        .iter()
        .any(|field| field.voucherify.extra.is_some());
    let mut next = 0;
    item.fields
        .iter()
        .map(|field| {
            if !has_extra || !nullable(field) {
                return None;
            }
            next += 1;
            Some(next - 1)
        })
        .collect()
}

fn nullable(field: &Field) -> bool {
    field.kind == FieldKind::Optional
        && field.voucherify.extra.is_none()
        && !field.skip_read
        && !field.skip_write
        && !field.skip_if
        && direct::deserialize_with(field).is_none()
        && direct::serialize_with(field).is_none()
}

/// The `NullableFields` table for the serde impls: every key a nullable
/// field is read or written under, with its place.
pub(crate) fn table(item: &Struct, krate: &Path) -> TokenStream {
    let entries = item
        .fields
        .iter()
        .zip(places(item))
        .filter_map(|(field, place)| Some((field, place?)))
        .flat_map(|(field, place)| {
            let aliases = field.aliases.iter().cloned();
            std::iter::once(direct::wire_name(field))
                .chain(aliases)
                .map(move |name| quote!((#name, #place)))
        });
    quote!(const __VOUCHERIFY_NULLABLE: #krate::__private::NullableFields = &[#(#entries),*];)
}

/// Whether any field of the struct remembers a `null`.
pub(crate) fn any(item: &Struct) -> bool {
    places(item).iter().any(Option::is_some)
}

/// Reader: declares the record, before the object is read.
pub(crate) fn read_start(krate: &Path) -> TokenStream {
    quote!(let mut __nulls = #krate::__private::Nulls::new();)
}

/// Reader: the value just read for the field at `place` (an `Option`) is
/// noted if it was `null`.
pub(crate) fn read_note(place: usize) -> TokenStream {
    quote! {
        if ::core::option::Option::is_none(&__value) {
            __nulls.insert(#place);
        }
    }
}

/// Writer: the record of the `extra` field, reached by `extra` (an
/// expression of type `&Extra`), before the members.
pub(crate) fn write_start(extra: &TokenStream, krate: &Path) -> TokenStream {
    quote!(let __nulls = #krate::__private::ExtraField::nulls(#extra);)
}

/// Writer: what a `None` field at `place` writes after its `key` bytes:
/// `null` if it was read so, else nothing.
pub(crate) fn write_none(place: usize, key: &syn::LitByteStr) -> TokenStream {
    quote! {
        else if __nulls.contains(#place) {
            __writer.raw(#key);
            __writer.null();
        }
    }
}
