//! Internally tagged unions: `#[serde(tag = "type")]` enums whose variants
//! have named fields or hold one `#[voucherify_model]` struct, and may
//! have one `#[voucherify(other)] Other(Map)` variant.
//!
//! The fields of a variant with named fields become a hidden struct, which
//! the struct expansion turns into a model like any other: serde reads a
//! variant through it, so the field rules are the structs' own. Writing
//! goes from the enum's borrowed fields, on both paths.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{parse_quote, DeriveInput, Ident, LitByteStr, Path};

use crate::ast::{Enum, Field, Input, Struct, Variant};
use crate::ctxt::Ctxt;
use crate::direct::{self, json_string, wire_name};
use crate::expand;

/// What a variant of a union holds.
pub(crate) enum Shape<'a> {
    /// Named fields, read through the hidden struct `DeriveInput`.
    Named(Box<DeriveInput>),
    /// One struct of this type.
    Held(&'a syn::Type),
    /// The `other` variant's whole object.
    Other,
    /// A unit variant, or a tuple of other than one type: an error.
    Invalid,
}

pub(crate) fn shape<'a>(enum_ident: &Ident, variant: &Variant<'a>) -> Shape<'a> {
    if variant.voucherify.other.is_some() {
        return Shape::Other;
    }
    match &variant.original.fields {
        syn::Fields::Named(fields) => {
            let ident = hidden_ident(enum_ident, variant.ident);
            Shape::Named(Box::new(parse_quote!(struct #ident #fields)))
        }
        syn::Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
            Shape::Held(&fields.unnamed[0].ty)
        }
        _ => Shape::Invalid,
    }
}

fn hidden_ident(enum_ident: &Ident, variant: &Ident) -> Ident {
    format_ident!("__VoucherifyVariant{}{}", enum_ident, variant)
}

/// The hidden struct of a variant with named fields, read.
pub(crate) fn hidden_struct<'a>(cx: &mut Ctxt, input: &'a DeriveInput) -> Option<Struct<'a>> {
    match Input::from_syn(cx, input)? {
        Input::Struct(item) => Some(item),
        Input::Enum(_) => None,
    }
}

