//! The subset of Fluent a translation may use, as a small tree both the check and the TypeScript
//! renderer read: text, variables, literals and select expressions on a variable.
//!
//! Everything else Fluent has (terms, message references, attributes, functions) is refused by
//! [`Translations::check`](super::Translations::check): the TypeScript module renders messages
//! without a Fluent runtime, and a translation it could not carry would render differently on
//! the server and in the browser.

use std::borrow::Cow;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use fluent_syntax::unicode::unescape_unicode_to_string;

/// One piece of a translated message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece<'s> {
    /// Text, printed as it is.
    Text(Cow<'s, str>),
    /// `{ $name }`: the parameter's value.
    Variable(&'s str),
    /// `{ $name -> [one] … *[other] … }`.
    Select {
        /// The variable selected on.
        selector: &'s str,
        /// Each variant's key and pieces.
        variants: Vec<(Key<'s>, Vec<Piece<'s>>)>,
        /// The index of the `*` variant.
        default: usize,
    },
}

/// A select expression's variant key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Key<'s> {
    /// `[one]`: a CLDR plural category (matched through the plural rules) or a string.
    Identifier(&'s str),
    /// `[0]`: an exact number.
    Number(&'s str),
}

/// A construct outside the subset, named for the check's message.
pub(crate) struct Unsupported(pub(crate) &'static str);

pub(crate) fn pieces<'s>(pattern: &Pattern<&'s str>) -> Result<Vec<Piece<'s>>, Unsupported> {
    let mut out = Vec::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push(Piece::Text(Cow::Borrowed(value))),
            PatternElement::Placeable { expression } => out.push(expression_piece(expression)?),
        }
    }
    Ok(out)
}

fn expression_piece<'s>(expression: &Expression<&'s str>) -> Result<Piece<'s>, Unsupported> {
    match expression {
        Expression::Inline(inline) => inline_piece(inline),
        Expression::Select { selector, variants } => {
            let InlineExpression::VariableReference { id } = selector else {
                return Err(Unsupported(
                    "a select expression on anything but a `$variable`",
                ));
            };
            let mut default = 0;
            let mut out = Vec::new();
            for (index, variant) in variants.iter().enumerate() {
                if variant.default {
                    default = index;
                }
                let key = match &variant.key {
                    VariantKey::Identifier { name } => Key::Identifier(name),
                    VariantKey::NumberLiteral { value } => Key::Number(value),
                };
                out.push((key, pieces(&variant.value)?));
            }
            Ok(Piece::Select {
                selector: id.name,
                variants: out,
                default,
            })
        }
    }
}

fn inline_piece<'s>(inline: &InlineExpression<&'s str>) -> Result<Piece<'s>, Unsupported> {
    match inline {
        InlineExpression::StringLiteral { value } => {
            Ok(Piece::Text(unescape_unicode_to_string(value)))
        }
        InlineExpression::NumberLiteral { value } => Ok(Piece::Text(Cow::Borrowed(value))),
        InlineExpression::VariableReference { id } => Ok(Piece::Variable(id.name)),
        InlineExpression::Placeable { expression } => expression_piece(expression),
        InlineExpression::FunctionReference { .. } => Err(Unsupported("a function call")),
        InlineExpression::MessageReference { .. } => Err(Unsupported("a message reference")),
        InlineExpression::TermReference { .. } => Err(Unsupported("a term reference")),
    }
}

/// The variables `pieces` use, each once, in the order they first appear.
pub(crate) fn variables<'s>(pieces: &[Piece<'s>]) -> Vec<&'s str> {
    fn walk<'s>(pieces: &[Piece<'s>], out: &mut Vec<&'s str>) {
        let add = |name: &'s str, out: &mut Vec<&'s str>| {
            if !out.contains(&name) {
                out.push(name);
            }
        };
        for piece in pieces {
            match piece {
                Piece::Text(_) => {}
                Piece::Variable(name) => add(name, out),
                Piece::Select {
                    selector, variants, ..
                } => {
                    add(selector, out);
                    for (_, variant) in variants {
                        walk(variant, out);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(pieces, &mut out);
    out
}
