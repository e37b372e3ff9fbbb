//! Instruction counts for the runtime paths whose ratios sit near a target, for
//! `valgrind --tool=callgrind`, which counts instructions whatever else the machine runs.
//!
//! `instructions SUBJECT ITERATIONS` runs one subject `ITERATIONS` times. Running it with two
//! iteration counts and dividing the difference of the totals by the difference of the counts
//! gives the instructions of one iteration, start-up and set-up cancelled:
//! `bench/instructions.sh` does that.
//!
//! `instructions layer-SERVICE-CASE[-counted] ITERATIONS` sends one request at a time to a
//! service of [`services`](assetpay_errors_bench::services) (`ours` or `by-hand`), in process,
//! for the case `success`, `error` or `rejection`, and reads each answer's whole body; with
//! `-counted`, a Prometheus recorder is installed first and both services count their error
//! responses, as `http-load --telemetry` runs them. What it counts is each service's own work for
//! a request, without the connection's (hyper's parsing and writing, the sockets), which is the
//! same for both.
//!
//! `instructions paired REFERENCE SUBJECT [ROUNDS] [ITERATIONS]` times two subjects in
//! alternating rounds (which goes first alternates too) and prints the median of the per-round
//! ratios: on a shared machine whose speed drifts by 20% between criterion's blocks, pairs of
//! rounds a few milliseconds apart see the same machine.

use std::hint::black_box;

use assetpay_errors::client::Decoder;
use assetpay_errors::{AssetPayError, Envelope, ValidRequestId};
use assetpay_errors_bench::bodies::{PlainEnvelope, TYPICAL, deep_nesting, garbage, huge_string};
use assetpay_errors_bench::envelope_subjects::{
    HandEnvelope, PREFIX, REQUEST_ID, TAIL, TradingError,
};
use http::StatusCode;

fn main() {
    let mut args = std::env::args().skip(1);
    let subject = args.next().expect("a subject");
    if subject == "paired" {
        let reference = args.next().expect("a reference subject");
        let measured = args.next().expect("a subject");
        let rounds = args
            .next()
            .map_or(41, |n| n.parse().expect("a number of rounds"));
        let iterations = args
            .next()
            .map_or(200_000, |n| n.parse().expect("an iteration count"));
        paired(&reference, &measured, rounds, iterations);
        return;
    }
    let iterations: usize = args
        .next()
        .expect("an iteration count")
        .parse()
        .expect("a number");
    // `decode-worst-KIND-SIZE`: the decoder on `bodies::KIND(SIZE)`.
    if let Some(worst) = subject.strip_prefix("decode-worst-") {
        let (kind, size) = worst.rsplit_once('-').expect("decode-worst-KIND-SIZE");
        let size = size.parse().expect("a size");
        let body = match kind {
            "garbage" => garbage(size),
            "deep-nesting" => deep_nesting(size),
            "huge-string" => huge_string(size),
            other => panic!("unknown worst case {other}"),
        };
        decode_worst(&body, iterations);
        return;
    }
    // `layer-SERVICE-CASE[-counted]`: one request through a service of `services`.
    if let Some(layer) = subject.strip_prefix("layer-") {
        layer_requests(layer, iterations);
        return;
    }
    subject_named(&subject)(iterations);
}

/// The subject called `name`, as a function of its iteration count.
fn subject_named(name: &str) -> fn(usize) {
    match name {
        "envelope-limit" => envelope_limit,
        "envelope-write-json" => envelope_write_json,
        "envelope-valid-id" => envelope_valid_id,
        "envelope-interpolated" => envelope_interpolated,
        "message-interpolated" => message_interpolated,
        "serde-reference" => serde_reference,
        "serde-ours" => serde_ours,
        "decode-reference" => decode_reference,
        "decode-ours" => decode_ours,
        other => panic!("unknown subject {other}"),
    }
}

/// Times `reference` and `measured`, `iterations` each, in `rounds` alternating rounds.
fn paired(reference: &str, measured: &str, rounds: usize, iterations: usize) {
    let (reference_run, measured_run) = (subject_named(reference), subject_named(measured));
    let time = |run: fn(usize)| {
        let started = std::time::Instant::now();
        run(iterations);
        started.elapsed().as_secs_f64() * 1e9 / iterations as f64
    };
    time(reference_run);
    time(measured_run);
    let (mut reference_ns, mut measured_ns, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (r, m) = if round % 2 == 0 {
            let r = time(reference_run);
            (r, time(measured_run))
        } else {
            let m = time(measured_run);
            (time(reference_run), m)
        };
        reference_ns.push(r);
        measured_ns.push(m);
        ratios.push(m / r);
    }
    let median = |values: &mut Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let (low, high) = (
        ratios.iter().copied().fold(f64::INFINITY, f64::min),
        ratios.iter().copied().fold(0.0, f64::max),
    );
    println!(
        "{measured} / {reference}: median ratio {:.3} (rounds {low:.3}..{high:.3}); medians {:.2} ns / {:.2} ns per iteration, {rounds} rounds of {iterations}",
        median(&mut ratios),
        median(&mut measured_ns),
        median(&mut reference_ns),
    );
}

