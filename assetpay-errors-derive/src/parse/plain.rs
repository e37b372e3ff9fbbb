//! Literals whose value is their own text: a string with no escape, line break or suffix, and a
//! plain run of decimal digits. They are read straight from the token, because syn's general
//! reader unescapes a string character by character, twice (once to check the literal, once for
//! its value), and in a proc-macro, which cargo builds unoptimised, that was the largest part of
//! reading a large enum's attributes and doc comments. Every other literal (escapes, raw strings,
//! suffixes, other bases, `_` separators) goes through syn, whose reading decides what it means.

use proc_macro2::Literal;

/// What a plain literal holds.
pub(crate) enum Plain {
    /// A string's value: its text between the quotes.
    Str(String),
    /// Decimal digits, nothing else.
    Digits(String),
}

impl Plain {
    /// The literal's value when it is plain, `None` when only syn can say what it means.
    pub(crate) fn read(literal: &Literal) -> Option<Plain> {
        let text = literal.to_string();
        let bytes = text.as_bytes();
        match bytes {
            [b'"', inner @ .., b'"'] if !inner.contains(&b'\\') && !inner.contains(&b'\r') => {
                Some(Plain::Str(text[1..text.len() - 1].to_owned()))
            }
            [first, ..] if first.is_ascii_digit() && bytes.iter().all(u8::is_ascii_digit) => {
                Some(Plain::Digits(text))
            }
            _ => None,
        }
    }

    /// The value of a plain string literal.
    pub(crate) fn string(literal: &Literal) -> Option<String> {
        match Plain::read(literal)? {
            Plain::Str(value) => Some(value),
            Plain::Digits(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use proc_macro2::{Literal, TokenStream, TokenTree};
    use syn::Lit;

    use super::Plain;

    fn literal(source: &str) -> Literal {
        match TokenStream::from_str(source).unwrap().into_iter().next() {
            Some(TokenTree::Literal(literal)) => literal,
            other => panic!("not a literal: {other:?}"),
        }
    }

    #[test]
    fn a_plain_literal_reads_as_syn_reads_it() {
        for source in [
            r#""""#,
            r#""PRICE_CHANGED""#,
            r#""Item {id} is gone""#,
            r#""café ✓""#,
        ] {
            let Lit::Str(expected) = Lit::new(literal(source)) else {
                panic!("{source} is a string")
            };
            assert_eq!(
                Plain::string(&literal(source)),
                Some(expected.value()),
                "{source}"
            );
        }
        for source in ["0", "11", "1001", "0011", "65536"] {
            let Lit::Int(expected) = Lit::new(literal(source)) else {
                panic!("{source} is an integer")
            };
            let Some(Plain::Digits(digits)) = Plain::read(&literal(source)) else {
                panic!("{source} is plain")
            };
            assert_eq!(
                digits.parse::<u64>().ok(),
                expected.base10_parse::<u64>().ok(),
                "{source}"
            );
        }
    }

    #[test]
    fn any_other_literal_is_left_to_syn() {
        for source in [
            r#""a\"b""#,
            r#""a\nb""#,
            "\"a\r\nb\"",
            r##"r#"raw"#"##,
            r#""suffixed"x"#,
            "b\"bytes\"",
            "'c'",
            "11u16",
            "0x10",
            "1_000",
            "1.5",
            "1e3",
        ] {
            assert!(Plain::read(&literal(source)).is_none(), "{source}");
        }
    }
}
