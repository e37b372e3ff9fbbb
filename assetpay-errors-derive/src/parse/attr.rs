//! Parsing of `#[api(...)]` attributes into values that keep their spans.
//!
//! A malformed key is reported and skipped, not fatal: parsing goes on with the next key so every
//! mistake in an attribute is reported in one compile.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Lit, LitStr, MacroDelimiter, Meta, Path, Token};

use assetpay_errors_shared::grpc;

use super::ctxt::Ctxt;
use super::plain::Plain;
use super::plain_keys::{self, PlainKey};
use super::reserved::{self, Retired};
use super::symbol::AttrKey;
use super::value::{self, Located, skip_value};

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
    /// `doc_url = "…"` on a variant (or a struct): the template, in place of the type's.
    pub(crate) doc_url: Option<Located<String>>,
    /// `grpc = "FAILED_PRECONDITION"`: the gRPC code in place of the one the status maps to, as
    /// its number (`google.rpc.Code`), the name checked here.
    pub(crate) grpc: Option<Located<u8>>,
    /// The first `#[api(...)]` attribute, where "missing `code`" and the like point.
    pub(crate) attr_span: Option<Span>,
    /// Keys the attributes mention, valid or not, and keys an unknown key most likely meant: a
    /// key given with a bad value (or misspelt) is reported once, not also as missing.
    pub(crate) written: Vec<AttrKey>,
    /// An `#[api ...]` could not be read to its end (no parentheses, or broken syntax): what it
    /// holds is unknown, so nothing is reported as missing.
    pub(crate) malformed: bool,
    /// An `#[api(...)]` holds the word `transparent`, looked for without parsing since the
    /// attribute may be the broken one: the best guess of whether the declaration wraps an
    /// error, when it cannot be read.
    pub(crate) says_transparent: bool,
}

impl ErrorAttrs {
    /// Whether `key` was written, even with a value that was rejected.
    pub(crate) fn mentions(&self, key: AttrKey) -> bool {
        self.malformed || self.written.contains(&key)
    }
}

/// Keys that describe the whole type: on an enum, or on a struct.
#[derive(Default)]
pub(crate) struct TypeAttrs {
    /// The path to the `Domain` constant, resolved by rustc in the user's scope.
    pub(crate) domain: Option<Path>,
    /// The span is the `range` key's.
    pub(crate) range: Option<Located<(u16, u16)>>,
    /// `into_response = false`: no `IntoResponse` impl, for a type with its own.
    pub(crate) into_response: Option<Located<bool>>,
    /// Per-error keys written on the enum instead of its variants (already reported): the
    /// variants are not also told that they lack them.
    pub(crate) misplaced: Vec<AttrKey>,
    /// `published = "path"`, relative to the crate's manifest directory.
    pub(crate) published: Option<Located<String>>,
    /// Every `reserved(…)` item, from all `reserved` keys.
    pub(crate) reserved: Vec<Located<Retired>>,
    /// `doc_url = "…"` on an enum: the template every variant without its own uses.
    pub(crate) doc_url: Option<Located<String>>,
}

/// The keys of one item's `#[api(...)]` attributes, sorted by what they describe.
#[derive(Default)]
pub(crate) struct Attrs {
    pub(crate) of_type: TypeAttrs,
    pub(crate) of_error: ErrorAttrs,
}

/// Where an `#[api(...)]` attribute stands, which decides the keys it accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Enum,
    Variant,
    Struct,
}

impl Position {
    fn accepts(self, key: AttrKey) -> bool {
        // Field keys are read by `field_attr`, never here.
        !AttrKey::OF_FIELD.contains(&key)
            && match self {
                Position::Enum => key.is_of_type() || key.is_of_type_or_error(),
                Position::Variant => !key.is_of_type(),
                Position::Struct => true,
            }
    }

    fn accepted(self) -> impl Iterator<Item = AttrKey> {
        AttrKey::OF_TYPE
            .iter()
            .chain(AttrKey::OF_ERROR)
            .chain(AttrKey::OF_TYPE_OR_ERROR)
            .copied()
            .filter(move |key| self.accepts(*key))
    }

    fn expected_keys(self) -> String {
        let keys: Vec<String> = self
            .accepted()
            .map(|key| format!("`{}`", key.name()))
            .collect();
        keys.join(", ")
    }

