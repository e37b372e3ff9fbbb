//! `#[api(published = "…")]` and `#[api(reserved(…))]`: the published contract.
//!
//! At expansion time this module parses `reserved(…)` and reads the published file (relative to
//! the user's `CARGO_MANIFEST_DIR`), reporting a missing or malformed file at the path literal.
//! The comparison itself runs during constant evaluation, in
//! `assetpay_errors::__private::check_contract`, over the flattened catalogue: the same code for
//! a type's own variants and for the entries its transparent variants bring, which only rustc can
//! see. The expansion embeds the file's entries and the reservations as constants and emits one
//! tiny check per place a break can be reported, written under that place's span; for a type it
//! sees whole, only at the places where the rules, applied here to what it knows, can break.

use assetpay_errors_shared::published::{self, Entry};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;
use syn::{LitInt, LitStr, Token};

use crate::ast::Input;
use crate::attr::Located;
use crate::ctxt::Ctxt;
use crate::expand::private;
use crate::valid::{Checked, Model, Own};

/// One item of `reserved(…)`.
#[derive(Clone)]
pub(crate) enum Retired {
    Codes { first: u16, last: u16 },
    Key(String),
}

/// The published file as read at expansion time.
pub(crate) struct Published {
    path: Located<String>,
    entries: Vec<Entry>,
}

/// The items of `reserved(1002, 1104..=1107, "OLD_KEY")`, each bad item reported at itself.
pub(crate) fn parse_reserved(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
) -> syn::Result<Vec<Located<Retired>>> {
    let span = meta
        .path
        .get_ident()
        .map_or_else(Span::call_site, |ident| ident.span());
    if !meta.input.peek(syn::token::Paren) {
        cx.error_at(
            span,
            "expected a list of codes, code ranges and keys, like `reserved(1002, 1104..=1107, \"OLD_KEY\")`",
        );
        while !meta.input.is_empty() && !meta.input.peek(Token![,]) {
            meta.input.parse::<proc_macro2::TokenTree>()?;
        }
        return Ok(Vec::new());
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let mut items = Vec::new();
    while !content.is_empty() {
        if content.peek(LitStr) {
            let key: LitStr = content.parse()?;
            items.push(Located {
                value: Retired::Key(key.value()),
                span: key.span(),
            });
        } else if content.peek(LitInt) {
            let first: LitInt = content.parse()?;
            let last: Option<LitInt> = if content.peek(Token![..=]) {
                content.parse::<Token![..=]>()?;
                Some(content.parse()?)
            } else {
                None
            };
            let code = |literal: &LitInt| match literal.base10_parse::<u16>() {
                Ok(value) if literal.suffix().is_empty() && value != 0 => Some(value),
                _ => {
                    cx.error_at(
                        literal.span(),
                        format!("reserved code `{literal}` must be an integer in 1..=65535"),
                    );
                    None
                }
            };
            let first_value = code(&first);
            let last_value = last.as_ref().map_or(first_value, code);
            if let (Some(first_value), Some(last_value)) = (first_value, last_value) {
                if first_value > last_value {
                    cx.error_at(
                        first.span(),
                        format!("empty range `{first_value}..={last_value}`, the first code must not exceed the last"),
                    );
                } else {
                    items.push(Located {
                        value: Retired::Codes {
                            first: first_value,
                            last: last_value,
                        },
                        span: first.span(),
                    });
                }
            }
        } else {
            return Err(content.error(
                "expected a code, an inclusive range of codes or a key, like `reserved(1002, 1104..=1107, \"OLD_KEY\")`",
            ));
        }
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(items)
}

/// The published file named by the type, or `None` (a missing or malformed file reported into
/// `cx`, at the path literal).
pub(crate) fn read(cx: &Ctxt, input: &Input) -> Option<Published> {
    let path = input.attrs.published.as_ref()?;
    if std::path::Path::new(&path.value).is_absolute() {
        // The build tracks the file as `CARGO_MANIFEST_DIR/PATH`, and an absolute path would
        // tie the crate to one machine.
        cx.error_at(
            path.span,
            "`published` is a path relative to the crate's Cargo.toml, not an absolute path",
        );
        return None;
    }
    let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        cx.error_at(
            path.span,
            "cannot locate the published catalogue: `CARGO_MANIFEST_DIR` is not set, build with cargo",
        );
        return None;
    };
    let file = std::path::Path::new(&manifest_dir).join(&path.value);
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(error) => {
            cx.error_at(
                path.span,
                format!(
                    "cannot read the published catalogue `{}` (relative to the crate's Cargo.toml): {error}",
                    path.value
                ),
            );
            return None;
        }
    };
    match published::parse(&bytes) {
        Ok(entries) => Some(Published {
            path: path.clone(),
            entries,
        }),
        Err(error) => {
            cx.error_at(
                path.span,
                format!("malformed published catalogue `{}`: {error}", path.value),
            );
            None
        }
    }
}

