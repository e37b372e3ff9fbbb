//! `EnvelopeLayer`: every error response leaves as an envelope carrying the request's id.

use std::borrow::Cow;
use std::future::{Future, poll_fn};
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};
use axum::response::Response;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING};
use http::{HeaderMap, HeaderValue, Request};
use tower::{BoxError, Layer, Service};
use tracing::Instrument;

use crate::axum::framework::FrameworkErrors;
use crate::axum::request_id::{
    REQUEST_ID_HEADER, as_text, new_request_id, request_id_of, with_current_request_id,
};
use crate::axum::response::ErrorEnvelope;

/// How much of a plain error response is read to quote it in the message (4xx) or the log (5xx).
const QUOTED_BODY_LIMIT: usize = 512;

/// The part of [`ApiErrorLayer`](crate::axum::ApiErrorLayer) that turns responses into envelopes;
/// use it directly only when assembling the layers by hand, inside tower-http's
/// `SetRequestIdLayer` and outside its `CatchPanicLayer`.
///
/// For each request it
/// - takes the request's id from tower-http's `RequestId` extension or the `x-request-id` header
///   (generating one if neither holds a valid id),
/// - runs the inner service in a `request` tracing span with a `request_id` field, and makes the
///   id known to [`ApiErrorResponse`](crate::axum::ApiErrorResponse) and
///   [`PanicAsEnvelope`](crate::axum::PanicAsEnvelope) while the inner future is polled,
/// - re-renders an envelope response whose id is not the request's (one built outside the
///   request's task, say),
/// - replaces every other 4xx or 5xx response that is not JSON, which is how axum's rejections,
///   its 404 and 405 and any plain-text error look, with an envelope of the entry
///   [`FrameworkErrors`] picks for its status. A 4xx response's text is appended to the message;
///   a 5xx response's text is logged and dropped.
#[derive(Debug, Clone, Default)]
pub struct EnvelopeLayer {
    errors: Arc<FrameworkErrors>,
}

impl EnvelopeLayer {
    /// The layer, answering for framework failures with `errors`.
    pub fn new(errors: FrameworkErrors) -> Self {
        EnvelopeLayer {
            errors: Arc::new(errors),
        }
    }
}

impl<S> Layer<S> for EnvelopeLayer {
    type Service = EnvelopeService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        EnvelopeService {
            inner,
            errors: Arc::clone(&self.errors),
        }
    }
}

/// The service [`EnvelopeLayer`] wraps around another.
#[derive(Debug, Clone)]
pub struct EnvelopeService<S> {
    inner: S,
    errors: Arc<FrameworkErrors>,
}

/// The future of an [`EnvelopeService`] (and of [`ApiErrorService`](crate::axum::ApiErrorService)).
pub type ResponseFuture<E> = Pin<Box<dyn Future<Output = Result<Response, E>> + Send + 'static>>;

impl<S, RequestBody, ResponseBody> Service<Request<RequestBody>> for EnvelopeService<S>
where
    S: Service<Request<RequestBody>, Response = http::Response<ResponseBody>>,
    S::Future: Send + 'static,
    ResponseBody: HttpBody<Data = Bytes> + Send + 'static,
    ResponseBody::Error: Into<BoxError>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ResponseFuture<S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<RequestBody>) -> Self::Future {
        let request_id = request_id_of(&request).unwrap_or_else(new_request_id);
        let span = tracing::info_span!("request", request_id = as_text(&request_id));
        let inner = with_current_request_id(&request_id, || self.inner.call(request));
        let errors = Arc::clone(&self.errors);
        Box::pin(
            async move {
                let response = WithRequestId {
                    inner: pin!(inner),
                    request_id: &request_id,
                }
                .await?;
                Ok(complete(response.map(Body::new), request_id, &errors).await)
            }
            .instrument(span),
        )
    }
}

/// Polls `inner` with `request_id` as the current request id, so that code building a response
/// in it (`IntoResponse`, the panic handler) knows which request it answers.
struct WithRequestId<'a, F> {
    inner: Pin<&'a mut F>,
    request_id: &'a HeaderValue,
}

