//! Error values as responses: `ApiErrorResponse`, and the `AnsweredError` every error response
//! carries in its extensions.

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;
use std::sync::{Arc, Once};
use std::time::Duration;

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use http::HeaderValue;
use http::header::{CONTENT_TYPE, RETRY_AFTER};

use crate::api_error::ApiError;
use crate::axum::request_id::{
    REQUEST_ID_HEADER, as_text, as_valid_id, current_request_id, new_request_id,
};
use crate::axum::telemetry;
use crate::envelope::Envelope;
use crate::params::Params;
use crate::spec::ErrorSpec;
use crate::violation::FieldViolation;

/// What a handler returns: `Ok` with the success response, or an [`ApiErrorResponse`].
///
/// ```
/// use assetpay_errors::assetpay::GenericError;
/// use assetpay_errors::axum::ApiResult;
///
/// async fn find_order(id: u64) -> ApiResult<String, GenericError> {
///     let order = lookup(id).ok_or(GenericError::NotFound)?;
///     Ok(order)
/// }
/// # fn lookup(_: u64) -> Option<String> { None }
/// ```
pub type ApiResult<T, E> = Result<T, ApiErrorResponse<E>>;

/// An [`ApiError`] on its way out as an HTTP response: the error's status,
/// `content-type: application/json`, the [`Envelope`] with the request's id as the body, the id in
/// `x-request-id`, and `Retry-After` for retryable errors that say how long to wait.
///
/// Build it with `From` (so `?` converts an `E`), [`new`](Self::new), and optionally
/// [`with_source`](Self::with_source) and [`with_retry_after`](Self::with_retry_after).
///
/// # The request id
///
/// `IntoResponse` cannot see the request, so the id comes from
/// [`ApiErrorLayer`](crate::axum::ApiErrorLayer), which makes the id of the request it is serving
/// known to the code its handler future runs, and checks every error response on its way out.
/// Without the layer the response is still a complete envelope: it gets a fresh id, in the body
/// and in `x-request-id` alike, and a warning is logged once that the layer is missing.
///
/// # Server errors
///
/// For a 5xx error the error (its `Debug` form) and the source, when one was attached, are logged
/// with `tracing::error!` together with the request id, code and key. Neither ever reaches the
/// body: it carries the error's declared message only.
pub struct ApiErrorResponse<E> {
    error: E,
    source: Option<Box<dyn StdError + Send + Sync>>,
    retry_after: Option<u32>,
}

impl<E> ApiErrorResponse<E> {
    /// The response for `error`.
    pub fn new(error: E) -> Self {
        ApiErrorResponse {
            error,
            source: None,
            retry_after: None,
        }
    }

    /// The same response, with the underlying failure attached for the log. It is logged for
    /// server errors (5xx), with its whole `source()` chain, and never sent to the client.
    pub fn with_source(mut self, source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The same response, telling the client to wait `wait` (rounded up to whole seconds) before
    /// retrying, in place of the `retry_after` the error declares: a rate limiter knows better
    /// than the declaration how long the client has to wait.
    ///
    /// `Retry-After` is only ever sent for errors the catalogue declares retryable; for others
    /// this has no effect.
    pub fn with_retry_after(mut self, wait: Duration) -> Self {
        let secs = wait
            .as_secs()
            .saturating_add(u64::from(wait.subsec_nanos() > 0));
        self.retry_after = Some(u32::try_from(secs).unwrap_or(u32::MAX));
        self
    }

    /// The error.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The error, without the response around it.
    pub fn into_error(self) -> E {
        self.error
    }
}

impl<E> From<E> for ApiErrorResponse<E> {
    fn from(error: E) -> Self {
        ApiErrorResponse::new(error)
    }
}

impl<E: fmt::Debug> fmt::Debug for ApiErrorResponse<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiErrorResponse")
            .field("error", &self.error)
            .field("source", &self.source)
            .field("retry_after", &self.retry_after)
            .finish()
    }
}

impl<E: ApiError + fmt::Debug> IntoResponse for ApiErrorResponse<E> {
    fn into_response(self) -> Response {
        respond(
            &self.error,
            Some(&self.error),
            self.source.as_deref(),
            self.retry_after,
        )
    }
}

/// The response for `error`, as [`ApiErrorResponse`] and the derive's `IntoResponse` impls
/// answer it: `described` is the error's `Debug` form for a server error's log line, when the
/// error has one; `retry_after` a wait in place of the declared one.
pub(crate) fn respond<E: ApiError>(
    error: &E,
    described: Option<&dyn fmt::Debug>,
    source: Option<&(dyn StdError + Send + Sync + 'static)>,
    retry_after: Option<u32>,
) -> Response {
    let spec = error.spec();
    let request_id = current_request_id();
    let outside_layer = request_id.is_none();
    let request_id = request_id.unwrap_or_else(|| {
        warn_once_layer_missing();
        new_request_id()
    });
    if spec.is_server_error() {
        tracing::error!(
            request_id = as_text(&request_id),
            code = spec.code(),
            key = spec.key(),
            error = described.map(tracing::field::debug),
            source = source.map(|source| tracing::field::display(SourceChain(source))),
            "answering with a server error",
        );
    }
    let retry_after = match retry_after {
        Some(secs) => Some(secs),
        None => spec.retry_after_secs(),
    }
    .filter(|_| spec.is_retryable());
    // A message that interpolates nothing is the declared text (`ApiError::message`'s
    // contract), which the body renders from the derive's pre-escaped form.
    let message = if spec.is_interpolated() {
        Cow::Owned(error.message().into_owned())
    } else {
        Cow::Borrowed(spec.message())
    };
    // Only an error with violations pays for copying them; a server error sends none.
    let details = error.details();
    let details = (!details.is_empty() && !spec.is_server_error()).then(|| Arc::from(details));
    // Kept for the layer, which sends them when the service opts in (and which localizes with
    // them); only an interpolated message has any.
    let params = spec.is_interpolated().then(|| Arc::new(Params::of(error)));
    let response = AnsweredError {
        spec,
        message,
        details,
        params,
    }
    .into_response_with(request_id, retry_after);
    telemetry::made(response, spec, outside_layer)
}

/// Logs, once per process, that an error response was built outside
/// [`ApiErrorLayer`](crate::axum::ApiErrorLayer): incoming request ids are then not honoured and
/// axum's own rejections stay plain text, which is easy to miss because nothing else fails.
fn warn_once_layer_missing() {
    static WARNED: Once = Once::new();
    WARNED.call_once(|| {
        tracing::warn!(
            "an API error was answered with no request id in scope: the service is not wrapped in \
             assetpay_errors::axum::ApiErrorLayer (or the error was turned into a response outside \
             the request's task); a fresh request id was generated"
        );
    });
}

/// An error and its `source()` chain, joined with `": "`.
struct SourceChain<'a>(&'a (dyn StdError + 'static));

impl fmt::Display for SourceChain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut cause = self.0.source();
        while let Some(error) = cause {
            write!(f, ": {error}")?;
            cause = error.source();
        }
        Ok(())
    }
}

