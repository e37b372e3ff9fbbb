//! The client decoder: a typical envelope into `ErrorResponse<AssetPayError>` against
//! `serde_json::from_slice` into a plain `#[derive(Deserialize)]` struct of the same shape, an
//! envelope with members the envelope does not define, and the worst bodies a decoder can be given
//! (garbage, deep nesting, one huge string) at three sizes, to show time linear in the size.

use std::hint::black_box;

use assetpay_errors::AssetPayError;
use assetpay_errors::client::Decoder;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use http::StatusCode;
use serde::Deserialize;

/// The reference: the envelope's shape, and nothing else.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainEnvelope {
    request_id: Option<String>,
    success: bool,
    error: PlainError,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainError {
    code: u16,
    key: String,
    message: String,
}

const TYPICAL: &[u8] = br#"{"requestId":"6f1c2a9e-3b7d-4e8a-9c0f-2d5b7a1e4c3f","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"Price has changed since you last fetched it"}}"#;

const WITH_UNKNOWN_MEMBERS: &[u8] = br#"{"requestId":"6f1c2a9e-3b7d-4e8a-9c0f-2d5b7a1e4c3f","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"The request data is invalid","details":[{"field":"amount","reason":"must be positive"}]},"timestamp":"2025-01-01T00:00:00Z","debug":{"trace":[1,2,3]}}"#;

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

/// Deterministic bytes of every value, from a linear congruential generator.
fn garbage(len: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 56) as u8
        })
        .collect()
}

/// An envelope whose extra member is a list of arrays nested 120 deep (serde_json's limit is
/// 128), so the whole body is parsed at nearly the deepest nesting allowed.
fn deep_nesting(len: usize) -> Vec<u8> {
    let head = br#"{"requestId":"r","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"m"},"nested":["#;
    let nest = format!("{}{}", "[".repeat(120), "]".repeat(120));
    let mut body = head.to_vec();
    while body.len() + nest.len() + 3 <= len {
        body.extend_from_slice(nest.as_bytes());
        body.push(b',');
    }
    body.extend_from_slice(b"[]]}");
    body
}

/// An envelope whose message is one string filling the body, with an escape every 64 bytes.
fn huge_string(len: usize) -> Vec<u8> {
    let head =
        br#"{"requestId":"r","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":""#;
    let mut body = head.to_vec();
    let tail = b"\"}}";
    let mut column = 0;
    while body.len() + tail.len() + 2 <= len {
        if column == 62 {
            body.extend_from_slice(b"\\n");
            column = 0;
        } else {
            body.push(b'a' + (column % 26) as u8);
            column += 1;
        }
    }
    body.extend_from_slice(tail);
    body
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
