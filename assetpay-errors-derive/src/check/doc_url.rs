//! `doc_url = "…"`: the template of an error's documentation URL, over `{key}` and `{code}`.
//!
//! A template is checked where it is written (the enum's once, a variant's at the variant) and
//! filled in here, at expansion time, so every `ErrorSpec` holds its finished URL: a client, the
//! envelope and the problem document read a constant, and no URL is ever built at run time.
//!
//! The URL must be absolute `https`: it is sent to clients, who open it in a browser, and a
//! relative or plain-`http` link would resolve against (or downgrade) whatever page shows it.
//! Outside the placeholders it holds only the characters a URI may hold unencoded (RFC 3986,
//! `%` followed by two hex digits included), so the finished URL goes into JSON, a header and a
//! Markdown anchor without escaping of any kind: a key is `[A-Z0-9_]` and a code is digits.

use crate::parse::{Ctxt, Located};

/// A checked template: text and placeholders, in order.
pub(crate) struct DocUrl {
    pieces: Vec<Piece>,
}

enum Piece {
    Text(String),
    Key,
    Code,
}

impl DocUrl {
    /// `template`, checked, every problem reported at its literal; `None` when one was.
    pub(crate) fn check(cx: &Ctxt, template: &Located<String>) -> Option<DocUrl> {
        let text = template.value.as_str();
        let report = |problem: String| cx.error_at(template.span, problem);
        let mut valid = true;
        let Some(rest) = text.strip_prefix("https://") else {
            report(format!(
                "`doc_url` must be an absolute `https` URL, like `https://docs.example.com/errors#{{key}}`, not `{text}`"
            ));
            return None;
        };
        if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
            report("`doc_url` has no host after `https://`".to_owned());
            valid = false;
        }
        let mut pieces = Vec::new();
        let mut literal = String::from("https://");
        let mut chars = rest.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '{' => {
                    let Some(close) = rest[at..].find('}') else {
                        report(
                            "unclosed `{` in `doc_url`, placeholders are `{key}` and `{code}`"
                                .to_owned(),
                        );
                        return None;
                    };
                    let name = &rest[at + 1..at + close];
                    let piece = match name {
                        "key" => Piece::Key,
                        "code" => Piece::Code,
                        _ => {
                            report(format!(
                                "unknown placeholder `{{{name}}}` in `doc_url`, expected `{{key}}` or `{{code}}`"
                            ));
                            valid = false;
                            Piece::Key
                        }
                    };
                    pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    pieces.push(piece);
                    while chars.next_if(|&(index, _)| index <= at + close).is_some() {}
                }
                '}' => {
                    report(
                        "unmatched `}` in `doc_url`, placeholders are `{key}` and `{code}`"
                            .to_owned(),
                    );
                    valid = false;
                }
                '%' => {
                    let hex = rest[at + 1..]
                        .chars()
                        .take(2)
                        .filter(char::is_ascii_hexdigit);
                    if hex.count() != 2 {
                        report(
                            "`%` in `doc_url` must start a percent-encoded byte, like `%20`"
                                .to_owned(),
                        );
                        valid = false;
                    }
                    literal.push(c);
                }
                c if is_uri_char(c) => literal.push(c),
                c => {
                    report(format!(
                        "`doc_url` cannot hold {} unencoded, percent-encode it",
                        describe(c)
                    ));
                    valid = false;
                }
            }
        }
        pieces.push(Piece::Text(literal));
        valid.then_some(DocUrl { pieces })
    }

    /// The URL of the error with `code` and `key`.
    pub(crate) fn fill(&self, code: u16, key: &str) -> String {
        let mut url = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => url.push_str(text),
                Piece::Key => url.push_str(key),
                Piece::Code => url.push_str(&code.to_string()),
            }
        }
        url
    }
}

/// A character RFC 3986 allows unencoded somewhere in a URI: unreserved, general and sub
/// delimiters (`%` is checked on its own).
fn is_uri_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=".contains(c)
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        c if c.is_control() => format!("the control character `{}`", c.escape_default()),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::Span;

    use super::*;

    fn checked(text: &str) -> Result<String, String> {
        let cx = Ctxt::default();
        let template = Located {
            value: text.to_owned(),
            span: Span::call_site(),
        };
        let url = DocUrl::check(&cx, &template).map(|url| url.fill(11, "PRICE_CHANGED"));
        match cx.check() {
            Ok(()) => Ok(url.expect("no error, so a template")),
            Err(error) => Err(error
                .into_iter()
                .map(|error| error.to_string())
                .collect::<Vec<_>>()
                .join("; ")),
        }
    }

    #[test]
    fn placeholders_are_filled_with_the_key_and_the_code() {
        assert_eq!(
            checked("https://docs.assetpay.gg/errors#{key}").unwrap(),
            "https://docs.assetpay.gg/errors#PRICE_CHANGED"
        );
        assert_eq!(
            checked("https://x.io/e/{code}?k={key}&v=%2F").unwrap(),
            "https://x.io/e/11?k=PRICE_CHANGED&v=%2F"
        );
        assert_eq!(checked("https://x.io").unwrap(), "https://x.io");
    }

    #[test]
    fn every_misuse_is_reported() {
        for (template, problem) in [
            ("http://x.io/{key}", "absolute `https` URL"),
            ("/errors#{key}", "absolute `https` URL"),
            ("https://", "no host"),
            ("https:///errors", "no host"),
            ("https://x.io/{name}", "unknown placeholder `{name}`"),
            ("https://x.io/{key", "unclosed `{`"),
            ("https://x.io/key}", "unmatched `}`"),
            ("https://x.io/a b", "a space"),
            ("https://x.io/\"", "`\"`"),
            ("https://x.io/%2", "percent-encoded byte"),
        ] {
            let error = checked(template).unwrap_err();
            assert!(error.contains(problem), "{template}: {error}");
        }
    }
}
