//! `EnvelopeLayer`: every error response leaves as an envelope carrying the request's id.

use std::borrow::Cow;
use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use axum::body::{Body, Bytes, HttpBody};
use axum::response::Response;
use http::header::{
    CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER, TRANSFER_ENCODING,
};
use http::{HeaderMap, HeaderValue, Request, StatusCode};
use tower::{BoxError, Layer, Service};
use tower_http::request_id::RequestId;
use tracing::Instrument;

use crate::axum::framework::FrameworkErrors;
use crate::axum::negotiate::{self, ResponseOptions};
use crate::axum::panic::{PanicAsEnvelope, catching};
use crate::axum::request_id::{
    REQUEST_ID_HEADER, SetIds, as_text, new_request_id, propagate_request_id, request_id_of,
    set_request_id, with_current_request_id,
};
use crate::axum::response::AnsweredError;
use crate::axum::telemetry::{self, Telemetry};
use crate::axum::violations::InvalidRequest;
use crate::spec::ErrorSpec;

/// How much of a plain error response is read to quote it in the message or the log.
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
///   [`FrameworkErrors`] picks for its status, sent with the status
///   [`FrameworkErrors::status_for`] keeps (the plain response's own, so a 405 stays a 405), so that a 401, 403, 429 or 503 from another
///   middleware keeps its meaning (and its `Retry-After`, `WWW-Authenticate` or `Allow`
///   header; `Retry-After` only when the entry is retryable).
///
/// A plain client error made by [`InvalidRequest`] (the rejection of this crate's
/// [`Json`](crate::axum::Json), [`Query`](crate::axum::Query) and [`Path`](crate::axum::Path))
/// sends its violations as the envelope's `details`, with the entry's message alone: the
/// violations say, as data, what the text said. For any other plain response, what its body
/// said (its first 512 bytes, as far as they are ready: the layer never waits for a body that
/// has not arrived, see below):
/// - a 400, 413, 415 or 422 (axum's rejections of a malformed request) is appended to the
///   entry's message, because it tells the client what is wrong with its own input;
/// - any other 4xx is logged at `INFO` and dropped: it is another middleware's own wording and
///   may say anything about the service, and the entry's message says what the client needs;
/// - a 5xx is logged at `ERROR` and dropped.
///
/// A plain response whose body is not all there (an upstream that sent a 502 and the start of
/// its body, then stalled) is answered at once with what had arrived: no frame that is not
/// ready is waited for, so a stalled body can never hold the client's answer back.
///
/// Every error response it lets out is recorded on the request span, and counted with the
/// `metrics` feature ([`telemetry`](crate::axum::telemetry)).
#[derive(Debug, Clone)]
pub struct EnvelopeLayer {
    errors: Arc<FrameworkErrors>,
    telemetry: Telemetry,
    options: Arc<ResponseOptions>,
    whole_stack: Option<PanicAsEnvelope>,
}

impl EnvelopeLayer {
    /// The layer, answering for framework failures with `errors`, the team's own entries: there
    /// is no default, so that no service answers with codes its catalogue does not declare.
    pub fn new(errors: FrameworkErrors) -> Self {
        #[cfg(feature = "metrics")]
        telemetry::describe();
        EnvelopeLayer {
            errors: Arc::new(errors),
            telemetry: Telemetry::default(),
            options: Arc::default(),
            whole_stack: None,
        }
    }

    /// The same layer, answering as `options` say: the format by `Accept`, the opt-in extras.
    pub fn with_options(mut self, options: ResponseOptions) -> Self {
        self.options = Arc::new(options);
        self
    }

    /// The same layer, counting error responses with the `route` label too: the route's matched
    /// path ([`telemetry`](crate::axum::telemetry#the-route-label)).
    #[cfg(feature = "metrics")]
    #[cfg_attr(docsrs, doc(cfg(feature = "metrics")))]
    pub fn with_route_label(mut self) -> Self {
        self.telemetry = self.telemetry.with_route_label();
        self
    }

