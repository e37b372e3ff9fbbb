//! JSON string escaping for the fragments the derive pre-renders. It must agree byte for byte
//! with serde_json (and with the runtime's escaper); `tests/tests/envelope_bytes.rs` compares the
//! pre-rendered envelopes with serde_json's output for every kind of character.

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ch if u32::from(ch) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(ch))),
            ch => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_like_serde_json() {
        // Expected strings are what serde_json::to_string writes, minus the quotes.
        assert_eq!(super::escape("a\"b\\c"), "a\\\"b\\\\c");
        assert_eq!(super::escape("\u{08}\u{0c}\n\r\t"), "\\b\\f\\n\\r\\t");
        assert_eq!(super::escape("\u{0}\u{1f}\u{7f}"), "\\u0000\\u001f\u{7f}");
        assert_eq!(super::escape("don’t – 価格"), "don’t – 価格");
    }
}
