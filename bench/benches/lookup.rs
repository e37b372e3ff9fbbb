//! Lookups over a 2,000-variant enum: ours side by side with a `match`, binary search, phf and
//! std's HashMap. Inputs cycle through every code or key in a shuffled order so branch
//! prediction cannot learn the sequence.

use std::collections::HashMap;
use std::hint::black_box;

use assetpay_errors::ApiError;
use assetpay_errors_bench::PHF_KEYS;
use assetpay_errors_bench::derived::BigDerive;
use assetpay_errors_bench::generate::{self, VARIANTS};
use assetpay_errors_bench::handwritten::BigHand;
use criterion::{Criterion, criterion_group, criterion_main};

/// A fixed permutation of `0..VARIANTS` (a linear congruential walk).
fn shuffled() -> Vec<usize> {
    let mut order: Vec<usize> = (0..VARIANTS).collect();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for index in (1..order.len()).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        order.swap(index, (state >> 33) as usize % (index + 1));
    }
    order
}

/// Runs `lookup` on the inputs in turn.
fn cycle<T, R>(inputs: &[T], mut lookup: impl FnMut(&T) -> R) -> impl FnMut() -> R {
    let mut at = 0;
    move || {
        at = if at + 1 == inputs.len() { 0 } else { at + 1 };
        lookup(black_box(&inputs[at]))
    }
}

fn code_lookup(c: &mut Criterion) {
    let order = shuffled();
    let codes: Vec<u16> = order.iter().map(|&index| generate::code(index)).collect();
    let mut sorted: Vec<u16> = codes.clone();
    sorted.sort_unstable();
    let map: HashMap<u16, usize> = (0..VARIANTS)
        .map(|index| (generate::code(index), index))
        .collect();

    let mut group = c.benchmark_group("lookup/code-to-entry");
    group.bench_function("ours: spec_for_code", |b| {
        b.iter(cycle(&codes, |&code| BigDerive::spec_for_code(code)))
    });
    group.bench_function("reference: match on code", |b| {
        b.iter(cycle(&codes, |&code| BigHand::index_of_code(code)))
    });
    group.bench_function("reference: binary search", |b| {
        b.iter(cycle(&codes, |code| sorted.binary_search(code).ok()))
    });
    group.bench_function("reference: std HashMap", |b| {
        b.iter(cycle(&codes, |code| map.get(code).copied()))
    });
    group.finish();
}

fn key_lookup(c: &mut Criterion) {
    let order = shuffled();
    let keys: Vec<String> = order.iter().map(|&index| generate::key(index)).collect();
    let mut sorted: Vec<String> = keys.clone();
    sorted.sort_unstable();
    let map: HashMap<String, usize> = (0..VARIANTS)
        .map(|index| (generate::key(index), index))
        .collect();

    let mut group = c.benchmark_group("lookup/key-to-entry");
    group.bench_function("ours: spec_for_key", |b| {
        b.iter(cycle(&keys, |key| BigDerive::spec_for_key(key)))
    });
    group.bench_function("reference: match on &str", |b| {
        b.iter(cycle(&keys, |key| BigHand::index_of_key(key)))
    });
    group.bench_function("reference: binary search", |b| {
        b.iter(cycle(&keys, |key| {
            sorted
                .binary_search_by(|probe| probe.as_str().cmp(key))
                .ok()
        }))
    });
    group.bench_function("reference: phf", |b| {
        b.iter(cycle(&keys, |key| PHF_KEYS.get(key.as_str()).copied()))
    });
    group.bench_function("reference: std HashMap", |b| {
        b.iter(cycle(&keys, |key| map.get(key).copied()))
    });
    group.finish();
}

fn variant_to_code(c: &mut Criterion) {
    let order = shuffled();
    let derived: Vec<BigDerive> = order
        .iter()
        .map(|&index| BigDerive::sample(index).unwrap())
        .collect();
    let hand: Vec<BigHand> = order
        .iter()
        .map(|&index| BigHand::sample(index).unwrap())
        .collect();

    let mut group = c.benchmark_group("lookup/variant-to-code");
    group.bench_function("ours: code()", |b| b.iter(cycle(&derived, ApiError::code)));
    group.bench_function("reference: match", |b| b.iter(cycle(&hand, BigHand::code)));
    group.bench_function("ours: key()", |b| b.iter(cycle(&derived, ApiError::key)));
    group.bench_function("reference: match (key)", |b| {
        b.iter(cycle(&hand, BigHand::key))
    });
    group.finish();
}

criterion_group!(benches, code_lookup, key_lookup, variant_to_code);
criterion_main!(benches);
