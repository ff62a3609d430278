//! Emits the `Json` impls: a JSON reader and writer made for the item,
//! which must agree with its serde impls on every input. Where an item or
//! field uses serde attributes this file does not follow, the impl is left
//! empty, and the runtime reads and writes that item through serde.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{LitByteStr, Path, Type};

use crate::ast::{option_inner, Enum, Field, FieldKind, Struct, WireNames};
use crate::attr::{self, DateFormat};
use crate::nulls;

/// Field-level `#[serde]` keys this file follows; any other makes the
/// struct's impl empty.
pub(crate) const FOLLOWED_FIELD_KEYS: &[&str] = &[
    "rename",
    "alias",
    "default",
    "skip",
    "skip_serializing",
    "skip_deserializing",
    "skip_serializing_if",
    "with",
    "serialize_with",
    "deserialize_with",
];

pub(crate) fn struct_impl(item: &Struct, krate: &Path) -> TokenStream {
    let original = item.item.original;
    let ident = &original.ident;
    let json = quote!(#krate::Json);
    let redacted_at = redacted_at(item, krate);
    let private = quote!(#krate::__private);
    if !followed(item) {
        let (impl_generics, ty_generics, where_clause) = original.generics.split_for_impl();
        if original.generics.params.is_empty() {
            // An owned model whose serde attributes this file does not
            // follow: serde reads and writes it, from its own text, so that
            // a document holding it still takes the direct path elsewhere.
            return quote! {
                #[automatically_derived]
                impl #json for #ident {
                    #redacted_at

                    fn read_json<__I: #private::Input>(
                        __reader: &mut #private::Reader<'_, __I>,
                    ) -> #private::Fast<Self> {
                        #private::through_serde(__reader)
                    }

                    fn write_json(&self, __writer: &mut #private::Writer) -> #private::Fast<()> {
                        __writer.serde(self)
                    }
                }
            };
        }
        return quote! {
            #[automatically_derived]
            impl #impl_generics #json for #ident #ty_generics #where_clause {
                #redacted_at
            }
        };
    }
    let read = read_struct(item, krate);
    let write = write_struct(item, krate);
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #json for #ident {
            #redacted_at
            // One body per model, not copied into each caller: inlined, it reads
            // slower.
            #[inline(never)]
            fn read_json<__I: #private::Input>(
                __reader: &mut #private::Reader<'_, __I>,
            ) -> #private::Fast<Self> {
                #[allow(unused_imports)]
                use #private::{Direct as _, ThroughSerde as _, UniqueDirect as _, UniqueNever as _, UniqueSerde as _};
                #[allow(unused_imports)]
                use #private::pick::Never as _;
                #read
            }

            // Written out where it is used, as serde's generic impls are, rather
            // than in the crate that defines the model.
            #[inline]
            fn write_json(&self, __writer: &mut #private::Writer) -> #private::Fast<()> {
                #[allow(unused_imports)]
                use #private::{Direct as _, ThroughSerde as _};
                #[allow(unused_imports)]
                use #private::pick::Never as _;
                #write
            }
        }
    }
}