    /// The same layer, recording with `telemetry`.
    pub(crate) fn with_telemetry(mut self, telemetry: Telemetry) -> Self {
        self.telemetry = telemetry;
        self
    }

    /// The same layer, doing itself what the other layers of
    /// [`ApiErrorLayer`](crate::axum::ApiErrorLayer)'s stack do: it drops an invalid incoming id
    /// and sets the request's (`drop_invalid_request_id`, `SetRequestIdLayer`), answers panics
    /// with `panics` (`CatchPanicLayer`), and gives the response the id (`PropagateRequestIdLayer`),
    /// each exactly as those do. One service instead of five saves every request four futures,
    /// the boxed body `CatchPanicLayer` wraps each response's body in, and a second look at the
    /// id's header (BENCHMARKS.md, "Telemetry (#25)").
    pub(crate) fn with_whole_stack(mut self, panics: PanicAsEnvelope) -> Self {
        self.whole_stack = Some(panics);
        self
    }
}

impl<S> Layer<S> for EnvelopeLayer {
    type Service = EnvelopeService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        EnvelopeService {
            inner,
            errors: Arc::clone(&self.errors),
            telemetry: self.telemetry,
            options: Arc::clone(&self.options),
            whole_stack: self.whole_stack,
        }
    }
}

/// The service [`EnvelopeLayer`] wraps around another.
#[derive(Debug, Clone)]
pub struct EnvelopeService<S> {
    inner: S,
    errors: Arc<FrameworkErrors>,
    telemetry: Telemetry,
    options: Arc<ResponseOptions>,
    /// Set when the service is the whole of `ApiErrorLayer`'s stack
    /// ([`EnvelopeLayer::with_whole_stack`]): the panic handler.
    whole_stack: Option<PanicAsEnvelope>,
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

    fn call(&mut self, mut request: Request<RequestBody>) -> Self::Future {
        let whole_stack = self.whole_stack;
        let ids = match whole_stack {
            Some(_) => set_request_id(&mut request),
            None => SetIds::same(request_id_of(&request).unwrap_or_else(new_request_id)),
        };
        let request_id = &ids.request;
        let span = telemetry::request_span(request_id);
        let telemetry = self.telemetry.start(&request);
        let format = self.options.format_for(request.headers());
        #[cfg(feature = "l10n")]
        let language = self.options.language_for(request.headers());
        let inner = with_current_request_id(request_id, || {
            catching(whole_stack, || self.inner.call(request))
        });
        let errors = Arc::clone(&self.errors);
        let options = Arc::clone(&self.options);
        Box::pin(
            async move {
                let mut response = match inner {
                    Ok(inner) => {
                        WithRequestId {
                            inner: pin!(inner),
                            request_id: &ids.request,
                            panics: whole_stack,
                        }
                        .await?
                    }
                    Err(panicked) => *panicked,
                };
                if whole_stack.is_some() {
                    propagate_request_id(&mut response, ids.header());
                }
                let response = complete(response, ids.request, &errors);
                let answered = response.extensions().get::<AnsweredError>();
                telemetry.answered(&response, answered.map(AnsweredError::spec));
                Ok(negotiate::finish(
                    response,
                    &options,
                    format,
                    #[cfg(feature = "l10n")]
                    language,
                ))
            }
            .instrument(span),
        )
    }
}

/// Polls `inner` with `request_id` as the current request id, so that code building a response
/// in it (`IntoResponse`, the panic handler) knows which request it answers, answering a panic
/// in a poll with `panics`' envelope when there is a handler.
struct WithRequestId<'a, F> {
    inner: Pin<&'a mut F>,
    request_id: &'a HeaderValue,
    panics: Option<PanicAsEnvelope>,
}

