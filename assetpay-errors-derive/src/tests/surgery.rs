//! Inputs nobody writes on purpose, made from generated declarations: random surgery on the
//! tokens at every nesting level (dropped, repeated and foreign tokens, truncated streams, swapped
//! delimiters, nested groups), and the text cut off mid-way.
//!
//! The surgery is drawn as a plan before it is applied: one optional cut per token stream and one
//! edit per token, in the order a walk meets them. A plan has one slot for every stream and token
//! of its declaration, and shrinking a failing plan turns edits back into "keep", so proptest
//! reports the fewest edits that still break the derive.

use std::str::FromStr;

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

const FOREIGN_PUNCTS: &[char] = &['=', ',', '#', '-', '.', ':', '!', '\''];
const FOREIGN_STRINGS: &[&str] = &["", "{", "}", "{x}", "KEY", "x\0y"];
const FOREIGN_GROUP_CONTENTS: &[&str] = &["code = 1", "api(code = 1)", "", "#[api]", "= = ,"];
const FOREIGN_IDENTS: &[&str] = &[
    "api",
    "code",
    "key",
    "status",
    "message",
    "transparent",
    "domain",
    "range",
    "retryable",
    "retry_after",
    "enum",
    "union",
    "type",
    "Self",
];
const DELIMITERS: &[Delimiter] = &[
    Delimiter::Parenthesis,
    Delimiter::Bracket,
    Delimiter::Brace,
    Delimiter::None,
];
/// Foreign groups stop at this depth, where a foreign token is a bare `api` instead.
const DEEPEST_FOREIGN_GROUP: usize = 4;