/// `Json::redacted_at`: a path through a `#[voucherify(redact)]` field is
/// redacted; a path through another field is asked of that field's type.
fn redacted_at(item: &Struct, krate: &Path) -> TokenStream {
    let private = quote!(#krate::__private);
    let arms = item.fields.iter().filter_map(|field| {
        if field.voucherify.extra.is_some() || field.skip {
            return None;
        }
        let cfgs = field
            .attrs()
            .iter()
            .filter(|attr| attr.path().is_ident("cfg"));
        let names = read_names(field);
        let answer = if field.voucherify.redact.is_some() {
            quote!(true)
        } else if field.has_custom_with() {
            return None;
        } else {
            let ty = field.ty;
            quote!((&#private::Slot::<#ty>::NEW).redacted_at(__rest))
        };
        Some(quote! {
            #(#cfgs)*
            #names => #answer,
        })
    });
    quote! {
        fn redacted_at(__path: &[::core::option::Option<&str>]) -> bool {
            #[allow(unused_imports)]
            use #private::{RedactedDirect as _, RedactedNever as _};
            match __path {
                [::core::option::Option::Some(__key), __rest @ ..] => match *__key {
                    #(#arms)*
                    _ => false,
                },
                _ => false,
            }
        }
    }
}

/// Whether every attribute of the struct is one this file follows.
fn followed(item: &Struct) -> bool {
    let generics = &item.item.original.generics;
    let container_keys_followed = item
        .item
        .serde
        .keys
        .iter()
        .all(|key| key.path.is_ident("deny_unknown_fields"));
    generics.params.is_empty()
        && generics.where_clause.is_none()
        && container_keys_followed
        && item.fields.iter().all(|field| {
            let cfg = field.attrs().iter().any(|attr| attr.path().is_ident("cfg"));
            let keys_followed = field.serde.keys.iter().all(|key| {
                FOLLOWED_FIELD_KEYS
                    .iter()
                    .any(|name| key.path.is_ident(name))
                    // `rename(serialize = ..)` and the like carry no value here.
                    && (key.value.is_some() || !takes_value(&key.path))
            });
            !cfg && keys_followed
        })
}

fn takes_value(path: &Path) -> bool {
    [
        "rename",
        "alias",
        "skip_serializing_if",
        "with",
        "serialize_with",
        "deserialize_with",
    ]
    .iter()
    .any(|name| path.is_ident(name))
}

/// The keys a field is read from, as one pattern: its wire name, then its
/// aliases.
fn read_names(field: &Field) -> TokenStream {
    let name = wire_name(field);
    let aliases = &field.aliases;
    quote!(#name #(| #aliases)*)
}

/// The key a field is written under.
pub(crate) fn wire_name(field: &Field) -> String {
    field.wire_name.clone()
}

fn read_struct(item: &Struct, krate: &Path) -> TokenStream {
    let private = quote!(#krate::__private);
    let extra = item
        .fields
        .iter()
        .find(|field| field.voucherify.extra.is_some());
    let null_places = nulls::places(item);
    let (read_fields, read_places): (Vec<&Field>, Vec<Option<usize>>) = item
        .fields
        .iter()
        .zip(&null_places)
        .filter(|(field, _)| field.voucherify.extra.is_none() && !field.skip_read)
        .unzip();

    let slots = read_fields.iter().enumerate().map(|(index, field)| {
        let slot = format_ident!("__field{}", index);
        let ty = field.ty;
        quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    // Keys usually come in the declared order: the next one is first
    // compared, quotes and colon included, with the input as it stands.
    let expected_arms = read_fields.iter().enumerate().map(|(index, field)| {
        let pattern = LitByteStr::new(
            format!("{}:", json_string(&wire_name(field))).as_bytes(),
            Span::call_site(),
        );
        quote!(#index if __reader.take_key(#pattern) => #index,)
    });
    let name_arms = read_fields.iter().enumerate().map(|(index, field)| {
        let names = read_names(field);
        quote!(#names => #index,)
    });
    let read_arms = read_fields.iter().enumerate().map(|(index, field)| {
        let slot = format_ident!("__field{}", index);
        let value = read_value(field, krate);
        let note = read_places[index].map(nulls::read_note);
        let name = wire_name(field);
        quote! {
            #index => {
                // serde refuses a field given twice.
                if #slot.is_some() {
                    return __reader.duplicate_field(#name);
                }
                let __value = #value;
                #note
                #slot = ::core::option::Option::Some(__value);
            }
        }
    });
    let count = read_fields.len();
    let unknown = match extra {
        Some(_) => quote! {
            __key => {
                let __value_at = __reader.position();
                let __value = match __reader.strict_value() {
                    ::core::result::Result::Ok(__value) => __value,
                    ::core::result::Result::Err(_) => {
                        return __reader.unknown_failed(__extra.as_ref(), __key, __value_at);
                    }
                };
                let __map = __extra.get_or_insert_with(#krate::Map::new);
                if __map.insert(::std::borrow::ToOwned::to_owned(__key), __value).is_some() {
                    return __reader.duplicate_unknown(__key, __value_at);
                }
                #count
            }
        },
        None if item.item.serde.has("deny_unknown_fields") => quote! {
            _ => return ::core::result::Result::Err(#private::Bail),
        },
        None => quote! {
            _ => {
                __reader.skip()?;
                #count
            }
        },
    };
    let extra_slot = extra.map(|_| {
        quote!(let mut __extra: ::core::option::Option<#krate::Map> = ::core::option::Option::None;)
    });
    let any_nullable = nulls::any(item);
    let nulls_slot = any_nullable.then(|| nulls::read_start(krate));

    let mut read_index = 0usize;
    let inits = item.fields.iter().map(|field| {
        let ident = field.ident;
        if field.voucherify.extra.is_some() {
            // Spanned as in the serde impls, so that a wrong type is reported
            // once, at the field's type.
            let (_, from_map) = crate::expand::extra_functions(field, krate);
            if any_nullable {
                let from_parts = crate::expand::extra_from_parts(field, krate);
                return quote!(#ident: #from_parts(__extra, __nulls));
            }
            return quote!(#ident: #from_map(__extra));
        }
        let missing = missing_value(field, krate);
        if field.skip_read {
            return quote!(#ident: #missing);
        }
        let slot = format_ident!("__field{}", read_index);
        read_index += 1;
        quote! {
            #ident: match #slot {
                ::core::option::Option::Some(__value) => __value,
                ::core::option::Option::None => #missing,
            }
        }
    });
    let wrappers = read_fields
        .iter()
        .filter_map(|field| deserialize_with_wrapper(field, krate));

    quote! {
        #(#wrappers)*
        #(#slots)*
        #extra_slot
        #nulls_slot
        let mut __expected: usize = 0;
        let mut __more = __reader.object_start()?;
        while __more {
            let __index: usize = match __expected {
                #(#expected_arms)*
                _ => match __reader.field_key()? {
                    #(#name_arms)*
                    #unknown
                },
            };
            match __index {
                #(#read_arms)*
                _ => {}
            }
            if __index < #count {
                __expected = __index + 1;
            }
            __more = __reader.object_next()?;
        }
        ::core::result::Result::Ok(Self {
            #(#inits,)*
        })
    }
}

/// The value of a field whose key is absent, as serde gives it.
fn missing_value(field: &Field, krate: &Path) -> TokenStream {
    match field.serde.get("default") {
        Some(attr::SerdeKey {
            value: Some(path), ..
        }) => match path.parse::<Path>() {
            Ok(path) => quote!(#path()),
            Err(error) => error.into_compile_error(),
        },
        Some(_) => quote!(::core::default::Default::default()),
        None if field.kind != FieldKind::Required || field.skip => {
            quote!(::core::default::Default::default())
        }
        None => quote!(return ::core::result::Result::Err(#krate::__private::Bail)),
    }
}

/// The type behind one or two `Option`s, as the field's kind says.
fn value_type<'a>(field: &Field<'a>) -> &'a Type {
    let once = || option_inner(field.ty).unwrap_or(field.ty);
    match field.kind {
        FieldKind::Required => field.ty,
        FieldKind::Optional => once(),
        FieldKind::DoubleOption => option_inner(once()).unwrap_or(field.ty),
    }
}

/// The format marker of a date nested in containers, if the field has one.
fn nested_date_kind(field: &Field, krate: &Path) -> Option<TokenStream> {
    if !field.nested_date {
        return None;
    }
    let private = quote!(#krate::__private);
    match field.date? {
        DateFormat::Date => Some(quote!(#private::dated::DateKind)),
        DateFormat::DateTime => Some(quote!(#private::dated::DateTimeKind)),
    }
}

fn read_value(field: &Field, krate: &Path) -> TokenStream {
    let private = quote!(#krate::__private);
    if deserialize_with(field).is_some() {
        let wrapper = wrapper_ident("__Read", field);
        return quote!(#private::through_serde::<#wrapper, __I>(__reader)?.0);
    }
    let ty = field.ty;
    if let Some(kind) = nested_date_kind(field, krate) {
        // The whole type, `Option`s included, reads as dates nested in it.
        return match field.kind {
            FieldKind::DoubleOption => {
                let once = option_inner(ty).unwrap_or(ty);
                quote!(::core::option::Option::Some(<#once as #private::dated::Dated<#kind>>::read_dated(__reader)?))
            }
            _ => quote!(<#ty as #private::dated::Dated<#kind>>::read_dated(__reader)?),
        };
    }
    let inner = value_type(field);
    let one = match field.date {
        Some(DateFormat::Date) => quote!(#private::read_date(__reader)?),
        Some(DateFormat::DateTime) => quote!(#private::read_date_time(__reader)?),
        None if field.kind == FieldKind::DoubleOption && field.picked => {
            quote!((&&&#private::pick::Pick::<#inner>::NEW).read_field(__reader)?)
        }
        None if field.kind == FieldKind::DoubleOption => read_slot(field, inner, krate),
        None if field.picked => {
            return quote!((&&&#private::pick::Pick::<#ty>::NEW).read_field(__reader)?)
        }
        None => return read_slot(field, ty, krate),
    };
    let nullable = quote! {
        if __reader.null()? {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(#one)
        }
    };
    match field.kind {
        FieldKind::Required => one,
        FieldKind::Optional => nullable,
        FieldKind::DoubleOption => quote!(::core::option::Option::Some(#nullable)),
    }
}

/// A value of type `ty` read by its slot: the type's own reader, or
/// serde's; for a `unique_keys` field, a reader that refuses a repeated key
/// as the field's serde reader does.
fn read_slot(field: &Field, ty: &Type, krate: &Path) -> TokenStream {
    let private = quote!(#krate::__private);
    if field.voucherify.unique_keys.is_none() {
        return quote!((&#private::Slot::<#ty>::NEW).read_field(__reader)?);
    }
    quote!((&&#private::UniqueSlot::<#ty>::NEW).read_unique_field(__reader)?)
}

fn wrapper_ident(prefix: &str, field: &Field) -> syn::Ident {
    let name = field.ident.to_string();
    format_ident!("{}_{}", prefix, name.strip_prefix("r#").unwrap_or(&name))
}

/// The function a `with` or `deserialize_with` field is read by. A
/// `unique_keys` field has none of its own: its serde reader refuses a
/// repeated key, as the direct reader does, and otherwise reads as the
/// field's type does.
pub(crate) fn deserialize_with(field: &Field) -> Option<Path> {
    custom_path(field, "deserialize_with", "deserialize")
}

/// The function a `with` or `serialize_with` field is written by.
pub(crate) fn serialize_with(field: &Field) -> Option<Path> {
    custom_path(field, "serialize_with", "serialize")
}

fn custom_path(field: &Field, direct: &str, in_module: &str) -> Option<Path> {
    if let Some(value) = field.serde.get(direct).and_then(|key| key.value.as_ref()) {
        return value.parse().ok();
    }
    let module = field.serde.get("with")?.value.as_ref()?;
    syn::parse_str(&format!("{}::{in_module}", module.value())).ok()
}

/// A type whose `Deserialize` is the field's own function, for serde to
/// read that field's text with.
fn deserialize_with_wrapper(field: &Field, krate: &Path) -> Option<TokenStream> {
    let path = deserialize_with(field)?;
    let wrapper = wrapper_ident("__Read", field);
    let ty = field.ty;
    let serde = quote!(#krate::__private::serde);
    Some(quote! {
        struct #wrapper(#ty);

        impl<'de> #serde::Deserialize<'de> for #wrapper {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                #path(__deserializer).map(#wrapper)
            }
        }
    })
}

fn serialize_with_wrapper(field: &Field, krate: &Path) -> Option<TokenStream> {
    let path = serialize_with(field)?;
    let wrapper = wrapper_ident("__Write", field);
    let ty = field.ty;
    let serde = quote!(#krate::__private::serde);
    Some(quote! {
        struct #wrapper<'__a>(&'__a #ty);

        impl #serde::Serialize for #wrapper<'_> {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                #path(self.0, __serializer)
            }
        }
    })
}

fn write_struct(item: &Struct, krate: &Path) -> TokenStream {
    write_fields(
        &item.fields,
        krate,
        &|field| {
            let ident = field.ident;
            quote!(&self.#ident)
        },
        None,
        &nulls::places(item),
    )
}

/// Writes `fields` as an object's members, each value reached through
/// `access` (an expression of type `&T`), after `tag` (`,"type":"X"`, and
/// the tag's key, which the `extra` field must not hold) for a variant of a
/// union. `null_places` gives each field's place among the
/// fields that remember a `null` (see `nulls`); empty where none does.
pub(crate) fn write_fields(
    fields: &[Field],
    krate: &Path,
    access: &dyn Fn(&Field) -> TokenStream,
    tag: Option<(&LitByteStr, &str)>,
    null_places: &[Option<usize>],
) -> TokenStream {
    let private = quote!(#krate::__private);
    let mut wrappers = Vec::new();
    let mut members = Vec::new();
    let mut extra_members = None;
    // serde refuses an extra key that is also a field's, or the union's
    // tag; it explains.
    let names: Vec<String> = fields
        .iter()
        .filter(|field| field.voucherify.extra.is_none())
        .map(wire_name)
        .chain(tag.map(|(_, key)| key.to_owned()))
        .collect();
    let any_nullable = null_places.iter().any(Option::is_some);
    let mut nulls_start = None;
    for (index, field) in fields.iter().enumerate() {
        let this = access(field);
        let place = null_places.get(index).copied().flatten();
        if field.voucherify.extra.is_some() {
            if any_nullable {
                nulls_start = Some(nulls::write_start(&this, krate));
            }
            // With no other field, no key can clash.
            let clash = (!names.is_empty()).then(|| {
                quote! {
                    if let #(#names)|* = __key.as_str() {
                        return ::core::result::Result::Err(#private::Bail);
                    }
                }
            });
            let (as_map, _) = crate::expand::extra_functions(field, krate);
            let entries = quote!(#as_map(#this));
            extra_members = Some(quote! {
                for (__key, __value) in #entries {
                    #clash
                    __writer.member(__key);
                    __writer.value(__value)?;
                }
            });
            continue;
        }
        if field.skip_write {
            continue;
        }
        let key = LitByteStr::new(
            format!(",{}:", json_string(&wire_name(field))).as_bytes(),
            Span::call_site(),
        );
        let value = write_value(field, krate, &this);
        if let Some(wrapper) = serialize_with_wrapper(field, krate) {
            wrappers.push(wrapper);
        }
        let member = quote! {
            __writer.raw(#key);
            #value
        };
        let condition = write_condition(field, &this);
        let when_none = place.map(|place| nulls::write_none(place, &key));
        members.push(match condition {
            Some(condition) => quote! {
                if #condition {
                    #member
                }
                #when_none
            },
            None => member,
        });
    }
    let tag = tag.map(|(tag, _)| quote!(__writer.raw(#tag);));
    quote! {
        #(#wrappers)*
        #nulls_start
        let __start = __writer.object_start();
        #tag
        #(#members)*
        #extra_members
        __writer.object_end(__start);
        ::core::result::Result::Ok(())
    }
}

/// When a field is written, as serde decides: unless its own
/// `skip_serializing_if` says to skip it, and for an `Option`, when it is
/// `Some`; `None` for a field that is always written. `this` reaches the
/// value, as a `&T`.
pub(crate) fn write_condition(field: &Field, this: &TokenStream) -> Option<TokenStream> {
    match field.serde.get("skip_serializing_if") {
        Some(attr::SerdeKey {
            value: Some(path), ..
        }) => match path.parse::<Path>() {
            Ok(path) => Some(quote!(!#path(#this))),
            Err(error) => Some(error.into_compile_error()),
        },
        _ if field.kind != FieldKind::Required => {
            Some(quote!(::core::option::Option::is_some(#this)))
        }
        _ => None,
    }
}

fn write_value(field: &Field, krate: &Path, this: &TokenStream) -> TokenStream {
    let private = quote!(#krate::__private);
    if serialize_with(field).is_some() {
        let wrapper = wrapper_ident("__Write", field);
        return quote!(__writer.serde(&#wrapper(#this))?;);
    }
    let ty = field.ty;
    // The whole type, `Option`s included, writes the dates or numbers
    // nested in it: a `None` as `null`, which is what a `Some(None)` of an
    // `Option<Option<T>>` writes (its `None` is not written at all).
    if let Some(kind) = nested_date_kind(field, krate) {
        return quote!(#private::dated::Dated::<#kind>::write_dated(#this, __writer)?;);
    }
    if field.nested_number {
        return quote!(#private::numbered::Numbered::write_numbered(#this, __writer)?;);
    }
    let inner = value_type(field);
    let one = |value: TokenStream| match field.date {
        Some(DateFormat::Date) => quote!(#private::write_date(__writer, #value)?;),
        Some(DateFormat::DateTime) => quote!(#private::write_date_time(__writer, #value)?;),
        None if field.is_number() => quote!(#private::write_number(__writer, #value)?;),
        None if field.picked => {
            quote!((&&&#private::pick::Pick::<#inner>::NEW).write_field(#value, __writer)?;)
        }
        None => quote!((&#private::Slot::<#inner>::NEW).write_field(#value, __writer)?;),
    };
    // Dates and numbers have writers of their own.
    let own_format = field.date.is_some() || field.is_number();
    match (field.kind, own_format) {
        (FieldKind::Required, true) => one(this.clone()),
        (FieldKind::Required | FieldKind::Optional, false) if field.picked => {
            quote!((&&&#private::pick::Pick::<#ty>::NEW).write_field(#this, __writer)?;)
        }
        (FieldKind::Required | FieldKind::Optional, false) => {
            quote!((&#private::Slot::<#ty>::NEW).write_field(#this, __writer)?;)
        }
        (FieldKind::Optional, true) => {
            let some = one(quote!(__value));
            quote! {
                match #this {
                    ::core::option::Option::Some(__value) => { #some }
                    ::core::option::Option::None => __writer.null(),
                }
            }
        }
        (FieldKind::DoubleOption, _) => {
            let some = one(quote!(__value));
            quote! {
                match #this {
                    ::core::option::Option::Some(::core::option::Option::Some(__value)) => { #some }
                    _ => __writer.null(),
                }
            }
        }
    }
}

/// `text` as serde_json writes a string.
pub(crate) fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ch if (ch as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", ch as u32)),
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

pub(crate) fn enum_impl(item: &Enum, names: &[Option<WireNames>], krate: &Path) -> TokenStream {
    let ident = &item.item.original.ident;
    let private = quote!(#krate::__private);
    let mut read_arms = Vec::new();
    let mut write_arms = Vec::new();
    for (variant, names) in item.variants.iter().zip(names) {
        let variant_ident = variant.ident;
        let Some(names) = names else { continue };
        let name = &names.name;
        let aliases = &names.aliases;
        read_arms.push(quote!(#name #(| #aliases)* => #ident::#variant_ident));
        write_arms.push(quote!(#ident::#variant_ident => #name));
    }
    let (read_other, write_other) = match item.other_variant() {
        Some(other) => {
            let other_ident = other.ident;
            (
                quote!(__other => #ident::#other_ident(::std::borrow::ToOwned::to_owned(__other))),
                Some(quote!(#ident::#other_ident(__value) => __value.as_str())),
            )
        }
        None => (
            quote!(_ => return ::core::result::Result::Err(#private::Bail)),
            None,
        ),
    };
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #krate::Json for #ident {
            #[inline]
            fn read_json<__I: #private::Input>(
                __reader: &mut #private::Reader<'_, __I>,
            ) -> #private::Fast<Self> {
                ::core::result::Result::Ok(match __reader.str()? {
                    #(#read_arms,)*
                    #read_other,
                })
            }

            #[inline]
            fn write_json(&self, __writer: &mut #private::Writer) -> #private::Fast<()> {
                __writer.str(match self {
                    #(#write_arms,)*
                    #write_other
                });
                ::core::result::Result::Ok(())
            }
        }
    }
}
