//! Violations inside an envelope: the caps, and the same bytes from serde and from
//! `Envelope::write_json`.

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use assetpay_errors_shared::json::write_escaped;

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

/// The violations an envelope sends, capped: serialized as the `details` array.
pub(crate) struct SentDetails<'a>(pub(crate) &'a [FieldViolation]);

impl Serialize for SentDetails<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sent = &self.0[..self.0.len().min(MAX_DETAILS)];
        let mut list = serializer.serialize_seq(Some(sent.len()))?;
        for violation in sent {
            list.serialize_element(&Sent(violation))?;
        }
        list.end()
    }
}

/// One violation as an envelope sends it, with the caps applied.
struct Sent<'a>(&'a FieldViolation);

impl Serialize for Sent<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let violation = self.0;
        let mut out = serializer.serialize_struct("FieldViolation", 4)?;
        out.serialize_field(
            "in",
            &*capped(violation.location().as_str(), MAX_WORD_BYTES, false),
        )?;
        out.serialize_field("field", &*capped(violation.field(), MAX_FIELD_BYTES, true))?;
        out.serialize_field(
            "reason",
            &*capped(violation.reason().as_str(), MAX_WORD_BYTES, false),
        )?;
        out.serialize_field(
            "message",
            &*capped(violation.message(), MAX_DETAIL_MESSAGE_BYTES, false),
        )?;
        out.end()
    }
}

/// Appends the violations as [`SentDetails`] serializes them, without the brackets.
pub(crate) fn write_details(out: &mut Vec<u8>, details: &[FieldViolation]) {
    let sent = &details[..details.len().min(MAX_DETAILS)];
    for (position, violation) in sent.iter().enumerate() {
        if position > 0 {
            out.push(b',');
        }
        out.extend_from_slice(br#"{"in":""#);
        write_escaped(
            out,
            &capped(violation.location().as_str(), MAX_WORD_BYTES, false),
        );
        out.extend_from_slice(br#"","field":""#);
        write_escaped(out, &capped(violation.field(), MAX_FIELD_BYTES, true));
        out.extend_from_slice(br#"","reason":""#);
        write_escaped(
            out,
            &capped(violation.reason().as_str(), MAX_WORD_BYTES, false),
        );
        out.extend_from_slice(br#"","message":""#);
        write_escaped(
            out,
            &capped(violation.message(), MAX_DETAIL_MESSAGE_BYTES, false),
        );
        out.extend_from_slice(br#""}"#);
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