    /// The accepted key an unknown `key` most likely misspells: the same in another case, one
    /// inside the other (`http_status`), or at most two edits away (`domian`).
    fn resembling(self, key: &str) -> Option<AttrKey> {
        let key = key.to_ascii_lowercase();
        self.accepted().find(|known| {
            let known = known.name();
            key == known
                || (key.len() >= 4 && (key.contains(known) || known.contains(key.as_str())))
                || (key.len() >= 4 && edit_distance(&key, known) <= 2)
        })
    }

    /// Where a known key refused here belongs instead: the item it describes.
    fn elsewhere(self, key: AttrKey) -> &'static str {
        if AttrKey::OF_FIELD.contains(&key) {
            return "on the field holding the violations, like `#[api(details)] violations: Vec<FieldViolation>`";
        }
        match self {
            Position::Enum => "on each variant, not on the enum",
            // A struct accepts every key, so this is only ever said to a variant.
            Position::Variant | Position::Struct => "on the enum, not on a variant",
        }
    }
}

/// Parses every `#[api(...)]` in `attrs`, reporting misuse into `cx`.
pub(crate) fn parse(cx: &Ctxt, attrs: &[Attribute], position: Position) -> Attrs {
    parse_with(cx, attrs, position, Reader::PlainFirst)
}

/// Which reader an attribute goes through: [`plain_keys`] where it can read it, or syn's
/// always (for the test that holds the two to the same result).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reader {
    PlainFirst,
    #[cfg(test)]
    SynOnly,
}

fn parse_with(cx: &Ctxt, attrs: &[Attribute], position: Position, reader: Reader) -> Attrs {
    let mut parsed = Parsed {
        cx,
        position,
        attrs: Attrs::default(),
    };
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("api")) {
        parsed
            .attrs
            .of_error
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
            parsed.attrs.of_error.malformed = true;
            parsed.attrs.of_error.says_transparent |= says_transparent(attr);
            continue;
        }
        if reader == Reader::PlainFirst
            && let Meta::List(list) = &attr.meta
            && let Some(keys) = plain_keys::read(&list.tokens)
            && keys.iter().all(|key| parsed.takes_plainly(key))
        {
            for key in keys {
                parsed.plain_key(key);
            }
            continue;
        }
        if let Err(error) = attr.parse_nested_meta(|meta| parsed.key(&meta)) {
            cx.syn_error(error);
            parsed.attrs.of_error.malformed = true;
            // Only an attribute read to its end says for sure which keys it holds.
            parsed.attrs.of_error.says_transparent |= says_transparent(attr);
        }
    }
    parsed.attrs
}

/// Reports every `#[api]` among `attrs`, which stand where the derive reads none (on a field):
/// ignored silently, it would look like it did something.
pub(crate) fn reject(cx: &Ctxt, attrs: &[Attribute], place: &str) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("api")) {
        cx.error_spanned_by(
            attr,
            format!("`#[api]` is not allowed on {place}, it belongs on the enum, its variants or a struct"),
        );
    }
}

