//! Bounded, sanitized excerpts of response bodies, safe to put in a log line or an error message.

use core::fmt;

/// The start of a response body, fit to log or show: at most [`Snippet::MAX_BYTES`] bytes of
/// text, with invalid UTF-8 replaced by `U+FFFD`, runs of whitespace (newlines included)
/// collapsed to one space, and control and bidirectional-formatting characters replaced by
/// `U+FFFD`, so a hostile body cannot forge log lines or reorder the text around it.
///
/// [`Display`](fmt::Display) appends `…` when the body went on past the snippet.
///
/// ```
/// use assetpay_errors::client::Snippet;
///
/// let snippet = Snippet::of(b"<html>\r\n  <title>502 Bad Gateway</title>\x1b[2J");
/// assert_eq!(snippet.as_str(), "<html> <title>502 Bad Gateway</title>\u{FFFD}[2J");
/// assert!(!snippet.is_truncated());
///
/// let long = Snippet::of(&[b'x'; 10_000]);
/// assert_eq!(long.as_str().len(), Snippet::MAX_BYTES);
/// assert!(long.to_string().ends_with('…'));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Snippet {
    text: String,
    truncated: bool,
}

impl Snippet {
    /// The most bytes of text a snippet holds, not counting the `…` that marks truncation.
    pub const MAX_BYTES: usize = 256;

    /// How much of the body is read at most. Collapsing whitespace means more input than
    /// `MAX_BYTES` may be needed to fill a snippet, but a body of nothing but blanks must not
    /// be scanned to its end.
    const SCAN_BYTES: usize = 16 * Self::MAX_BYTES;

    /// The snippet of `body`. Reads at most a few KiB of it, however long it is.
    pub fn of(body: &[u8]) -> Snippet {
        let scanned = &body[..scan_end(body, Self::SCAN_BYTES)];
        let mut text = String::with_capacity(Self::MAX_BYTES.min(scanned.len()));
        let mut pending_space = false;
        let mut full = false;
        'chunks: for chunk in scanned.utf8_chunks() {
            let invalid = (!chunk.invalid().is_empty()).then_some(char::REPLACEMENT_CHARACTER);
            for shown in chunk.valid().chars().map(shown_as).chain(invalid) {
                if shown == ' ' {
                    pending_space = !text.is_empty();
                    continue;
                }
                let space = usize::from(pending_space);
                if text.len() + space + shown.len_utf8() > Self::MAX_BYTES {
                    full = true;
                    break 'chunks;
                }
                if pending_space {
                    text.push(' ');
                    pending_space = false;
                }
                text.push(shown);
            }
        }
        Snippet {
            text,
            truncated: full || scanned.len() < body.len(),
        }
    }

    /// The sanitized text, without the truncation mark.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the body went on past the snippet.
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }

    /// Whether the snippet shows nothing: the body was empty or blank.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

impl fmt::Display for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)?;
        if self.truncated {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// The end of the prefix of `body` to scan: at most `limit` bytes, moved back to the start of a
/// UTF-8 sequence the limit would cut, so the cut does not show up as a replacement character.
fn scan_end(body: &[u8], limit: usize) -> usize {
    if body.len() <= limit {
        return body.len();
    }
    let is_continuation = |byte: u8| byte & 0b1100_0000 == 0b1000_0000;
    // A UTF-8 sequence has at most three continuation bytes; more means the bytes are not
    // UTF-8 anyway, and cutting anywhere is as good as anywhere else.
    (limit.saturating_sub(3)..=limit)
        .rev()
        .find(|&end| !is_continuation(body[end]))
        .unwrap_or(limit)
}

/// How `c` is shown in text that may end up in a terminal or a log: whitespace as a space,
/// control and bidirectional-formatting characters as `U+FFFD`.
pub(crate) fn shown_as(c: char) -> char {
    if c.is_whitespace() {
        ' '
    } else if c.is_control() || is_bidi_control(c) {
        char::REPLACEMENT_CHARACTER
    } else {
        c
    }
}

/// Writes `text` with every character passed through [`shown_as`]: for server-supplied keys and
/// messages in `Display` output.
pub(crate) fn write_sanitized(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    if !text.chars().any(|c| shown_as(c) != c) {
        return f.write_str(text);
    }
    text.chars()
        .try_for_each(|c| fmt::Write::write_char(f, shown_as(c)))
}

/// The characters that reorder the text around them (Unicode's `Bidi_Control` property).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_collapse_and_ends_are_trimmed() {
        let snippet = Snippet::of(b"\n\n  Bad\t\tGateway \r\n");
        assert_eq!(snippet.as_str(), "Bad Gateway");
        assert!(!snippet.is_truncated());
    }

    #[test]
    fn control_and_bidi_characters_are_replaced() {
        let snippet = Snippet::of("a\u{0}b\u{7f}c\u{9b}d\u{202e}e".as_bytes());
        assert_eq!(snippet.as_str(), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e");
    }

    #[test]
    fn invalid_utf8_becomes_one_replacement_per_bad_sequence() {
        assert_eq!(
            Snippet::of(b"ok\xff\xfeok").as_str(),
            "ok\u{FFFD}\u{FFFD}ok"
        );
        assert_eq!(Snippet::of(b"ok\xe2\x82").as_str(), "ok\u{FFFD}");
    }

    #[test]
    fn long_text_is_cut_at_a_char_boundary_and_marked() {
        let body = "é".repeat(1_000);
        let snippet = Snippet::of(body.as_bytes());
        assert!(snippet.is_truncated());
        assert_eq!(snippet.as_str(), "é".repeat(Snippet::MAX_BYTES / 2));
        assert_eq!(
            snippet.to_string(),
            format!("{}…", "é".repeat(Snippet::MAX_BYTES / 2))
        );

        let odd = format!("x{}", "é".repeat(1_000));
        let snippet = Snippet::of(odd.as_bytes());
        assert_eq!(snippet.as_str().len(), Snippet::MAX_BYTES - 1);
    }

    #[test]
    fn blank_body_longer_than_the_scan_is_empty_but_truncated() {
        let mut body = vec![b' '; 100_000];
        body.extend_from_slice(b"hidden");
        let snippet = Snippet::of(&body);
        assert!(snippet.is_empty());
        assert!(snippet.is_truncated());
        assert_eq!(snippet.to_string(), "…");
    }

    #[test]
    fn the_scan_limit_does_not_split_a_character() {
        // Three-byte characters placed so the scan limit falls inside one of them; the text is
        // short enough after collapsing that the cut lands inside the snippet.
        let mut body = vec![b' '; Snippet::SCAN_BYTES - 1];
        body.extend_from_slice("€€".as_bytes());
        let snippet = Snippet::of(&body);
        assert_eq!(snippet.as_str(), "");
        assert!(snippet.is_truncated());

        let mut body = vec![b' '; Snippet::SCAN_BYTES - 4];
        body.extend_from_slice("€€".as_bytes());
        assert_eq!(Snippet::of(&body).as_str(), "€");
    }

    #[test]
    fn sanitized_display_matches_the_snippet_rules() {
        struct Shown<'a>(&'a str);
        impl fmt::Display for Shown<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write_sanitized(f, self.0)
            }
        }
        assert_eq!(Shown("plain").to_string(), "plain");
        assert_eq!(Shown("line\nbreak\u{1b}").to_string(), "line break\u{FFFD}");
    }
}
