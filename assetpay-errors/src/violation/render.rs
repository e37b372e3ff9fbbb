//! Violations as JSON: the caps, and one list of a violation's members ([`members`]) that serde
//! and `Envelope::write_json` both render, so they write the same bytes.

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use assetpay_errors_shared::json::write_escaped;
use assetpay_errors_shared::wire::ViolationMember;

use crate::violation::FieldViolation;

/// The most violations one envelope carries; the count of the others is sent as
/// `detailsOmitted`. A form shows a handful, and the envelope stays small.
pub const MAX_DETAILS: usize = 50;

/// The most bytes a violation's `field` takes in the JSON, escapes included.
pub const MAX_FIELD_BYTES: usize = 256;

/// The most bytes a violation's `message` takes in the JSON, escapes included.
pub const MAX_DETAIL_MESSAGE_BYTES: usize = 256;

/// The most bytes a violation's `in` or `reason` takes in the JSON, escapes included.
pub const MAX_WORD_BYTES: usize = 64;

/// What ends a cut text.
const ELLIPSIS: &str = "\u{2026}";

/// How many bytes `byte` takes inside a JSON string, as serde_json escapes it.
fn escaped_len(byte: u8) -> usize {
    match byte {
        b'"' | b'\\' | 0x08 | 0x09 | 0x0a | 0x0c | 0x0d => 2,
        0x00..=0x1f => 6,
        _ => 1,
    }
}

/// `text` when its escaped form fits in `max` bytes; else its longest prefix (at a character
/// boundary) that fits with [`ELLIPSIS`] after it. For a pointer, a cut that falls inside a
/// `~0`/`~1` escape drops the lone `~`, so the prefix is still a well-formed pointer.
pub(crate) fn capped(text: &str, max: usize, pointer: bool) -> Cow<'_, str> {
    // Six bytes is the longest any byte can escape to: short texts need no count.
    if text.len().saturating_mul(6) <= max || text.bytes().map(escaped_len).sum::<usize>() <= max {
        return Cow::Borrowed(text);
    }
    let budget = max.saturating_sub(ELLIPSIS.len());
    let mut used = 0;
    let mut end = 0;
    for (index, c) in text.char_indices() {
        let width: usize = text[index..index + c.len_utf8()]
            .bytes()
            .map(escaped_len)
            .sum();
        if used + width > budget {
            break;
        }
        used += width;
        end = index + c.len_utf8();
    }
    let mut prefix = &text[..end];
    if pointer && let Some(shorter) = prefix.strip_suffix('~') {
        prefix = shorter;
    }
    Cow::Owned(format!("{prefix}{ELLIPSIS}"))
}

/// How many of `details` are not sent.
pub(crate) fn omitted(details: &[FieldViolation]) -> usize {
    details.len().saturating_sub(MAX_DETAILS)
}

/// Whether a violation is written as an envelope sends it, each member cut to its cap, or as
/// it is (`FieldViolation`'s own `Serialize`).
#[derive(Clone, Copy)]
pub(crate) enum Caps {
    /// The envelope's caps: [`MAX_WORD_BYTES`], [`MAX_FIELD_BYTES`], [`MAX_DETAIL_MESSAGE_BYTES`].
    Envelope,
    /// No cap.
    Uncapped,
}

/// A violation's members, in the wire's order ([`ViolationMember::ALL`]), each with its text:
/// the one place that says what a violation's JSON holds. Serde, for a violation on its own and
/// inside an envelope, and the envelope's byte writer, [`write_details`], all render this.
pub(crate) fn members(
    violation: &FieldViolation,
    caps: Caps,
) -> [(ViolationMember, Cow<'_, str>); 4] {
    ViolationMember::ALL.map(|member| {
        let (text, max, pointer) = match member {
            ViolationMember::In => (violation.location().as_str(), MAX_WORD_BYTES, false),
            ViolationMember::Field => (violation.field(), MAX_FIELD_BYTES, true),
            ViolationMember::Reason => (violation.reason().as_str(), MAX_WORD_BYTES, false),
            ViolationMember::Message => (violation.message(), MAX_DETAIL_MESSAGE_BYTES, false),
        };
        let text = match caps {
            Caps::Envelope => capped(text, max, pointer),
            Caps::Uncapped => Cow::Borrowed(text),
        };
        (member, text)
    })
}

/// One violation as JSON, [`members`] serialized in order.
pub(crate) struct ViolationJson<'a> {
    pub(crate) violation: &'a FieldViolation,
    pub(crate) caps: Caps,
}

impl Serialize for ViolationJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("FieldViolation", ViolationMember::ALL.len())?;
        for (member, text) in members(self.violation, self.caps) {
            out.serialize_field(member.name(), &*text)?;
        }
        out.end()
    }
}

/// The violations an envelope sends, capped: serialized as the `details` array.
pub(crate) struct SentDetails<'a>(pub(crate) &'a [FieldViolation]);

impl Serialize for SentDetails<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sent = &self.0[..self.0.len().min(MAX_DETAILS)];
        let mut list = serializer.serialize_seq(Some(sent.len()))?;
        for violation in sent {
            list.serialize_element(&ViolationJson {
                violation,
                caps: Caps::Envelope,
            })?;
        }
        list.end()
    }
}

/// Appends the violations as [`SentDetails`] serializes them, without the brackets: each one's
/// [`members`] as serde_json writes a struct of strings.
pub(crate) fn write_details(out: &mut Vec<u8>, details: &[FieldViolation]) {
    let sent = &details[..details.len().min(MAX_DETAILS)];
    for (position, violation) in sent.iter().enumerate() {
        if position > 0 {
            out.push(b',');
        }
        for (index, (member, text)) in members(violation, Caps::Envelope).iter().enumerate() {
            out.extend_from_slice(if index == 0 { b"{\"" } else { b",\"" });
            // Member names are plain identifiers (checked by `wire` at compile time): JSON
            // writes them as they are.
            out.extend_from_slice(member.name().as_bytes());
            out.extend_from_slice(b"\":\"");
            write_escaped(out, text);
            out.push(b'"');
        }
        out.push(b'}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> usize {
        serde_json::to_string(text).unwrap().len() - 2
    }

    #[test]
    fn short_texts_are_borrowed_as_they_are() {
        assert!(matches!(
            capped("/quantity", 256, true),
            Cow::Borrowed("/quantity")
        ));
        let exactly = "\"".repeat(128);
        assert!(matches!(capped(&exactly, 256, false), Cow::Borrowed(_)));
    }

    #[test]
    fn a_cut_text_fits_its_escaped_budget_and_ends_in_an_ellipsis() {
        for text in [
            "a".repeat(1000),
            "\u{1}".repeat(100),
            "é🚀\"\\\n".repeat(100),
            "x".repeat(255) + "\u{1}",
        ] {
            let cut = capped(&text, 256, false);
            assert!(escaped(&cut) <= 256, "{} for {text:?}", escaped(&cut));
            assert!(cut.ends_with(ELLIPSIS));
            assert!(text.starts_with(cut.trim_end_matches(ELLIPSIS)));
        }
    }

    #[test]
    fn a_cut_pointer_never_ends_inside_an_escape() {
        // 253 bytes of budget before the ellipsis: the cut falls right after the `~`.
        let pointer = format!("/{}~1bcdef", "a".repeat(251));
        let cut = capped(&pointer, 256, true);
        assert_eq!(cut, format!("/{}{ELLIPSIS}", "a".repeat(251)));
        assert_eq!(
            capped(&pointer, 256, false),
            format!("/{}~{ELLIPSIS}", "a".repeat(251))
        );
    }
}