fn says_transparent(attr: &Attribute) -> bool {
    let Meta::List(list) = &attr.meta else {
        return false;
    };
    list.tokens.clone().into_iter().any(
        |token| matches!(token, TokenTree::Ident(ident) if ident == AttrKey::Transparent.name()),
    )
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
    attrs: Attrs,
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
        let name = ident.to_string();
        let span = ident.span();
        let known = AttrKey::from_name(&name);
        let Some(key) = known.filter(|key| self.position.accepts(*key)) else {
            let message = if let Some(key) = known {
                self.attrs.of_type.misplaced.push(key);
                format!("`{name}` belongs {}", self.position.elsewhere(key))
            } else if let Some(meant) = self.position.resembling(&name) {
                self.attrs.of_error.written.push(meant);
                format!(
                    "unknown attribute key `{name}`, did you mean `{}`?",
                    meant.name()
                )
            } else {
                format!(
                    "unknown attribute key `{name}`, expected one of {}",
                    self.position.expected_keys()
                )
            };
            self.cx.error_at(span, message);
            return skip_value(meta.input);
        };
        self.note_written(key);
        match key {
            // Refused above: `field_attr` reads it on fields.
            AttrKey::Details => {}
            AttrKey::Retryable | AttrKey::Transparent => {
                let flag = self.flag(meta, key)?;
                self.set_flag(key, span, flag);
            }
            AttrKey::Reserved => {
                // Repeatable, like protobuf's `reserved` statements: the lists add up.
                let items = reserved::parse(self.cx, meta)?;
                self.attrs.of_type.reserved.extend(items);
            }
            _ => {
                if let Some(value) = self.value(meta, key)? {
                    self.assign(key, span, &value);
                }
            }
        }
        Ok(())
    }

    /// Whether [`plain_keys`]' reading of `key` is all there is to say of it: a key this
    /// position accepts, alone if it is a flag, with its value if it takes one. Anything else
    /// goes through syn's reader, which reports it.
    fn takes_plainly(&self, key: &PlainKey) -> bool {
        self.position.accepts(key.key)
            && match key.key {
                AttrKey::Retryable | AttrKey::Transparent => key.value.is_none(),
                AttrKey::Reserved | AttrKey::Details => false,
                _ => key.value.is_some(),
            }
    }

    /// A key [`takes_plainly`](Self::takes_plainly) accepted, stored as [`key`](Self::key)
    /// stores it.
    fn plain_key(&mut self, PlainKey { key, span, value }: PlainKey) {
        self.note_written(key);
        match value {
            None => self.set_flag(key, span, Some(span)),
            Some((token, plain)) => self.assign(key, span, &Value::Plain(token, plain)),
        }
    }

    fn note_written(&mut self, key: AttrKey) {
        self.attrs.of_error.written.push(key);
        self.attrs.of_error.says_transparent |= key == AttrKey::Transparent;
    }

    fn set_flag(&mut self, key: AttrKey, span: Span, flag: Option<Span>) {
        let slot = match key {
            AttrKey::Transparent => &mut self.attrs.of_error.transparent,
            _ => &mut self.attrs.of_error.retryable,
        };
        set_once(self.cx, key, span, slot, flag);
    }

    /// Stores the value of a key that takes one.
    fn assign(&mut self, key: AttrKey, span: Span, value: &Value) {
        let cx = self.cx;
        match key {
            // Flags and lists, read by `key` itself.
            AttrKey::Details | AttrKey::Retryable | AttrKey::Transparent | AttrKey::Reserved => {}
            AttrKey::Code => {
                let code = self.integer::<u16>(value, key, "code = 1001");
                let code = self.nonzero(code, "code `0` is not allowed, codes start at 1");
                set_once(cx, key, span, &mut self.attrs.of_error.code, code);
            }
            AttrKey::Status => {
                let status = self.integer::<u16>(value, key, "status = 404");
                set_once(cx, key, span, &mut self.attrs.of_error.status, status);
            }
            AttrKey::RetryAfter => {
                let seconds = self.integer::<u32>(value, key, "retry_after = 30");
                let seconds = self.nonzero(seconds, "`retry_after` must be at least 1 second");
                set_once(cx, key, span, &mut self.attrs.of_error.retry_after, seconds);
            }
            AttrKey::Key => {
                let text = self.string(value, key, "key = \"PRICE_CHANGED\"");
                set_once(cx, key, span, &mut self.attrs.of_error.key, text);
            }
            AttrKey::Message => {
                let text = self.string(value, key, "message = \"Item {id} is gone\"");
                set_once(cx, key, span, &mut self.attrs.of_error.message, text);
            }
            AttrKey::Domain => {
                let path = self.domain(value);
                set_once(cx, key, span, &mut self.attrs.of_type.domain, path);
            }
            AttrKey::IntoResponse => {
                let choice = self.boolean(value, key, "into_response = false");
                set_once(cx, key, span, &mut self.attrs.of_type.into_response, choice);
            }
            AttrKey::Published => {
                let path = self.string(value, key, "published = \"errors/published.json\"");
                set_once(cx, key, span, &mut self.attrs.of_type.published, path);
            }
            AttrKey::DocUrl => {
                let example = "doc_url = \"https://docs.example.com/errors#{key}\"";
                let template = self.string(value, key, example);
                // What it may hold is `check`'s to say; here it is only read.
                let slot = match self.position {
                    Position::Enum => &mut self.attrs.of_type.doc_url,
                    Position::Variant | Position::Struct => &mut self.attrs.of_error.doc_url,
                };
                set_once(cx, key, span, slot, template);
            }
            AttrKey::Grpc => {
                let name = self.string(value, key, "grpc = \"FAILED_PRECONDITION\"");
                let code = name.and_then(|name| self.grpc_code(name));
                set_once(cx, key, span, &mut self.attrs.of_error.grpc, code);
            }
            AttrKey::Range => {
                // Errors about the range as a whole point at the key.
                let range = self.range(value).map(|range| Located { span, ..range });
                set_once(cx, key, span, &mut self.attrs.of_type.range, range);
            }
        }
    }

    /// The gRPC code `name` names, reported at the literal when it names none or `OK`.
    fn grpc_code(&self, name: Located<String>) -> Option<Located<u8>> {
        let report = |problem: String| self.cx.error_at(name.span, problem);
        match grpc::code_named(&name.value) {
            Some(grpc::OK) => report(format!(
                "`OK` is not an error code, `grpc` takes one of {}",
                grpc::expected_names()
            )),
            Some(code) => {
                return Some(Located {
                    value: code,
                    span: name.span,
                });
            }
            None => match grpc::resembling(&name.value) {
                Some(meant) => report(format!(
                    "unknown gRPC code `{}`, did you mean `{meant}`?",
                    name.value
                )),
                None => report(format!(
                    "unknown gRPC code `{}`, expected one of {}",
                    name.value,
                    grpc::expected_names()
                )),
            },
        }
        None
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
    fn flag(&self, meta: &ParseNestedMeta, key: AttrKey) -> syn::Result<Option<Span>> {
        let span = value::key_span(meta);
        if meta.input.is_empty() || meta.input.peek(Token![,]) {
            return Ok(Some(span));
        }
        self.cx
            .error_at(span, format!("`{key}` takes no value, write `{key}` alone"));
        skip_value(meta.input)?;
        Ok(None)
    }

    /// What follows `key =`, up to the next comma.
    fn value(&self, meta: &ParseNestedMeta, key: AttrKey) -> syn::Result<Option<Value>> {
        let span = value::key_span(meta);
        if !meta.input.peek(Token![=]) {
            self.cx.error_at(span, format!("expected `{key} = …`"));
            skip_value(meta.input)?;
            return Ok(None);
        }
        meta.input.parse::<Token![=]>()?;
        let mut tokens = TokenStream::new();
        // One literal token only: syn reads `-1001` as one literal too, spanned on the `-` alone,
        // and an error about a negative number covers both of its tokens.
        if let Some((token, _)) = meta.input.cursor().literal() {
            let value = match Plain::read(&token) {
                Some(plain) => {
                    meta.input.parse::<TokenTree>()?;
                    Value::Plain(token, plain)
                }
                None => Value::Literal(meta.input.parse()?),
            };
            if meta.input.is_empty() || meta.input.peek(Token![,]) {
                return Ok(Some(value));
            }
            value.to_tokens(&mut tokens);
        }
        while !meta.input.is_empty() && !meta.input.peek(Token![,]) {
            tokens.extend([meta.input.parse::<TokenTree>()?]);
        }
        if tokens.is_empty() {
            self.cx
                .error_at(span, format!("expected a value after `{key} =`"));
            return Ok(None);
        }
        Ok(Some(Value::Tokens(tokens)))
    }

    fn integer<N>(&self, tokens: &Value, key: AttrKey, example: &str) -> Option<Located<N>>
    where
        N: std::str::FromStr + Bounded,
        N::Err: std::fmt::Display,
    {
        if let Value::Plain(token, Plain::Digits(digits)) = tokens
            && let Ok(value) = digits.parse::<N>()
        {
            return Some(Located {
                value,
                span: token.span(),
            });
        }
        let Some(literal) = tokens.read(|literal| match literal {
            Lit::Int(literal) => Some(literal.clone()),
            _ => None,
        }) else {
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

    fn string(&self, tokens: &Value, key: AttrKey, example: &str) -> Option<Located<String>> {
        if let Value::Plain(token, Plain::Str(text)) = tokens {
            return Some(Located {
                value: text.clone(),
                span: token.span(),
            });
        }
        let literal = tokens.read(|literal| match literal {
            Lit::Str(literal) => Some(literal.clone()),
            _ => None,
        });
        match literal {
            Some(literal) if literal.suffix().is_empty() => Some(Located {
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

    fn boolean(&self, tokens: &Value, key: AttrKey, example: &str) -> Option<Located<bool>> {
        let literal = tokens.read(|literal| match literal {
            Lit::Bool(literal) => Some(literal.clone()),
            _ => None,
        });
        match literal {
            Some(literal) => Some(Located {
                value: literal.value,
                span: literal.span,
            }),
            None => {
                self.cx.error_spanned_by(
                    tokens,
                    format!("expected `{key}` to be `true` or `false`, like `{example}`"),
                );
                None
            }
        }
    }

    /// A path to a `Domain` constant. Which constant, and whether it is a `Domain`, is for rustc
    /// to say where the expansion names it: the derive cannot see values.
    fn domain(&self, tokens: &Value) -> Option<Path> {
        if let Ok(path) = syn::parse2::<Path>(tokens.to_token_stream()) {
            return Some(path);
        }
        let problem = if syn::parse2::<LitStr>(tokens.to_token_stream()).is_ok() {
            "`domain` takes a path to a `Domain` constant, not a string, like `domain = Domain::TRADING`"
        } else {
            "expected `domain` to be a path to a `Domain` constant, like `domain = Domain::TRADING`"
        };
        self.cx.error_spanned_by(tokens, problem);
        None
    }

    fn range(&self, tokens: &Value) -> Option<Located<(u16, u16)>> {
        let parser = |input: ParseStream| {
            let (first, last) = value::code_literals(input)?;
            match last {
                Some(last) => Ok((first, last)),
                None => Err(input.error("expected `..=`")),
            }
        };
        let Ok((first, last)) = parser.parse2(tokens.to_token_stream()) else {
            self.cx.error_spanned_by(
                tokens,
                "expected an inclusive range of codes, like `range = 1000..=1099`",
            );
            return None;
        };
        value::codes(self.cx, "range bound", &first, Some(&last))
    }
}

/// The value of a key: one literal, read in place where the key stands (the common case), or
/// the tokens up to the next comma, parsed again by the reader that expects them. Reading the
/// literal in place spares a token stream and a parse of it per key, thousands in a large enum;
/// a [`Plain`] one is not even handed to syn, unless its reader refuses the plain value (a
/// number out of its range), to say why.
enum Value {
    Plain(proc_macro2::Literal, Plain),
    Literal(Lit),
    Tokens(TokenStream),
}

impl Value {
    /// The literal `pick` accepts: the one read in place, or the tokens parsed as one (a negative
    /// number, `-` and the digits, is two tokens).
    fn read<T: syn::parse::Parse>(&self, pick: impl Fn(&Lit) -> Option<T>) -> Option<T> {
        match self {
            Value::Plain(token, _) => pick(&Lit::new(token.clone())),
            Value::Literal(literal) => pick(literal),
            Value::Tokens(tokens) => syn::parse2::<T>(tokens.clone()).ok(),
        }
    }
}

impl ToTokens for Value {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            Value::Plain(token, _) => token.to_tokens(tokens),
            Value::Literal(literal) => literal.to_tokens(tokens),
            Value::Tokens(value) => value.to_tokens(tokens),
        }
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
fn set_once<T>(cx: &Ctxt, key: AttrKey, span: Span, slot: &mut Option<T>, value: Option<T>) {
    if slot.is_some() {
        cx.error_at(span, format!("duplicate attribute key `{key}`"));
    } else if let Some(value) = value {
        *slot = Some(value);
    }
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

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use quote::ToTokens;
    use syn::Attribute;
    use syn::parse::Parser;

    use super::{Attrs, Position, Reader, parse_with};
    use crate::parse::Ctxt;
    use crate::parse::value::Located;

    fn located<T: Debug>(value: &Option<Located<T>>) -> String {
        value.as_ref().map_or_else(
            || "-".to_owned(),
            |located| format!("{:?}@{:?}", located.value, located.span),
        )
    }

    /// Everything `parse` produces, values with their spans and errors with theirs, as text.
    fn read(source: &str, position: Position, reader: Reader) -> String {
        let attrs = Attribute::parse_outer
            .parse_str(source)
            .unwrap_or_else(|error| panic!("{source}: {error}"));
        let cx = Ctxt::default();
        let Attrs { of_type, of_error } = parse_with(&cx, &attrs, position, reader);
        let errors = match cx.check() {
            Ok(()) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .map(|error| format!("{error} at {:?}", error.span()))
                .collect(),
        };
        format!(
            "code {} key {} status {} message {} retryable {:?} retry_after {} transparent {:?} \
             doc_url {} grpc {} attr {:?} written {:?} malformed {} says_transparent {} | \
             domain {:?} range {} into_response {} misplaced {:?} published {} reserved {} \
             doc_url {} | errors {errors:?}",
            located(&of_error.code),
            located(&of_error.key),
            located(&of_error.status),
            located(&of_error.message),
            of_error.retryable,
            located(&of_error.retry_after),
            of_error.transparent,
            located(&of_error.doc_url),
            located(&of_error.grpc),
            of_error.attr_span,
            of_error.written,
            of_error.malformed,
            of_error.says_transparent,
            of_type
                .domain
                .map(|path| path.to_token_stream().to_string()),
            located(&of_type.range),
            located(&of_type.into_response),
            of_type.misplaced,
            located(&of_type.published),
            of_type.reserved.len(),
            located(&of_type.doc_url),
        )
    }

    /// The plain reader takes the common attributes off syn's hands, and must read each exactly
    /// as syn's reader does, mistakes included: what it cannot read it leaves to syn.
    #[test]
    fn the_plain_reader_reads_as_syn_does() {
        let sources = [
            r#"#[api(code = 11, key = "PRICE_CHANGED", status = 409)]"#,
            r#"#[api(code = 11, key = "PRICE_CHANGED", status = 409,)]"#,
            r#"#[api(code = 8, key = "K", status = 400, message = "At most {max}", retryable)]"#,
            r#"#[api(retryable, transparent)]"#,
            r#"#[api(transparent)]"#,
            r#"#[api()]"#,
            r#"#[api(code = 1)] #[api(key = "A", status = 400)] #[api(retry_after = 30)]"#,
            r#"#[api(code = 1, code = 2, retryable, retryable)]"#,
            r#"#[api(code = 0, retry_after = 0, status = 70000, code = 65536)]"#,
            r#"#[api(code = "11", key = 11, status = 4.0e2, message = 'm')]"#,
            r#"#[api(code = 11u16, key = "a\"b", message = r"raw", status = 0x190)]"#,
            r#"#[api(code = -1, status = 400)]"#,
            r#"#[api(code == 1)]"#,
            r#"#[api(code = 1 2)]"#,
            r#"#[api(code)]"#,
            r#"#[api(code =)]"#,
            r#"#[api(retryable = true, transparent = 1)]"#,
            r#"#[api(Code = 1, http_status = 400, cod = 2)]"#,
            r#"#[api(r#code = 1)]"#,
            r#"#[api(code = 1,, status = 400)]"#,
            r#"#[api(doc_url = "https://docs.example.com/errors#{key}")]"#,
            r#"#[api(grpc = "FAILED_PRECONDITION")]"#,
            r#"#[api(grpc = "OK")] #[api(grpc = "ABORTD")]"#,
            r#"#[api(domain = Domain::TRADING, range = 1..=99)]"#,
            r#"#[api(domain = "TRADING", into_response = false, published = "errors.json")]"#,
            r#"#[api(published = "errors.json", reserved(5, 7..=9))]"#,
            r#"#[api(details)]"#,
            r#"#[api = "x"]"#,
            r#"#[api]"#,
            r#"#[api[code = 1]]"#,
            r#"#[api{code = 1}]"#,
            r#"#[api(code = 1, key = "K", (status = 400))]"#,
            r#"#[doc = "not ours"] #[api(code = 3, key = "K", status = 404)]"#,
        ];
        for source in sources {
            for position in [Position::Enum, Position::Variant, Position::Struct] {
                assert_eq!(
                    read(source, position, Reader::PlainFirst),
                    read(source, position, Reader::SynOnly),
                    "{source}"
                );
            }
        }
    }

    #[test]
    fn the_common_shapes_take_the_plain_reader() {
        let read = |source: &str| {
            let attrs = Attribute::parse_outer.parse_str(source).unwrap();
            let syn::Meta::List(list) = &attrs[0].meta else {
                panic!("{source} is a list")
            };
            super::plain_keys::read(&list.tokens).map(|keys| keys.len())
        };
        assert_eq!(
            read(r#"#[api(code = 11, key = "PRICE_CHANGED", status = 409)]"#),
            Some(3)
        );
        assert_eq!(
            read(r#"#[api(code = 1, message = "{a}", retryable,)]"#),
            Some(3)
        );
        assert_eq!(read("#[api()]"), Some(0));
        for other in [
            "#[api(code = -1)]",
            r#"#[api(key = "a\"b")]"#,
            "#[api(domain = Domain::X)]",
            "#[api(reserved(1))]",
            "#[api(cod = 1)]",
            "#[api(code == 1)]",
        ] {
            assert_eq!(read(other), None, "{other}");
        }
    }
}