/// The error a response answered with: its catalogue entry and client-facing message (and field
/// violations), without a request id. Named for what it is rather than `…Envelope`: the envelope
/// is the body, which adds the request's id to this.
///
/// Every error response this module builds carries one in its extensions. The layer uses it to
/// re-render the body when the id in it is not the request's; your own middleware can read it to
/// count errors by key, say.
///
/// ```
/// use assetpay_errors::assetpay::GenericError;
/// use assetpay_errors::axum::{ApiErrorResponse, AnsweredError};
/// use axum::response::IntoResponse;
///
/// let response = ApiErrorResponse::new(GenericError::NotFound).into_response();
/// let error = response.extensions().get::<AnsweredError>().unwrap();
/// assert_eq!((error.spec().key(), error.message()), ("NOT_FOUND", "Resource not found"));
/// ```
#[derive(Debug, Clone)]
pub struct AnsweredError {
    spec: &'static ErrorSpec,
    message: Cow<'static, str>,
    /// `None` when there are none: most errors, which then allocate nothing for them.
    details: Option<Arc<[FieldViolation]>>,
    /// The message's parameters; `None` for a message that interpolates nothing.
    params: Option<Arc<Params>>,
}

impl AnsweredError {
    pub(crate) fn new(spec: &'static ErrorSpec, message: Cow<'static, str>) -> Self {
        AnsweredError {
            spec,
            message,
            details: None,
            params: None,
        }
    }

    /// The same envelope, sending `details` (none for a server error).
    pub(crate) fn with_details(mut self, details: Arc<[FieldViolation]>) -> Self {
        if !details.is_empty() && !self.spec.is_server_error() {
            self.details = Some(details);
        }
        self
    }

    /// The same error, with the parameters `other` was answered with: for a translation of
    /// `other`'s message, which fills in the same values.
    #[cfg(feature = "l10n")]
    pub(crate) fn with_params_of(mut self, other: &AnsweredError) -> Self {
        self.params = other.params.clone();
        self
    }

    /// The field violations the body sends in `details`.
    pub fn details(&self) -> &[FieldViolation] {
        self.details.as_deref().unwrap_or_default()
    }

    /// The catalogue entry of the error.
    pub fn spec(&self) -> &'static ErrorSpec {
        self.spec
    }

    /// The client-facing message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The parameters of the message (see [`params`](crate::params)): the values an
    /// interpolated message filled in, by name; `None` when it interpolates nothing, as every
    /// message the layer writes for a framework failure does.
    pub fn params(&self) -> Option<&Params> {
        self.params.as_deref()
    }

    /// The envelope, answering the request `request_id`.
    pub fn envelope<'a>(&'a self, request_id: &'a str) -> Envelope<'a> {
        Envelope::from_spec(request_id, self.spec, &*self.message).with_details(self.details())
    }

    /// The envelope's JSON for `request_id`.
    pub(crate) fn render(&self, request_id: &HeaderValue) -> Body {
        let envelope =
            Envelope::from_spec("", self.spec, &*self.message).with_details(self.details());
        Body::from(
            envelope
                .with_valid_request_id(as_valid_id(request_id))
                .to_json_vec(),
        )
    }

    /// The complete response: status, headers, body, and `self` in the extensions.
    pub(crate) fn into_response_with(
        self,
        request_id: HeaderValue,
        retry_after: Option<u32>,
    ) -> Response {
        let (mut parts, ()) = Response::new(()).into_parts();
        let body = self.answer_in(&mut parts, request_id, retry_after);
        Response::from_parts(parts, body)
    }

    /// Makes `parts` this error's answer and returns its body: the entry's status, the envelope's
    /// `content-type`, `x-request-id` and `Retry-After` in place of any the parts had, and `self`
    /// in the extensions; every other header and extension the parts held stays. The layer
    /// answers a plain error response in its own parts this way, so that the headers that carry
    /// meaning (`Allow`, `WWW-Authenticate`) are kept without copying them into new ones.
    pub(crate) fn answer_in(
        self,
        parts: &mut http::response::Parts,
        request_id: HeaderValue,
        retry_after: Option<u32>,
    ) -> Body {
        let body = self.render(&request_id);
        parts.status = self.spec.status();
        let headers = &mut parts.headers;
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(REQUEST_ID_HEADER, request_id);
        if let Some(secs) = retry_after {
            headers.insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        parts.extensions.insert(self);
        body
    }
}
