//! Envelope rendering: our serde path and `write_json` fast path, side by side with a hand-written
//! `#[derive(Serialize)]` struct and with the physical limit (pre-rendered bytes + memcpy).

use std::hint::black_box;

use assetpay_errors::{Envelope, ValidRequestId};
use criterion::{Criterion, criterion_group, criterion_main};

use assetpay_errors_bench::envelope_subjects::{
    HandEnvelope, HandError, PREFIX, REQUEST_ID, TAIL, TradingError,
};

const TAIL_BEFORE_CODE: &[u8] = br#"","success":false,"error":{"code":"#;
const TAIL_AFTER_CODE: &[u8] =
    br#","key":"PRICE_CHANGED","message":"Price has changed since you last fetched it"}}"#;

fn static_message(c: &mut Criterion) {
    let mut group = c.benchmark_group("envelope/static-message");
    let error = TradingError::PriceChanged;
    let mut out = Vec::with_capacity(256);

    group.bench_function("reference: hand-written derive(Serialize) struct", |b| {
        b.iter(|| {
            out.clear();
            let envelope = HandEnvelope::price_changed(black_box(REQUEST_ID));
            serde_json::to_writer(&mut out, &envelope).unwrap();
            black_box(&out);
        })
    });
    group.bench_function("ours: Envelope through serde_json", |b| {
        b.iter(|| {
            out.clear();
            let envelope = Envelope::new(black_box(REQUEST_ID), black_box(&error));
            serde_json::to_writer(&mut out, &envelope).unwrap();
            black_box(&out);
        })
    });
    group.bench_function("ours: Envelope::write_json", |b| {
        b.iter(|| {
            out.clear();
            Envelope::new(black_box(REQUEST_ID), black_box(&error)).write_json(&mut out);
            black_box(&out);
        })
    });
    group.bench_function("ours: Envelope::with_valid_id + write_json", |b| {
        let id = ValidRequestId::new(REQUEST_ID).unwrap();
        b.iter(|| {
            out.clear();
            Envelope::with_valid_id(black_box(id), black_box(&error)).write_json(&mut out);
            black_box(&out);
        })
    });
    group.bench_function("limit: static bytes + memcpy of the id", |b| {
        b.iter(|| {
            out.clear();
            out.extend_from_slice(PREFIX);
            out.extend_from_slice(black_box(REQUEST_ID).as_bytes());
            out.extend_from_slice(TAIL);
            black_box(&out);
        })
    });
    group.bench_function(
        "limit: static bytes + memcpy + one formatted integer",
        |b| {
            let mut integer = itoa::Buffer::new();
            b.iter(|| {
                out.clear();
                out.extend_from_slice(PREFIX);
                out.extend_from_slice(black_box(REQUEST_ID).as_bytes());
                out.extend_from_slice(TAIL_BEFORE_CODE);
                out.extend_from_slice(integer.format(black_box(11u16)).as_bytes());
                out.extend_from_slice(TAIL_AFTER_CODE);
                black_box(&out);
            })
        },
    );
    group.finish();
}

fn interpolated_message(c: &mut Criterion) {
    let mut group = c.benchmark_group("envelope/interpolated-message");
    let error = TradingError::TooManyItems { max: 50, got: 75 };
    let mut out = Vec::with_capacity(256);
    group.bench_function("reference: hand-written derive(Serialize) struct", |b| {
        b.iter(|| {
            out.clear();
            let error = black_box(&error);
            let TradingError::TooManyItems { max, got } = error else {
                unreachable!()
            };
            let message = format!("At most {max} items, got {got}");
            let envelope = HandEnvelope {
                request_id: black_box(REQUEST_ID),
                success: false,
                error: HandError {
                    code: 8,
                    key: "TOO_MANY_ITEMS",
                    message: &message,
                },
            };
            serde_json::to_writer(&mut out, &envelope).unwrap();
            black_box(&out);
        })
    });
    group.bench_function("ours: Envelope through serde_json", |b| {
        b.iter(|| {
            out.clear();
            let envelope = Envelope::new(black_box(REQUEST_ID), black_box(&error));
            serde_json::to_writer(&mut out, &envelope).unwrap();
            black_box(&out);
        })
    });
    group.bench_function("ours: Envelope::write_json", |b| {
        b.iter(|| {
            out.clear();
            Envelope::new(black_box(REQUEST_ID), black_box(&error)).write_json(&mut out);
            black_box(&out);
        })
    });
    group.finish();
}

criterion_group!(benches, static_message, interpolated_message);
criterion_main!(benches);
