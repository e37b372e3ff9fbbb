//! Open-addressing tables from code and from key to a catalogue index. The derive fills them for
//! enums it sees whole; for enums composed with `#[api(transparent)]` they are built here during
//! constant evaluation from the flattened catalogue. The hashing lives in `assetpay-errors-shared`,
//! shared with the derive.

pub use assetpay_errors_shared::table::table_len;
use assetpay_errors_shared::table::{EMPTY, Probe, hash_code, hash_key, insert};

use crate::spec::ErrorSpec;

/// Builds the code table of `catalog`; `N` is [`table_len`] of its length.
pub const fn code_table<const N: usize>(catalog: &[ErrorSpec]) -> [u16; N] {
    let mut table = empty_table::<N>(catalog);
    let mut index = 0;
    while index < catalog.len() {
        insert(&mut table, hash_code(catalog[index].code), index);
        index += 1;
    }
    table
}

/// Builds the key table of `catalog`; `N` is [`table_len`] of its length.
pub const fn key_table<const N: usize>(catalog: &[ErrorSpec]) -> [u16; N] {
    let mut table = empty_table::<N>(catalog);
    let mut index = 0;
    while index < catalog.len() {
        insert(&mut table, hash_key(catalog[index].key.as_bytes()), index);
        index += 1;
    }
    table
}

const fn empty_table<const N: usize>(catalog: &[ErrorSpec]) -> [u16; N] {
    assert!(
        catalog.len() < EMPTY as usize,
        "a catalogue holds at most 65534 errors"
    );
    [EMPTY; N]
}

/// The first entry of `catalog` with `code`, through its code table.
#[inline]
pub fn find_code(
    table: &[u16],
    catalog: &'static [ErrorSpec],
    code: u16,
) -> Option<&'static ErrorSpec> {
    probe(table, catalog, hash_code(code), |spec| spec.code == code)
}

/// The first entry of `catalog` with `key`, through its key table.
#[inline]
pub fn find_key(
    table: &[u16],
    catalog: &'static [ErrorSpec],
    key: &str,
) -> Option<&'static ErrorSpec> {
    probe(table, catalog, hash_key(key.as_bytes()), |spec| {
        spec.key == key
    })
}

/// Walks `hash`'s probe until `wanted` accepts an entry or an empty slot ends the run.
#[inline(always)]
fn probe(
    table: &[u16],
    catalog: &'static [ErrorSpec],
    hash: u64,
    wanted: impl Fn(&ErrorSpec) -> bool,
) -> Option<&'static ErrorSpec> {
    let mut probe = Probe::new(hash, table.len());
    loop {
        // An empty slot holds `EMPTY`, which no catalogue index reaches, so `get` ends the run.
        let spec = catalog.get(usize::from(*table.get(probe.slot())?))?;
        if wanted(spec) {
            return Some(spec);
        }
        probe.advance();
    }
}
