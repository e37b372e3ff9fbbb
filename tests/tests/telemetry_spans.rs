//! The request span's error fields as OpenTelemetry sees them, over real HTTP: the layer's
//! `request` span goes through `tracing-opentelemetry` (as it comes) into the SDK's in-memory
//! exporter. An erroring request's span carries `error.type`, `http.response.status_code` and
//! `assetpay_errors.code`, whoever made the error; a successful one carries none of them.

mod axum_support;

use std::collections::HashMap;

use assetpay_errors::assetpay::{GenericError, framework_errors};
use assetpay_errors::axum::RouterExt as _;
use assetpay_errors::axum::telemetry::{ERROR_CODE, ERROR_TYPE, HTTP_RESPONSE_STATUS_CODE};
use axum::http::StatusCode;
use axum::response::IntoResponse as _;
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider, SpanData};
use tracing::subscriber::DefaultGuard;
use tracing_subscriber::layer::SubscriberExt as _;

use axum_support::Server;

/// This thread's spans, exported to memory until the guard is dropped.
fn export_spans() -> (InMemorySpanExporter, SdkTracerProvider, DefaultGuard) {
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    let subscriber = tracing_subscriber::registry()
        .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("telemetry-test")));
    let guard = tracing::subscriber::set_default(subscriber);
    (exporter, provider, guard)
}

/// A span's attributes as text.
fn attributes(span: &SpanData) -> HashMap<String, String> {
    span.attributes
        .iter()
        .map(|attribute| (attribute.key.to_string(), attribute.value.to_string()))
        .collect()
}

/// The error fields of a span: `(error.type, http.response.status_code, assetpay_errors.code)`,
/// each `None` when absent.
fn error_fields(attributes: &HashMap<String, String>) -> [Option<&str>; 3] {
    [ERROR_TYPE, HTTP_RESPONSE_STATUS_CODE, ERROR_CODE]
        .map(|name| attributes.get(name).map(String::as_str))
}

/// A request (method, path), the status it is answered with, and the key and code of its error.
type Case = (
    &'static str,
    &'static str,
    StatusCode,
    Option<(&'static str, &'static str)>,
);

// One thread runs the server, the client and the subscriber, so the thread's own subscriber
// sees every span, and other tests' spans never mix in.
#[tokio::test(flavor = "current_thread")]
async fn an_erroring_requests_span_carries_the_error_and_a_successful_ones_does_not() {
    let (exporter, provider, _guard) = export_spans();
    let server = Server::start(axum_support::app().with_api_errors(framework_errors())).await;

    // (request, status, key, code): a handler's error, an unknown route, a rejection, a panic,
    // another middleware's plain error, and a success.
    let cases: [Case; 6] = [
        (
            "GET",
            "/orders/8",
            StatusCode::NOT_FOUND,
            Some(("NOT_FOUND", "1003")),
        ),
        (
            "GET",
            "/no/such/route",
            StatusCode::NOT_FOUND,
            Some(("NOT_FOUND", "1003")),
        ),
        (
            "POST",
            "/orders",
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(("VALIDATION_FAILED", "1001")),
        ),
        (
            "GET",
            "/panic",
            StatusCode::INTERNAL_SERVER_ERROR,
            Some(("SERVER_ERROR", "1006")),
        ),
        (
            "GET",
            "/plain/bad-gateway",
            // Another middleware's 502 keeps its status under the server-error entry.
            StatusCode::BAD_GATEWAY,
            Some(("SERVER_ERROR", "1006")),
        ),
        ("GET", "/orders/7", StatusCode::OK, None),
    ];
    let mut expected = HashMap::new();
    for (method, path, status, error) in cases {
        let answer = if method == "POST" {
            server.post(path, "application/json", r#"{"itemId":"#).await
        } else {
            server.get(path).await
        };
        assert_eq!(answer.status, status, "{method} {path}: {answer:?}");
        expected.insert(answer.request_id_header().to_owned(), (path, status, error));
    }

    provider
        .force_flush()
        .expect("the in-memory exporter flushes");
    let spans = exporter.get_finished_spans().expect("finished spans");
    let mut seen = 0;
    for span in spans.iter().filter(|span| span.name == "request") {
        let attributes = attributes(span);
        let Some((path, status, error)) = attributes
            .get("request_id")
            .and_then(|id| expected.get(id.as_str()))
        else {
            continue;
        };
        seen += 1;
        let fields = error_fields(&attributes);
        match error {
            Some((key, code)) => assert_eq!(
                fields,
                [Some(*key), Some(status.as_str()), Some(*code)],
                "{path}: {attributes:?}"
            ),
            None => assert_eq!(fields, [None; 3], "{path}: {attributes:?}"),
        }
    }
    assert_eq!(
        seen,
        expected.len(),
        "one request span per request: {spans:?}"
    );
}

#[test]
fn a_derived_error_answered_with_no_layer_records_on_the_current_span() {
    let (exporter, provider, _guard) = export_spans();
    {
        let span = tracing::info_span!(
            "handler",
            "error.type" = tracing::field::Empty,
            "http.response.status_code" = tracing::field::Empty,
            "assetpay_errors.code" = tracing::field::Empty,
        );
        let _entered = span.enter();
        let response = GenericError::Conflict.into_response();
        assert_eq!(response.status(), StatusCode::CONFLICT);
    }
    provider
        .force_flush()
        .expect("the in-memory exporter flushes");
    let spans = exporter.get_finished_spans().expect("finished spans");
    let [span] = spans.as_slice() else {
        panic!("one span: {spans:?}");
    };
    assert_eq!(
        error_fields(&attributes(span)),
        [Some("CONFLICT"), Some("409"), Some("1004")]
    );
}
