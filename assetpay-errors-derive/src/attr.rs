//! Parsing of `#[api(...)]` attributes into values that keep their spans.
//!
//! A malformed key is reported and skipped, not fatal: parsing goes on with the next key so every
//! mistake in an attribute is reported in one compile.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, LitInt, LitStr, MacroDelimiter, Token};

use crate::ctxt::Ctxt;

/// A parsed value and the span of the literal it came from.
#[derive(Clone)]
pub(crate) struct Located<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
}

/// Keys that describe one error: on a variant, or on a struct.
#[derive(Default)]
pub(crate) struct ErrorAttrs {
    pub(crate) code: Option<Located<u16>>,
    pub(crate) key: Option<Located<String>>,
    pub(crate) status: Option<Located<u16>>,
    pub(crate) message: Option<Located<String>>,
    pub(crate) retryable: Option<Span>,
    pub(crate) retry_after: Option<Located<u32>>,
    pub(crate) transparent: Option<Span>,
    /// The first `#[api(...)]` attribute, where "missing `code`" and the like point.
    pub(crate) attr_span: Option<Span>,
    /// Keys the attributes mention, valid or not, and keys an unknown key most likely meant: a
    /// key given with a bad value (or misspelt) is reported once, not also as missing.
    pub(crate) written: Vec<String>,
    /// An `#[api ...]` could not be read to its end (no parentheses, or broken syntax): what it
    /// holds is unknown, so nothing is reported as missing.
    pub(crate) malformed: bool,
}

impl ErrorAttrs {
    /// Whether `key` was written, even with a value that was rejected.
    pub(crate) fn mentions(&self, key: &str) -> bool {
        self.malformed || self.written.iter().any(|written| written == key)
    }
}

/// Keys that describe the whole type: on an enum, or on a struct.
#[derive(Default)]
pub(crate) struct TypeAttrs {
    pub(crate) domain: Option<Located<String>>,
    /// The span is the `range` key's.
    pub(crate) range: Option<Located<(u16, u16)>>,
    /// Per-error keys written on the enum instead of its variants (already reported): the
    /// variants are not also told that they lack them.
    pub(crate) misplaced: Vec<String>,
}

/// Where an `#[api(...)]` attribute stands, which decides the keys it accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Enum,
    Variant,
    Struct,
}

const TYPE_KEYS: &[&str] = &["domain", "range"];
const ERROR_KEYS: &[&str] = &[
    "code",
    "key",
    "status",
    "message",
    "retryable",
    "retry_after",
    "transparent",
];

impl Position {
    fn accepts(self, key: &str) -> bool {
        match self {
            Position::Enum => TYPE_KEYS.contains(&key),
            Position::Variant => ERROR_KEYS.contains(&key),
            Position::Struct => TYPE_KEYS.contains(&key) || ERROR_KEYS.contains(&key),
        }
    }

    fn expected_keys(self) -> String {
        let keys: Vec<&str> = match self {
            Position::Enum => TYPE_KEYS.to_vec(),
            Position::Variant => ERROR_KEYS.to_vec(),
            Position::Struct => TYPE_KEYS.iter().chain(ERROR_KEYS).copied().collect(),
        };
        let keys: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
        keys.join(", ")
    }

    /// The accepted key an unknown `key` most likely misspells: the same in another case, one
    /// inside the other (`http_status`), or at most two edits away (`domian`).
    fn resembling(self, key: &str) -> Option<&'static str> {
        let key = key.to_ascii_lowercase();
        TYPE_KEYS
            .iter()
            .chain(ERROR_KEYS)
            .copied()
            .filter(|known| self.accepts(known))
            .find(|known| {
                key == *known
                    || (key.len() >= 4 && (key.contains(known) || known.contains(key.as_str())))
                    || (key.len() >= 4 && edit_distance(&key, known) <= 2)
            })
    }

    /// Why a known key is refused here, when the user likely put it on the wrong item.
    fn misplaced(self, key: &str) -> Option<&'static str> {
        match self {
            Position::Enum if ERROR_KEYS.contains(&key) => Some("on each variant, not on the enum"),
            Position::Variant if TYPE_KEYS.contains(&key) => Some("on the enum, not on a variant"),
            _ => None,
        }
    }
}

/// Parses every `#[api(...)]` in `attrs`, reporting misuse into `cx`.
pub(crate) fn parse(cx: &Ctxt, attrs: &[Attribute], position: Position) -> (TypeAttrs, ErrorAttrs) {
    let mut parsed = Parsed {
        cx,
        position,
        type_attrs: TypeAttrs::default(),
        error_attrs: ErrorAttrs::default(),
    };
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("api")) {
        parsed
            .error_attrs
            .attr_span
            .get_or_insert_with(|| span_of(attr));
        let parenthesized = matches!(
            attr.meta.require_list(),
            Ok(list) if matches!(list.delimiter, MacroDelimiter::Paren(_))
        );
        if !parenthesized {
            cx.error_spanned_by(
                attr,
                "expected `#[api(...)]` with keys inside the parentheses",
            );
            parsed.error_attrs.malformed = true;
            continue;
        }
        if let Err(error) = attr.parse_nested_meta(|meta| parsed.key(&meta)) {
            cx.syn_error(error);
            parsed.error_attrs.malformed = true;
        }
    }
    (parsed.type_attrs, parsed.error_attrs)
}

