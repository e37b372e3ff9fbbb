//! A `tonic::Status` with its error details (`google.rpc.Status`: `ErrorInfo`, `RetryInfo`,
//! `BadRequest`, `RequestInfo`, `Help`): ours (`grpc::status_with_request_id`, and
//! `Status::from(Envelope)` for violations) against the same status built by hand with
//! tonic-types (`ErrorDetails` and `StatusExt::with_error_details_and_metadata`), the #27
//! target being at most 1.0×.
//!
//! The reference is given the error's key, code, message, domain and URL as literals: it does
//! no lookup, while ours reads them from the catalogue on each iteration. Both put the request
//! id in the metadata and in `RequestInfo`; `setup` checks they decode to the same details.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use assetpay_errors::violation::{FieldViolation, JsonPointer, Reason};
use assetpay_errors::{ApiError, Envelope, grpc};
use criterion::{Criterion, criterion_group, criterion_main};
use tonic::metadata::MetadataMap;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt as _};

// Shared with `tests/tests/grpc.rs`, which holds the same statuses to the same comparison.
#[path = "support/same_status.rs"]
mod same_status;
use same_status::assert_same_status;

const REQUEST_ID: &str = "0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f";
const DOMAIN: &str = "trading.assetpay.gg";

#[derive(Debug, ApiError)]
#[api(doc_url = "https://docs.assetpay.gg/errors#{key}")]
enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// Quotes are paused; retry shortly
    #[api(code = 2001, key = "QUOTES_PAUSED", status = 503, retry_after = 30)]
    QuotesPaused,
    /// Too many items in a single request
    #[api(
        code = 8,
        key = "TOO_MANY_ITEMS",
        status = 400,
        message = "At most {max} items per request"
    )]
    TooManyItems { max: usize },
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed,
}

fn violations() -> Vec<FieldViolation> {
    vec![
        FieldViolation::body(
            JsonPointer::root().key("items").index(0).key("id"),
            Reason::Missing,
            "id is required",
        ),
        FieldViolation::body(
            JsonPointer::root().key("quantity"),
            Reason::OutOfRange,
            "at most 50",
        ),
        FieldViolation::query("page", Reason::InvalidType, "page is a number"),
    ]
}

fn metadata() -> MetadataMap {
    let mut metadata = MetadataMap::new();
    metadata.insert("x-request-id", REQUEST_ID.parse().unwrap());
    metadata
}

fn hand_price_changed() -> Status {
    let mut info = HashMap::with_capacity(1);
    info.insert("code".to_owned(), "11".to_owned());
    let mut details = ErrorDetails::with_error_info("PRICE_CHANGED", DOMAIN, info);
    details.set_request_info(black_box(REQUEST_ID), "");
    details.add_help_link(
        "Price has changed since you last fetched it",
        "https://docs.assetpay.gg/errors#PRICE_CHANGED",
    );
    Status::with_error_details_and_metadata(
        Code::Aborted,
        "Price has changed since you last fetched it",
        details,
        metadata(),
    )
}

fn hand_quotes_paused() -> Status {
    let mut info = HashMap::with_capacity(1);
    info.insert("code".to_owned(), "2001".to_owned());
    let mut details = ErrorDetails::with_error_info("QUOTES_PAUSED", DOMAIN, info);
    details.set_retry_info(Some(Duration::from_secs(30)));
    details.set_request_info(black_box(REQUEST_ID), "");
    details.add_help_link(
        "Quotes are paused; retry shortly",
        "https://docs.assetpay.gg/errors#QUOTES_PAUSED",
    );
    Status::with_error_details_and_metadata(
        Code::Unavailable,
        "Quotes are paused; retry shortly",
        details,
        metadata(),
    )
}

fn hand_too_many_items(max: usize) -> Status {
    let mut info = HashMap::with_capacity(2);
    info.insert("code".to_owned(), "8".to_owned());
    info.insert("max".to_owned(), max.to_string());
    let mut details = ErrorDetails::with_error_info("TOO_MANY_ITEMS", DOMAIN, info);
    details.set_request_info(black_box(REQUEST_ID), "");
    details.add_help_link(
        "Too many items in a single request",
        "https://docs.assetpay.gg/errors#TOO_MANY_ITEMS",
    );
    Status::with_error_details_and_metadata(
        Code::InvalidArgument,
        format!("At most {max} items per request"),
        details,
        metadata(),
    )
}