impl<F, ResponseBody, E> Future for WithRequestId<'_, F>
where
    F: Future<Output = Result<http::Response<ResponseBody>, E>>,
    ResponseBody: HttpBody<Data = Bytes> + Send + 'static,
    ResponseBody::Error: Into<BoxError>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let inner = this.inner.as_mut();
        with_current_request_id(this.request_id, || {
            match catching(this.panics, || inner.poll(cx)) {
                Ok(polled) => polled.map(|answer| answer.map(|response| response.map(Body::new))),
                Err(panicked) => Poll::Ready(Ok(*panicked)),
            }
        })
    }
}

/// The response as it leaves: envelopes carry `request_id`, plain error responses become
/// envelopes.
///
/// Not `async`: it reads only what a plain body has ready ([`read_ready_prefix`]), and a plain
/// function keeps its state out of the future every request allocates.
fn complete(response: Response, request_id: HeaderValue, errors: &FrameworkErrors) -> Response {
    let (mut parts, body) = response.into_parts();
    if let Some(error) = parts.extensions.get::<AnsweredError>() {
        if parts.headers.get(REQUEST_ID_HEADER) == Some(&request_id) {
            return Response::from_parts(parts, body);
        }
        let body = error.render(&request_id);
        // The id's propagation inside (this service's own, or tower-http's layer) gave the
        // response the id it carried.
        if parts.extensions.get::<RequestId>().is_some() {
            parts.extensions.insert(RequestId::new(request_id.clone()));
        }
        parts.headers.insert(REQUEST_ID_HEADER, request_id);
        parts.headers.remove(CONTENT_LENGTH);
        return Response::from_parts(parts, body);
    }
    let status = parts.status;
    if !(status.is_client_error() || status.is_server_error()) || is_json(&parts.headers) {
        return Response::from_parts(parts, body);
    }
    let spec = errors.spec_for_status(status);
    let invalid = parts.extensions.remove::<InvalidRequest>();
    let prefix = read_ready_prefix(body, QUOTED_BODY_LIMIT);
    let text = quoted_text(&prefix);
    let message = if let Some(invalid) = invalid.as_ref().filter(|_| !spec.is_server_error()) {
        // The violations say what the text says, as data.
        tracing::debug!(
            request_id = as_text(&request_id),
            status = status.as_u16(),
            violations = %invalid,
            "a rejection with field violations was answered with an envelope",
        );
        Cow::Borrowed(spec.message())
    } else if status.is_server_error() || spec.is_server_error() {
        tracing::error!(
            request_id = as_text(&request_id),
            status = status.as_u16(),
            code = spec.code(),
            key = spec.key(),
            body = &*text,
            "a plain server error response was replaced by an envelope",
        );
        Cow::Borrowed(spec.message())
    } else if is_quoted(status) && !text.is_empty() {
        // Joined by hand: `format!` would walk its formatting machinery for three pieces.
        let mut message = String::with_capacity(spec.message().len() + 2 + text.len());
        message.push_str(spec.message());
        message.push_str(": ");
        message.push_str(&text);
        Cow::Owned(message)
    } else {
        if !text.is_empty() {
            tracing::info!(
                request_id = as_text(&request_id),
                status = status.as_u16(),
                code = spec.code(),
                key = spec.key(),
                body = &*text,
                "a plain client error response was replaced by an envelope; its text is not sent",
            );
        }
        Cow::Borrowed(spec.message())
    };
    // Headers the plain response had (`Allow` on a 405, `WWW-Authenticate` on a 401,
    // `Retry-After` on a 429 or 503) still hold: the envelope is answered in its parts.
    drop_plain_body_headers(&mut parts.headers, spec);
    let mut envelope = AnsweredError::new(spec, message);
    if let Some(invalid) = invalid {
        envelope = envelope.with_details(invalid.shared_violations());
    }
    let body = envelope.answer_in(&mut parts, request_id, None);
    // The plain response's status survives (405 stays 405, 413 stays 413), but for malformed
    // requests, which take the validation entry's: `FrameworkErrors::status_for`.
    parts.status = errors.status_for(status);
    Response::from_parts(parts, body)
}

