//! Emits the code for a checked input. Every path is absolute or goes
//! through the runtime crate, so the output compiles in any crate.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{parse_quote, Attribute, Generics, Ident, LitStr, Path};

use crate::ast::{Enum, Field, FieldKind, Input, Struct};
use crate::attr::{self, path_to_string, DateFormat};
use crate::{direct, nulls, shape, union};

pub(crate) fn expand(input: &Input, krate: &Path) -> TokenStream {
    match input {
        Input::Struct(item) => expand_struct(item, krate),
        Input::Enum(item) if item.tag().is_some() => union::expand(item, krate),
        Input::Enum(item) => expand_enum(item, krate),
    }
}

/// Attributes that stay on the user's item: everything but ours, and
/// `#[serde]` only where serde derives on that item itself.
pub(crate) fn kept_attrs(
    attrs: &[Attribute],
    keep_serde: bool,
) -> impl Iterator<Item = &Attribute> {
    attrs
        .iter()
        .filter(move |attr| !attr::is_voucherify(attr) && (keep_serde || !attr::is_serde(attr)))
}

fn cfg_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("cfg"))
}

fn serde_crate(krate: &Path) -> LitStr {
    LitStr::new(
        &format!("{}::__private::serde", path_to_string(krate)),
        Span::call_site(),
    )
}

pub(crate) fn expand_struct(item: &Struct, krate: &Path) -> TokenStream {
    let original = item.item.original;
    let ident = &original.ident;
    let vis = &original.vis;
    let generics = &original.generics;
    let where_clause = &generics.where_clause;
    let extra = item
        .fields
        .iter()
        .find(|field| field.voucherify.extra.is_some());
    // Without an `extra` field serde derives on the struct itself; with one,
    // serde derives on a hidden twin and our impls route unknown keys.
    let serde_on_struct = extra.is_none();
    let serde_crate = serde_crate(krate);
    let serde_derive = quote! {
        #[derive(#krate::__private::serde::Serialize, #krate::__private::serde::Deserialize)]
        #[serde(crate = #serde_crate)]
    };

    let item_attrs = kept_attrs(&original.attrs, serde_on_struct);
    let direct_serde = serde_on_struct.then(|| serde_derive.clone());
    let fields = item.fields.iter().map(|field| {
        let attrs = kept_attrs(field.attrs(), serde_on_struct);
        let deprecation = deprecation_attrs(field);
        let additions = if serde_on_struct {
            field_serde_attrs(field, krate, &owner_path(original))
        } else {
            None
        };
        let field_vis = &field.original.vis;
        let field_ident = field.ident;
        let ty = field.ty;
        quote! { #(#attrs)* #deprecation #additions #field_vis #field_ident: #ty }
    });
    // serde's derive comes before the user's `#[serde]` attributes, which
    // are its helpers.
    let definition = quote! {
        #direct_serde
        #(#item_attrs)*
        #vis struct #ident #generics #where_clause {
            #(#fields,)*
        }
    };

    let clone = clone_impl(item, krate);
    let partial_eq = partial_eq_impl(item, krate);
    let picked = picked_items(item, krate);
    let debug = debug_impl(item, krate);
    let serde_impls = extra.map(|extra| extra_serde_impls(item, extra, krate, &serde_derive));
    let probes = required_field_probes(item, krate);
    let json = direct::struct_impl(item, krate);
    let shape = shape::struct_impl(item, krate);
    let variant = variant_impl(item, krate);
    quote! {
        #definition
        #clone
        #partial_eq
        #picked
        #debug
        #serde_impls
        #probes
        #json
        #shape
        #variant
    }
}

