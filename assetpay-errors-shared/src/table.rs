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

/// The little-endian word of the fewer than eight bytes left at the end of a key.
#[inline]
const fn read_u64_le(bytes: &[u8]) -> u64 {
    let mut word = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        word |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    word
}

/// Eight bytes per step, so a typical key hashes in a handful of multiplications. Each step's
/// word is taken with a slice pattern rather than byte by byte: at run time both are one load,
/// but during constant evaluation (the tables of composed enums are built there) the interpreter
/// pays per indexed byte.
#[inline]
pub const fn hash_key(key: &[u8]) -> u64 {
    const MULTIPLIER: u64 = 0x2d35_8dcc_aa6c_78a5;
    let mut hash = (key.len() as u64).wrapping_mul(MULTIPLIER);
    let mut rest = key;
    while let [b0, b1, b2, b3, b4, b5, b6, b7, after @ ..] = rest {
        let word = u64::from_le_bytes([*b0, *b1, *b2, *b3, *b4, *b5, *b6, *b7]);
        hash = (hash ^ word).wrapping_mul(MULTIPLIER);
        hash ^= hash >> 32;
        rest = after;
    }
    if !rest.is_empty() {
        hash = (hash ^ read_u64_le(rest)).wrapping_mul(MULTIPLIER);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `hash_key` implements: the key's length, then each little-endian word of
    /// eight bytes (the last one zero-padded), each mixed in by a multiplication and a shift.
    fn hash_key_by_definition(key: &[u8]) -> u64 {
        const MULTIPLIER: u64 = 0x2d35_8dcc_aa6c_78a5;
        let mut hash = (key.len() as u64).wrapping_mul(MULTIPLIER);
        for chunk in key.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(MULTIPLIER);
            hash ^= hash >> 32;
        }
        hash
    }

    #[test]
    fn hash_key_follows_its_definition_at_every_length() {
        const IN_A_CONSTANT: u64 = hash_key(b"VERIFICATION_WEBHOOK_SIGNATURE_INVALID");
        assert_eq!(
            IN_A_CONSTANT,
            hash_key_by_definition(b"VERIFICATION_WEBHOOK_SIGNATURE_INVALID")
        );
        let bytes: alloc::vec::Vec<u8> = (0..=40u8).map(|at| b'A' + at % 26).collect();
        for len in 0..=bytes.len() {
            assert_eq!(
                hash_key(&bytes[..len]),
                hash_key_by_definition(&bytes[..len]),
                "length {len}"
            );
        }
    }
}
