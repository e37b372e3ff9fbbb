//! Open-addressing tables from code and from key to a catalogue index, built during constant
//! evaluation from a catalogue, so the derive emits no per-variant lookup code.
//!
//! A table has a power-of-two length at least twice the catalogue's, so a probe always reaches an
//! empty slot. The hash functions run both in const evaluation and at run time: one definition
//! serves both, so they cannot disagree.

use crate::spec::ErrorSpec;

/// An unused slot.
const EMPTY: u16 = u16::MAX;

/// The table length for a catalogue of `entries` errors.
pub const fn table_len(entries: usize) -> usize {
    let wanted = if entries == 0 { 2 } else { entries * 2 };
    wanted.next_power_of_two()
}

#[inline]
const fn slot_of(hash: u64, table_len: usize) -> usize {
    // Fibonacci hashing: the high bits of the product are well mixed.
    let bits = table_len.trailing_zeros();
    if bits == 0 {
        return 0;
    }
    (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

#[inline]
const fn hash_code(code: u16) -> u64 {
    code as u64
}

#[inline]
const fn read_u64_le(bytes: &[u8], at: usize, len: usize) -> u64 {
    let mut word = 0u64;
    let mut i = 0;
    while i < len {
        word |= (bytes[at + i] as u64) << (8 * i);
        i += 1;
    }
    word
}

/// Eight bytes per step, so a typical key hashes in a handful of multiplications.
#[inline]
pub(crate) const fn hash_key(key: &[u8]) -> u64 {
    const MULTIPLIER: u64 = 0x2d35_8dcc_aa6c_78a5;
    let mut hash = (key.len() as u64).wrapping_mul(MULTIPLIER);
    let mut at = 0;
    while at + 8 <= key.len() {
        hash = (hash ^ read_u64_le(key, at, 8)).wrapping_mul(MULTIPLIER);
        hash ^= hash >> 32;
        at += 8;
    }
    if at < key.len() {
        hash = (hash ^ read_u64_le(key, at, key.len() - at)).wrapping_mul(MULTIPLIER);
        hash ^= hash >> 32;
    }
    hash
}

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

/// Puts catalogue index `index` in the first free slot from `hash`'s, probing linearly.
const fn insert(table: &mut [u16], hash: u64, index: usize) {
    let mask = table.len() - 1;
    let mut slot = slot_of(hash, table.len());
    while table[slot] != EMPTY {
        slot = (slot + 1) & mask;
    }
    table[slot] = index as u16;
}

/// The first entry of `catalog` with `code`, through its code table.
#[inline]
pub fn find_code(
    table: &[u16],
    catalog: &'static [ErrorSpec],
    code: u16,
) -> Option<&'static ErrorSpec> {
    let mask = table.len() - 1;
    let mut slot = slot_of(hash_code(code), table.len());
    loop {
        let index = *table.get(slot)?;
        let spec = catalog.get(usize::from(index))?;
        if spec.code == code {
            return Some(spec);
        }
        slot = (slot + 1) & mask;
    }
}

/// The first entry of `catalog` with `key`, through its key table.
#[inline]
pub fn find_key(
    table: &[u16],
    catalog: &'static [ErrorSpec],
    key: &str,
) -> Option<&'static ErrorSpec> {
    let mask = table.len() - 1;
    let mut slot = slot_of(hash_key(key.as_bytes()), table.len());
    loop {
        let index = *table.get(slot)?;
        let spec = catalog.get(usize::from(index))?;
        if spec.key.len() == key.len() && spec.key == key {
            return Some(spec);
        }
        slot = (slot + 1) & mask;
    }
}
