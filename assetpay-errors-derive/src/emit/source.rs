//! Rust source text for the parts of the expansion that are pure data (the catalogue's entries,
//! its lookup tables, the arms that map a variant to its entry), handed to rustc as one string.
//!
//! Why text: a proc-macro builds each token through the compiler's token bridge, in code that a
//! debug build of the user's crate compiles without optimisation, so a 2,000-variant enum's
//! hundred thousand data tokens were most of the derive's own run time. rustc's lexer reads the
//! same text in one call, in optimised code. Nothing is lost: these tokens were built from values
//! (numbers, strings), which carry no span of the user's input, so every one of them had the
//! call-site span that tokens parsed from a string get too. Anything that points at the user's
//! input (a message template, a field's type, a `#[cfg]`) stays a token.

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::quote;

/// Appends `text` to `out` as a Rust string literal that reads back as exactly `text`.
pub(crate) fn push_str_literal(out: &mut String, text: &str) {
    // ASCII is its own literal, between quotes (keys, names, most messages) or, when it holds a
    // quote or a backslash (the pre-rendered JSON), between `r#"` and `"#`, unless it holds the
    // end of one: `Debug` goes through the formatting machinery character by character,
    // thousands of times for a large enum, in this unoptimised crate. A carriage return may not
    // stand bare in a literal, and some other characters trip a lint, so anything else is
    // escaped.
    let bytes = text.as_bytes();
    if text.is_ascii() && !bytes.contains(&b'\r') {
        let (open, close) = if !bytes.contains(&b'"') && !bytes.contains(&b'\\') {
            ("\"", "\"")
        } else if !text.contains("\"#") {
            ("r#\"", "\"#")
        } else {
            ("", "")
        };
        if !open.is_empty() {
            out.reserve(text.len() + open.len() + close.len());
            out.push_str(open);
            out.push_str(text);
            out.push_str(close);
            return;
        }
    }
    // `str`'s `Debug` is Rust's string literal syntax: quotes, and escapes rustc reads back
    // (`\"`, `\\`, `\n`, `\u{…}`); the tests below hold it to that.
    let _ = write!(out, "{text:?}");
}

/// The tokens `source` spells. `source` is written by this crate's emitters; were it ever not to
/// lex, the expansion is a compile error that says so, never a panic.
pub(crate) fn tokens(source: &str) -> TokenStream {
    // Straight to rustc when running inside it: proc_macro2's own parse first lexes the whole
    // text again in this (unoptimised) crate to validate it, which is the work this spares.
    let lexed = if proc_macro::is_available() {
        source
            .parse::<proc_macro::TokenStream>()
            .map(TokenStream::from)
            .map_err(|error| error.to_string())
    } else {
        source
            .parse::<TokenStream>()
            .map_err(|error| error.to_string())
    };
    match lexed {
        Ok(tokens) => tokens,
        Err(error) => {
            let message = format!(
                "internal error in `#[derive(ApiError)]`: generated source does not lex ({error}), please report it"
            );
            quote!(::core::compile_error!(#message);)
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn read_back(text: &str) -> String {
        let mut source = String::new();
        push_str_literal(&mut source, text);
        let literal: syn::LitStr = syn::parse2(tokens(&source)).expect("one string literal");
        literal.value()
    }

    #[test]
    fn quotes_backslashes_and_control_characters_read_back_unchanged() {
        for text in [
            "",
            "plain",
            "say \"hi\"",
            "C:\\path",
            "tab\tnew\nline\r",
            "nul\0",
            "\u{7f}\u{200b}\u{301}é€😀",
            "{id} }{",
            "\",\"error\":{\"code\":1}}",
            "a \"# b",
            "r#\"x\"#",
        ] {
            assert_eq!(read_back(text), text);
        }
    }

    proptest! {
        #[test]
        fn any_text_reads_back_unchanged(text in any::<String>()) {
            prop_assert_eq!(read_back(&text), text);
        }

        #[test]
        fn ascii_reads_back_unchanged(text in "[\\x00-\\x7f]*") {
            prop_assert_eq!(read_back(&text), text);
        }
    }

    #[test]
    fn text_that_does_not_lex_is_a_compile_error_not_a_panic() {
        let expansion = tokens("[\"unterminated").to_string();
        assert!(expansion.contains("compile_error"), "{expansion}");
        assert!(expansion.contains("internal error"), "{expansion}");
    }
}