/// Drops the headers that described the plain response's body (its length, transfer and
/// content encoding: the envelope is a new body, whose type [`AnsweredError::answer_in`] sets),
/// and keeps `Retry-After` only as [`keep_retry_after_if_retryable`] says.
///
/// The names are looked at in one pass and only those present are removed, because a plain
/// response has two or three headers and each `remove` hashes its name.
fn drop_plain_body_headers(headers: &mut HeaderMap, spec: &ErrorSpec) {
    let (mut length, mut transfer, mut encoding, mut retry_after) = (false, false, false, false);
    for name in headers.keys() {
        length |= name == CONTENT_LENGTH;
        transfer |= name == TRANSFER_ENCODING;
        encoding |= name == CONTENT_ENCODING;
        retry_after |= name == RETRY_AFTER;
    }
    for (present, name) in [
        (length, CONTENT_LENGTH),
        (transfer, TRANSFER_ENCODING),
        (encoding, CONTENT_ENCODING),
    ] {
        if present {
            headers.remove(name);
        }
    }
    keep_retry_after_if_retryable(headers, retry_after, spec);
}

/// Whether a plain client error's text is appended to the envelope's message: only for the
/// statuses axum's extractors answer malformed requests with (400, 413, 415, 422), whose text
/// says what is wrong with the client's own input (missing field `quantity`, say). Any other
/// middleware's text (an authentication layer's, a rate limiter's) is its own wording and may
/// say anything about the service, so it is logged and the entry's message says what the client
/// needs.
fn is_quoted(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::BAD_REQUEST
            | StatusCode::PAYLOAD_TOO_LARGE
            | StatusCode::UNSUPPORTED_MEDIA_TYPE
            | StatusCode::UNPROCESSABLE_ENTITY
    )
}

/// `Retry-After` is sent for retryable entries only, as for handler errors: the plain response's
/// own value when it had one (the middleware knows how long its limit lasts), else the wait the
/// entry declares. A non-retryable entry drops it, so no client waits to retry what will fail.
fn keep_retry_after_if_retryable(headers: &mut HeaderMap, present: bool, spec: &ErrorSpec) {
    if !spec.is_retryable() {
        if present {
            headers.remove(RETRY_AFTER);
        }
    } else if !present && let Some(secs) = spec.retry_after_secs() {
        headers.insert(RETRY_AFTER, HeaderValue::from(secs));
    }
}

/// Whether the response says its body is JSON (`application/json` or a `+json` type): such a
/// body was written on purpose and is left alone.
///
/// Only the media type's essence (before any `;`) is read, as bytes: every plain error response
/// passes through here, and the parameters, which may hold any byte, say nothing about the type.
pub(crate) fn is_json(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers.get(CONTENT_TYPE) else {
        return false;
    };
    let value = content_type.as_bytes();
    let essence = value.split(|&byte| byte == b';').next().unwrap_or_default();
    let essence = essence.trim_ascii();
    let suffix = essence.len().checked_sub(5).map(|start| &essence[start..]);
    essence.eq_ignore_ascii_case(b"application/json")
        || suffix.is_some_and(|suffix| suffix.eq_ignore_ascii_case(b"+json"))
}

/// Up to `limit` bytes of `body` that are ready now. Reading stops at the first frame that is
/// not ready, at the end of the body, or at an error, with what was read so far. A body of one
/// frame (axum's rejections, most plain responses) is returned as it is, without a copy.
///
/// No deadline is waited for: a body that is not all there yet is a stream from somewhere else
/// (an upstream that sent its status and stalled, say), and the client's answer must not hang on
/// it. The text is only a quote for the message or the log, and needs no timer (so no runtime's
/// timer is assumed either).
fn read_ready_prefix(mut body: Body, limit: usize) -> Bytes {
    // Nothing waits to be woken: a frame that is not ready ends the reading, and the body is
    // dropped with it.
    let mut ready_now = Context::from_waker(Waker::noop());
    let mut first = Bytes::new();
    // Only a second frame makes a copy.
    let mut joined = Vec::new();
    while first.len() + joined.len() < limit {
        let Poll::Ready(Some(Ok(frame))) = Pin::new(&mut body).poll_frame(&mut ready_now) else {
            break;
        };
        let Ok(mut data) = frame.into_data() else {
            // Trailers say nothing to quote.
            continue;
        };
        data.truncate(limit - first.len() - joined.len());
        if first.is_empty() && joined.is_empty() {
            first = data;
        } else {
            if joined.is_empty() {
                joined.extend_from_slice(&std::mem::take(&mut first));
            }
            joined.extend_from_slice(&data);
        }
    }
    if joined.is_empty() {
        first
    } else {
        Bytes::from(joined)
    }
}