/// Whether the type takes part in the contract checks: it names a published file, reserves
/// something, or composes types that may.
fn applies(model: &Model) -> bool {
    let attrs = &model.input.attrs;
    attrs.published.is_some()
        || !attrs.reserved.is_empty()
        || model
            .errors
            .iter()
            .any(|checked| matches!(checked, Checked::Transparent(_)))
}

/// The contract's items (inside the expansion's `const _`), and the `RESERVED` item of the impl.
/// `index_of(position)` is the catalogue index of the declaration at `position`.
pub(crate) fn expand(
    model: &Model,
    published: Option<&Published>,
    index_of: &dyn Fn(usize) -> TokenStream,
) -> (TokenStream, TokenStream) {
    if !applies(model) {
        return (TokenStream::new(), TokenStream::new());
    }
    let private = private();
    let reserved = reserved_items(model);
    let entries = published.map_or(&[][..], |published| &published.entries[..]);
    let published_len = entries.len();
    // Tracks the file, so editing it recompiles the crate.
    let track = published.map(|published| {
        let path = &published.path.value;
        quote! {
            const _: &[::core::primitive::u8] = ::core::include_bytes!(::core::concat!(::core::env!("CARGO_MANIFEST_DIR"), "/", #path));
        }
    });

    // A type the derive sees whole has only its own entries and reservations, which are known
    // here: a check constant is emitted only where the same rules can report a break, and when
    // none can, the file is not embedded and nothing is evaluated, so a large catalogue that
    // keeps its contract costs only the file's parsing. A composed type's entries and
    // reservations are known only to rustc, so all of its checks are emitted.
    let whole = !model
        .errors
        .iter()
        .any(|checked| matches!(checked, Checked::Transparent(_)));
    let suspects = Suspects::new(entries, &model.input.attrs.reserved);
    let mut any_check = false;
    let checks: Vec<TokenStream> = model
        .errors
        .iter()
        .enumerate()
        .map(|(position, checked)| {
            let index = index_of(position);
            let end = index_of(position + 1);
            let cfgs = &checked.decl().cfgs;
            match checked {
                Checked::Transparent(transparent) => {
                    any_check = true;
                    let check = panic_if(
                        quote!(__API_CONTRACT.within(#index, #end)),
                        transparent.span,
                    );
                    quote!(#(#cfgs)* #check)
                }
                Checked::Own(own) => {
                    let attrs = &own.decl.attrs;
                    let span = |located: Option<Span>| located.unwrap_or(own.decl.span);
                    let suspect = if whole {
                        suspects.of(own)
                    } else {
                        Suspect::ALL
                    };
                    // Without a published file only a reservation can be broken, at a code or key.
                    let published = published.is_some();
                    let wanted = [
                        (
                            suspect.code,
                            "at_code",
                            span(attrs.code.as_ref().map(|code| code.span)),
                        ),
                        (
                            suspect.key,
                            "at_key",
                            span(attrs.key.as_ref().map(|key| key.span)),
                        ),
                        (
                            published && suspect.status,
                            "at_status",
                            span(attrs.status.as_ref().map(|status| status.span)),
                        ),
                        (
                            published && suspect.declaration,
                            "at_declaration",
                            own.decl.span,
                        ),
                    ];
                    let checks = wanted
                        .into_iter()
                        .filter(|(wanted, _, _)| *wanted)
                        .map(|(_, part, span)| {
                            any_check = true;
                            let part = syn::Ident::new(part, Span::call_site());
                            let check = panic_if(quote!(__API_CONTRACT.#part(#index)), span);
                            quote!(#(#cfgs)* #check)
                        })
                        .collect::<Vec<_>>();
                    quote!(#(#checks)*)
                }
            }
        })
        .collect();
    // One check per entry the file can lose, up to as many as the checker records.
    let removed = published
        .filter(|_| !whole || suspects.can_lose(model))
        .map(|published| {
            any_check = true;
            let checks = (0..published_len.min(8))
                .map(|nth| panic_if(quote!(__API_CONTRACT.removed(#nth)), published.path.span));
            quote!(#(#checks)*)
        });
    let contract = any_check.then(|| {
        let published_specs = entries.iter().map(|entry| {
            let (code, key, status) = (entry.code, &entry.key, entry.status);
            let (retryable, deprecated) = (entry.retryable, entry.deprecated);
            quote!(#private::published_spec(#code, #key, #status, #retryable, #deprecated))
        });
        quote! {
            const __API_PUBLISHED: [#private::PublishedSpec; #published_len] = [#(#published_specs),*];
            const __API_CONTRACT: #private::ContractBreaks =
                #private::check_contract(&__API_CATALOG, &__API_PUBLISHED, &__API_RESERVED, __API_TYPE_NAME);
        }
    });

    let items = quote! {
        #track
        #reserved
        #contract
        #(#checks)*
        #removed
    };
    let impl_item = quote! {
        const RESERVED: &'static [#private::Reserved] = &__API_RESERVED;
    };
    (items, impl_item)
}

/// Where a declaration can break the contract, by the rules `check_contract` applies (a
/// superset: a check that finds nothing costs only its constant).
#[derive(Clone, Copy)]
struct Suspect {
    code: bool,
    key: bool,
    status: bool,
    declaration: bool,
}

impl Suspect {
    const ALL: Suspect = Suspect {
        code: true,
        key: true,
        status: true,
        declaration: true,
    };
}

/// The published entries and reservations of a type the derive sees whole, indexed.
struct Suspects<'a> {
    entries: &'a [Entry],
    by_code: std::collections::HashMap<u16, &'a Entry>,
    by_key: std::collections::HashMap<&'a str, Vec<&'a Entry>>,
    reserved: &'a [Located<Retired>],
}

impl<'a> Suspects<'a> {
    fn new(entries: &'a [Entry], reserved: &'a [Located<Retired>]) -> Self {
        let mut by_code = std::collections::HashMap::new();
        let mut by_key = std::collections::HashMap::new();
        for entry in entries {
            by_code.entry(entry.code).or_insert(entry);
            by_key
                .entry(entry.key.as_str())
                .or_insert_with(Vec::new)
                .push(entry);
        }
        Suspects {
            entries,
            by_code,
            by_key,
            reserved,
        }
    }

    /// Whether a published entry can be reported as removed (`REMOVED_WITHOUT_RESERVE`): its
    /// code and key both undeclared, and not both reserved. A `#[cfg]` variant may be compiled
    /// out, so with one this is always true.
    fn can_lose(&self, model: &Model) -> bool {
        let mut codes = std::collections::HashSet::new();
        let mut keys = std::collections::HashSet::new();
        for checked in &model.errors {
            match checked {
                Checked::Own(own) if own.decl.cfgs.is_empty() => {
                    codes.insert(own.code);
                    keys.insert(own.key.as_str());
                }
                _ => return true,
            }
        }
        self.entries.iter().any(|entry| {
            let gone = !codes.contains(&entry.code) && !keys.contains(entry.key.as_str());
            gone && !(self.code_reserved(entry.code) && self.key_reserved(&entry.key))
        })
    }

    fn code_reserved(&self, code: u16) -> bool {
        self.reserved.iter().any(|item| match &item.value {
            Retired::Codes { first, last } => (*first..=*last).contains(&code),
            Retired::Key(_) => false,
        })
    }

    fn key_reserved(&self, key: &str) -> bool {
        self.reserved.iter().any(|item| match &item.value {
            Retired::Key(reserved) => reserved == key,
            Retired::Codes { .. } => false,
        })
    }

    fn of(&self, own: &Own) -> Suspect {
        let code_reserved = self.code_reserved(own.code);
        let key_reserved = self.key_reserved(&own.key);
        let same_code = self.by_code.get(&own.code);
        let key_moved = self
            .by_key
            .get(own.key.as_str())
            .is_some_and(|entries| entries.iter().any(|entry| entry.code != own.code));
        Suspect {
            // RESERVED_REUSED, KEY_CODE_CHANGED
            code: code_reserved || key_moved,
            // RESERVED_REUSED, CODE_KEY_CHANGED
            key: key_reserved || same_code.is_some_and(|entry| entry.key != own.key),
            // STATUS_CHANGED
            status: same_code.is_some_and(|entry| entry.status != own.status),
            // RETRYABLE_REMOVED
            declaration: same_code.is_some_and(|entry| entry.retryable && !own.retryable),
        }
    }
}

/// `__API_RESERVED`: the type's own reservations, then those of each transparent declaration's
/// type, flattened like the catalogue.
fn reserved_items(model: &Model) -> TokenStream {
    let private = private();
    let own: Vec<TokenStream> = model
        .input
        .attrs
        .reserved
        .iter()
        .map(|item| match &item.value {
            Retired::Codes { first, last } => {
                quote!(#private::Reserved::codes(#first, #last, __API_TYPE_NAME))
            }
            Retired::Key(key) => quote!(#private::Reserved::key(#key, __API_TYPE_NAME)),
        })
        .collect();
    let own_len = Literal::usize_unsuffixed(own.len());
    let wrapped: Vec<(TokenStream, TokenStream)> = model
        .errors
        .iter()
        .filter_map(|checked| match checked {
            Checked::Transparent(transparent) => {
                let ty = transparent.field.ty;
                let cfgs = &transparent.decl.cfgs;
                let reserved = quote!(<#ty as #private::ApiError>::RESERVED);
                let size = if cfgs.is_empty() {
                    quote!(#reserved.len())
                } else {
                    quote!({
                        let mut __api_size = 0;
                        #(#cfgs)* { __api_size = #reserved.len(); }
                        __api_size
                    })
                };
                let copy = quote!(#(#cfgs)* {
                    __api_at = #private::copy_reserved(&mut __api_reserved, __api_at, #reserved);
                });
                Some((size, copy))
            }
            Checked::Own(_) => None,
        })
        .collect();
    let sizes = wrapped.iter().map(|(size, _)| size);
    let copies = wrapped.iter().map(|(_, copy)| copy);
    quote! {
        const __API_RESERVED_LEN: ::core::primitive::usize = #own_len #(+ #sizes)*;
        const __API_RESERVED: [#private::Reserved; __API_RESERVED_LEN] = {
            let mut __api_reserved = [#private::RESERVED_PLACEHOLDER; __API_RESERVED_LEN];
            let mut __api_at = 0;
            #( __api_reserved[__api_at] = #own; __api_at += 1; )*
            #(#copies)*
            ::core::assert!(__api_at == __API_RESERVED_LEN);
            __api_reserved
        };
    }
}

/// A constant that fails the compile with `problem`'s text, written under `span` so the error
/// points there.
fn panic_if(problem: TokenStream, span: Span) -> TokenStream {
    quote_spanned! {span=>
        const _: () = if let ::core::option::Option::Some(problem) = #problem {
            ::core::panic!("{}", problem)
        };
    }
}
