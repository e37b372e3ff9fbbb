//! Compile-time duplicate checks across enums composed with `#[api(transparent)]`.
//!
//! The derive checks an enum's own codes and keys itself, with spans; it cannot see the codes of
//! the enums a transparent variant wraps. Those are compared here, during constant evaluation of
//! the composing enum's flattened catalogue, so a clash is a compile error, not a test failure.

use crate::lookup::{EMPTY, hash_key, slot_of, table_len};
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

/// Every entry of `catalog` that repeats the code or key of an earlier entry (up to
/// [`Clashes::CAPACITY`] of them), described for compile errors. `N` must be [`table_len`] of
/// `catalog.len()`.
///
/// One pass over the whole catalogue, during constant evaluation: a bit set for codes, an
/// open-addressing table for keys. The derive then emits one tiny check per declaration that
/// panics with the clash in its own range, so the compile error is reported at the declaration
/// that brought the second use, not inside this function.
pub const fn find_clashes<const N: usize>(catalog: &[ErrorSpec], composite: &str) -> Clashes {
    assert!(
        N == table_len(catalog.len()),
        "key table length does not fit the catalogue"
    );
    let mut clashes = Clashes::NONE;
    let mut seen_codes = [0u64; 1024];
    let mut keys = [EMPTY; N];
    let mut index = 0;
    while index < catalog.len() {
        let spec = &catalog[index];
        let (word, bit) = ((spec.code / 64) as usize, spec.code % 64);
        if seen_codes[word] & (1 << bit) != 0 {
            let first = first_with_code(catalog, spec.code);
            clashes.record(
                index,
                Clash::new(
                    "code",
                    DuplicateValue::Code(spec.code),
                    composite,
                    spec,
                    first,
                ),
            );
        } else {
            seen_codes[word] |= 1 << bit;
        }

        let mut slot = slot_of(hash_key(spec.key.as_bytes()), N);
        loop {
            let other = keys[slot];
            if other == EMPTY {
                keys[slot] = index as u16;
                break;
            }
            if str_eq(catalog[other as usize].key, spec.key) {
                let first = &catalog[other as usize];
                clashes.record(
                    index,
                    Clash::new("key", DuplicateValue::Key(spec.key), composite, spec, first),
                );
                break;
            }
            slot = (slot + 1) & (N - 1);
        }
        index += 1;
    }
    clashes
}

/// The clashes [`find_clashes`] found, each at the catalogue index of its second use.
pub struct Clashes {
    at: [usize; Clashes::CAPACITY],
    clashes: [Clash; Clashes::CAPACITY],
    len: usize,
}

impl Clashes {
    /// How many clashes one compile reports; more are found after fixing these.
    pub const CAPACITY: usize = 8;

    const NONE: Clashes = Clashes {
        at: [0; Clashes::CAPACITY],
        clashes: [Clash::NONE; Clashes::CAPACITY],
        len: 0,
    };

    const fn record(&mut self, at: usize, clash: Clash) {
        if self.len < Clashes::CAPACITY {
            self.at[self.len] = at;
            self.clashes[self.len] = clash;
            self.len += 1;
        }
    }

    /// The text of the first clash whose second use lies in `catalog[start..end]`.
    pub const fn within(&self, start: usize, end: usize) -> Option<&str> {
        let mut index = 0;
        while index < self.len {
            if start <= self.at[index] && self.at[index] < end {
                return Some(self.clashes[index].as_str());
            }
            index += 1;
        }
        None
    }
}

enum DuplicateValue<'a> {
    Code(u16),
    Key(&'a str),
}

/// A duplicate found by [`find_clashes`], as the text of the compile error:
/// ``duplicate code `11` in `AssetPayError`: `Legacy::Old` reuses it, first used by `TradingError::PriceChanged` ``.
struct Clash {
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

    /// The compile error's text.
    const fn as_str(&self) -> &str {
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

/// `left == right`, usable in constant evaluation.
pub(crate) const fn str_eq(left: &str, right: &str) -> bool {
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
