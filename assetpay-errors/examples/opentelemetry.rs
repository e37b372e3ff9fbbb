//! The request span's error fields as OpenTelemetry attributes, through `tracing-opentelemetry`
//! as it comes: `cargo run --example opentelemetry --features axum`.
//!
//! Three requests go through a service with `with_api_errors(…)`: a success, a handler's
//! `NOT_FOUND` and an unknown route. Each ends one `request` span; the example prints every span
//! with its attributes. The two errors carry `error.type`, `http.response.status_code` and
//! `assetpay_errors.code`; the success carries only its request id.
//!
//! The spans go to the SDK's in-memory exporter so that the example runs with nothing else
//! installed; a service exports them to its collector instead (`opentelemetry-otlp`'s span
//! exporter in place of `InMemorySpanExporter`), and nothing else changes.

use assetpay_errors::assetpay::{GenericError, framework_errors};
use assetpay_errors::axum::RouterExt as _;
use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::routing::get;
use http::Request;
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider};
use tower::ServiceExt as _;
use tracing_subscriber::layer::SubscriberExt as _;

async fn find_order(Path(id): Path<u64>) -> Result<String, GenericError> {
    (id == 7)
        .then(|| "order 7".to_owned())
        .ok_or(GenericError::NotFound)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    // The usual setup: tracing's spans become OpenTelemetry spans, their fields attributes.
    let subscriber = tracing_subscriber::registry()
        .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("demo")));
    tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");

    let app: Router = Router::new()
        .route("/orders/{id}", get(find_order))
        .with_api_errors(framework_errors());
    for path in ["/orders/7", "/orders/8", "/nowhere"] {
        let request = Request::get(path).body(Body::empty()).expect("a request");
        let response = app.clone().oneshot(request).await.expect("infallible");
        println!("GET {path} -> {}", response.status());
    }

    provider
        .force_flush()
        .expect("the in-memory exporter flushes");
    for span in exporter.get_finished_spans().expect("finished spans") {
        let attributes: Vec<String> = span
            .attributes
            .iter()
            .map(|attribute| format!("{}={}", attribute.key, attribute.value))
            .collect();
        println!("span `{}`: {}", span.name, attributes.join(", "));
    }
}
