//! The client decoder: a typical envelope into `ErrorResponse<AssetPayError>` against
//! `serde_json::from_slice` into a plain `#[derive(Deserialize)]` struct of the same shape, an
//! envelope with members the envelope does not define, and the worst bodies a decoder can be given
//! (garbage, deep nesting, one huge string) at three sizes, to show time linear in the size.

use std::hint::black_box;

use assetpay_errors::AssetPayError;
use assetpay_errors::client::Decoder;
use assetpay_errors_bench::bodies::{
    PlainEnvelope, TYPICAL, WITH_UNKNOWN_MEMBERS, deep_nesting, garbage, huge_string,
};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use http::StatusCode;

const SIZES: [usize; 3] = [4 * 1024, 16 * 1024, 64 * 1024];

fn typical(c: &mut Criterion) {
    let decoder = Decoder::new();
    for (name, body) in [
        ("typical", TYPICAL),
        ("unknown-members", WITH_UNKNOWN_MEMBERS),
    ] {
        let mut group = c.benchmark_group(format!("decode/{name}"));
        group.bench_function(
            "reference: serde_json::from_slice into a plain struct",
            |b| b.iter(|| serde_json::from_slice::<PlainEnvelope>(black_box(body)).unwrap()),
        );
        group.bench_function("ours: Decoder::decode::<AssetPayError>", |b| {
            b.iter(|| {
                decoder
                    .decode::<AssetPayError>(StatusCode::CONFLICT, black_box(body))
                    .unwrap()
            })
        });
        group.finish();
    }
}

/// Writes a worst-case body of about the given size.
type MakeBody = fn(usize) -> Vec<u8>;

fn worst_cases(c: &mut Criterion) {
    let decoder = Decoder::new();
    let cases: [(&str, MakeBody); 3] = [
        ("garbage", garbage),
        ("deep-nesting", deep_nesting),
        ("huge-string", huge_string),
    ];
    for (name, make) in cases {
        let mut group = c.benchmark_group(format!("decode/worst/{name}"));
        for size in SIZES {
            let body = make(size);
            assert!(
                body.len() <= size && body.len() + 256 > size,
                "{name}: {}",
                body.len()
            );
            group.throughput(Throughput::Bytes(body.len() as u64));
            group.bench_with_input(BenchmarkId::new("ours", size), &body, |b, body| {
                b.iter(|| {
                    decoder
                        .decode::<AssetPayError>(StatusCode::CONFLICT, black_box(body))
                        .map(|response| response.code())
                })
            });
            group.bench_with_input(BenchmarkId::new("reference", size), &body, |b, body| {
                b.iter(|| serde_json::from_slice::<PlainEnvelope>(black_box(body)).is_ok())
            });
        }
        group.finish();
    }
}

criterion_group!(benches, typical, worst_cases);
criterion_main!(benches);
