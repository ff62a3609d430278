//! Reads the attributes the macro understands: its own arguments,
//! `#[voucherify(...)]` on fields and variants, and the names (not the
//! meaning) of the user's `#[serde(...)]` keys, so that nothing is emitted
//! twice and conflicts can be reported. Placement rules live in `valid.rs`.

use proc_macro2::{TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Attribute, LitStr, Path, Token};

use crate::ctxt::Ctxt;

/// The arguments of `#[voucherify_model(...)]`.
#[derive(Default)]
pub(crate) struct MacroArgs {
    /// `crate = "path"`: where the runtime crate is, for code generated in
    /// crates that rename or re-export it.
    pub(crate) krate: Option<Path>,
}

impl MacroArgs {
    pub(crate) fn parse(cx: &mut Ctxt, tokens: TokenStream) -> Self {
        let mut args = MacroArgs::default();
        let parser = syn::meta::parser(|meta| {
            if meta.path.is_ident("crate") {
                let lit: LitStr = meta.value()?.parse()?;
                if args.krate.is_some() {
                    return Err(meta.error("`crate` is given twice; keep one"));
                }
                args.krate = Some(lit.parse().map_err(|_| {
                    syn::Error::new(
                        lit.span(),
                        "expected a path such as `crate = \"::voucherify_model\"`",
                    )
                })?);
                Ok(())
            } else {
                Err(meta.error(format_args!(
                    "unknown argument `{}`; the only argument is `crate = \"path::to::voucherify_model\"`",
                    path_to_string(&meta.path),
                )))
            }
        });
        if let Err(error) = parser.parse2(tokens) {
            cx.syn_error(error);
        }
        args
    }
}

/// How a date field is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateFormat {
    /// `time::Date` as `YYYY-MM-DD`.
    Date,
    /// `time::OffsetDateTime` as RFC 3339, written in UTC with milliseconds.
    DateTime,
}

/// `#[voucherify(format = "...")]`, with the literal kept for spans.
pub(crate) struct FormatOverride {
    pub(crate) format: DateFormat,
    pub(crate) literal: LitStr,
}

/// `#[voucherify(deprecated ...)]` in any of its three forms.
pub(crate) struct Deprecation {
    pub(crate) path: Path,
    pub(crate) since: Option<LitStr>,
    pub(crate) note: Option<LitStr>,
}

/// Everything found in the `#[voucherify(...)]` attributes of one item,
/// field or variant. Each key keeps its token for error spans.
#[derive(Default)]
pub(crate) struct Voucherify {
    pub(crate) extra: Option<Path>,
    pub(crate) redact: Option<Path>,
    pub(crate) other: Option<Path>,
    /// `unique_keys`: a repeated key in the field's object is refused by
    /// serde too, as the direct reader refuses it.
    pub(crate) unique_keys: Option<Path>,
    pub(crate) deprecated: Option<Deprecation>,
    pub(crate) format: Option<FormatOverride>,
    /// Every `#[voucherify]` attribute, for errors about where it stands.
    pub(crate) attrs: Vec<Attribute>,
}

impl Voucherify {
    pub(crate) fn from_attrs(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut found = Voucherify::default();
        for attr in attrs.iter().filter(|attr| is_voucherify(attr)) {
            found.attrs.push(attr.clone());
            if let Err(error) = attr.parse_nested_meta(|meta| found.read_key(meta)) {
                cx.syn_error(error);
            }
        }
        found
    }

    fn read_key(&mut self, meta: ParseNestedMeta) -> syn::Result<()> {
        let path = meta.path.clone();
        let duplicate = || {
            meta.error(format_args!(
                "`{}` is given twice; keep one",
                path_to_string(&meta.path)
            ))
        };
        if path.is_ident("extra") {
            set_once(&mut self.extra, path).map_err(|()| duplicate())
        } else if path.is_ident("redact") {
            set_once(&mut self.redact, path).map_err(|()| duplicate())
        } else if path.is_ident("other") {
            set_once(&mut self.other, path).map_err(|()| duplicate())
        } else if path.is_ident("unique_keys") {
            set_once(&mut self.unique_keys, path).map_err(|()| duplicate())
        } else if path.is_ident("format") {
            let literal: LitStr = meta.value()?.parse()?;
            let format = match literal.value().as_str() {
                "date" => DateFormat::Date,
                "date-time" => DateFormat::DateTime,
                other => {
                    return Err(syn::Error::new(
                        literal.span(),
                        format_args!("unknown format `{other}`; write `format = \"date\"` or `format = \"date-time\"`"),
                    ))
                }
            };
            set_once(&mut self.format, FormatOverride { format, literal }).map_err(|()| duplicate())
        } else if path.is_ident("deprecated") {
            let deprecation = read_deprecation(&meta)?;
            set_once(&mut self.deprecated, deprecation).map_err(|()| duplicate())
        } else {
            Err(meta.error(format_args!(
                "unknown key `{}`; #[voucherify(...)] takes `extra`, `redact`, `deprecated`, \
                 `unique_keys`, `format = \"date\" | \"date-time\"` on fields and `other` on an enum variant",
                path_to_string(&meta.path),
            )))
        }
    }
}

