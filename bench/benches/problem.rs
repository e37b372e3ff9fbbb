//! Problem document rendering (RFC 9457): `Problem::write_json` against serde_json serializing
//! an equivalent hand-written `#[derive(Serialize)]` struct (the #24 target: at most 1.0×).
//!
//! The reference is given its `instance` already formatted, outside the loop, and its `type`
//! as a literal: it does strictly less work than the subject, which builds everything from the
//! error and the request id on each iteration.

use std::hint::black_box;

use assetpay_errors::problem::Problem;
use assetpay_errors::{Envelope, ValidRequestId};
use assetpay_errors_bench::envelope_subjects::{REQUEST_ID, TradingError};
use criterion::{Criterion, criterion_group, criterion_main};
use serde::Serialize;

/// The same members, in the same order, as the problem document of `PRICE_CHANGED`.
#[derive(Serialize)]
struct HandProblem<'a> {
    #[serde(rename = "type")]
    type_uri: &'a str,
    title: &'a str,
    status: u16,
    detail: &'a str,
    instance: &'a str,
    code: u16,
    key: &'a str,
    #[serde(rename = "requestId")]
    request_id: &'a str,
}

fn problem(c: &mut Criterion) {
    let mut group = c.benchmark_group("problem/static-message");
    let error = TradingError::PriceChanged;
    let mut out = Vec::with_capacity(512);
    let instance = format!("urn:request-id:{REQUEST_ID}");
    let message = "Price has changed since you last fetched it";

    // The two write the same document but for `type` (the subject's error declares no doc URL).
    let hand = HandProblem {
        type_uri: "about:blank",
        title: message,
        status: 409,
        detail: message,
        instance: &instance,
        code: 11,
        key: "PRICE_CHANGED",
        request_id: REQUEST_ID,
    };
    assert_eq!(
        serde_json::to_vec(&hand).unwrap(),
        Problem::from(Envelope::new(REQUEST_ID, &error)).to_json_vec()
    );

    group.bench_function("reference: hand-written derive(Serialize) struct", |b| {
        b.iter(|| {
            out.clear();
            let hand = HandProblem {
                type_uri: "about:blank",
                title: black_box(message),
                status: 409,
                detail: black_box(message),
                instance: black_box(&instance),
                code: 11,
                key: "PRICE_CHANGED",
                request_id: black_box(REQUEST_ID),
            };
            serde_json::to_writer(&mut out, &hand).unwrap();
            black_box(&out);
        })
    });
    group.bench_function("ours: Problem::write_json", |b| {
        b.iter(|| {
            out.clear();
            Problem::from(Envelope::new(black_box(REQUEST_ID), black_box(&error)))
                .write_json(&mut out);
            black_box(&out);
        })
    });
    group.bench_function("ours: Problem::write_json, valid id", |b| {
        let id = ValidRequestId::new(REQUEST_ID).unwrap();
        b.iter(|| {
            out.clear();
            Problem::from(Envelope::with_valid_id(black_box(id), black_box(&error)))
                .write_json(&mut out);
            black_box(&out);
        })
    });
    group.finish();
}

criterion_group!(benches, problem);
criterion_main!(benches);
