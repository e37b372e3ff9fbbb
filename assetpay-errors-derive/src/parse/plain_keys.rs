//! An `#[api(...)]` made only of the common shapes, `key = "text"`, `key = 11` and a bare
//! `key`, read straight from its tokens.
//!
//! Why beside syn's reader: syn's `parse_nested_meta` builds a token buffer and a cursor per
//! attribute and parses each key as a path, which in a proc-macro (built unoptimised) was most of
//! the cost of reading a large enum's attributes. The shapes read here are the ones whose meaning
//! is their tokens, so the reading cannot differ; anything else (another token, a literal only
//! syn can read, a key misspelt or misplaced) returns `None` and the whole attribute goes through
//! syn, which reports what is wrong. A unit test in `attr` holds both readers to the same result.

use proc_macro2::{Literal, Spacing, Span, TokenStream, TokenTree};

use super::plain::Plain;
use super::symbol::AttrKey;

/// One key as written: its span and, after `=`, its plain literal.
pub(crate) struct PlainKey {
    pub(crate) key: AttrKey,
    pub(crate) span: Span,
    pub(crate) value: Option<(Literal, Plain)>,
}

/// The keys of the tokens inside `#[api(...)]` when each is a known key alone or `key = literal`
/// with a [`Plain`] literal, separated by commas (one trailing comma allowed, as syn allows);
/// `None` for anything else.
pub(crate) fn read(tokens: &TokenStream) -> Option<Vec<PlainKey>> {
    let mut keys = Vec::new();
    let mut tokens = tokens.clone().into_iter();
    while let Some(token) = tokens.next() {
        let TokenTree::Ident(ident) = token else {
            return None;
        };
        let key = AttrKey::from_name(&ident.to_string())?;
        let span = ident.span();
        let value = match tokens.next() {
            None => {
                keys.push(PlainKey {
                    key,
                    span,
                    value: None,
                });
                break;
            }
            Some(TokenTree::Punct(punct)) if punct.as_char() == ',' => None,
            Some(TokenTree::Punct(punct))
                if punct.as_char() == '=' && punct.spacing() == Spacing::Alone =>
            {
                let Some(TokenTree::Literal(literal)) = tokens.next() else {
                    return None;
                };
                let plain = Plain::read(&literal)?;
                match tokens.next() {
                    None => {}
                    Some(TokenTree::Punct(punct)) if punct.as_char() == ',' => {}
                    Some(_) => return None,
                }
                Some((literal, plain))
            }
            Some(_) => return None,
        };
        keys.push(PlainKey { key, span, value });
    }
    Some(keys)
}