fn hand_validation_failed(violations: &[FieldViolation]) -> Status {
    let mut info = HashMap::with_capacity(1);
    info.insert("code".to_owned(), "1001".to_owned());
    let mut details = ErrorDetails::with_error_info("VALIDATION_FAILED", DOMAIN, info);
    let list: Vec<tonic_types::FieldViolation> = violations
        .iter()
        .map(|violation| {
            // The field paths as ours writes them, as literals: the reference converts nothing.
            let field = match violation.field() {
                "/items/0/id" => "items[0].id",
                "/quantity" => "quantity",
                _ => "query:page",
            };
            let mut sent = tonic_types::FieldViolation::new(field, violation.message());
            sent.reason = violation.reason().as_str().to_owned();
            sent
        })
        .collect();
    details.set_bad_request(list);
    details.set_request_info(black_box(REQUEST_ID), "");
    details.add_help_link(
        "The request data is invalid",
        "https://docs.assetpay.gg/errors#VALIDATION_FAILED",
    );
    Status::with_error_details_and_metadata(
        Code::InvalidArgument,
        "The request data is invalid",
        details,
        metadata(),
    )
}

fn status(c: &mut Criterion) {
    grpc::set_error_domain(DOMAIN).unwrap();
    let violations = violations();
    let validation = || {
        let spec = TradingError::ValidationFailed.spec();
        Status::from(
            Envelope::from_spec(black_box(REQUEST_ID), spec, spec.message())
                .with_details(&violations),
        )
    };
    assert_same_status(
        &grpc::status_with_request_id(&TradingError::PriceChanged, REQUEST_ID),
        &hand_price_changed(),
    );
    assert_same_status(
        &grpc::status_with_request_id(&TradingError::QuotesPaused, REQUEST_ID),
        &hand_quotes_paused(),
    );
    assert_same_status(
        &grpc::status_with_request_id(&TradingError::TooManyItems { max: 50 }, REQUEST_ID),
        &hand_too_many_items(50),
    );
    assert_same_status(&validation(), &hand_validation_failed(&violations));

    let mut group = c.benchmark_group("grpc/status");
    group.bench_function("PRICE_CHANGED: reference, tonic-types by hand", |b| {
        b.iter(|| black_box(hand_price_changed()))
    });
    group.bench_function("PRICE_CHANGED: ours", |b| {
        b.iter(|| {
            black_box(grpc::status_with_request_id(
                black_box(&TradingError::PriceChanged),
                black_box(REQUEST_ID),
            ))
        })
    });
    group.bench_function(
        "QUOTES_PAUSED (RetryInfo): reference, tonic-types by hand",
        |b| b.iter(|| black_box(hand_quotes_paused())),
    );
    group.bench_function("QUOTES_PAUSED (RetryInfo): ours", |b| {
        b.iter(|| {
            black_box(grpc::status_with_request_id(
                black_box(&TradingError::QuotesPaused),
                black_box(REQUEST_ID),
            ))
        })
    });
    group.bench_function(
        "TOO_MANY_ITEMS (message field): reference, tonic-types by hand",
        |b| b.iter(|| black_box(hand_too_many_items(black_box(50)))),
    );
    group.bench_function("TOO_MANY_ITEMS (message field): ours", |b| {
        b.iter(|| {
            let error = TradingError::TooManyItems { max: black_box(50) };
            black_box(grpc::status_with_request_id(&error, black_box(REQUEST_ID)))
        })
    });
    group.bench_function(
        "VALIDATION_FAILED (3 violations): reference, tonic-types by hand",
        |b| b.iter(|| black_box(hand_validation_failed(black_box(&violations)))),
    );
    group.bench_function("VALIDATION_FAILED (3 violations): ours", |b| {
        b.iter(|| black_box(validation()))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = status
}
criterion_main!(benches);