/// `prefix` as trimmed text for the message or the log: invalid UTF-8, such as a character cut
/// at the limit, becomes U+FFFD. Valid text is borrowed; `str::from_utf8` is tried first because
/// it checks ASCII a word at a time, where the lossy decoder goes character by character.
fn quoted_text(prefix: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(prefix) {
        Ok(text) => Cow::Borrowed(text.trim()),
        Err(_) => Cow::Owned(String::from_utf8_lossy(prefix).trim().to_owned()),
    }
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
            "application/json-seq",
            "text/plain; profile=application/json",
            "",
        ] {
            assert!(!is_json(&with_content_type(other)), "{other}");
        }
        // Bytes outside visible ASCII in the parameters do not hide the type.
        let mut headers = HeaderMap::new();
        let value = HeaderValue::from_bytes(b"application/json; title=caf\xe9").unwrap();
        headers.insert(CONTENT_TYPE, value);
        assert!(is_json(&headers));
        assert!(!is_json(&HeaderMap::new()));
    }

    fn quoted(body: Body, limit: usize) -> String {
        quoted_text(&read_ready_prefix(body, limit)).into_owned()
    }

    #[test]
    fn a_quoted_body_is_cut_at_the_limit_and_trimmed() {
        assert_eq!(quoted(Body::from("  too long  "), 6), "too");
        assert_eq!(quoted(Body::from("\n short \n"), 512), "short");
        assert_eq!(quoted(Body::from("caf\u{e9}"), 4), "caf\u{fffd}");
    }

    /// A body of the frames given, all ready, then a trailer.
    struct Frames(std::collections::VecDeque<http_body::Frame<Bytes>>);

    impl HttpBody for Frames {
        type Data = Bytes;
        type Error = std::convert::Infallible;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
            Poll::Ready(self.0.pop_front().map(Ok))
        }
    }

    fn frames(parts: &[&'static str]) -> Body {
        let mut frames: std::collections::VecDeque<_> = parts
            .iter()
            .map(|part| http_body::Frame::data(Bytes::from_static(part.as_bytes())))
            .collect();
        frames.push_back(http_body::Frame::trailers(HeaderMap::new()));
        frames.push_back(http_body::Frame::data(Bytes::from_static(b" after")));
        Body::new(Frames(frames))
    }

    #[test]
    fn a_body_of_several_frames_is_quoted_whole_up_to_the_limit() {
        assert_eq!(
            quoted(frames(&["one", ", two", ", three"]), 512),
            "one, two, three after"
        );
        assert_eq!(quoted(frames(&["one", ", two", ", three"]), 7), "one, tw");
        assert_eq!(
            quoted(frames(&["", "caf", "\u{e9}"]), 512),
            "caf\u{e9} after"
        );
        // A character split across frames is whole once both are read, and cut at the limit.
        let split = "caf\u{e9}".as_bytes();
        let (start, end) = split.split_at(4);
        let body = Body::new(Frames(
            [start, end]
                .map(|part| http_body::Frame::data(Bytes::copy_from_slice(part)))
                .into(),
        ));
        assert_eq!(quoted(body, 512), "caf\u{e9}");
        assert_eq!(quoted(frames(&["caf\u{e9}", "x"]), 4), "caf\u{fffd}");
    }
}
