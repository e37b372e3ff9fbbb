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
use std::fmt::{self, Write as _};

use crate::api_error::ApiError;

/// `error`'s message: its spec's message when that interpolates nothing, else the template with
/// each placeholder replaced by the value `message_fields` visits under its name.
///
/// The visitor is expected in the order the template first names the fields, as the derive
/// writes it, so the message is written as the values arrive, in one pass over the template; a
/// field named again is copied from where its value was first written. A placeholder that no
/// visit fills is kept as written: a hand-written visitor that skips one shows the gap instead of
/// losing it.
pub fn interpolated_message<E: ApiError + ?Sized>(error: &E) -> Cow<'static, str> {
    let spec = error.spec();
    if !spec.is_interpolated() {
        return Cow::Borrowed(spec.message());
    }
    Cow::Owned(fill(spec.message(), |visit| error.message_fields(visit)))
}

/// `template` (as `ErrorSpec::message` publishes it) filled with the values `visit_fields`
/// hands to its visitor.
fn fill(
    template: &str,
    visit_fields: impl FnOnce(&mut dyn FnMut(&'static str, &dyn fmt::Display)),
) -> String {
    let mut message = String::with_capacity(template.len() + 16);
    let mut at = 0;
    let mut written = Written::default();
    visit_fields(&mut |name, value| {
        while let Some(field) = advance(template, &mut at, &mut message) {
            if field == name {
                let start = message.len();
                let _ = write!(message, "{value}");
                written.record(name, start, message.len());
                return;
            }
            written.copy(&mut message, field);
        }
    });
    while let Some(field) = advance(template, &mut at, &mut message) {
        written.copy(&mut message, field);
    }
    message
}

/// Copies the template's text from `at` to its next placeholder into `message` (`{{` and `}}`
/// as single braces) and returns the placeholder's field name, `at` moved past it; `None` once
/// the template is written to its end.
///
/// A byte loop: braces and `:` are ASCII, so every cut falls between characters, and a message's
/// template is short enough that setting up a searcher per piece cost more than it saved.
fn advance<'t>(template: &'t str, at: &mut usize, message: &mut String) -> Option<&'t str> {
    let bytes = template.as_bytes();
    let mut text_start = *at;
    let mut index = *at;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'{' | b'}' if bytes.get(index + 1) == Some(&byte) => {
                message.push_str(&template[text_start..=index]);
                index += 2;
                text_start = index;
            }
            b'{' => {
                let Some(length) = bytes[index + 1..].iter().position(|&byte| byte == b'}') else {
                    // Unterminated (never published): text.
                    break;
                };
                message.push_str(&template[text_start..index]);
                let inside = &template[index + 1..index + 1 + length];
                *at = index + length + 2;
                let name_length = inside.bytes().position(|byte| byte == b':');
                return Some(&inside[..name_length.unwrap_or(inside.len())]);
            }
            // A lone `}` (never published) is text.
            _ => index += 1,
        }
    }
    message.push_str(&template[text_start..]);
    *at = bytes.len();
    None
}

/// Where in the message each field's value was written, by name: the first few in place (a
/// message names a handful), any more on the heap.
#[derive(Default)]
struct Written {
    first: [(&'static str, usize, usize); 8],
    count: usize,
    more: Vec<(&'static str, usize, usize)>,
}

impl Written {
    fn record(&mut self, name: &'static str, start: usize, end: usize) {
        match self.first.get_mut(self.count) {
            Some(slot) => *slot = (name, start, end),
            None => self.more.push((name, start, end)),
        }
        self.count += 1;
    }

    /// Appends `field`'s value again, or the placeholder as written when no visit gave one.
    fn copy(&self, message: &mut String, field: &str) {
        let recorded = self.first[..self.count.min(self.first.len())]
            .iter()
            .chain(&self.more)
            .find(|(name, _, _)| *name == field);
        match recorded {
            Some(&(_, start, end)) => message.extend_from_within(start..end),
            None => {
                message.push('{');
                message.push_str(field);
                message.push('}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Display;

    use super::fill;

    fn filled(template: &str, fields: &[(&'static str, &dyn Display)]) -> String {
        fill(template, |visit| {
            for &(name, value) in fields {
                visit(name, value);
            }
        })
    }

    #[test]
    fn a_template_is_filled_in_one_pass() {
        assert_eq!(
            filled(
                "At most {max} items, got {got}",
                &[("max", &50), ("got", &75)]
            ),
            "At most 50 items, got 75"
        );
        assert_eq!(
            filled(
                "{{x}} item {id} at {0:>5}, {type}}}é",
                &[("id", &7), ("0", &"  ab"), ("type", &'ü')]
            ),
            "{x} item 7 at   ab, ü}é"
        );
        assert_eq!(
            filled("{a}{a}-{b}-{a}", &[("a", &1), ("b", &"é")]),
            "11-é-1"
        );
    }

    #[test]
    fn more_fields_than_the_place_kept_for_repeats() {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
        let template: String = names.iter().map(|name| format!("{{{name}}}")).collect();
        let repeated = format!("{template}|{template}");
        let fields: Vec<(&'static str, &dyn Display)> = names
            .iter()
            .zip(0..)
            .map(|(name, _)| (*name, name as &dyn Display))
            .collect();
        assert_eq!(filled(&repeated, &fields), "abcdefghij|abcdefghij");
    }

    #[test]
    fn a_placeholder_no_visit_fills_is_kept_and_text_is_not_lost() {
        assert_eq!(filled("{a} and {b}", &[("a", &1)]), "1 and {b}");
        assert_eq!(filled("{a} and {b}", &[]), "{a} and {b}");
        // Never published, still not lost: a lone `}` and an unterminated `{`.
        assert_eq!(filled("x } y {z", &[]), "x } y {z");
        assert_eq!(filled("", &[]), "");
    }
}
