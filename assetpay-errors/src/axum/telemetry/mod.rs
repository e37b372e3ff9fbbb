//! Which error every response ended with, on the request's span and (with the `metrics` feature)
//! in a counter.
//!
//! # On the span
//!
//! [`ApiErrorLayer`](crate::axum::ApiErrorLayer) runs each request in a `request` span. When the
//! response is an error envelope, whoever made it (a handler's error, a rejection, an unknown
//! route, a panic, another middleware's plain error), the span gets three fields:
//!
//! | field | value | e.g. |
//! | --- | --- | --- |
//! | [`error.type`](ERROR_TYPE) | the entry's key | `PRICE_CHANGED` |
//! | [`http.response.status_code`](HTTP_RESPONSE_STATUS_CODE) | the status sent | `409` |
//! | [`assetpay_errors.code`](ERROR_CODE) | the entry's numeric code | `3001` |
//!
//! A successful response records none of them. The first two are OpenTelemetry's semantic
//! conventions for HTTP servers, so `tracing-opentelemetry` turns them into the span's
//! attributes as they are; the code has no convention, so it is namespaced by this crate's name,
//! as OpenTelemetry asks of attributes of one's own.
//!
//! A derived error turned into a response with no layer around it (a test calling
//! `into_response`, a service without the layer) records the same fields on the current span,
//! which keeps them if it declared them (`tracing::field::Empty`).
//!
//! # The values a service reports
//!
//! `error.type` must be low-cardinality, and instrumentations should document the values they
//! report (OpenTelemetry's `error.type`). Here the list is the catalogue: the value is always the
//! key of the entry the response answered with, which is either the handler's own error or one
//! of the team's [`FrameworkErrors`](crate::axum::FrameworkErrors) entries, and both are entries
//! of a `&'static` catalogue compiled into the service. Nothing a request carries (its path,
//! query, headers or body) is ever a field's value or a label. The catalogue JSON gives each
//! entry's value as `errorType`, and the reference page ([`crate::reference`]) lists them.
//!
//! # The counter
//!
//! With the `metrics` feature, every error response also increments the counter
//! [`ERROR_RESPONSES_TOTAL`] with the labels `key`, `code` and `status`, and `route` when the
//! service opts in ([`ApiErrorLayer::with_route_label`](crate::axum::ApiErrorLayer::with_route_label)).
//! Success is not counted: the request counter of whatever HTTP instrumentation the service has
//! already counts it, and the error counter's series are then exactly the catalogue's entries.
//!
//! The counter goes through the [`metrics`](https://docs.rs/metrics) facade rather than
//! OpenTelemetry's metrics API:
//! - it is a facade in the way `log` is one: the library increments, the application installs a
//!   recorder (Prometheus, StatsD, OpenTelemetry through `metrics-exporter-opentelemetry`, …), and
//!   until it does, an increment costs a check of an unset global;
//! - it is light to depend on: `metrics` 0.24 depends on one hashing crate, where the
//!   `opentelemetry` crate brings its own context, propagation and global provider machinery;
//! - its API is stable across releases (0.24 has lasted since 2024), where OpenTelemetry's Rust
//!   API has broken at every minor release so far, and a library pinning one of them forces it
//!   on every service that uses the library.
//!
//! Recorders register a series at its first increment: the counter's series are the entries
//! answered so far, each with its own labels, and none can appear that the catalogue does not
//! hold.
//!
//! ## The route label
//!
//! With [`with_route_label`](crate::axum::ApiErrorLayer::with_route_label), the counter also
//! carries `route`: the path the router matched, as declared (`/orders/{id}`, never
//! `/orders/7`), from axum's `MatchedPath`; a request no route matched (an unknown path, answered
//! by the fallback) gets [`UNMATCHED_ROUTE`]. The set of values is the router's routes plus one.
//! It is opt-in because it multiplies the series by the routes, and because axum knows the
//! matched path only when the layer is installed with `Router::layer` (or
//! [`with_api_errors`](crate::axum::RouterExt::with_api_errors)), not around the router as a
//! whole.