impl<F: Future> Future for WithRequestId<'_, F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let request_id = self.request_id;
        with_current_request_id(request_id, || self.inner.as_mut().poll(cx))
    }
}

/// The response as it leaves: envelopes carry `request_id`, plain error responses become
/// envelopes.
async fn complete(
    response: Response,
    request_id: HeaderValue,
    errors: &FrameworkErrors,
) -> Response {
    let (mut parts, body) = response.into_parts();
    if let Some(error) = parts.extensions.get::<ErrorEnvelope>() {
        if parts.headers.get(REQUEST_ID_HEADER) == Some(&request_id) {
            return Response::from_parts(parts, body);
        }
        let body = error.render(&request_id);
        parts.headers.insert(REQUEST_ID_HEADER, request_id);
        parts.headers.remove(CONTENT_LENGTH);
        return Response::from_parts(parts, body);
    }
    let status = parts.status;
    if !(status.is_client_error() || status.is_server_error()) || is_json(&parts.headers) {
        return Response::from_parts(parts, body);
    }
    let spec = errors.spec_for_status(status);
    let text = read_prefix(body, QUOTED_BODY_LIMIT).await;
    let message = if status.is_server_error() || spec.is_server_error() {
        tracing::error!(
            request_id = as_text(&request_id),
            status = status.as_u16(),
            code = spec.code(),
            key = spec.key(),
            body = text.as_str(),
            "a plain server error response was replaced by an envelope",
        );
        Cow::Borrowed(spec.message())
    } else if text.is_empty() {
        Cow::Borrowed(spec.message())
    } else {
        Cow::Owned(format!("{}: {text}", spec.message()))
    };
    for header in [CONTENT_TYPE, CONTENT_LENGTH, TRANSFER_ENCODING] {
        parts.headers.remove(header);
    }
    let mut envelope = ErrorEnvelope::new(spec, message).into_response_with(request_id, None);
    // Headers the plain response had (`Allow` on a 405, say) still hold.
    let envelope_headers = std::mem::take(envelope.headers_mut());
    let (mut envelope_parts, envelope_body) = envelope.into_parts();
    envelope_parts.headers = parts.headers;
    envelope_parts.headers.extend(envelope_headers);
    envelope_parts.extensions.extend(parts.extensions);
    Response::from_parts(envelope_parts, envelope_body)
}

/// Whether the response says its body is JSON (`application/json` or a `+json` type): such a
/// body was written on purpose and is left alone.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    let suffix = essence.as_bytes().rchunks(5).next().unwrap_or_default();
    essence.eq_ignore_ascii_case("application/json") || suffix.eq_ignore_ascii_case(b"+json")
}

/// Up to `limit` bytes of `body` as trimmed text (invalid UTF-8, such as a character cut at the
/// limit, becomes U+FFFD); a body that fails midway yields what was read.
async fn read_prefix(mut body: Body, limit: usize) -> String {
    let mut bytes = Vec::new();
    while bytes.len() < limit {
        match poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref() {
                    let room = limit - bytes.len();
                    bytes.extend_from_slice(&data[..data.len().min(room)]);
                }
            }
            Some(Err(_)) | None => break,
        }
    }
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim();
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_content_type(content_type: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        headers
    }

    #[test]
    fn json_bodies_are_recognised_by_their_media_type() {
        for json in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/problem+json",
            "application/vnd.api+JSON ; q=1",
        ] {
            assert!(is_json(&with_content_type(json)), "{json}");
        }
        for other in [
            "text/plain; charset=utf-8",
            "json",
            "text/html",
            "application/jsonp",
        ] {
            assert!(!is_json(&with_content_type(other)), "{other}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }

    #[tokio::test]
    async fn a_quoted_body_is_cut_at_the_limit_and_trimmed() {
        assert_eq!(read_prefix(Body::from("  too long  "), 6).await, "too");
        assert_eq!(read_prefix(Body::from("\n short \n"), 512).await, "short");
        assert_eq!(read_prefix(Body::from("caf\u{e9}"), 4).await, "caf\u{fffd}");
    }
}
