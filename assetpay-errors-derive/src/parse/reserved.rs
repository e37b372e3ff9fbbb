//! `#[api(reserved(…))]`: the codes and keys a type retired, which no declaration may use again
//! and which the published file's entries may leave behind.

use syn::meta::ParseNestedMeta;
use syn::{LitInt, LitStr, Token};

use super::ctxt::Ctxt;
use super::value::{self, Located};

/// One item of `reserved(…)`.
#[derive(Clone)]
pub(crate) enum Retired {
    Codes { first: u16, last: u16 },
    Key(String),
}

/// The items of `reserved(1002, 1104..=1107, "OLD_KEY")`, each bad item reported at itself.
pub(crate) fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Vec<Located<Retired>>> {
    if !meta.input.peek(syn::token::Paren) {
        cx.error_at(
            value::key_span(meta),
            "expected a list of codes, code ranges and keys, like `reserved(1002, 1104..=1107, \"OLD_KEY\")`",
        );
        value::skip_value(meta.input)?;
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
            let (first, last) = value::code_literals(&content)?;
            let codes = value::codes(cx, "reserved code", &first, last.as_ref());
            items.extend(codes.map(|codes| Located {
                value: Retired::Codes {
                    first: codes.value.0,
                    last: codes.value.1,
                },
                span: codes.span,
            }));
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
