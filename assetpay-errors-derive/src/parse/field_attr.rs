//! `#[api]` on a field: `#[api(details)]` marks the field holding the error's violations; any
//! other `#[api]` there is refused as before (`attr::reject`).

use proc_macro2::Span;
use syn::{Attribute, Ident, MacroDelimiter};

use super::attr;
use super::ctxt::Ctxt;
use super::symbol::AttrKey;

/// The span of `details` when the field is marked `#[api(details)]`, reporting into `cx` every
/// other `#[api]` among `attrs` and a repeated mark.
pub(crate) fn details(cx: &Ctxt, attrs: &[Attribute]) -> Option<Span> {
    let mut found: Option<Span> = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("api")) {
        match details_mark(attr) {
            Some(span) if found.is_some() => cx.error_at(
                span,
                format!("duplicate attribute key `{}`", AttrKey::Details),
            ),
            Some(span) => found = Some(span),
            None => attr::reject(cx, std::slice::from_ref(attr), "a field"),
        }
    }
    found
}

/// The span of `details` when `attr` is exactly `#[api(details)]`.
fn details_mark(attr: &Attribute) -> Option<Span> {
    let list = attr.meta.require_list().ok()?;
    if !matches!(list.delimiter, MacroDelimiter::Paren(_)) {
        return None;
    }
    let ident: Ident = syn::parse2(list.tokens.clone()).ok()?;
    (ident == AttrKey::Details.name()).then(|| ident.span())
}
