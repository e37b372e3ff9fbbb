//! Compile-time duplicate checks across enums composed with `#[api(transparent)]`.
//!
//! The derive checks an enum's own codes and keys itself, with spans; it cannot see the codes of
//! the enums a transparent variant wraps. Those are compared here, during constant evaluation of
//! the composing enum's flattened catalogue, so a clash is a compile error, not a test failure.

use const_panic::{FmtArg, concat_panic};

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

/// Panics (a compile error, in const evaluation) if an entry in `catalog[start..end]` repeats
/// the code or key of an earlier entry. `N` must be [`table_len`] of `catalog.len()`.
///
/// Each segment is checked on its own so the error points at the variant that brought the second
/// use in. A pass costs O(end): a bit set for codes, an open-addressing table for keys.
pub const fn check_segment<const N: usize>(
    catalog: &[ErrorSpec],
    start: usize,
    end: usize,
    composite: &str,
) {
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
                concat_panic!(
                    FmtArg::DISPLAY;
                    "duplicate code `", spec.code, "` in `", composite, "`: `", spec.type_name,
                    "::", spec.variant, "` reuses it, first used by `", first.type_name, "::",
                    first.variant, "`"
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
                    concat_panic!(
                        FmtArg::DISPLAY;
                        "duplicate key `", spec.key, "` in `", composite, "`: `", spec.type_name,
                        "::", spec.variant, "` reuses it, first used by `", first.type_name, "::",
                        first.variant, "`"
                    );
                }
                break;
            }
            slot = (slot + 1) & (N - 1);
        }
        index += 1;
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