fn set_once<T>(slot: &mut Option<T>, value: T) -> Result<(), ()> {
    if slot.is_some() {
        return Err(());
    }
    *slot = Some(value);
    Ok(())
}

fn read_deprecation(meta: &ParseNestedMeta) -> syn::Result<Deprecation> {
    let mut deprecation = Deprecation {
        path: meta.path.clone(),
        since: None,
        note: None,
    };
    if meta.input.peek(Token![=]) {
        deprecation.note = Some(meta.value()?.parse()?);
    } else if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        meta.parse_nested_meta(|inner| {
            let slot = if inner.path.is_ident("since") {
                &mut deprecation.since
            } else if inner.path.is_ident("note") {
                &mut deprecation.note
            } else {
                return Err(inner.error("expected `since = \"...\"` or `note = \"...\"`"));
            };
            let value: LitStr = inner.value()?.parse()?;
            set_once(slot, value).map_err(|()| inner.error("given twice; keep one"))
        })?;
    }
    Ok(deprecation)
}

/// One key of a `#[serde(...)]` attribute, with its string value when it
/// has one (`rename = "x"`).
pub(crate) struct SerdeKey {
    pub(crate) path: Path,
    pub(crate) value: Option<LitStr>,
}

/// The keys of every `#[serde(...)]` attribute on one item, field or variant.
#[derive(Default)]
pub(crate) struct Serde {
    pub(crate) keys: Vec<SerdeKey>,
}

impl Serde {
    pub(crate) fn from_attrs(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut found = Serde::default();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
            let result = attr.parse_nested_meta(|meta| {
                let value = if meta.input.peek(Token![=]) {
                    let input = meta.value()?;
                    if input.peek(LitStr) {
                        Some(input.parse()?)
                    } else {
                        // Every serde key that takes a value takes a string.
                        // Said here, the mistake is one error; left to
                        // serde, its derive fails and every impl that needs
                        // it fails after it. The keys after it are still read.
                        let value = skip_value(input)?;
                        let name = path_to_string(&meta.path);
                        cx.error_spanned_by(
                            value,
                            format_args!("serde's `{name}` takes a string: `{name} = \"...\"`"),
                        );
                        None
                    }
                } else {
                    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                        // A nested list such as `rename(serialize = "a")`.
                        meta.input.parse::<TokenTree>()?;
                    }
                    None
                };
                found.keys.push(SerdeKey {
                    path: meta.path,
                    value,
                });
                Ok(())
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
        }
        found
    }

    pub(crate) fn get(&self, name: &str) -> Option<&SerdeKey> {
        self.keys.iter().find(|key| key.path.is_ident(name))
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The first of `with`, `serialize_with`, `deserialize_with`: a field
    /// that has one handles its own (de)serialization.
    pub(crate) fn custom_with(&self) -> Option<&SerdeKey> {
        ["with", "serialize_with", "deserialize_with"]
            .into_iter()
            .find_map(|name| self.get(name))
    }
}

/// Takes the tokens of a value up to the next `,`, and gives them back.
fn skip_value(input: syn::parse::ParseStream) -> syn::Result<proc_macro2::TokenStream> {
    let mut value = proc_macro2::TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        value.extend([input.parse::<TokenTree>()?]);
    }
    Ok(value)
}

/// The trait paths of every `#[derive(...)]` on the item.
pub(crate) fn derived_traits(cx: &mut Ctxt, attrs: &[Attribute]) -> Vec<Path> {
    let mut paths = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("derive")) {
        match attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated) {
            Ok(list) => paths.extend(list),
            Err(error) => cx.syn_error(error),
        }
    }
    paths
}

pub(crate) fn is_voucherify(attr: &Attribute) -> bool {
    attr.path().is_ident("voucherify")
}

pub(crate) fn is_serde(attr: &Attribute) -> bool {
    attr.path().is_ident("serde")
}

/// The user's own `#[deprecated]`, if any.
pub(crate) fn rust_deprecated(attrs: &[Attribute]) -> Option<&Attribute> {
    attrs.iter().find(|attr| attr.path().is_ident("deprecated"))
}

pub(crate) fn path_to_string(path: &Path) -> String {
    let mut text = String::new();
    if path.leading_colon.is_some() {
        text.push_str("::");
    }
    for (index, segment) in path.segments.iter().enumerate() {
        if index > 0 {
            text.push_str("::");
        }
        text.push_str(&segment.ident.to_string());
    }
    text
}
