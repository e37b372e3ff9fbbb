//! The envelope's byte layout, in one place: `{"requestId":"<id>","success":false,"error":
//! {"code":<code>,"key":"<key>","message":"<message>"}}`, in serde_json's compact form.
//!
//! The derive renders each error's [`head`] and [`tail`] with these functions at expansion time;
//! the runtime writes [`OPEN`], the request id and what the derive rendered, falling back to
//! [`head`]'s length and [`CLOSE`] when the message is only known at run time. Both therefore
//! produce the same bytes as serde serializing the envelope.
//!
//! # Built from the wire description
//!
//! The fragments are byte constants, because the hot path copies them as they are, but none
//! spells a member name: each is joined at compile time, by `joined!`, from the names of
//! [`wire`](crate::wire) and the JSON punctuation between them. Rust has no `const` string
//! concatenation of constants, so `joined!` sums the parts' lengths into an array length,
//! copies the parts into that array in a `const fn` and reads the array back as a `str`, all
//! during compilation: a renamed or reordered member changes these bytes with the description,
//! and a fragment cannot drift from it.

use alloc::string::String;
use alloc::vec::Vec;

use crate::json::write_escaped;
use crate::wire::{EnvelopeMember, ErrorMember};

/// The total length of `parts`.
pub(crate) const fn joined_len(parts: &[&str]) -> usize {
    let mut len = 0;
    let mut index = 0;
    while index < parts.len() {
        len += parts[index].len();
        index += 1;
    }
    len
}

/// `parts` one after the other, in an array exactly their total length.
pub(crate) const fn join<const LEN: usize>(parts: &[&str]) -> [u8; LEN] {
    let mut out = [0u8; LEN];
    let mut at = 0;
    let mut index = 0;
    while index < parts.len() {
        let part = parts[index].as_bytes();
        let mut byte = 0;
        while byte < part.len() {
            out[at] = part[byte];
            at += 1;
            byte += 1;
        }
        index += 1;
    }
    assert!(at == LEN, "the parts do not fill the array");
    out
}

/// Bytes joined from `str`s, read back as a `str`.
pub(crate) const fn as_text(bytes: &'static [u8]) -> &'static str {
    match core::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => panic!("joined parts of UTF-8 are UTF-8"),
    }
}

/// The `&'static str` that is its arguments (constant `&str` expressions) one after the other,
/// joined at compile time.
macro_rules! joined {
    ($($part:expr),+ $(,)?) => {{
        const PARTS: &[&str] = &[$($part),+];
        const BYTES: [u8; $crate::envelope::joined_len(PARTS)] = $crate::envelope::join(PARTS);
        $crate::envelope::as_text(&BYTES)
    }};
}
pub(crate) use joined;

const REQUEST_ID: &str = EnvelopeMember::RequestId.name();
const SUCCESS: &str = EnvelopeMember::Success.name();
const ERROR: &str = EnvelopeMember::Error.name();
const CODE: &str = ErrorMember::Code.name();
const KEY: &str = ErrorMember::Key.name();
const MESSAGE: &str = ErrorMember::Message.name();
const DETAILS: &str = ErrorMember::Details.name();
const DETAILS_OMITTED: &str = ErrorMember::DetailsOmitted.name();
const DOC_URL: &str = ErrorMember::DocUrl.name();
const PARAMS: &str = ErrorMember::Params.name();

/// Everything before the request id: `{"requestId":"`.
pub const OPEN: &str = joined!("{\"", REQUEST_ID, "\":\"");

/// Between the request id and the code: `","success":false,"error":{"code":`.
const BEFORE_CODE: &str = joined!(
    "\",\"",
    SUCCESS,
    "\":false,\"",
    ERROR,
    "\":{\"",
    CODE,
    "\":"
);

/// Between the code and the key: `,"key":"`.
const BEFORE_KEY: &str = joined!(",\"", KEY, "\":\"");

/// Between the key and the message: `","message":"`.
const BEFORE_MESSAGE: &str = joined!("\",\"", MESSAGE, "\":\"");

/// Everything after the message.
pub const CLOSE: &str = "\"}}";

/// Between the message and the first violation, when the error carries some: the `details`
/// member follows `message` inside `error`.
pub const BEFORE_DETAILS: &str = joined!("\",\"", DETAILS, "\":[");

/// Between the last violation and the count of those not sent, when some were not.
pub const BEFORE_OMITTED: &str = joined!("],\"", DETAILS_OMITTED, "\":");

/// After the last violation, when every one was sent.
pub const AFTER_DETAILS: &str = "]}}";

/// After the count of violations not sent.
pub const AFTER_OMITTED: &str = "}}";

/// What closes every envelope, whatever its last member: the `error` object and the envelope.
pub const END: &str = "}}";

/// In place of [`END`], before the documentation URL, when the envelope sends it: `docUrl` is
/// the `error` object's last member.
pub const BEFORE_DOC_URL: &str = joined!(",\"", DOC_URL, "\":\"");

/// After the documentation URL.
pub const AFTER_DOC_URL: &str = "\"}}";