fn envelope_limit(iterations: usize) {
    let mut out = Vec::with_capacity(256);
    for _ in 0..iterations {
        out.clear();
        out.extend_from_slice(PREFIX);
        out.extend_from_slice(black_box(REQUEST_ID).as_bytes());
        out.extend_from_slice(TAIL);
        black_box(&out);
    }
}

fn envelope_write_json(iterations: usize) {
    let mut out = Vec::with_capacity(256);
    let error = TradingError::PriceChanged;
    for _ in 0..iterations {
        out.clear();
        Envelope::new(black_box(REQUEST_ID), black_box(&error)).write_json(&mut out);
        black_box(&out);
    }
}

/// The envelope of an error whose message interpolates two fields (`write_json`, a clean id).
fn envelope_interpolated(iterations: usize) {
    envelopes_with_valid_id(&TradingError::TooManyItems { max: 50, got: 75 }, iterations);
}

/// That error's message alone, as the derive renders it.
fn message_interpolated(iterations: usize) {
    use assetpay_errors::ApiError as _;
    let error = TradingError::TooManyItems { max: 50, got: 75 };
    for _ in 0..iterations {
        black_box(black_box(&error).message());
    }
}

fn envelope_valid_id(iterations: usize) {
    envelopes_with_valid_id(&TradingError::PriceChanged, iterations);
}

/// `error`'s envelope through `write_json`, with a request id already known to be clean.
fn envelopes_with_valid_id(error: &TradingError, iterations: usize) {
    let mut out = Vec::with_capacity(256);
    let id = ValidRequestId::new(REQUEST_ID).expect("a valid id");
    for _ in 0..iterations {
        out.clear();
        Envelope::with_valid_id(black_box(id), black_box(error)).write_json(&mut out);
        black_box(&out);
    }
}

fn serde_reference(iterations: usize) {
    let mut out = Vec::with_capacity(256);
    for _ in 0..iterations {
        out.clear();
        let envelope = HandEnvelope::price_changed(black_box(REQUEST_ID));
        serde_json::to_writer(&mut out, &envelope).expect("serializes");
        black_box(&out);
    }
}

fn serde_ours(iterations: usize) {
    let mut out = Vec::with_capacity(256);
    let error = TradingError::PriceChanged;
    for _ in 0..iterations {
        out.clear();
        let envelope = Envelope::new(black_box(REQUEST_ID), black_box(&error));
        serde_json::to_writer(&mut out, &envelope).expect("serializes");
        black_box(&out);
    }
}

fn decode_reference(iterations: usize) {
    for _ in 0..iterations {
        black_box(serde_json::from_slice::<PlainEnvelope>(black_box(TYPICAL)).expect("decodes"));
    }
}

fn decode_ours(iterations: usize) {
    let decoder = Decoder::new();
    for _ in 0..iterations {
        black_box(
            decoder
                .decode::<AssetPayError>(StatusCode::CONFLICT, black_box(TYPICAL))
                .expect("decodes"),
        );
    }
}

fn decode_worst(body: &[u8], iterations: usize) {
    let decoder = Decoder::new();
    for _ in 0..iterations {
        let decoded = decoder.decode::<AssetPayError>(StatusCode::CONFLICT, black_box(body));
        black_box(decoded.map(|response| response.code()).ok());
    }
}

/// `layer-SERVICE-CASE[-counted]`: `iterations` requests of the case through the service, one at a
/// time, on a current-thread runtime.
fn layer_requests(layer: &str, iterations: usize) {
    use assetpay_errors_bench::services::{CASES, by_hand, count_by_hand, ours};

    let (layer, counted) = match layer.strip_suffix("-counted") {
        Some(layer) => (layer, true),
        None => (layer, false),
    };
    let (service, case) = layer.split_once('-').expect("layer-SERVICE-CASE");
    let (router, case) = match (service, case) {
        ("ours", case) => (ours(), case),
        ("by", case) => match case.strip_prefix("hand-") {
            Some(case) => (by_hand(), case),
            None => panic!("layer-by-hand-CASE"),
        },
        (other, _) => panic!("unknown service {other}"),
    };
    let case = match case {
        "success" => &CASES[0],
        "error" => &CASES[1],
        "rejection" => &CASES[2],
        other => panic!("unknown case {other}"),
    };
    let _recorder = counted.then(|| {
        count_by_hand();
        metrics_exporter_prometheus::PrometheusBuilder::new()
            .install_recorder()
            .expect("the only recorder of this process")
    });
    // What `axum::serve` does once: the routes' layers applied, rather than at every call.
    let router = router.with_state(());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    serve_requests(&runtime, router, case, iterations);
}

/// The measured part of `layer-*`: `bench/instructions.sh` counts inside it alone, since the
/// recorder's set-up (a clock calibrated against time) differs from run to run.
#[inline(never)]
fn serve_requests(
    runtime: &tokio::runtime::Runtime,
    router: axum::Router,
    case: &assetpay_errors_bench::services::Case,
    iterations: usize,
) {
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;

    runtime.block_on(async {
        for _ in 0..iterations {
            let response = router
                .clone()
                .oneshot(case.request::<axum::body::Body>())
                .await
                .expect("an answer");
            assert_eq!(response.status(), case.status);
            let body = response.into_body().collect().await.expect("a body");
            black_box(body.to_bytes());
        }
    });
}