pub(crate) fn expand(item: &Enum, krate: &Path) -> TokenStream {
    let original = item.item.original;
    let ident = &original.ident;
    let vis = &original.vis;
    let Some(tag) = item.tag() else {
        return TokenStream::new();
    };
    let tag_value = tag.value();
    let private = quote!(#krate::__private);
    let serde = quote!(#private::serde);
    let union = quote!(#private::union);

    let names = item.wire_names();
    let shapes: Vec<Shape> = item
        .variants
        .iter()
        .map(|variant| shape(ident, variant))
        .collect();
    // Validation succeeded, so every hidden struct reads without error.
    let mut cx = Ctxt::default();
    let hidden: Vec<Option<Struct>> = shapes
        .iter()
        .map(|shape| match shape {
            Shape::Named(input) => hidden_struct(&mut cx, input),
            _ => None,
        })
        .collect();
    let _ = cx.check();

    let attrs = expand::kept_attrs(&original.attrs, false);
    let definitions = item.variants.iter().zip(&hidden).map(|(variant, hidden)| {
        let attrs = expand::kept_attrs(&variant.original.attrs, false);
        let variant_ident = variant.ident;
        let fields = match hidden {
            Some(hidden) => {
                let fields = hidden.fields.iter().map(|field| {
                    let attrs = expand::kept_attrs(field.attrs(), false);
                    let deprecation = expand::deprecation_attrs(field);
                    let field_vis = &field.original.vis;
                    let field_ident = field.ident;
                    let ty = field.ty;
                    quote!(#(#attrs)* #deprecation #field_vis #field_ident: #ty)
                });
                quote!({ #(#fields,)* })
            }
            None => {
                let fields = &variant.original.fields;
                quote!(#fields)
            }
        };
        quote!(#(#attrs)* #variant_ident #fields)
    });

    let std_impls = std_impls(item, &hidden, krate);

    let mut table = Vec::new();
    let mut expected = Vec::new();
    let mut serialize_arms = Vec::new();
    let mut first_arms = Vec::new();
    let mut buffered_arms = Vec::new();
    let mut read_arms = Vec::new();
    let mut write_arms = Vec::new();
    // The path does not say which variant it went through: a place any
    // variant redacts is redacted.
    let mut redacted_checks = Vec::new();
    let mut hidden_items = Vec::new();
    let mut described = Vec::new();
    let mut other = None;
    for (index, ((variant, names), hidden)) in
        item.variants.iter().zip(&names).zip(&hidden).enumerate()
    {
        let variant_ident = variant.ident;
        let shape = &shapes[index];
        let Some(names) = names else {
            other = Some(variant_ident);
            serialize_arms.push(quote! {
                #ident::#variant_ident(__value) => #serde::Serialize::serialize(__value, __serializer)
            });
            write_arms.push(quote! {
                #ident::#variant_ident(__value) => #krate::Json::write_json(__value, __writer)
            });
            continue;
        };
        let name = &names.name;
        expected.push(name.clone());
        for wire in std::iter::once(&names.name).chain(&names.aliases) {
            table.push(quote!((#wire, #index)));
        }
        let object_tag = LitByteStr::new(
            format!("{{{}:{}", json_string(&tag_value), json_string(name)).as_bytes(),
            Span::call_site(),
        );
        let member_tag = LitByteStr::new(
            format!(",{}:{}", json_string(&tag_value), json_string(name)).as_bytes(),
            Span::call_site(),
        );
        let kind_of = match shape {
            Shape::Held(ty) => Some(quote!((&&#krate::shape::probe::Probe::<#ty>::new()).kind())),
            Shape::Named(input) => {
                let hidden_ident = &input.ident;
                let shown = format!("{ident}::{variant_ident}");
                Some(quote! {
                    #krate::shape::Kind::Model(#krate::shape::ModelRef {
                        name: #shown,
                        shape: || {
                            let mut __shape = <#hidden_ident as #krate::shape::Shaped>::shape();
                            __shape.name = #shown;
                            __shape
                        },
                    })
                })
            }
            _ => None,
        };
        if let Some(kind) = kind_of {
            let aliases = &names.aliases;
            described.push(quote! {
                #krate::shape::VariantShape {
                    tag: #name,
                    aliases: ::std::vec![#(#aliases),*],
                    kind: #kind,
                }
            });
        }
        match (shape, hidden) {
            (Shape::Held(ty), _) => {
                serialize_arms.push(quote! {
                    #ident::#variant_ident(__value) => {
                        use #union::{HeldExtra as _, HeldPlain as _};
                        if (&#private::Slot::<#ty>::NEW).extra_has(__value, #tag_value) {
                            return ::core::result::Result::Err(#union::tag_clash(#tag_value));
                        }
                        #serde::Serialize::serialize(
                            __value,
                            #union::Tagged::new(__serializer, #tag_value, #name),
                        )
                    }
                });
                first_arms.push(quote! {
                    #index => #union::rest_of_variant::<#ty, __A>(__map, &__TAGS).map(#ident::#variant_ident)
                });
                buffered_arms.push(quote! {
                    #index => #union::buffered_variant::<#ty, __A::Error>(__object, &__TAGS)
                        .map(#ident::#variant_ident)
                });
                read_arms.push(quote! {
                    ::core::option::Option::Some(#index) => #union::read_variant::<#ty>(__text, #tag_value)
                        .map(#ident::#variant_ident)
                });
                redacted_checks.push(quote!((&#private::Slot::<#ty>::NEW).redacted_at(__path)));
                write_arms.push(quote! {
                    #ident::#variant_ident(__value) => {
                        use #union::{HeldExtra as _, HeldPlain as _};
                        // serde refuses it, and explains.
                        if (&#private::Slot::<#ty>::NEW).extra_has(__value, #tag_value) {
                            return ::core::result::Result::Err(#private::Bail);
                        }
                        #union::write_tagged(__writer, #object_tag, __value)
                    }
                });
            }
            (Shape::Named(input), Some(hidden)) => {
                let hidden_ident = &input.ident;
                hidden_items.push(expand::expand_struct(hidden, krate));
                let bindings: Vec<Ident> = (0..hidden.fields.len())
                    .map(|index| format_ident!("__f{}", index))
                    .collect();
                let field_idents: Vec<&Ident> =
                    hidden.fields.iter().map(|field| field.ident).collect();
                let pattern = quote!(#ident::#variant_ident { #(#field_idents: #bindings),* });
                let build = quote! {
                    |__value: #hidden_ident| #ident::#variant_ident {
                        #(#field_idents: __value.#field_idents,)*
                    }
                };
                let access = |field: &Field| {
                    let position = hidden
                        .fields
                        .iter()
                        .position(|other| other.ident == field.ident)
                        .unwrap_or_default();
                    let binding = &bindings[position];
                    quote!(#binding)
                };
                let null_places = crate::nulls::places(hidden);
                let members = serialize_members(
                    &hidden.fields,
                    hidden_ident,
                    krate,
                    &access,
                    &null_places,
                    &tag_value,
                );
                serialize_arms.push(quote! {
                    #pattern => {
                        let mut __map = #serde::Serializer::serialize_map(
                            __serializer,
                            ::core::option::Option::None,
                        )?;
                        #serde::ser::SerializeMap::serialize_entry(&mut __map, #tag_value, #name)?;
                        #members
                        #serde::ser::SerializeMap::end(__map)
                    }
                });
                first_arms.push(quote! {
                    #index => #union::rest_of_variant::<#hidden_ident, __A>(__map, &__TAGS).map(#build)
                });
                buffered_arms.push(quote! {
                    #index => #union::buffered_variant::<#hidden_ident, __A::Error>(__object, &__TAGS)
                        .map(#build)
                });
                read_arms.push(quote! {
                    ::core::option::Option::Some(#index) => #union::read_variant::<#hidden_ident>(__text, #tag_value)
                        .map(#build)
                });
                redacted_checks.push(quote!(<#hidden_ident as #krate::Json>::redacted_at(__path)));
                let write = direct::write_fields(
                    &hidden.fields,
                    krate,
                    &access,
                    Some((&member_tag, &tag_value)),
                    &null_places,
                );
                write_arms.push(quote! {
                    #pattern => { #write }
                });
            }
            _ => {}
        }
    }

    let has_other = other.is_some();
    let (first_other, buffered_other, read_other) = match other {
        Some(other) => (
            quote!(#union::rest_of_other(__map, &__TAGS, __name).map(#ident::#other)),
            quote!(::core::result::Result::Ok(#ident::#other(__object))),
            quote!(::core::option::Option::None => #union::read_other(__text).map(#ident::#other),),
        ),
        None => {
            let never = quote! {{
                let _ = __name;
                ::core::result::Result::Err(#serde::de::Error::custom("unknown tag"))
            }};
            (
                never.clone(),
                quote!({ let _ = __object; #never }),
                quote!(),
            )
        }
    };
    let expecting = format!("an object tagged by `{tag_value}`");
    // Without generic parameters, as for structs: the kind of a variant
    // holding a `T` is not known where the union is defined.
    let describe = original.generics.params.is_empty().then(|| {
        let enum_name = ident.to_string();
        let shape = quote!(#krate::shape);
        quote! {
            #[automatically_derived]
            impl #shape::Describe for #ident {
                fn describe() -> #shape::Kind {
                    #[allow(unused_imports)]
                    use #shape::probe::{Known as _, Unknown as _};
                    #shape::Kind::Union(#shape::UnionShape {
                        name: #enum_name,
                        tag: #tag_value,
                        variants: ::std::vec![#(#described),*],
                        open: #has_other,
                    })
                }
            }
        }
    });

    quote! {
        #(#attrs)*
        #vis enum #ident {
            #(#definitions,)*
        }

        #std_impls

        #[doc(hidden)]
        #[allow(deprecated, non_camel_case_types, non_snake_case)]
        const _: () = {
            #(#hidden_items)*

            #describe

            const __TAGS: #union::Tags = #union::Tags {
                key: #tag_value,
                names: &[#(#table),*],
                expected: &[#(#expected),*],
                other: #has_other,
            };

            #[automatically_derived]
            impl #serde::Serialize for #ident {
                fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #serde::Serializer,
                {
                    match self {
                        #(#serialize_arms,)*
                    }
                }
            }

            #[automatically_derived]
            impl<'de> #serde::Deserialize<'de> for #ident {
                fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    // As serde's own tagged enums do: a value of another
                    // kind is refused by the visitor, after serde_json has
                    // read its first byte, so the column is 1-based.
                    #serde::Deserializer::deserialize_any(__deserializer, __UnionVisitor)
                }
            }

            struct __UnionVisitor;

            impl<'de> #serde::de::Visitor<'de> for __UnionVisitor {
                type Value = #ident;

                fn expecting(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(__formatter, #expecting)
                }

                fn visit_map<__A>(self, mut __map: __A) -> ::core::result::Result<Self::Value, __A::Error>
                where
                    __A: #serde::de::MapAccess<'de>,
                {
                    match #union::start(&mut __map, &__TAGS)? {
                        #union::Start::Tag(#union::Tag::Known(__index)) => match __index {
                            #(#first_arms,)*
                            _ => ::core::result::Result::Err(#serde::de::Error::custom("unknown tag")),
                        },
                        #union::Start::Tag(#union::Tag::Unknown(__name)) => #first_other,
                        #union::Start::Buffered(__object, #union::Tag::Known(__index)) => match __index {
                            #(#buffered_arms,)*
                            _ => ::core::result::Result::Err(#serde::de::Error::custom("unknown tag")),
                        },
                        #union::Start::Buffered(__object, #union::Tag::Unknown(__name)) => #buffered_other,
                    }
                }
            }

            #[automatically_derived]
            impl #krate::Json for #ident {
                fn redacted_at(__path: &[::core::option::Option<&str>]) -> bool {
                    #[allow(unused_imports)]
                    use #private::{RedactedDirect as _, RedactedNever as _};
                    false #(|| #redacted_checks)*
                }

                fn read_json<__I: #private::Input>(
                    __reader: &mut #private::Reader<'_, __I>,
                ) -> #private::Fast<Self> {
                    let __text = #union::object_text(__reader)?;
                    match #union::find_tag(__text, &__TAGS)? {
                        #(#read_arms,)*
                        #read_other
                        _ => ::core::result::Result::Err(#private::Bail),
                    }
                }

                fn write_json(&self, __writer: &mut #private::Writer) -> #private::Fast<()> {
                    #[allow(unused_imports)]
                    use #private::{Direct as _, ThroughSerde as _};
                    #[allow(unused_imports)]
                    use #private::pick::Never as _;
                    match self {
                        #(#write_arms,)*
                    }
                }
            }
        };
    }
}

/// serde's members of a variant with named fields, after the tag: as the
/// struct expansion's serde impls write them.
/// `Debug`, `Clone` and `PartialEq` of the union, as derived, but with the
/// picked fields of named-field variants going through
/// `__private::pick`, so that a field type without the traits is only the
/// hidden struct's one error.
fn std_impls(item: &Enum, hidden: &[Option<Struct>], krate: &Path) -> TokenStream {
    let ident = &item.item.original.ident;
    let pick = quote!(#krate::__private::pick::Pick);
    let mut debug_arms = Vec::new();
    let mut clone_arms = Vec::new();
    let mut eq_arms = Vec::new();
    for (variant, hidden) in item.variants.iter().zip(hidden) {
        let variant_ident = variant.ident;
        let name = variant_ident.to_string();
        let name = name.strip_prefix("r#").unwrap_or(&name).to_owned();
        match (&variant.original.fields, hidden) {
            (syn::Fields::Named(_), Some(hidden)) => {
                let fields = &hidden.fields;
                let cfgs: Vec<TokenStream> = fields
                    .iter()
                    .map(|field| {
                        let cfgs = field
                            .attrs()
                            .iter()
                            .filter(|attr| attr.path().is_ident("cfg"));
                        quote!(#(#cfgs)*)
                    })
                    .collect();
                let idents: Vec<&Ident> = fields.iter().map(|field| field.ident).collect();
                let ones: Vec<Ident> = (0..fields.len())
                    .map(|index| format_ident!("__f{}", index))
                    .collect();
                let others: Vec<Ident> = (0..fields.len())
                    .map(|index| format_ident!("__g{}", index))
                    .collect();
                let this = quote!(#ident::#variant_ident { #(#cfgs #idents: #ones),* });
                let other = quote!(#ident::#variant_ident { #(#cfgs #idents: #others),* });
                let mut clones = Vec::new();
                let mut equals = Vec::new();
                let mut prints = Vec::new();
                for (index, field) in fields.iter().enumerate() {
                    let (one, another, cfg, field_ident) =
                        (&ones[index], &others[index], &cfgs[index], field.ident);
                    let key = field_ident.to_string();
                    let key = key.strip_prefix("r#").unwrap_or(&key).to_owned();
                    let ty = field.ty;
                    let (clone, equal, print) = if field.picked {
                        (
                            quote!((&&&#pick::<#ty>::NEW).pick_clone(#one)),
                            quote!((&&&#pick::<#ty>::NEW).pick_eq(#one, #another)),
                            quote!((&&&#pick::<#ty>::NEW).pick_debug(#one)),
                        )
                    } else {
                        (
                            quote!(::core::clone::Clone::clone(#one)),
                            quote!(::core::cmp::PartialEq::eq(#one, #another)),
                            quote!(#one),
                        )
                    };
                    clones.push(quote!(#cfg #field_ident: #clone));
                    equals.push(quote!(#cfg if !#equal { return false; }));
                    prints.push(
                        quote!(#cfg ::core::fmt::DebugStruct::field(&mut __debug, #key, #print);),
                    );
                }
                clone_arms.push(quote!(#this => #ident::#variant_ident { #(#clones,)* }));
                eq_arms.push(quote!((#this, #other) => { #(#equals)* true }));
                debug_arms.push(quote! {
                    #this => {
                        let mut __debug = ::core::fmt::Formatter::debug_struct(__formatter, #name);
                        #(#prints)*
                        ::core::fmt::DebugStruct::finish(&mut __debug)
                    }
                });
            }
            (syn::Fields::Unnamed(fields), _) => {
                let ones: Vec<Ident> = (0..fields.unnamed.len())
                    .map(|index| format_ident!("__f{}", index))
                    .collect();
                let others: Vec<Ident> = (0..fields.unnamed.len())
                    .map(|index| format_ident!("__g{}", index))
                    .collect();
                clone_arms.push(quote! {
                    #ident::#variant_ident(#(#ones),*) =>
                        #ident::#variant_ident(#(::core::clone::Clone::clone(#ones)),*)
                });
                eq_arms.push(quote! {
                    (#ident::#variant_ident(#(#ones),*), #ident::#variant_ident(#(#others),*)) =>
                        true #(&& ::core::cmp::PartialEq::eq(#ones, #others))*
                });
                debug_arms.push(quote! {
                    #ident::#variant_ident(#(#ones),*) => {
                        let mut __debug = ::core::fmt::Formatter::debug_tuple(__formatter, #name);
                        #(::core::fmt::DebugTuple::field(&mut __debug, #ones);)*
                        ::core::fmt::DebugTuple::finish(&mut __debug)
                    }
                });
            }
            // A unit variant, refused before expansion; written as derived.
            _ => {
                clone_arms.push(quote!(#ident::#variant_ident { .. } => #ident::#variant_ident {}));
                eq_arms.push(
                    quote!((#ident::#variant_ident { .. }, #ident::#variant_ident { .. }) => true),
                );
                debug_arms.push(quote! {
                    #ident::#variant_ident { .. } => ::core::fmt::Formatter::write_str(__formatter, #name)
                });
            }
        }
    }
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #[allow(unused_imports)]
                use #krate::__private::pick::{Never as _, Real as _};
                match self {
                    #(#debug_arms,)*
                }
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl ::core::clone::Clone for #ident {
            #[inline]
            fn clone(&self) -> Self {
                #[allow(unused_imports)]
                use #krate::__private::pick::{Never as _, Real as _};
                match self {
                    #(#clone_arms,)*
                }
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl ::core::cmp::PartialEq for #ident {
            #[inline]
            fn eq(&self, __other: &Self) -> bool {
                #[allow(unused_imports)]
                use #krate::__private::pick::{Never as _, Real as _};
                #[allow(unreachable_patterns)]
                match (self, __other) {
                    #(#eq_arms,)*
                    _ => false,
                }
            }
        }
    }
}

fn serialize_members(
    fields: &[Field],
    owner: &Ident,
    krate: &Path,
    access: &dyn Fn(&Field) -> TokenStream,
    null_places: &[Option<usize>],
    tag_key: &str,
) -> TokenStream {
    let private = quote!(#krate::__private);
    let serde = quote!(#private::serde);
    // The record of fields read as `null`, written back as `null`.
    let nulls_start = fields
        .iter()
        .find(|field| field.voucherify.extra.is_some())
        .filter(|_| null_places.iter().any(Option::is_some))
        .map(|extra| crate::nulls::write_start(&access(extra), krate));
    let names: Vec<String> = fields
        .iter()
        .filter(|field| field.voucherify.extra.is_none())
        .map(wire_name)
        .collect();
    let mut members = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let this = access(field);
        if field.voucherify.extra.is_some() {
            let (as_map, _) = expand::extra_functions(field, krate);
            let clash = (!names.is_empty()).then(|| {
                quote! {
                    if let #(#names)|* = __key.as_str() {
                        return ::core::result::Result::Err(#private::union::extra_clash(__key));
                    }
                }
            });
            members.push(quote! {
                for (__key, __value) in #as_map(#this) {
                    #clash
                    if __key == #tag_key {
                        return ::core::result::Result::Err(#private::union::tag_clash(__key));
                    }
                    #serde::ser::SerializeMap::serialize_entry(&mut __map, __key, __value)?;
                }
            });
            continue;
        }
        if field.skip_write {
            continue;
        }
        let key = wire_name(field);
        let function = direct::serialize_with(field)
            .or_else(|| {
                // The hidden struct's function, which picks by the type.
                field.picked.then(|| {
                    let (serialize, _) = expand::picked_functions(field);
                    parse_quote!(#owner::#serialize)
                })
            })
            .or_else(|| {
                expand::with_module(field, krate)
                    .and_then(|module| syn::parse_str(&format!("{module}::serialize")).ok())
            });
        let value = match function {
            Some(function) => {
                let wrapper = format_ident!("__Write{}", index);
                let ty = field.ty;
                quote! {{
                    struct #wrapper<'__a>(&'__a #ty);

                    impl #serde::Serialize for #wrapper<'_> {
                        fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                        where
                            __S: #serde::Serializer,
                        {
                            #function(self.0, __serializer)
                        }
                    }

                    #serde::ser::SerializeMap::serialize_entry(&mut __map, #key, &#wrapper(#this))?;
                }}
            }
            None => quote! {
                #serde::ser::SerializeMap::serialize_entry(&mut __map, #key, #this)?;
            },
        };
        let condition = direct::write_condition(field, &this);
        let when_none = null_places.get(index).copied().flatten().map(|place| {
            quote! {
                else if __nulls.contains(#place) {
                    #serde::ser::SerializeMap::serialize_entry(
                        &mut __map,
                        #key,
                        &::core::option::Option::<()>::None,
                    )?;
                }
            }
        });
        members.push(match condition {
            Some(condition) => quote!(if #condition { #value } #when_none),
            None => value,
        });
    }
    quote!(#nulls_start #(#members)*)
}
