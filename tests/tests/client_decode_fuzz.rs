//! The cargo-fuzz target's checks, on stable, in every `cargo test`: a regression in the decoder's
//! promises is caught without nightly or a 30-minute run.
//!
//! Inputs are made the way libFuzzer makes them from the target's own files: a seed of
//! `fuzz/seeds/decode` mutated with tokens of `fuzz/decode.dict` (inserted, overwritten, cut),
//! or raw bytes. Each goes through the same `DecodeCase` as `fuzz/fuzz_targets/decode.rs`.

#[path = "../../fuzz/src/decode_case.rs"]
mod decode_case;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use decode_case::DecodeCase;
use proptest::prelude::*;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

static SEEDS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fuzz_dir().join("seeds/decode"))
        .expect("fuzz/seeds/decode is in the repository")
        .map(|entry| entry.expect("a readable seed").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read(path).expect("a readable seed"))
        .collect()
});

static DICTIONARY: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let text = std::fs::read_to_string(fuzz_dir().join("decode.dict"))
        .expect("fuzz/decode.dict is in the repository");
    text.lines()
        .filter_map(|line| line.trim().strip_prefix('"')?.strip_suffix('"'))
        .map(unescape_token)
        .collect()
});

/// libFuzzer's dictionary escapes: `\\`, `\"` and `\xNN`.
fn unescape_token(token: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(token.len());
    let mut rest = token.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        if byte != b'\\' {
            bytes.push(byte);
            continue;
        }
        match rest {
            [b'x', high, low, tail @ ..] => {
                let hex = [*high, *low];
                let hex = std::str::from_utf8(&hex).expect("ascii hex digits");
                bytes.push(u8::from_str_radix(hex, 16).expect("a `\\xNN` escape"));
                rest = tail;
            }
            [escaped, tail @ ..] => {
                bytes.push(*escaped);
                rest = tail;
            }
            [] => bytes.push(b'\\'),
        }
    }
    bytes
}

#[derive(Debug, Clone)]
enum Mutation {
    InsertToken { at: usize, token: usize },
    OverwriteToken { at: usize, token: usize },
    SetByte { at: usize, value: u8 },
    Cut { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<usize>())
            .prop_map(|(at, token)| Mutation::InsertToken { at, token }),
        (any::<usize>(), any::<usize>())
            .prop_map(|(at, token)| Mutation::OverwriteToken { at, token }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, value)| Mutation::SetByte { at, value }),
        (any::<usize>(), 0..64usize).prop_map(|(at, len)| Mutation::Cut { at, len }),
    ]
}

fn mutate(mut input: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    let dictionary = &*DICTIONARY;
    for mutation in mutations {
        let at = |index: usize, len: usize| if len == 0 { 0 } else { index % (len + 1) };
        match *mutation {
            Mutation::InsertToken { at: index, token } => {
                let index = at(index, input.len());
                let token = &dictionary[token % dictionary.len()];
                input.splice(index..index, token.iter().copied());
            }
            Mutation::OverwriteToken { at: index, token } => {
                let index = at(index, input.len());
                let token = &dictionary[token % dictionary.len()];
                let end = (index + token.len()).min(input.len());
                input.splice(index..end, token.iter().copied());
            }
            Mutation::SetByte { at: index, value } => {
                if !input.is_empty() {
                    let index = index % input.len();
                    input[index] = value;
                }
            }
            Mutation::Cut { at: index, len } => {
                let index = at(index, input.len());
                let end = (index + len).min(input.len());
                input.drain(index..end);
            }
        }
    }
    input
}

fn fuzz_input() -> impl Strategy<Value = Vec<u8>> {
    let mutated_seed = (any::<usize>(), prop::collection::vec(mutation(), 0..8))
        .prop_map(|(seed, mutations)| mutate(SEEDS[seed % SEEDS.len()].clone(), &mutations));
    prop_oneof![
        3 => mutated_seed,
        1 => prop::collection::vec(any::<u8>(), 0..600),
    ]
}

#[test]
fn the_generator_reads_every_seed_and_token() {
    assert_eq!(SEEDS.len(), 8, "fuzz/seeds/decode holds eight seeds");
    assert!(DICTIONARY.len() >= 30, "{:?}", DICTIONARY.len());
    assert!(DICTIONARY.contains(&br#""requestId""#.to_vec()));
    assert!(DICTIONARY.contains(&br"\u0000".to_vec()));
}

#[test]
fn every_seed_keeps_the_decoders_promises() {
    for seed in SEEDS.iter() {
        DecodeCase::parse(seed)
            .expect("every seed holds the three header bytes")
            .check();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn mutated_inputs_keep_the_decoders_promises(input in fuzz_input()) {
        if let Some(case) = DecodeCase::parse(&input) {
            case.check();
        }
    }
}
