//! Compile-time duplicate checks across enums composed with `#[api(transparent)]`.
//!
//! The derive checks an enum's own codes and keys itself, with spans; it cannot see the codes of
//! the enums a transparent variant wraps. Those are compared here, during constant evaluation of
//! the composing enum's flattened catalogue, so a clash is a compile error, not a test failure.

use crate::lookup::{hash_key, table_len};
use crate::spec::ErrorSpec;

/// Copies `from` into `out` starting at `at`; returns the index after the last copied entry.
pub const fn copy_specs(out: &mut [ErrorSpec], mut at: usize, from: &[ErrorSpec]) -> usize {
    let mut index = 0;
    while index < from.len() {
        out[at] = from[index];
        at += 1;
        index += 1;
    }
    at
}

/// The first entry in `catalog[start..end]` that repeats the code or key of an earlier entry,
/// described for a compile error; [`Clash::is_clash`] is false when there is none. `N` must be
/// [`table_len`] of `catalog.len()`.
///
/// Each segment is checked on its own so the error points at the variant that brought the second
/// use in. A pass costs O(end): a bit set for codes, an open-addressing table for keys. The
/// generated code panics with the description, so the compile error is reported at the
/// declaration, not inside this function.
pub const fn check_segment<const N: usize>(
    catalog: &[ErrorSpec],
    start: usize,
    end: usize,
    composite: &str,
) -> Clash {
    assert!(
        N == table_len(catalog.len()),
        "key table length does not fit the catalogue"
    );
    let mut seen_codes = [0u64; 1024];
    let mut keys = [u16::MAX; N];
    let mut index = 0;
    while index < end {
        let spec = &catalog[index];
        let (word, bit) = ((spec.code / 64) as usize, spec.code % 64);
        if seen_codes[word] & (1 << bit) != 0 {
            if index >= start {
                let first = first_with_code(catalog, spec.code);
                return Clash::new(
                    "code",
                    DuplicateValue::Code(spec.code),
                    composite,
                    spec,
                    first,
                );
            }
        } else {
            seen_codes[word] |= 1 << bit;
        }

        let mut slot = (hash_key(spec.key.as_bytes()) as usize) & (N - 1);
        loop {
            let other = keys[slot];
            if other == u16::MAX {
                keys[slot] = index as u16;
                break;
            }
            if str_eq(catalog[other as usize].key, spec.key) {
                if index >= start {
                    let first = &catalog[other as usize];
                    return Clash::new(
                        "key",
                        DuplicateValue::Key(spec.key),
                        composite,
                        spec,
                        first,
                    );
                }
                break;
            }
            slot = (slot + 1) & (N - 1);
        }
        index += 1;
    }
    Clash::NONE
}

enum DuplicateValue<'a> {
    Code(u16),
    Key(&'a str),
}

/// A duplicate found by [`check_segment`], as the text of the compile error:
/// ``duplicate code `11` in `AssetPayError`: `Legacy::Old` reuses it, first used by `TradingError::PriceChanged` ``.
pub struct Clash {
    text: [u8; Clash::CAPACITY],
    len: usize,
}

impl Clash {
    /// Long enough for four identifiers of 80 bytes and a key; longer text is cut, on a
    /// character boundary.
    const CAPACITY: usize = 512;

    const NONE: Clash = Clash {
        text: [0; Clash::CAPACITY],
        len: 0,
    };

    const fn new(
        what: &str,
        value: DuplicateValue,
        composite: &str,
        second: &ErrorSpec,
        first: &ErrorSpec,
    ) -> Clash {
        let mut clash = Clash::NONE;
        clash.push("duplicate ");
        clash.push(what);
        clash.push(" `");
        match value {
            DuplicateValue::Code(code) => clash.push_number(code),
            DuplicateValue::Key(key) => clash.push(key),
        }
        clash.push("` in `");
        clash.push(composite);
        clash.push("`: `");
        clash.push(second.type_name);
        clash.push("::");
        clash.push(second.variant);
        clash.push("` reuses it, first used by `");
        clash.push(first.type_name);
        clash.push("::");
        clash.push(first.variant);
        clash.push("`");
        clash
    }

    /// Whether a duplicate was found.
    pub const fn is_clash(&self) -> bool {
        self.len != 0
    }

    /// The compile error's text.
    pub const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.text.split_at(self.len).0) {
            Ok(text) => text,
            Err(_) => "duplicate code or key in a composed catalogue",
        }
    }

    const fn push(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut index = 0;
        while index < bytes.len() && self.len < Clash::CAPACITY {
            self.text[self.len] = bytes[index];
            self.len += 1;
            index += 1;
        }
        // Never leave half a character behind.
        while self.len > 0 && core::str::from_utf8(self.text.split_at(self.len).0).is_err() {
            self.len -= 1;
        }
    }

    const fn push_number(&mut self, number: u16) {
        let mut digits = [0u8; 5];
        let mut count = 0;
        let mut rest = number;
        loop {
            digits[4 - count] = b'0' + (rest % 10) as u8;
            count += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        match core::str::from_utf8(digits.split_at(5 - count).1) {
            Ok(text) => self.push(text),
            Err(_) => self.push("?"),
        }
    }
}

const fn first_with_code(catalog: &[ErrorSpec], code: u16) -> &ErrorSpec {
    let mut index = 0;
    while catalog[index].code != code {
        index += 1;
    }
    &catalog[index]
}

const fn str_eq(left: &str, right: &str) -> bool {
    let (left, right) = (left.as_bytes(), right.as_bytes());
    if left.len() != right.len() {
        return false;
    }
    let mut index = 0;
    while index < left.len() {
        if left[index] != right[index] {
            return false;
        }
        index += 1;
    }
    true
}