#[cfg(feature = "metrics")]
mod counter;
mod span;

use axum::response::Response;
use http::Request;
use http::StatusCode;
use tracing::Span;

use crate::spec::ErrorSpec;

#[cfg(feature = "metrics")]
pub(crate) use self::counter::describe;
#[cfg(feature = "metrics")]
#[cfg_attr(docsrs, doc(cfg(feature = "metrics")))]
pub use self::counter::{ERROR_RESPONSES_TOTAL, UNMATCHED_ROUTE};
pub(crate) use self::span::request_span;
pub use self::span::{ERROR_CODE, ERROR_TYPE, HTTP_RESPONSE_STATUS_CODE};

/// What the layer was asked to record beyond the span's fields.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Telemetry {
    /// Whether the counter carries the `route` label.
    #[cfg(feature = "metrics")]
    route_label: bool,
}

impl Telemetry {
    /// The same, with the counter's `route` label.
    #[cfg(feature = "metrics")]
    pub(crate) fn with_route_label(self) -> Self {
        Telemetry { route_label: true }
    }

    /// What this request's answer will be recorded with, read from the request before the inner
    /// service takes it.
    pub(crate) fn start<B>(self, request: &Request<B>) -> RequestTelemetry {
        #[cfg(feature = "metrics")]
        let route = self.route_label.then(|| counter::route_of(request));
        #[cfg(not(feature = "metrics"))]
        let _ = request;
        RequestTelemetry {
            #[cfg(feature = "metrics")]
            route,
        }
    }
}

/// One request's telemetry, from its start to its answer.
#[derive(Debug)]
pub(crate) struct RequestTelemetry {
    /// The `route` label's value, when the service asked for it.
    #[cfg(feature = "metrics")]
    route: Option<counter::Route>,
}

impl RequestTelemetry {
    /// Records `response` on the current span (the layer calls it inside the request span) and
    /// counts it, when it is an error envelope answering with `spec` that was not counted where
    /// it was made.
    pub(crate) fn answered(&self, response: &Response, spec: Option<&'static ErrorSpec>) {
        if let Some(spec) = spec {
            #[cfg(feature = "metrics")]
            let route = self.route.as_ref();
            #[cfg(not(feature = "metrics"))]
            let route = None;
            let counted = response.extensions().get::<Counted>().is_some();
            record(&Span::current(), spec, response.status(), route, !counted);
        }
    }
}

/// Marks an error response that was counted where it was made, so that a layer it still passes
/// through does not count it twice.
#[derive(Debug, Clone, Copy)]
struct Counted;

/// The `response` a derived error (or `ApiErrorResponse`) answering with `spec` was just turned
/// into: when no layer is polling the task (`outside_layer`), none may see it leave, so it is
/// recorded on the current span and counted here. A layer it reaches after all (an error
/// converted in another task and returned by the handler) records it on the request's span and
/// counts it no more.
pub(crate) fn made(
    mut response: Response,
    spec: &'static ErrorSpec,
    outside_layer: bool,
) -> Response {
    if outside_layer {
        record(&Span::current(), spec, response.status(), None, true);
        response.extensions_mut().insert(Counted);
    }
    response
}

/// The one place an answered error is recorded, by the layer and by a derived error answered
/// with no layer around it alike: the span's fields, then (when `count`) the counter.
fn record(
    span: &Span,
    spec: &'static ErrorSpec,
    status: StatusCode,
    route: Option<&Route>,
    count: bool,
) {
    span::record(span, spec, status);
    #[cfg(feature = "metrics")]
    if count {
        counter::count(spec, status, route);
    }
    #[cfg(not(feature = "metrics"))]
    let _ = (route, count);
}

#[cfg(feature = "metrics")]
use self::counter::Route;

/// Without the counter there is no route to label it with.
#[cfg(not(feature = "metrics"))]
pub(crate) enum Route {}
