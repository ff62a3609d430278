//! The `#[voucherify_model]` attribute macro.
//!
//! Use it through the `voucherify-model` crate, which re-exports it and
//! holds the runtime pieces the generated code names; its documentation
//! describes what the macro does. This crate is a pipeline: `attr` and
//! `ast` read the input, `valid` checks it, `expand` writes the output,
//! `direct` the direct JSON reader and writer within it and `shape` the
//! description of the item's JSON; `ctxt` gathers errors so that all are
//! reported at once.

mod ast;
mod attr;
mod case;
mod ctxt;
mod direct;
mod expand;
mod fallback;
mod nulls;
mod shape;
mod union;
mod valid;

use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_quote, Attribute, DeriveInput};

use crate::ast::Input;
use crate::attr::MacroArgs;
use crate::ctxt::Ctxt;

/// Derives lossless serde support, `Debug`, `Clone` and `PartialEq` for a
/// Voucherify model. See the `voucherify-model` crate for the full story.
#[proc_macro_attribute]
pub fn voucherify_model(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut cx = Ctxt::default();
    let args = MacroArgs::parse(&mut cx, args.into());
    let item: DeriveInput = match syn::parse(input.clone()) {
        Ok(item) => item,
        Err(error) => {
            let message = syn::Error::new(
                error.span(),
                "#[voucherify_model] applies to structs with named fields and to field-less enums: \
                 write it on `struct Name { field: Type }` or `enum Name { A, B }`",
            )
            .into_compile_error();
            let input = proc_macro2::TokenStream::from(input);
            return quote!(#message #input).into();
        }
    };
    let parsed = Input::from_syn(&mut cx, &item);
    if let Some(parsed) = &parsed {
        valid::check(&mut cx, parsed);
    }
    match (cx.check(), parsed) {
        (Ok(()), Some(parsed)) => {
            let krate = args
                .krate
                .unwrap_or_else(|| parse_quote!(::voucherify_model));
            expand::expand(&parsed, &krate).into()
        }
        (result, _) => {
            let errors = result.err().map(syn::Error::into_compile_error);
            let krate = args
                .krate
                .unwrap_or_else(|| parse_quote!(::voucherify_model));
            let stubs = fallback::stubs(&item, &krate);
            let item = without_helper_attrs(item);
            quote!(#errors #item #stubs).into()
        }
    }
}

/// The item as written, minus the attributes only this macro or serde
/// would understand, so that a rejected item causes no follow-on errors.
fn without_helper_attrs(mut item: DeriveInput) -> DeriveInput {
    let keep = |attr: &Attribute| !attr::is_voucherify(attr) && !attr::is_serde(attr);
    item.attrs.retain(keep);
    match &mut item.data {
        syn::Data::Struct(data) => data
            .fields
            .iter_mut()
            .for_each(|field| field.attrs.retain(keep)),
        syn::Data::Enum(data) => {
            for variant in &mut data.variants {
                variant.attrs.retain(keep);
                variant
                    .fields
                    .iter_mut()
                    .for_each(|field| field.attrs.retain(keep));
            }
        }
        syn::Data::Union(data) => data
            .fields
            .named
            .iter_mut()
            .for_each(|field| field.attrs.retain(keep)),
    }
    item
}
