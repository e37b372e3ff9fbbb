//! `InvalidRequest`: a request refused for its data, with the field violations that say why,
//! and `ExtractionRejection`, what this crate's extractors reject with.

use std::fmt;
use std::sync::Arc;

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use http::header::CONTENT_TYPE;
use http::{HeaderValue, StatusCode};

use crate::violation::{FieldViolation, MAX_DETAILS};

/// A request whose data failed validation, and which parts failed: what
/// [`Json`](crate::axum::Json), [`Form`](crate::axum::Form), [`Query`](crate::axum::Query),
/// [`Path`](crate::axum::Path) (and, with the `validator` feature, `Valid`) reject a request with,
/// and what a handler can answer with itself.
///
/// As a response it is a plain-text client error that
/// [`ApiErrorLayer`](crate::axum::ApiErrorLayer) turns into an envelope of the entry
/// [`FrameworkErrors`](crate::axum::FrameworkErrors) picks for its status
/// (`VALIDATION_FAILED` with AssetPay's), whose `details` are these violations and whose
/// `message` is the entry's own, with nothing appended: the violations carry the explanation.
/// Without the layer the client gets the plain text, one violation a line.
///
/// ```
/// use assetpay_errors::axum::InvalidRequest;
/// use assetpay_errors::violation::{FieldViolation, Reason};
/// use axum::response::IntoResponse;
///
/// async fn search() -> Result<String, InvalidRequest> {
///     Err(InvalidRequest::new(vec![FieldViolation::query(
///         "q",
///         Reason::TooShort,
///         "q must be at least 3 characters",
///     )]))
/// }
///
/// let answer = InvalidRequest::new(Vec::new()).into_response();
/// assert_eq!(answer.status(), 422);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidRequest {
    status: StatusCode,
    violations: Arc<[FieldViolation]>,
}

impl InvalidRequest {
    /// The rejection for `violations`, answered `422 Unprocessable Entity` (the status of
    /// AssetPay's `VALIDATION_FAILED`).
    pub fn new(violations: impl Into<Vec<FieldViolation>>) -> Self {
        InvalidRequest {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            violations: violations.into().into(),
        }
    }

    /// The same rejection, sent with `status` to the layer, which picks the entry for it (the
    /// extractors use axum's statuses: 400 for syntax, query and path, 415 for a content type,
    /// 422 for data). A status that is not a client error (4xx) is ignored: a refused request
    /// is the client's to fix.
    #[must_use]
    pub fn with_status(mut self, status: StatusCode) -> Self {
        if status.is_client_error() {
            self.status = status;
        }
        self
    }

    /// The status the rejection is answered with before the layer sees it.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The violations.
    pub fn violations(&self) -> &[FieldViolation] {
        &self.violations
    }

    /// The violations, shared rather than copied.
    pub(crate) fn shared_violations(&self) -> Arc<[FieldViolation]> {
        Arc::clone(&self.violations)
    }
}

/// One violation a line, as in [`FieldViolation`]'s `Display`: at most
/// [`MAX_DETAILS`] of them, then how many more there are, as an envelope sends them.
impl fmt::Display for InvalidRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, violation) in self.violations.iter().take(MAX_DETAILS).enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{violation}")?;
        }
        let more = self.violations.len().saturating_sub(MAX_DETAILS);
        if more > 0 {
            write!(f, "\nand {more} more")?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidRequest {}

impl IntoResponse for InvalidRequest {
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::from(self.to_string()));
        *response.status_mut() = self.status;
        response.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        // The layer reads the violations from here, not from the text.
        response.extensions_mut().insert(self);
        response
    }
}

/// Why one of this crate's extractors refused a request.
#[derive(Debug)]
#[non_exhaustive]
pub enum ExtractionRejection {
    /// The request's data is at fault, and the violations say where.
    Invalid(InvalidRequest),
    /// axum's own rejection, answered as axum answers it: a body over the size limit, a body that
    /// could not be read, or a route without the parameters a [`Path`](crate::axum::Path)
    /// expects (a server bug, answered 500).
    Framework(Response),
}

impl From<InvalidRequest> for ExtractionRejection {
    fn from(invalid: InvalidRequest) -> Self {
        ExtractionRejection::Invalid(invalid)
    }
}

impl IntoResponse for ExtractionRejection {
    fn into_response(self) -> Response {
        match self {
            ExtractionRejection::Invalid(invalid) => invalid.into_response(),
            ExtractionRejection::Framework(response) => response,
        }
    }
}
