//! The open-addressing tables behind `spec_for_code` and `spec_for_key`: the hash functions, the
//! probe sequence and the insertion. The derive fills the tables of the enums it sees whole while it expands them;
//! the runtime crate fills those of composed enums during constant evaluation and probes all of
//! them at run time.
//!
//! A table has a power-of-two length at least twice its catalogue's, so a probe always reaches
//! an empty slot.

/// An unused slot.
pub const EMPTY: u16 = u16::MAX;

/// The table length for a catalogue of `entries` errors.
pub const fn table_len(entries: usize) -> usize {
    let wanted = if entries == 0 { 2 } else { entries * 2 };
    wanted.next_power_of_two()
}

/// Where the probe for `hash` starts in a table of `table_len` slots.
#[inline]
const fn slot_of(hash: u64, table_len: usize) -> usize {
    // Fibonacci hashing: the high bits of the product are well mixed.
    let bits = table_len.trailing_zeros();
    if bits == 0 {
        return 0;
    }
    (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

/// The hash of an error code.
#[inline]
pub const fn hash_code(code: u16) -> u64 {
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
pub const fn hash_key(key: &[u8]) -> u64 {
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

/// The slots that a lookup or an insertion visits for one hash, in order: linear probing from
/// the hash's home slot, wrapping at the end of the table. Every table user walks this one
/// sequence, so what an insertion wrote a lookup finds.
pub struct Probe {
    slot: usize,
    mask: usize,
}

impl Probe {
    /// The probe for `hash` in a table of `table_len` slots (a power of two).
    #[inline]
    pub const fn new(hash: u64, table_len: usize) -> Probe {
        Probe {
            slot: slot_of(hash, table_len),
            mask: table_len - 1,
        }
    }

    /// The slot to look at now.
    #[inline]
    pub const fn slot(&self) -> usize {
        self.slot
    }

    /// Moves on to the next slot.
    #[inline]
    pub const fn advance(&mut self) {
        self.slot = (self.slot + 1) & self.mask;
    }
}

/// Puts catalogue index `index` in the first free slot of `hash`'s probe.
pub const fn insert(table: &mut [u16], hash: u64, index: usize) {
    let mut probe = Probe::new(hash, table.len());
    while table[probe.slot()] != EMPTY {
        probe.advance();
    }
    table[probe.slot()] = index as u16;
}
