//! The request's span and the fields an error response records on it.

use http::HeaderValue;
use http::StatusCode;
use tracing::Span;
use tracing::field::Empty;

use crate::axum::request_id::as_text;
use crate::spec::ErrorSpec;

/// The span field holding the answered entry's key: OpenTelemetry's `error.type`.
pub const ERROR_TYPE: &str = "error.type";

/// The span field holding the status sent: OpenTelemetry's `http.response.status_code`.
pub const HTTP_RESPONSE_STATUS_CODE: &str = "http.response.status_code";

/// The span field holding the answered entry's numeric code. No semantic convention names it, so
/// it is namespaced by this crate's name.
pub const ERROR_CODE: &str = "assetpay_errors.code";

/// The span a request is served in: its id, and the fields an error answer fills in, declared
/// empty so that they can be recorded later (a span only records the fields it declared).
pub(crate) fn request_span(request_id: &HeaderValue) -> Span {
    tracing::info_span!(
        // The target the span had before it moved here, which subscribers' filters may name.
        target: "assetpay_errors::axum::envelope_layer",
        "request",
        request_id = as_text(request_id),
        "error.type" = Empty,
        "http.response.status_code" = Empty,
        "assetpay_errors.code" = Empty,
    )
}

/// Records `spec`, sent with `status`, as the error `span`'s request ended with.
pub(super) fn record(span: &Span, spec: &ErrorSpec, status: StatusCode) {
    if span.is_disabled() {
        return;
    }
    span.record(ERROR_TYPE, spec.key());
    span.record(HTTP_RESPONSE_STATUS_CODE, status.as_u16());
    span.record(ERROR_CODE, spec.code());
}