/// A token that was not in the declaration.
#[derive(Clone, Debug)]
enum Foreign {
    Punct(char),
    Integer(u64),
    Str(&'static str),
    Float,
    ByteString,
    SuffixedInteger,
    Group(Delimiter, &'static str),
    Ident(&'static str),
}

impl Foreign {
    fn token(&self, depth: usize) -> TokenTree {
        match *self {
            Foreign::Punct(ch) => TokenTree::Punct(Punct::new(ch, Spacing::Alone)),
            Foreign::Integer(value) => TokenTree::Literal(Literal::u64_unsuffixed(value)),
            Foreign::Str(text) => TokenTree::Literal(Literal::string(text)),
            Foreign::Float => TokenTree::Literal(Literal::f64_unsuffixed(1.5)),
            Foreign::ByteString => TokenTree::Literal(Literal::byte_string(b"\xff")),
            Foreign::SuffixedInteger => TokenTree::Literal(Literal::i32_suffixed(-7)),
            Foreign::Group(delimiter, contents) if depth < DEEPEST_FOREIGN_GROUP => {
                let inner = TokenStream::from_str(contents).expect("foreign group contents lex");
                TokenTree::Group(Group::new(delimiter, inner))
            }
            Foreign::Group(..) => TokenTree::Ident(Ident::new("api", Span::call_site())),
            Foreign::Ident(name) => TokenTree::Ident(Ident::new(name, Span::call_site())),
        }
    }
}

fn foreign() -> impl Strategy<Value = Foreign> {
    prop_oneof![
        select(FOREIGN_PUNCTS).prop_map(Foreign::Punct),
        // Any magnitude, small ones as often as huge ones.
        (any::<u64>(), 0..64u32).prop_map(|(value, shift)| Foreign::Integer(value >> shift)),
        select(FOREIGN_STRINGS).prop_map(Foreign::Str),
        Just(Foreign::Float),
        Just(Foreign::ByteString),
        Just(Foreign::SuffixedInteger),
        (select(&DELIMITERS[..3]), select(FOREIGN_GROUP_CONTENTS))
            .prop_map(|(delimiter, contents)| Foreign::Group(delimiter, contents)),
        select(FOREIGN_IDENTS).prop_map(Foreign::Ident),
    ]
}

#[derive(Clone, Debug)]
enum Action {
    Keep,
    Drop,
    /// The token twice; a repeated group is not operated on inside.
    Repeat,
    /// A foreign token, then the token itself.
    InsertBefore(Foreign),
}

/// What happens to one token.
#[derive(Clone, Debug)]
struct TokenEdit {
    action: Action,
    /// A group's new delimiter.
    delimiter: Option<Delimiter>,
    /// Whether a group's contents are operated on too.
    descend: bool,
}

fn token_edit() -> impl Strategy<Value = TokenEdit> {
    let action = prop_oneof![
        93 => Just(Action::Keep),
        3 => Just(Action::Drop),
        2 => Just(Action::Repeat),
        2 => foreign().prop_map(Action::InsertBefore),
    ];
    (
        action,
        prop::option::weighted(0.03, select(DELIMITERS)),
        prop::bool::weighted(0.7),
    )
        .prop_map(|(action, delimiter, descend)| TokenEdit {
            action,
            delimiter,
            descend,
        })
}

/// Where a token stream is cut, if it is.
fn stream_cut() -> impl Strategy<Value = Option<Index>> {
    prop::option::weighted(0.05, any::<Index>())
}

/// A plan being applied; slots past its end (none before shrinking) change nothing.
struct Plan<'a> {
    cuts: std::slice::Iter<'a, Option<Index>>,
    edits: std::slice::Iter<'a, TokenEdit>,
}

fn apply(plan: &mut Plan<'_>, stream: TokenStream, depth: usize) -> TokenStream {
    let mut tokens: Vec<TokenTree> = stream.into_iter().collect();
    if let Some(Some(at)) = plan.cuts.next() {
        tokens.truncate(at.index(tokens.len() + 1));
    }
    let mut out = Vec::with_capacity(tokens.len() + 2);
    for token in tokens {
        let Some(edit) = plan.edits.next() else {
            out.push(token);
            continue;
        };
        match &edit.action {
            Action::Keep => {}
            Action::Drop => continue,
            Action::Repeat => {
                out.push(token.clone());
                out.push(token);
                continue;
            }
            Action::InsertBefore(foreign) => out.push(foreign.token(depth)),
        }
        match token {
            TokenTree::Group(group) => {
                let delimiter = edit.delimiter.unwrap_or(group.delimiter());
                let inner = if edit.descend {
                    apply(plan, group.stream(), depth + 1)
                } else {
                    group.stream()
                };
                out.push(TokenTree::Group(Group::new(delimiter, inner)));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

/// How many token streams (the outer one and every group's) and tokens `stream` holds.
fn measure(stream: TokenStream) -> (usize, usize) {
    let mut streams = 1;
    let mut tokens = 0;
    for token in stream {
        tokens += 1;
        if let TokenTree::Group(group) = token {
            let (inner_streams, inner_tokens) = measure(group.stream());
            streams += inner_streams;
            tokens += inner_tokens;
        }
    }
    (streams, tokens)
}

fn lex(text: &str) -> TokenStream {
    TokenStream::from_str(text).expect("generated declarations lex")
}

/// `source` after random token surgery, as text.
pub(super) fn token_surgery(
    source: impl Strategy<Value = String>,
) -> impl Strategy<Value = String> {
    source
        .prop_flat_map(|text| {
            let (streams, tokens) = measure(lex(&text));
            (
                Just(text),
                vec(stream_cut(), streams),
                vec(token_edit(), tokens),
            )
        })
        .prop_map(|(text, cuts, edits)| {
            let mut plan = Plan {
                cuts: cuts.iter(),
                edits: edits.iter(),
            };
            apply(&mut plan, lex(&text), 0).to_string()
        })
}

/// `source` cut at any character, with what is still open closed, so literals and keys end
/// mid-way; the texts that no longer lex are for the caller to skip.
pub(super) fn cut_mid_way(source: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    (source, any::<Index>()).prop_map(|(text, at)| close_at(&text, at.index(text.len() + 1)))
}

fn close_at(text: &str, mut cut: usize) -> String {
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut out = text[..cut].to_owned();
    let mut open = Vec::new();
    for ch in out.chars() {
        match ch {
            '(' => open.push(')'),
            '[' => open.push(']'),
            '{' => open.push('}'),
            ')' | ']' | '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    while let Some(close) = open.pop() {
        out.push(close);
    }
    out
}