/// `ExtraField::as_map` and `ExtraField::from_map`, spanned at the type of
/// the `extra` field: every use of them is then the same one error when the
/// type is wrong, which rustc reports once.
pub(crate) fn extra_functions(field: &Field, krate: &Path) -> (TokenStream, TokenStream) {
    let span = field.ty.span();
    let ty = field.ty;
    (
        respanned(quote!(<#ty as #krate::__private::ExtraField>::as_map), span),
        respanned(
            quote!(<#ty as #krate::__private::ExtraField>::from_map),
            span,
        ),
    )
}

/// `ExtraField::from_parts`, spanned as [`extra_functions`]: the unknown
/// keys and the record of fields read as `null`.
pub(crate) fn extra_from_parts(field: &Field, krate: &Path) -> TokenStream {
    let ty = field.ty;
    respanned(
        quote!(<#ty as #krate::__private::ExtraField>::from_parts),
        field.ty.span(),
    )
}

/// `ExtraField::nulls`, spanned as [`extra_functions`].
fn extra_nulls(field: &Field, krate: &Path) -> TokenStream {
    let ty = field.ty;
    respanned(
        quote!(<#ty as #krate::__private::ExtraField>::nulls),
        field.ty.span(),
    )
}

fn respanned(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respanned(group.stream(), span));
                inner.set_span(span);
                token = TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// What a union needs of a struct that one of its variants holds: the keys
/// it reads, and a way to take the tag out of its unknown keys.
fn variant_impl(item: &Struct, krate: &Path) -> TokenStream {
    let original = item.item.original;
    let ident = &original.ident;
    let (impl_generics, ty_generics, where_clause) = original.generics.split_for_impl();
    let mut keys = Vec::new();
    let mut remove = quote!(let _ = __key;);
    let mut has = quote!(let _ = __key; false);
    for field in &item.fields {
        if field.voucherify.extra.is_some() {
            let field_ident = field.ident;
            let ty = field.ty;
            let remove_key = respanned(
                quote!(<#ty as #krate::__private::ExtraField>::remove_key),
                ty.span(),
            );
            // In place, so that the other keys keep their order and the
            // record of fields read as `null` stays.
            remove = quote! {
                #remove_key(&mut self.#field_ident, __key);
            };
            let as_map = respanned(
                quote!(<#ty as #krate::__private::ExtraField>::as_map),
                ty.span(),
            );
            has = quote! {
                #as_map(&self.#field_ident).contains_key(__key)
            };
            continue;
        }
        if field.skip_read {
            continue;
        }
        keys.push(field.wire_name.clone());
        keys.extend(field.aliases.iter().cloned());
    }
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::__private::union::Variant for #ident #ty_generics #where_clause {
            const KEYS: &'static [&'static str] = &[#(#keys),*];

            fn remove_key(&mut self, __key: &str) {
                #remove
            }

            fn extra_has(&self, __key: &str) -> bool {
                #has
            }
        }
    }
}

/// `#[deprecated]` and a line in the docs for `#[voucherify(deprecated)]`.
pub(crate) fn deprecation_attrs(field: &Field) -> Option<TokenStream> {
    let deprecation = field.voucherify.deprecated.as_ref()?;
    let since = deprecation
        .since
        .as_ref()
        .map(|since| quote!(since = #since));
    let note = deprecation.note.as_ref().map(|note| quote!(note = #note));
    let args: Vec<TokenStream> = since.into_iter().chain(note).collect();
    let doc = match &deprecation.note {
        Some(note) => format!(" **Deprecated:** {}", note.value()),
        None => " **Deprecated.**".to_owned(),
    };
    let rust_attr = if args.is_empty() {
        quote!(#[deprecated])
    } else {
        quote!(#[deprecated(#(#args),*)])
    };
    Some(quote! {
        #[doc = ""]
        #[doc = #doc]
        #rust_attr
    })
}

/// The serde attributes the field's kind calls for, minus any the user
/// already wrote.
/// The struct as a path to its associated functions in serde's impls,
/// where its generic parameters have the same names: `Page::<'a, T>`.
fn owner_path(original: &syn::DeriveInput) -> String {
    let ident = &original.ident;
    if original.generics.params.is_empty() {
        return ident.to_string();
    }
    let params: Vec<String> = original
        .generics
        .params
        .iter()
        .map(|param| match param {
            syn::GenericParam::Type(param) => param.ident.to_string(),
            syn::GenericParam::Const(param) => param.ident.to_string(),
            syn::GenericParam::Lifetime(param) => format!("'{}", param.lifetime.ident),
        })
        .collect();
    format!("{ident}::<{}>", params.join(", "))
}

fn field_serde_attrs(field: &Field, krate: &Path, owner: &str) -> Option<TokenStream> {
    if field.voucherify.extra.is_some() {
        return Some(quote!(#[serde(skip)]));
    }
    if field.skip {
        return None;
    }
    let mut keys = Vec::new();
    // serde borrows a `Cow<'a, str>` from the input only when told to; a
    // `Cow<'static, str>` borrows nothing (told to, it would demand input
    // that lives forever).
    let borrowed_cow = field.kind == FieldKind::Required
        && crate::ast::last_segment(field.ty).is_some_and(|segment| {
            segment.ident == "Cow"
                && matches!(&segment.arguments, syn::PathArguments::AngleBracketed(args)
                    if args.args.iter().any(|arg| matches!(arg,
                        syn::GenericArgument::Lifetime(lifetime) if lifetime.ident != "static")))
        });
    if borrowed_cow && !field.serde.has("borrow") && !field.has_custom_with() {
        keys.push(quote!(borrow));
    }
    if field.kind != FieldKind::Required {
        // `skip` has returned above, so these are `skip_deserializing` and
        // `skip_serializing` themselves.
        if !field.default && !field.skip_read {
            keys.push(quote!(default));
        }
        if !field.skip_if && !field.skip_write {
            keys.push(quote!(
                skip_serializing_if = "::core::option::Option::is_none"
            ));
        }
    }
    if field.voucherify.unique_keys.is_some() {
        let path = LitStr::new(
            &format!(
                "{}::__private::unique_keys::deserialize",
                path_to_string(krate)
            ),
            // serde names the function with this span: a field type it cannot
            // read is reported there.
            field.ty.span(),
        );
        keys.push(quote!(deserialize_with = #path));
        if field.nested_number {
            let module = with_module(field, krate).expect("a nested number has a module");
            let path = LitStr::new(&format!("{module}::serialize"), Span::call_site());
            keys.push(quote!(serialize_with = #path));
        }
    } else if field.picked {
        let (serialize, deserialize) = picked_functions(field);
        let serialize = LitStr::new(&format!("{owner}::{serialize}"), Span::call_site());
        let deserialize = LitStr::new(&format!("{owner}::{deserialize}"), Span::call_site());
        keys.push(quote!(serialize_with = #serialize, deserialize_with = #deserialize));
    } else if let Some(module) = with_module(field, krate) {
        let path = LitStr::new(&module, Span::call_site());
        keys.push(quote!(with = #path));
    }
    (!keys.is_empty()).then(|| quote!(#[serde(#(#keys),*)]))
}

/// The runtime's `with` module for a field the macro formats itself: a
/// date or an `f64` (at any depth), or an `Option<Option<T>>`.
pub(crate) fn with_module(field: &Field, krate: &Path) -> Option<String> {
    if field.has_custom_with() {
        return None;
    }
    if field.nested_date {
        let format = match field.date? {
            DateFormat::Date => "date",
            DateFormat::DateTime => "date_time",
        };
        let suffix = match field.kind {
            FieldKind::DoubleOption => "::double_option",
            _ => "",
        };
        return Some(format!(
            "{}::__private::dated::{format}{suffix}",
            path_to_string(krate)
        ));
    }
    if field.nested_number {
        let suffix = match field.kind {
            FieldKind::DoubleOption => "::double_option",
            _ => "",
        };
        return Some(format!(
            "{}::__private::numbered{suffix}",
            path_to_string(krate)
        ));
    }
    let module = match (field.date, field.kind) {
        (Some(DateFormat::Date), kind) => format!("format::date{}", kind_suffix(kind)),
        (Some(DateFormat::DateTime), kind) => format!("format::date_time{}", kind_suffix(kind)),
        (None, kind) if field.is_number() => format!("format::number{}", kind_suffix(kind)),
        (None, FieldKind::DoubleOption) => "__private::double_option".to_owned(),
        (None, _) => return None,
    };
    Some(format!("{}::{module}", path_to_string(krate)))
}

fn kind_suffix(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Required => "",
        FieldKind::Optional => "::option",
        FieldKind::DoubleOption => "::double_option",
    }
}

/// `Debug` that prints `<redacted>` for `#[voucherify(redact)]` fields.
fn debug_impl(item: &Struct, krate: &Path) -> TokenStream {
    let ident = &item.item.original.ident;
    let name = ident.to_string();
    let generics = with_bound(
        &item.item.original.generics,
        &parse_quote!(::core::fmt::Debug),
    );
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let (_, ty_generics, _) = item.item.original.generics.split_for_impl();
    let statements = item.fields.iter().map(|field| {
        let field_ident = field.ident;
        let key = field_ident.to_string();
        let key = key.strip_prefix("r#").unwrap_or(&key);
        let cfgs = cfg_attrs(field.attrs());
        let value = if field.voucherify.extra.is_some() {
            // Unknown values may be personal: only their keys show.
            let (as_map, _) = extra_functions(field, krate);
            quote!(&#krate::__private::KeysOnly(#as_map(&self.#field_ident)))
        } else if field.voucherify.redact.is_none() {
            if field.picked {
                let ty = field.ty;
                quote!((&&&#krate::__private::pick::Pick::<#ty>::NEW).pick_debug(&self.#field_ident))
            } else {
                quote!(&self.#field_ident)
            }
        } else {
            let redacted = quote!(#krate::__private::redacted);
            match field.kind {
                FieldKind::Required => quote!(&#redacted(&self.#field_ident)),
                FieldKind::Optional => quote!(&::core::option::Option::map(
                    ::core::option::Option::as_ref(&self.#field_ident),
                    #redacted,
                )),
                FieldKind::DoubleOption => quote!(&::core::option::Option::map(
                    ::core::option::Option::as_ref(&self.#field_ident),
                    |__inner| ::core::option::Option::map(::core::option::Option::as_ref(__inner), #redacted),
                )),
            }
        };
        quote! {
            #(#cfgs)*
            ::core::fmt::DebugStruct::field(&mut __debug, #key, #value);
        }
    });
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #[allow(unused_imports)]
                use #krate::__private::pick::{Never as _, Real as _};
                let mut __debug = ::core::fmt::Formatter::debug_struct(__formatter, #name);
                #(#statements)*
                ::core::fmt::DebugStruct::finish(&mut __debug)
            }
        }
    }
}

/// `Clone`, field by field: a picked field through `__private::pick`.
fn clone_impl(item: &Struct, krate: &Path) -> TokenStream {
    let ident = &item.item.original.ident;
    let generics = with_bound(
        &item.item.original.generics,
        &parse_quote!(::core::clone::Clone),
    );
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let (_, ty_generics, _) = item.item.original.generics.split_for_impl();
    let fields = item.fields.iter().map(|field| {
        let field_ident = field.ident;
        let cfgs = cfg_attrs(field.attrs());
        let ty = field.ty;
        let value = if field.picked {
            quote!((&&&#krate::__private::pick::Pick::<#ty>::NEW).pick_clone(&self.#field_ident))
        } else {
            quote!(::core::clone::Clone::clone(&self.#field_ident))
        };
        quote!(#(#cfgs)* #field_ident: #value)
    });
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #impl_generics ::core::clone::Clone for #ident #ty_generics #where_clause {
            #[inline]
            fn clone(&self) -> Self {
                #[allow(unused_imports)]
                use #krate::__private::pick::{Never as _, Real as _};
                #ident {
                    #(#fields,)*
                }
            }
        }
    }
}

/// `PartialEq`, field by field in order, as derived: a picked field
/// through `__private::pick`.
fn partial_eq_impl(item: &Struct, krate: &Path) -> TokenStream {
    let ident = &item.item.original.ident;
    let generics = with_bound(
        &item.item.original.generics,
        &parse_quote!(::core::cmp::PartialEq),
    );
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let (_, ty_generics, _) = item.item.original.generics.split_for_impl();
    let checks = item.fields.iter().map(|field| {
        let field_ident = field.ident;
        let cfgs = cfg_attrs(field.attrs());
        let ty = field.ty;
        let equal = if field.picked {
            quote!((&&&#krate::__private::pick::Pick::<#ty>::NEW).pick_eq(&self.#field_ident, &__other.#field_ident))
        } else {
            quote!(::core::cmp::PartialEq::eq(&self.#field_ident, &__other.#field_ident))
        };
        quote! {
            #(#cfgs)*
            if !#equal {
                return false;
            }
        }
    });
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #impl_generics ::core::cmp::PartialEq for #ident #ty_generics #where_clause {
            #[inline]
            fn eq(&self, __other: &Self) -> bool {
                #[allow(unused_imports)]
                use #krate::__private::pick::{Never as _, Real as _};
                #(#checks)*
                true
            }
        }
    }
}

/// The names of a picked field's serde functions, which are associated
/// functions of the struct.
pub(crate) fn picked_functions(field: &Field) -> (Ident, Ident) {
    let name = field.ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    (
        format_ident!("__voucherify_serialize_{}", name),
        format_ident!("__voucherify_deserialize_{}", name),
    )
}

/// For the picked fields of a struct: the serde
/// functions its derived impls call, and the one check of each field's
/// type, spanned at the type, so that a type without the traits is one
/// error there.
fn picked_items(item: &Struct, krate: &Path) -> Option<TokenStream> {
    let ident = &item.item.original.ident;
    let picked: Vec<&Field> = item.fields.iter().filter(|field| field.picked).collect();
    if picked.is_empty() {
        return None;
    }
    let private = quote!(#krate::__private);
    let serde = quote!(#private::serde);
    let functions = picked.iter().map(|field| {
        let (serialize, deserialize) = picked_functions(field);
        let cfgs = cfg_attrs(field.attrs());
        let cfgs = quote!(#(#cfgs)*);
        let ty = field.ty;
        let (write, read) = if field.kind == FieldKind::DoubleOption {
            // As `__private::double_option`: the outer `None` is left out by
            // `skip_serializing_if`, `null` is `Some(None)`.
            let once = crate::ast::option_inner(ty).unwrap_or(ty);
            let pick = quote!((&&&#private::pick::Pick::<#once>::NEW));
            (
                quote! {
                    match __value {
                        ::core::option::Option::Some(__inner) => #pick.pick_serialize(__inner, __serializer),
                        ::core::option::Option::None => #serde::Serializer::serialize_none(__serializer),
                    }
                },
                quote!(::core::result::Result::map(#pick.pick_deserialize(__deserializer), ::core::option::Option::Some)),
            )
        } else {
            let pick = quote!((&&&#private::pick::Pick::<#ty>::NEW));
            (
                quote!(#pick.pick_serialize(__value, __serializer)),
                quote!(#pick.pick_deserialize(__deserializer)),
            )
        };
        quote! {
            #cfgs
            fn #serialize<__S>(__value: &#ty, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                #[allow(unused_imports)]
                use #private::pick::{Never as _, Real as _};
                #write
            }

            #cfgs
            fn #deserialize<'de, __D>(__deserializer: __D) -> ::core::result::Result<#ty, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                #[allow(unused_imports)]
                use #private::pick::{Never as _, Real as _};
                #read
            }
        }
    });
    let checks = picked.iter().map(|field| {
        let cfgs = cfg_attrs(field.attrs());
        let ty = field.ty;
        let (leaf, std_type) = std_wrapped(ty);
        let check = quote_spanned!(leaf.span()=> #private::pick::field_type::<#leaf>(););
        // Inside `Option`, `Box` and `Vec` the type held is checked, so that
        // the error names it; the standard wrappers have each trait exactly
        // when it does. That they are the standard ones is checked too: a
        // type of the user's own named `Option` fails to compile here.
        let same = std_type.map(|std_type| {
            quote! {
                let _ = |__value: #ty| -> #std_type { __value };
            }
        });
        quote!(#(#cfgs)* { #check #same })
    });
    let (impl_generics, ty_generics, where_clause) = item.item.original.generics.split_for_impl();
    Some(quote! {
        #[doc(hidden)]
        #[allow(deprecated, non_snake_case)]
        impl #impl_generics #ident #ty_generics #where_clause {
            #(#functions)*
        }

        #[doc(hidden)]
        const _: () = {
            #[allow(dead_code, deprecated)]
            fn __voucherify_field_types() {
                #(#checks)*
            }
        };
    })
}

/// The type inside any nesting of `Option`, `Box` and `Vec`, and, when
/// there is such a nesting, the same nesting spelled with the standard
/// library's paths.
fn std_wrapped(ty: &syn::Type) -> (&syn::Type, Option<TokenStream>) {
    let Some(segment) = crate::ast::last_segment(ty) else {
        return (ty, None);
    };
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else {
        return (ty, None);
    };
    let inner = match args.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(inner)] => inner,
        _ => return (ty, None),
    };
    // A box may hold an unsized type (`Box<str>`, `Box<[T]>`), which no
    // check can take: the box is checked then.
    let unsized_inner = matches!(inner, syn::Type::Slice(_))
        || crate::ast::last_segment(inner).is_some_and(|inner| {
            ["str", "CStr", "OsStr", "Path"]
                .iter()
                .any(|name| inner.ident == name)
        });
    let wrapper = match segment.ident.to_string().as_str() {
        "Option" => quote!(::core::option::Option),
        "Box" if unsized_inner => return (ty, None),
        "Box" => quote!(::std::boxed::Box),
        "Vec" => quote!(::std::vec::Vec),
        _ => return (ty, None),
    };
    let (leaf, spelled) = std_wrapped(inner);
    let spelled = spelled.unwrap_or_else(|| quote!(#leaf));
    (leaf, Some(quote!(#wrapper<#spelled>)))
}

/// The user's generics with `bound` added to every type parameter.
fn with_bound(generics: &Generics, bound: &syn::TypeParamBound) -> Generics {
    let mut generics = generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(bound.clone());
    }
    generics
}

/// For a struct with an `extra` field: serde derives `serialize` and
/// `deserialize` functions on a hidden twin (`remote`), and the real impls
/// wrap them so that unknown keys reach `extra` and come back out.
fn extra_serde_impls(
    item: &Struct,
    extra_field: &Field,
    krate: &Path,
    serde_derive: &TokenStream,
) -> TokenStream {
    let extra = extra_field.ident;
    let (as_map, _) = extra_functions(extra_field, krate);
    let extra_ref = quote!(#as_map(&self.#extra));
    let extra_nulls = extra_nulls(extra_field, krate);
    let extra_nulls = quote!(#extra_nulls(&self.#extra));
    let from_parts = extra_from_parts(extra_field, krate);
    let extra_store = quote!(__value.#extra = #from_parts(__extra.map, __extra.nulls););
    let nullable = nulls::table(item, krate);
    let original = item.item.original;
    let ident = &original.ident;
    let generics = &original.generics;
    let (_, ty_generics, _) = generics.split_for_impl();
    let where_clause = &generics.where_clause;
    let twin = format_ident!("__VoucherifyTwinOf{}", ident);
    let remote = LitStr::new(&ident.to_string(), ident.span());
    let item_serde = original.attrs.iter().filter(|attr| attr::is_serde(attr));
    let twin_fields = item.fields.iter().map(|field| {
        let cfgs = cfg_attrs(field.attrs());
        let serde = field.attrs().iter().filter(|attr| attr::is_serde(attr));
        let additions = field_serde_attrs(field, krate, &owner_path(original));
        let field_ident = field.ident;
        let ty = field.ty;
        quote! { #(#cfgs)* #(#serde)* #additions #field_ident: #ty }
    });

    let serialize_generics =
        with_bound(generics, &parse_quote!(#krate::__private::serde::Serialize));
    let (ser_impl_generics, _, ser_where) = serialize_generics.split_for_impl();
    let mut deserialize_generics = with_bound(
        generics,
        &parse_quote!(#krate::__private::serde::Deserialize<'de>),
    );
    deserialize_generics.params.insert(0, parse_quote!('de));
    let (de_impl_generics, _, de_where) = deserialize_generics.split_for_impl();
    let private = quote!(#krate::__private);
    let serde = quote!(#krate::__private::serde);

    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        const _: () = {
            #serde_derive
            #[serde(remote = #remote)]
            #(#item_serde)*
            #[allow(dead_code, deprecated)]
            struct #twin #generics #where_clause {
                #(#twin_fields,)*
            }

            #nullable

            #[automatically_derived]
            impl #ser_impl_generics #serde::Serialize for #ident #ty_generics #ser_where {
                fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #serde::Serializer,
                {
                    let __extra: &#krate::Map = #extra_ref;
                    let __nulls: &#private::Nulls = #extra_nulls;
                    #twin::serialize(
                        self,
                        #private::ExtraSerializer::new(__serializer, __extra, __nulls, __VOUCHERIFY_NULLABLE),
                    )
                }
            }

            #[automatically_derived]
            impl #de_impl_generics #serde::Deserialize<'de> for #ident #ty_generics #de_where {
                fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    let mut __extra = #private::Gathered::default();
                    let __result = #twin::deserialize(
                        #private::ExtraDeserializer::new(__deserializer, &mut __extra, __VOUCHERIFY_NULLABLE),
                    );
                    // Filled in place, so the struct is not moved once more.
                    ::core::result::Result::map(__result, |mut __value| {
                        #extra_store
                        __value
                    })
                }
            }
        };
    }
}

/// A required field whose type is an `Option` behind an alias would be
/// required by serde although its type says otherwise; these constants fail
/// to compile in that case, pointing at the type.
fn required_field_probes(item: &Struct, krate: &Path) -> Option<TokenStream> {
    let probes: Vec<TokenStream> = item
        .fields
        .iter()
        .filter(|field| {
            field.kind == FieldKind::Required
                && field.voucherify.extra.is_none()
                && field.date.is_none()
                && !field.has_custom_with()
                && !field.default
                && !field.skip
                // A constant cannot name the item's parameters.
                && !field.generic
        })
        .map(|field| {
            let ty = field.ty;
            let message = format!(
                "field `{}` is an `Option` behind a type alias, so #[voucherify_model] would make it \
                 required: write `Option<...>` in the field's type so a missing key reads as `None`",
                field.ident
            );
            quote_spanned! {ty.span()=>
                if #krate::__private::FieldProbe::<#ty>::IS_OPTION {
                    ::core::panic!(#message);
                }
            }
        })
        .collect();
    if probes.is_empty() {
        return None;
    }
    Some(quote! {
        #[doc(hidden)]
        const _: () = {
            #[allow(unused_imports)]
            use #krate::__private::NotAnOption as _;
            #(#probes)*
        };
    })
}

fn expand_enum(item: &Enum, krate: &Path) -> TokenStream {
    let original = item.item.original;
    let ident = &original.ident;
    let vis = &original.vis;
    let attrs = kept_attrs(&original.attrs, false);
    let variants = item.variants.iter().map(|variant| {
        let attrs = kept_attrs(&variant.original.attrs, false);
        let variant_ident = variant.ident;
        let fields = &variant.original.fields;
        let discriminant = variant
            .original
            .discriminant
            .as_ref()
            .map(|(eq, expr)| quote!(#eq #expr));
        quote! { #(#attrs)* #variant_ident #fields #discriminant }
    });

    let names = item.wire_names();
    let mut write_arms = Vec::new();
    let mut read_arms = Vec::new();
    let mut known = Vec::new();
    for (variant, names) in item.variants.iter().zip(&names) {
        let variant_ident = variant.ident;
        let Some(names) = names else { continue };
        let name = &names.name;
        let aliases = &names.aliases;
        write_arms.push(quote!(#ident::#variant_ident => #name));
        read_arms.push(
            quote!(#name #(| #aliases)* => ::core::result::Result::Ok(#ident::#variant_ident)),
        );
        known.push(name.clone());
    }
    let serde = quote!(#krate::__private::serde);
    let (other_write, read_fallback, expecting, visit_string) = match item.other_variant() {
        Some(other) => {
            let other_ident = other.ident;
            let expecting = "a string";
            (
                Some(
                    quote!(#ident::#other_ident(__value) => ::std::string::String::as_str(__value)),
                ),
                quote!(::core::result::Result::Ok(#ident::#other_ident(::std::borrow::ToOwned::to_owned(__value)))),
                expecting.to_owned(),
                // An unknown owned string moves into `Other` without a copy.
                Some(quote! {
                    fn visit_string<__E>(self, __value: ::std::string::String) -> ::core::result::Result<Self::Value, __E>
                    where
                        __E: #serde::de::Error,
                    {
                        match ::std::string::String::as_str(&__value) {
                            #(#read_arms,)*
                            _ => ::core::result::Result::Ok(#ident::#other_ident(__value)),
                        }
                    }
                }),
            )
        }
        None => (
            None,
            quote!(::core::result::Result::Err(#serde::de::Error::unknown_variant(__value, __VARIANTS))),
            match known.as_slice() {
                [only] => format!("the string `{only}`"),
                _ => format!(
                    "one of {}",
                    known
                        .iter()
                        .map(|name| format!("`{name}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
            None,
        ),
    };
    let unused_variants = item.other_variant().map(|_| quote!(#[allow(dead_code)]));
    let json = direct::enum_impl(item, &names, krate);
    let shape = shape::enum_impl(item, &names, krate);

    quote! {
        #(#attrs)*
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        #vis enum #ident {
            #(#variants,)*
        }

        #[doc(hidden)]
        #[allow(deprecated)]
        const _: () = {
            #unused_variants
            const __VARIANTS: &[&str] = &[#(#known),*];

            #[automatically_derived]
            impl #serde::Serialize for #ident {
                fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #serde::Serializer,
                {
                    let __name: &str = match self {
                        #(#write_arms,)*
                        #other_write
                    };
                    #serde::Serializer::serialize_str(__serializer, __name)
                }
            }

            #[automatically_derived]
            impl<'de> #serde::Deserialize<'de> for #ident {
                fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    #serde::Deserializer::deserialize_str(__deserializer, __Visitor)
                }
            }

            struct __Visitor;

            impl<'de> #serde::de::Visitor<'de> for __Visitor {
                type Value = #ident;

                fn expecting(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(__formatter, #expecting)
                }

                fn visit_str<__E>(self, __value: &str) -> ::core::result::Result<Self::Value, __E>
                where
                    __E: #serde::de::Error,
                {
                    match __value {
                        #(#read_arms,)*
                        _ => #read_fallback,
                    }
                }

                #visit_string

                fn visit_bytes<__E>(self, __value: &[u8]) -> ::core::result::Result<Self::Value, __E>
                where
                    __E: #serde::de::Error,
                {
                    match ::core::str::from_utf8(__value) {
                        ::core::result::Result::Ok(__text) => #serde::de::Visitor::visit_str(self, __text),
                        ::core::result::Result::Err(_) => ::core::result::Result::Err(
                            #serde::de::Error::invalid_value(#serde::de::Unexpected::Bytes(__value), &self),
                        ),
                    }
                }
            }
        };

        #json
        #shape
    }
}
