//! What more than one key's reader needs: a value with its span, the one reader of codes and
//! inclusive code ranges (`range = A..=B` and `reserved(…)` share it), and the way past a value
//! that was refused.

use proc_macro2::{Span, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{LitInt, Token};

use super::ctxt::Ctxt;

/// A parsed value and the span of the literal it came from.
#[derive(Clone)]
pub(crate) struct Located<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
}

/// `FIRST` or `FIRST..=LAST` read from `input`, as literals; whether they are codes is for
/// [`codes`] to say.
pub(crate) fn code_literals(input: ParseStream) -> syn::Result<(LitInt, Option<LitInt>)> {
    let first: LitInt = input.parse()?;
    if !input.peek(Token![..=]) {
        return Ok((first, None));
    }
    input.parse::<Token![..=]>()?;
    Ok((first, Some(input.parse()?)))
}

/// The codes `first..=last` names (`last` absent: the one code `first`), each bound refused
/// unless it is a plain integer in 1..=65535, and the range refused when it is empty. `what`
/// names a bound in the message: "range bound", "reserved code". The value's span is the first
/// literal's.
pub(crate) fn codes(
    cx: &Ctxt,
    what: &str,
    first: &LitInt,
    last: Option<&LitInt>,
) -> Option<Located<(u16, u16)>> {
    let bound = |literal: &LitInt| match literal.base10_parse::<u16>() {
        Ok(value) if literal.suffix().is_empty() && value != 0 => Some(value),
        _ => {
            cx.error_at(
                literal.span(),
                format!("{what} `{literal}` must be an integer in 1..=65535"),
            );
            None
        }
    };
    let first_value = bound(first);
    let last_value = last.map_or(first_value, bound);
    let (first_value, last_value) = (first_value?, last_value?);
    if first_value > last_value {
        // The range as a whole is the mistake, so the error covers it, from bound to bound.
        let mut range = first.to_token_stream();
        range.extend(last.map(LitInt::to_token_stream));
        cx.error_spanned_by(
            range,
            format!("empty range `{first_value}..={last_value}`, the first code must not exceed the last"),
        );
        return None;
    }
    Some(Located {
        value: (first_value, last_value),
        span: first.span(),
    })
}

/// The span of the key `meta` is about, where an error about the key as a whole points.
pub(crate) fn key_span(meta: &ParseNestedMeta) -> Span {
    meta.path
        .get_ident()
        .map_or_else(Span::call_site, |ident| ident.span())
}

/// Consumes whatever follows a rejected key, up to the next comma, so parsing can go on.
pub(crate) fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}