fn span_of(attr: &Attribute) -> Span {
    // The path `api` is where a reader looks for "this attribute".
    attr.path()
        .segments
        .first()
        .map_or_else(Span::call_site, |segment| segment.ident.span())
}

struct Parsed<'c> {
    cx: &'c Ctxt,
    position: Position,
    type_attrs: TypeAttrs,
    error_attrs: ErrorAttrs,
}

impl Parsed<'_> {
    fn key(&mut self, meta: &ParseNestedMeta) -> syn::Result<()> {
        let Some(ident) = meta.path.get_ident() else {
            self.cx.error_spanned_by(
                &meta.path,
                format!("expected one of {}", self.position.expected_keys()),
            );
            return skip_value(meta.input);
        };
        let key = ident.to_string();
        if !self.position.accepts(&key) {
            let message = if let Some(place) = self.position.misplaced(&key) {
                self.type_attrs.misplaced.push(key.clone());
                format!("`{key}` belongs {place}")
            } else if let Some(meant) = self.position.resembling(&key) {
                self.error_attrs.written.push(meant.to_owned());
                format!("unknown attribute key `{key}`, did you mean `{meant}`?")
            } else {
                format!(
                    "unknown attribute key `{key}`, expected one of {}",
                    self.position.expected_keys()
                )
            };
            self.cx.error_at(ident.span(), message);
            return skip_value(meta.input);
        }
        self.error_attrs.written.push(key.clone());
        let span = ident.span();
        match key.as_str() {
            "retryable" => {
                let flag = self.flag(meta, &key)?;
                set_once(self.cx, &key, span, &mut self.error_attrs.retryable, flag);
            }
            "transparent" => {
                let flag = self.flag(meta, &key)?;
                set_once(self.cx, &key, span, &mut self.error_attrs.transparent, flag);
            }
            _ => {
                let Some(tokens) = self.value(meta, &key)? else {
                    return Ok(());
                };
                match key.as_str() {
                    "code" => {
                        let code = self.integer::<u16>(&tokens, "code", "code = 1001");
                        let code = self.nonzero(code, "code `0` is not allowed, codes start at 1");
                        set_once(self.cx, &key, span, &mut self.error_attrs.code, code);
                    }
                    "status" => {
                        let status = self.integer::<u16>(&tokens, "status", "status = 404");
                        set_once(self.cx, &key, span, &mut self.error_attrs.status, status);
                    }
                    "retry_after" => {
                        let seconds =
                            self.integer::<u32>(&tokens, "retry_after", "retry_after = 30");
                        let seconds =
                            self.nonzero(seconds, "`retry_after` must be at least 1 second");
                        set_once(
                            self.cx,
                            &key,
                            span,
                            &mut self.error_attrs.retry_after,
                            seconds,
                        );
                    }
                    "key" => {
                        let text = self.string(&tokens, "key", "key = \"PRICE_CHANGED\"");
                        set_once(self.cx, &key, span, &mut self.error_attrs.key, text);
                    }
                    "message" => {
                        let text =
                            self.string(&tokens, "message", "message = \"Item {id} is gone\"");
                        set_once(self.cx, &key, span, &mut self.error_attrs.message, text);
                    }
                    "domain" => {
                        let text = self.string(&tokens, "domain", "domain = \"trading\"");
                        set_once(self.cx, &key, span, &mut self.type_attrs.domain, text);
                    }
                    "range" => {
                        // Errors about the range as a whole point at the key.
                        let range = self.range(&tokens).map(|range| Located { span, ..range });
                        set_once(self.cx, &key, span, &mut self.type_attrs.range, range);
                    }
                    _ => unreachable_key(self.cx, span, &key),
                }
            }
        }
        Ok(())
    }

    /// `value` unless it is zero, which is reported with `problem`.
    fn nonzero<N: Default + PartialEq>(
        &self,
        value: Option<Located<N>>,
        problem: &str,
    ) -> Option<Located<N>> {
        let value = value?;
        if value.value == N::default() {
            self.cx.error_at(value.span, problem);
            return None;
        }
        Some(value)
    }

    /// A bare key such as `retryable`; a value after it is reported and skipped.
    fn flag(&self, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<Span>> {
        let span = meta
            .path
            .get_ident()
            .map_or_else(Span::call_site, |ident| ident.span());
        if meta.input.is_empty() || meta.input.peek(Token![,]) {
            return Ok(Some(span));
        }
        self.cx
            .error_at(span, format!("`{key}` takes no value, write `{key}` alone"));
        skip_value(meta.input)?;
        Ok(None)
    }

    /// The tokens after `key =`, up to the next comma.
    fn value(&self, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<TokenStream>> {
        let span = meta
            .path
            .get_ident()
            .map_or_else(Span::call_site, |ident| ident.span());
        if !meta.input.peek(Token![=]) {
            self.cx.error_at(span, format!("expected `{key} = …`"));
            skip_value(meta.input)?;
            return Ok(None);
        }
        meta.input.parse::<Token![=]>()?;
        let mut tokens = TokenStream::new();
        while !meta.input.is_empty() && !meta.input.peek(Token![,]) {
            tokens.extend([meta.input.parse::<TokenTree>()?]);
        }
        if tokens.is_empty() {
            self.cx
                .error_at(span, format!("expected a value after `{key} =`"));
            return Ok(None);
        }
        Ok(Some(tokens))
    }

    fn integer<N>(&self, tokens: &TokenStream, key: &str, example: &str) -> Option<Located<N>>
    where
        N: std::str::FromStr + Bounded,
        N::Err: std::fmt::Display,
    {
        let Ok(literal) = syn::parse2::<LitInt>(tokens.clone()) else {
            self.cx.error_spanned_by(
                tokens,
                format!("expected `{key}` to be an integer literal, like `{example}`"),
            );
            return None;
        };
        if !literal.suffix().is_empty() {
            self.cx.error_at(
                literal.span(),
                format!(
                    "unexpected suffix `{}`, write the number alone",
                    literal.suffix()
                ),
            );
            return None;
        }
        match literal.base10_parse::<N>() {
            Ok(value) => Some(Located {
                value,
                span: literal.span(),
            }),
            Err(_) => {
                // The whole value: a negative number is two tokens, `-` and the digits.
                self.cx.error_spanned_by(
                    tokens,
                    format!(
                        "`{key}` must fit in {}, `{}` does not",
                        N::RANGE,
                        literal.base10_digits()
                    ),
                );
                None
            }
        }
    }

    fn string(&self, tokens: &TokenStream, key: &str, example: &str) -> Option<Located<String>> {
        match syn::parse2::<LitStr>(tokens.clone()) {
            Ok(literal) if literal.suffix().is_empty() => Some(Located {
                value: literal.value(),
                span: literal.span(),
            }),
            _ => {
                self.cx.error_spanned_by(
                    tokens,
                    format!("expected `{key}` to be a string literal, like `{example}`"),
                );
                None
            }
        }
    }

    fn range(&self, tokens: &TokenStream) -> Option<Located<(u16, u16)>> {
        let parser = |input: ParseStream| {
            let first: LitInt = input.parse()?;
            input.parse::<Token![..=]>()?;
            let last: LitInt = input.parse()?;
            Ok((first, last))
        };
        let Ok((first, last)) = parser.parse2(tokens.clone()) else {
            self.cx.error_spanned_by(
                tokens,
                "expected an inclusive range of codes, like `range = 1000..=1099`",
            );
            return None;
        };
        let bound = |literal: &LitInt| match literal.base10_parse::<u16>() {
            Ok(value) if literal.suffix().is_empty() && value != 0 => Some(value),
            _ => {
                self.cx.error_at(
                    literal.span(),
                    format!("range bound `{literal}` must be an integer in 1..=65535"),
                );
                None
            }
        };
        let (first_value, last_value) = (bound(&first)?, bound(&last)?);
        if first_value > last_value {
            self.cx.error_spanned_by(
                tokens,
                format!("empty range `{first_value}..={last_value}`, the first code must not exceed the last"),
            );
            return None;
        }
        Some(Located {
            value: (first_value, last_value),
            span: first.span(),
        })
    }
}

/// Integer types a key may hold, and how to describe their range.
pub(crate) trait Bounded {
    const RANGE: &'static str;
}

impl Bounded for u16 {
    const RANGE: &'static str = "a u16 (0..=65535)";
}

impl Bounded for u32 {
    const RANGE: &'static str = "a u32 (0..=4294967295)";
}

/// Stores `value` unless the key was already given, which is reported at the repeat.
fn set_once<T>(cx: &Ctxt, key: &str, span: Span, slot: &mut Option<T>, value: Option<T>) {
    if slot.is_some() {
        cx.error_at(span, format!("duplicate attribute key `{key}`"));
    } else if let Some(value) = value {
        *slot = Some(value);
    }
}

/// Every key in `Position::accepts` has an arm above; reaching this is a bug in the derive, which
/// is reported as an error rather than a panic.
fn unreachable_key(cx: &Ctxt, span: Span, key: &str) {
    cx.error_at(span, format!("internal error: key `{key}` has no parser"));
}

/// Levenshtein distance, for "did you mean" on short keys.
fn edit_distance(left: &str, right: &str) -> usize {
    let right: Vec<char> = right.chars().collect();
    let mut previous: Vec<usize> = (0..=right.len()).collect();
    for (i, left_char) in left.chars().enumerate() {
        let mut current = vec![i + 1; right.len() + 1];
        for (j, right_char) in right.iter().enumerate() {
            let substitution = previous[j] + usize::from(left_char != *right_char);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[right.len()]
}

/// Consumes whatever follows a rejected key, up to the next comma, so parsing can go on.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}
