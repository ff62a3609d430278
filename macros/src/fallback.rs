//! After an error, the item is still emitted, with impls of everything the
//! macro would have generated whose bodies never run (the crate does not
//! compile): uses of the item then add no errors of their own, and the one
//! mistake is reported once.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{parse_quote, DeriveInput, Path};

use crate::attr;
use crate::ctxt::Ctxt;

pub(crate) fn stubs(item: &DeriveInput, krate: &Path) -> TokenStream {
    let ident = &item.ident;
    // Traits the user derives already keep their own impls.
    let derived: Vec<String> = attr::derived_traits(&mut Ctxt::default(), &item.attrs)
        .iter()
        .filter_map(|path| {
            path.segments
                .last()
                .map(|segment| segment.ident.to_string())
        })
        .collect();
    let derives = |name: &str| derived.iter().any(|derived| derived == name);
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    let mut de_generics = item.generics.clone();
    de_generics.params.insert(0, parse_quote!('de));
    let (de_impl_generics, _, _) = de_generics.split_for_impl();
    let serde = quote!(#krate::__private::serde);
    let never = quote!(::core::unreachable!(
        "a #[voucherify_model] item with errors"
    ));
    let mut impls = Vec::new();
    if !derives("Serialize") {
        impls.push(quote! {
            impl #impl_generics #serde::Serialize for #ident #ty_generics #where_clause {
                fn serialize<__S>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #serde::Serializer,
                {
                    #never
                }
            }
        });
    }
    if !derives("Deserialize") {
        impls.push(quote! {
            impl #de_impl_generics #serde::Deserialize<'de> for #ident #ty_generics #where_clause {
                fn deserialize<__D>(_: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    #never
                }
            }
        });
    }
    if !derives("Debug") {
        impls.push(quote! {
            impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #never
                }
            }
        });
    }
    if !derives("Clone") {
        impls.push(quote! {
            impl #impl_generics ::core::clone::Clone for #ident #ty_generics #where_clause {
                fn clone(&self) -> Self {
                    #never
                }
            }
        });
    }
    if !derives("PartialEq") {
        impls.push(quote! {
            impl #impl_generics ::core::cmp::PartialEq for #ident #ty_generics #where_clause {
                fn eq(&self, _: &Self) -> bool {
                    #never
                }
            }
        });
    }
    impls.push(quote! {
        impl #impl_generics #krate::Json for #ident #ty_generics #where_clause {}

        impl #impl_generics #krate::__private::union::Variant for #ident #ty_generics #where_clause {
            const KEYS: &'static [&'static str] = &[];

            fn remove_key(&mut self, _: &str) {
                #never
            }

            fn extra_has(&self, _: &str) -> bool {
                #never
            }
        }
    });
    quote! {
        #[doc(hidden)]
        #[allow(unreachable_code, clippy::all)]
        const _: () = {
            #(#impls)*
        };
    }
}