/// In place of [`END`], before the message's parameters, when the envelope sends them:
/// `params` is the `error` object's last member, after `docUrl`.
pub const BEFORE_PARAMS: &str = joined!(",\"", PARAMS, "\":{");

/// After the parameters' members.
pub const AFTER_PARAMS: &str = "}}}";

/// What follows the request id up to the message's opening quote:
/// `","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"`.
///
/// The key is written without escaping. That is sound because a key always has the shape
/// `[A-Z][A-Z0-9_]*[A-Z0-9]` (the derive rejects any other at compile time, which is where this
/// function is called), and JSON escapes none of those characters.
pub fn head(code: u16, key: &str) -> String {
    let mut head = String::with_capacity(head_len(code, key.len()));
    head.push_str(BEFORE_CODE);
    push_decimal(&mut head, code);
    head.push_str(BEFORE_KEY);
    head.push_str(key);
    head.push_str(BEFORE_MESSAGE);
    head
}

/// What follows the request id when the message is known at compile time: [`head`], the escaped
/// message and [`CLOSE`].
pub fn tail(code: u16, key: &str, message: &str) -> String {
    let mut tail = Vec::from(head(code, key));
    write_escaped(&mut tail, message);
    tail.extend_from_slice(CLOSE.as_bytes());
    // Only ASCII was added around the escaped message, which is UTF-8 as `message` was.
    String::from_utf8(tail).unwrap_or_default()
}

/// The length of [`head`] for an error with `code` and a key of `key_len` bytes, so a tail can be
/// cut back to its head without storing the head twice.
pub const fn head_len(code: u16, key_len: usize) -> usize {
    BEFORE_CODE.len() + decimal_len(code) + BEFORE_KEY.len() + key_len + BEFORE_MESSAGE.len()
}

/// Where `code`'s digits lie in [`head`] (and so in every rendered tail): a reader of the
/// rendered fragment can borrow the code as text from it instead of formatting the number.
pub const fn code_digits_in_head(code: u16) -> core::ops::Range<usize> {
    BEFORE_CODE.len()..BEFORE_CODE.len() + decimal_len(code)
}

const fn decimal_len(mut number: u16) -> usize {
    let mut digits = 1;
    while number >= 10 {
        number /= 10;
        digits += 1;
    }
    digits
}

fn push_decimal(out: &mut String, number: u16) {
    use core::fmt::Write as _;
    // Writing to a `String` cannot fail.
    let _ = write!(out, "{number}");
}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::string::ToString;
    use std::{assert_eq, format, vec};

    use super::*;

    #[test]
    fn the_code_digits_are_where_head_writes_them() {
        for code in [0u16, 7, 11, 99, 100, 1001, 9999, 10000, 65535] {
            let head = head(code, "KEY");
            assert_eq!(head[code_digits_in_head(code)], code.to_string());
        }
    }

    #[test]
    fn head_and_tail_are_serde_json_bytes() {
        for (code, key, message) in [
            (1, "A1", "plain"),
            (
                11,
                "PRICE_CHANGED",
                "Price has changed since you last fetched it",
            ),
            (
                1001,
                "VALIDATION_FAILED",
                "quote \" backslash \\ newline \n",
            ),
            (
                65535,
                "MAX_CODE",
                "Couldn’t load the user’s Steam inventory",
            ),
        ] {
            // serde_json's `Value` sorts members, so the expected order is spelled out and
            // serde_json renders the strings.
            let string = |text: &str| serde_json::to_string(text).unwrap();
            let expected = format!(
                r#"{{"requestId":"id","success":false,"error":{{"code":{code},"key":{},"message":{}}}}}"#,
                string(key),
                string(message)
            );
            let rendered = format!("{OPEN}id{}", tail(code, key, message));
            assert_eq!(rendered, expected);
            let head = head(code, key);
            assert_eq!(head.len(), head_len(code, key.len()));
            assert!(tail(code, key, message).starts_with(&head));
        }
    }

    #[test]
    fn the_fragments_joined_from_the_description_are_the_wire() {
        assert_eq!(OPEN, r#"{"requestId":""#);
        assert_eq!(BEFORE_CODE, r#"","success":false,"error":{"code":"#);
        assert_eq!(BEFORE_KEY, r#","key":""#);
        assert_eq!(BEFORE_MESSAGE, r#"","message":""#);
        assert_eq!(BEFORE_DETAILS, r#"","details":["#);
        assert_eq!(BEFORE_OMITTED, r#"],"detailsOmitted":"#);
        assert_eq!(BEFORE_DOC_URL, r#","docUrl":""#);
        assert_eq!(BEFORE_PARAMS, r#","params":{"#);
        for ending in [
            CLOSE,
            AFTER_DETAILS,
            AFTER_OMITTED,
            AFTER_DOC_URL,
            AFTER_PARAMS,
        ] {
            assert!(ending.ends_with(END), "{ending}");
        }
    }

    #[test]
    fn decimal_len_counts_every_width() {
        for code in vec![0u16, 9, 10, 99, 100, 999, 1000, 9999, 10000, 65535] {
            assert_eq!(decimal_len(code), code.to_string().len(), "{code}");
        }
    }
}
