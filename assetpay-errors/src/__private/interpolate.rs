//! The derived `ApiError::message`: the spec's published template filled in with the values
//! `ApiError::message_fields` visits.
//!
//! Why the message is rendered from the template and the visitor rather than by a `format!` per
//! variant: the derive then writes each variant's fields once (the `message_fields` array), not
//! once more as a `format!` whose expansion rustc checks per variant, which was a third of the
//! derive's own expansion work for a large enum. The template is the one the catalogue publishes,
//! so the message cannot drift from what the page and the contract show. A template naming one
//! field twice with two formats (`{id} {id:?}`) cannot be filled from one value per field: the
//! derive keeps a `format!` for those alone.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::api_error::ApiError;

/// `error`'s message: its spec's message when that interpolates nothing, else the template with
/// each placeholder replaced by the value `message_fields` visits under its name.
///
/// The visitor is expected in the order the template first names the fields, as the derive
/// writes it, so the message is written as the values arrive, with no copy of a value unless the
/// template names it again. A placeholder that no visit fills is kept as written: a hand-written
/// visitor that skips one shows the gap instead of losing it.
pub fn interpolated_message<E: ApiError + ?Sized>(error: &E) -> Cow<'static, str> {
    let spec = error.spec();
    let template = spec.message();
    if !spec.is_interpolated() {
        return Cow::Borrowed(template);
    }
    let mut message = String::with_capacity(template.len() + 16);
    let mut pieces = Pieces { rest: template };
    let mut repeated: Vec<(&'static str, String)> = Vec::new();
    error.message_fields(&mut |name, value| {
        while let Some(piece) = pieces.next() {
            match piece {
                Piece::Text(text) => message.push_str(text),
                Piece::Field(field) if field == name => {
                    let _ = write!(message, "{value}");
                    if pieces.clone().any(|later| later == Piece::Field(name)) {
                        repeated.push((name, value.to_string()));
                    }
                    return;
                }
                Piece::Field(field) => write_repeated(&mut message, &repeated, field),
            }
        }
    });
    for piece in pieces {
        match piece {
            Piece::Text(text) => message.push_str(text),
            Piece::Field(field) => write_repeated(&mut message, &repeated, field),
        }
    }
    Cow::Owned(message)
}

/// A field named again after its first placeholder: its kept value, or the placeholder as
/// written when no visit gave one.
fn write_repeated(message: &mut String, repeated: &[(&str, String)], field: &str) {
    match repeated.iter().find(|(name, _)| *name == field) {
        Some((_, value)) => message.push_str(value),
        None => {
            message.push('{');
            message.push_str(field);
            message.push('}');
        }
    }
}

/// One piece of a published template: text (escapes undone) or a placeholder's field name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Piece<'t> {
    Text(&'t str),
    Field(&'t str),
}

/// The pieces of a template as `ErrorSpec::message` publishes it: `{{` and `}}` for braces,
/// `{name}` or `{name:spec}` for a field (the derive checked it and wrote it without spaces).
#[derive(Clone)]
struct Pieces<'t> {
    rest: &'t str,
}

impl<'t> Iterator for Pieces<'t> {
    type Item = Piece<'t>;

    fn next(&mut self) -> Option<Piece<'t>> {
        let rest = self.rest;
        let (piece, consumed) = if let Some(after) = rest.strip_prefix('{') {
            if after.starts_with('{') {
                (Piece::Text("{"), 2)
            } else if let Some(end) = after.find('}') {
                let inside = &after[..end];
                let name = inside.split_once(':').map_or(inside, |(name, _)| name);
                (Piece::Field(name), end + 2)
            } else {
                (Piece::Text(rest), rest.len())
            }
        } else if rest.starts_with("}}") {
            (Piece::Text("}"), 2)
        } else {
            // Up to the next brace; a lone `}` (never published) is text.
            let start = rest.chars().next()?.len_utf8();
            let end = rest[start..]
                .find(['{', '}'])
                .map_or(rest.len(), |end| end + start);
            (Piece::Text(&rest[..end]), end)
        };
        self.rest = &rest[consumed..];
        Some(piece)
    }
}

#[cfg(test)]
mod tests {
    use super::{Piece, Pieces};

    fn pieces(template: &str) -> Vec<Piece<'_>> {
        Pieces { rest: template }.collect()
    }

    #[test]
    fn a_published_template_splits_into_text_and_fields() {
        assert_eq!(
            pieces("{{x}} item {id} at {0:>5}, {type}}}"),
            [
                Piece::Text("{"),
                Piece::Text("x"),
                Piece::Text("}"),
                Piece::Text(" item "),
                Piece::Field("id"),
                Piece::Text(" at "),
                Piece::Field("0"),
                Piece::Text(", "),
                Piece::Field("type"),
                Piece::Text("}"),
            ]
        );
        assert_eq!(pieces(""), []);
        assert_eq!(pieces("}"), [Piece::Text("}")]);
        assert_eq!(pieces("a {b"), [Piece::Text("a "), Piece::Text("{b")]);
        assert_eq!(
            pieces("é{x}ü"),
            [Piece::Text("é"), Piece::Field("x"), Piece::Text("ü")]
        );
    }
}
