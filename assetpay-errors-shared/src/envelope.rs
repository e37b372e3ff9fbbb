//! The envelope's byte layout, in one place: `{"requestId":"<id>","success":false,"error":
//! {"code":<code>,"key":"<key>","message":"<message>"}}`, in serde_json's compact form.
//!
//! The derive renders each error's [`head`] and [`tail`] with these functions at expansion time;
//! the runtime writes [`OPEN`], the request id and what the derive rendered, falling back to
//! [`head`]'s length and [`CLOSE`] when the message is only known at run time. Both therefore
//! produce the same bytes as serde serializing the envelope.

use alloc::string::String;
use alloc::vec::Vec;

use crate::json::write_escaped;

/// Everything before the request id.
pub const OPEN: &str = r#"{"requestId":""#;

/// Between the request id and the code.
const BEFORE_CODE: &str = r#"","success":false,"error":{"code":"#;

/// Between the code and the key.
const BEFORE_KEY: &str = r#","key":""#;

/// Between the key and the message.
const BEFORE_MESSAGE: &str = r#"","message":""#;

/// Everything after the message.
pub const CLOSE: &str = r#""}}"#;

/// Between the message and the first violation, when the error carries some: the `details`
/// member follows `message` inside `error`.
pub const BEFORE_DETAILS: &str = r#"","details":["#;

/// Between the last violation and the count of those not sent, when some were not.
pub const BEFORE_OMITTED: &str = r#"],"detailsOmitted":"#;

/// After the last violation, when every one was sent.
pub const AFTER_DETAILS: &str = "]}}";

/// After the count of violations not sent.
pub const AFTER_OMITTED: &str = "}}";

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
    fn decimal_len_counts_every_width() {
        for code in vec![0u16, 9, 10, 99, 100, 999, 1000, 9999, 10000, 65535] {
            assert_eq!(decimal_len(code), code.to_string().len(), "{code}");
        }
    }
}
