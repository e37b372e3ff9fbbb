//! Compile-time duplicate checks across enums composed with `#[api(transparent)]`.
//!
//! The derive checks an enum's own codes and keys itself, with spans; it cannot see the codes of
//! the enums a transparent variant wraps. Those are compared here, during constant evaluation of
//! the composing enum's flattened catalogue, so a clash is a compile error, not a test failure.

use assetpay_errors_shared::table::{EMPTY, Probe, hash_key, table_len};

use super::const_text::{ConstText, str_eq};
use super::findings::Findings;
use crate::spec::ErrorSpec;

/// Every entry of `catalog` that repeats the code or key of an earlier entry (up to
/// `CLASHES_PER_COMPILE` of them), described for compile errors. `N` must be [`table_len`] of
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
                0,
                describe_clash(
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

        let mut probe = Probe::new(hash_key(spec.key.as_bytes()), N);
        loop {
            let other = keys[probe.slot()];
            if other == EMPTY {
                keys[probe.slot()] = index as u16;
                break;
            }
            if str_eq(catalog[other as usize].key, spec.key) {
                let first = &catalog[other as usize];
                clashes.record(
                    index,
                    0,
                    describe_clash("key", DuplicateValue::Key(spec.key), composite, spec, first),
                );
                break;
            }
            probe.advance();
        }
        index += 1;
    }
    clashes
}

/// The clashes [`find_clashes`] found, each at the catalogue index of its second use; at most
/// `CLASHES_PER_COMPILE` of them.
pub type Clashes = Findings<CLASHES_PER_COMPILE>;

/// How many clashes one compile reports; more are found after fixing these.
pub const CLASHES_PER_COMPILE: usize = 8;

enum DuplicateValue<'a> {
    Code(u16),
    Key(&'a str),
}

/// The compile error's text for a duplicate found by [`find_clashes`]:
/// ``duplicate code `11` in `AssetPayError`: `Legacy::Old` reuses it, first used by `TradingError::PriceChanged` ``.
const fn describe_clash(
    what: &str,
    value: DuplicateValue,
    composite: &str,
    second: &ErrorSpec,
    first: &ErrorSpec,
) -> ConstText {
    let mut text = ConstText::EMPTY;
    text.push("duplicate ");
    text.push(what);
    text.push(" `");
    match value {
        DuplicateValue::Code(code) => text.push_number(code),
        DuplicateValue::Key(key) => text.push(key),
    }
    text.push("` in `");
    text.push(composite);
    text.push("`: `");
    text.push(second.type_name);
    text.push("::");
    text.push(second.variant);
    text.push("` reuses it, first used by `");
    text.push(first.type_name);
    text.push("::");
    text.push(first.variant);
    text.push("`");
    text
}

const fn first_with_code(catalog: &[ErrorSpec], code: u16) -> &ErrorSpec {
    let mut index = 0;
    while catalog[index].code != code {
        index += 1;
    }
    &catalog[index]
}
