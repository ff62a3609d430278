//! Emits the `Json` impls: a JSON reader and writer made for the item,
//! which must agree with its serde impls on every input. Where an item or
//! field uses serde attributes this file does not follow, the impl is left
//! empty, and the runtime reads and writes that item through serde.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{LitByteStr, Path, Type};

use crate::ast::{option_inner, Enum, Field, FieldKind, Struct, WireNames};
use crate::attr::{self, DateFormat};

/// Field-level `#[serde]` keys this file follows; any other makes the
/// struct's impl empty.
const FOLLOWED_FIELD_KEYS: &[&str] = &[
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
    if !followed(item) {
        let (impl_generics, ty_generics, where_clause) = original.generics.split_for_impl();
        return quote! {
            #[automatically_derived]
            impl #impl_generics #json for #ident #ty_generics #where_clause {}
        };
    }
    let private = quote!(#krate::__private);
    let read = read_struct(item, krate);
    let write = write_struct(item, krate);
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #json for #ident {
            // One body per model, not copied into each caller: inlined, it reads
            // slower.
            #[inline(never)]
            fn read_json<__I: #private::Input>(
                __reader: &mut #private::Reader<'_, __I>,
            ) -> #private::Fast<Self> {
                #[allow(unused_imports)]
                use #private::{Direct as _, ThroughSerde as _};
                #read
            }

            // Written out where it is used, as serde's generic impls are, rather
            // than in the crate that defines the model.
            #[inline]
            fn write_json(&self, __writer: &mut #private::Writer) -> #private::Fast<()> {
                #[allow(unused_imports)]
                use #private::{Direct as _, ThroughSerde as _};
                #write
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

/// The key a field is written under.
fn wire_name(field: &Field) -> String {
    match field.serde.get("rename").and_then(|key| key.value.as_ref()) {
        Some(rename) => rename.value(),
        None => {
            let name = field.ident.to_string();
            name.strip_prefix("r#").unwrap_or(&name).to_owned()
        }
    }
}

fn read_struct(item: &Struct, krate: &Path) -> TokenStream {
    let private = quote!(#krate::__private);
    let extra = item
        .fields
        .iter()
        .find(|field| field.voucherify.extra.is_some());
    let read_fields: Vec<&Field> = item
        .fields
        .iter()
        .filter(|field| {
            field.voucherify.extra.is_none()
                && !field.serde.has("skip")
                && !field.serde.has("skip_deserializing")
        })
        .collect();

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
        let name = wire_name(field);
        let aliases = field
            .serde
            .keys
            .iter()
            .filter(|key| key.path.is_ident("alias"))
            .filter_map(|key| key.value.as_ref());
        quote!(#name #(| #aliases)* => #index,)
    });
    let read_arms = read_fields.iter().enumerate().map(|(index, field)| {
        let slot = format_ident!("__field{}", index);
        let value = read_value(field, krate);
        quote! {
            #index => {
                // serde refuses a field given twice.
                if #slot.is_some() {
                    return __reader.repeated_key();
                }
                #slot = ::core::option::Option::Some(#value);
            }
        }
    });
    let count = read_fields.len();
    let unknown = match extra {
        Some(_) => quote! {
            __key => {
                let __value = __reader.value()?;
                let __map = __extra.get_or_insert_with(#krate::Map::new);
                if __map.insert(::std::borrow::ToOwned::to_owned(__key), __value).is_some() {
                    return __reader.repeated_key();
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

    let mut read_index = 0usize;
    let inits = item.fields.iter().map(|field| {
        let ident = field.ident;
        if field.voucherify.extra.is_some() {
            return quote!(#ident: #private::ExtraField::from_map(__extra));
        }
        let missing = missing_value(field, krate);
        if field.serde.has("skip") || field.serde.has("skip_deserializing") {
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
        None if field.kind != FieldKind::Required || field.serde.has("skip") => {
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

fn read_value(field: &Field, krate: &Path) -> TokenStream {
    let private = quote!(#krate::__private);
    if deserialize_with(field).is_some() {
        let wrapper = wrapper_ident("__Read", field);
        return quote!(#private::through_serde::<#wrapper, __I>(__reader)?.0);
    }
    let ty = field.ty;
    let inner = value_type(field);
    let one = match field.date {
        Some(DateFormat::Date) => quote!(#private::read_date(__reader)?),
        Some(DateFormat::DateTime) => quote!(#private::read_date_time(__reader)?),
        None if field.is_number() => quote!(#private::read_number(__reader)?),
        None if field.kind == FieldKind::DoubleOption => {
            quote!((&#private::Slot::<#inner>::NEW).read_field(__reader)?)
        }
        None => return quote!((&#private::Slot::<#ty>::NEW).read_field(__reader)?),
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

fn wrapper_ident(prefix: &str, field: &Field) -> syn::Ident {
    let name = field.ident.to_string();
    format_ident!("{}_{}", prefix, name.strip_prefix("r#").unwrap_or(&name))
}

/// The function a `with` or `deserialize_with` field is read by, unless
/// it is one of the runtime's `__private::strict` readers: those refuse a
/// repeated key, which the direct reader leaves to serde, and otherwise
/// read as the field's type does.
fn deserialize_with(field: &Field) -> Option<Path> {
    let path = custom_path(field, "deserialize_with", "deserialize")?;
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let strict = segments
        .windows(2)
        .any(|pair| pair[0] == "__private" && pair[1] == "strict");
    (!strict).then_some(path)
}

/// The function a `with` or `serialize_with` field is written by.
fn serialize_with(field: &Field) -> Option<Path> {
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
    let private = quote!(#krate::__private);
    let mut wrappers = Vec::new();
    let mut members = Vec::new();
    let mut extra_members = None;
    // serde refuses an extra key that is also a field's; it explains.
    let names: Vec<String> = item
        .fields
        .iter()
        .filter(|field| field.voucherify.extra.is_none())
        .map(wire_name)
        .collect();
    for field in &item.fields {
        let ident = field.ident;
        if field.voucherify.extra.is_some() {
            extra_members = Some(quote! {
                for (__key, __value) in #private::ExtraField::as_map(&self.#ident) {
                    if let #(#names)|* = __key.as_str() {
                        return ::core::result::Result::Err(#private::Bail);
                    }
                    __writer.member(__key);
                    __writer.value(__value)?;
                }
            });
            continue;
        }
        if field.serde.has("skip") || field.serde.has("skip_serializing") {
            continue;
        }
        let key = LitByteStr::new(
            format!(",{}:", json_string(&wire_name(field))).as_bytes(),
            Span::call_site(),
        );
        let value = write_value(field, krate);
        if let Some(wrapper) = serialize_with_wrapper(field, krate) {
            wrappers.push(wrapper);
        }
        let member = quote! {
            __writer.raw(#key);
            #value
        };
        let condition = match field.serde.get("skip_serializing_if") {
            Some(attr::SerdeKey {
                value: Some(path), ..
            }) => match path.parse::<Path>() {
                Ok(path) => Some(quote!(!#path(&self.#ident))),
                Err(error) => Some(error.into_compile_error()),
            },
            _ if field.kind != FieldKind::Required => {
                Some(quote!(::core::option::Option::is_some(&self.#ident)))
            }
            _ => None,
        };
        members.push(match condition {
            Some(condition) => quote! {
                if #condition {
                    #member
                }
            },
            None => member,
        });
    }
    quote! {
        #(#wrappers)*
        let __start = __writer.object_start();
        #(#members)*
        #extra_members
        __writer.object_end(__start);
        ::core::result::Result::Ok(())
    }
}

fn write_value(field: &Field, krate: &Path) -> TokenStream {
    let private = quote!(#krate::__private);
    let ident = field.ident;
    if serialize_with(field).is_some() {
        let wrapper = wrapper_ident("__Write", field);
        return quote!(__writer.serde(&#wrapper(&self.#ident))?;);
    }
    let ty = field.ty;
    let inner = value_type(field);
    let one = |value: TokenStream| match field.date {
        Some(DateFormat::Date) => quote!(#private::write_date(__writer, #value)?;),
        Some(DateFormat::DateTime) => quote!(#private::write_date_time(__writer, #value)?;),
        None if field.is_number() => quote!(#private::write_number(__writer, #value)?;),
        None => quote!((&#private::Slot::<#inner>::NEW).write_field(#value, __writer)?;),
    };
    // Dates and numbers have writers of their own.
    let own_format = field.date.is_some() || field.is_number();
    match (field.kind, own_format) {
        (FieldKind::Required, true) => one(quote!(&self.#ident)),
        (FieldKind::Required | FieldKind::Optional, false) => {
            quote!((&#private::Slot::<#ty>::NEW).write_field(&self.#ident, __writer)?;)
        }
        (FieldKind::Optional, true) => {
            let some = one(quote!(__value));
            quote! {
                match &self.#ident {
                    ::core::option::Option::Some(__value) => { #some }
                    ::core::option::Option::None => __writer.null(),
                }
            }
        }
        (FieldKind::DoubleOption, _) => {
            let some = one(quote!(__value));
            quote! {
                match &self.#ident {
                    ::core::option::Option::Some(::core::option::Option::Some(__value)) => { #some }
                    _ => __writer.null(),
                }
            }
        }
    }
}

/// `text` as serde_json writes a string.
fn json_string(text: &str) -> String {
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
