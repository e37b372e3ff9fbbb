//! JSON string escaping: the derive pre-renders envelope fragments with it and the runtime's
//! `Envelope::write_json` escapes request ids and interpolated messages with it. It produces
//! exactly the bytes serde_json produces, so `write_json` and the `Serialize` impl are
//! interchangeable; the tests below and `tests/tests/envelope_bytes.rs` hold it to that.

use alloc::vec::Vec;

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// What a byte becomes inside a JSON string: 0 for itself, b'u' for `\u00XX`, else the letter
/// after the backslash. The same table serde_json uses.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Appends `text` to `out` escaped as the inside of a JSON string (no surrounding quotes).
pub fn write_escaped(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    if !needs_escaping(bytes) {
        out.extend_from_slice(bytes);
        return;
    }
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let escape = ESCAPE[byte as usize];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..index]);
        if escape == b'u' {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX_DIGITS[(byte >> 4) as usize],
                HEX_DIGITS[(byte & 0xf) as usize],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        start = index + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Whether any byte is a control character, `"` or `\`. Request ids and most messages need no
/// escaping at all, so this tests eight bytes per step without branching, reading the last
/// partial word as an overlapping one, before anything falls back to the table.
#[inline]
pub fn needs_escaping(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if len < 8 {
        return bytes.iter().any(|&byte| ESCAPE[byte as usize] != 0);
    }
    let mut found = 0;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        found |= escape_flags(u64::from_le_bytes([
            word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
        ]));
    }
    if let Some(last) = bytes.last_chunk::<8>() {
        found |= escape_flags(u64::from_le_bytes(*last));
    }
    found != 0
}

/// Non-zero when a byte of `word` is below 0x20, a quote or a backslash.
#[inline(always)]
fn escape_flags(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The classic "has a zero byte" test; a byte below 0x20 becomes zero once its three high
    // bits are masked away, a quote or backslash once xored with its own repeated pattern.
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    has_zero(word & (ONES * 0xe0))
        | has_zero(word ^ (ONES * u64::from(b'"')))
        | has_zero(word ^ (ONES * u64::from(b'\\')))
}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::borrow::ToOwned;
    use std::string::String;
    use std::{assert_eq, format};

    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        write_escaped(&mut out, text);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn matches_serde_json_for_every_ascii_byte_in_every_position() {
        for byte in 0u8..=0x7f {
            for (base, position) in (0..26).flat_map(|len| (0..=len).map(move |at| (len, at))) {
                let mut text: String = "abcdefghijklmnopqrstuvwxyz"[..base].to_owned();
                text.insert(position, byte as char);
                let expected = serde_json::to_string(&text).unwrap();
                assert_eq!(
                    format!("\"{}\"", escaped(&text)),
                    expected,
                    "byte {byte:#x} at {position} of {base}"
                );
                assert_eq!(
                    needs_escaping(text.as_bytes()),
                    expected.len() != text.len() + 2
                );
            }
        }
    }

    #[test]
    fn leaves_non_ascii_alone() {
        assert_eq!(escaped("prix changé – 価格 🚀"), "prix changé – 価格 🚀");
        assert_eq!(escaped("\u{7f}\u{80}\u{2028}"), "\u{7f}\u{80}\u{2028}");
    }
}
