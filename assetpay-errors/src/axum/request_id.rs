//! Request ids: which incoming ids are kept, how new ones are made, and the id of the request
//! being handled on this thread.

use std::cell::Cell;

use http::{HeaderValue, Request};
use tower_http::request_id::RequestId;

/// The header that carries the request id, on requests and responses alike: `x-request-id`,
/// the name the wire description gives it (the OpenAPI documents name the same one).
pub const REQUEST_ID_HEADER: http::HeaderName =
    http::HeaderName::from_static(assetpay_errors_shared::wire::REQUEST_ID_HEADER);

use crate::envelope::{ValidRequestId, is_valid_request_id_bytes};

/// The longest incoming request id that is kept, in bytes: [`ValidRequestId::MAX_LEN`].
pub const MAX_REQUEST_ID_LEN: usize = ValidRequestId::MAX_LEN;

/// Whether `id` may be used as a request id: 1 to [`MAX_REQUEST_ID_LEN`] characters, each an
/// ASCII letter or digit or one of `-`, `_`, `.` and `:`.
///
/// The set is narrow on purpose. An id is echoed in a response header, in every error body and
/// in log lines, so it must not be able to break any of them: no control characters (CR and LF
/// split headers and log lines), no quotes or backslashes (which a naive log or JSON consumer
/// mis-reads), no spaces, no non-ASCII bytes. UUIDs, ULIDs, hexadecimal trace ids and
/// `prefix_123`-style ids all fit. [`ValidRequestId`] is the same check, as a type.
///
/// ```
/// use assetpay_errors::axum::is_valid_request_id;
///
/// assert!(is_valid_request_id("0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f"));
/// assert!(is_valid_request_id("req_01HZX3:retry.2"));
/// assert!(!is_valid_request_id(""));
/// assert!(!is_valid_request_id("two words"));
/// assert!(!is_valid_request_id("\"quoted\""));
/// assert!(!is_valid_request_id("split\r\nSet-Cookie: x=1"));
/// assert!(!is_valid_request_id("caf\u{e9}"));
/// assert!(!is_valid_request_id(&"a".repeat(129)));
/// ```
pub fn is_valid_request_id(id: &str) -> bool {
    is_valid_request_id_bytes(id.as_bytes())
}

/// Removes the request's `x-request-id` header unless it is a single valid id (see
/// [`is_valid_request_id`]), so that tower-http's `SetRequestIdLayer`, which keeps any id it
/// finds, generates a fresh one instead.
///
/// [`ApiErrorLayer`](crate::axum::ApiErrorLayer) runs it first; use it on its own (with
/// `tower::ServiceBuilder::map_request`) only when assembling the layers by hand.
pub fn drop_invalid_request_id<B>(mut request: Request<B>) -> Request<B> {
    if single_valid_id(request.headers()).is_none() {
        request.headers_mut().remove(REQUEST_ID_HEADER);
    }
    request
}

/// The incoming `x-request-id`, when there is exactly one and it is valid: the only id a
/// request keeps.
fn single_valid_id(headers: &http::HeaderMap) -> Option<&HeaderValue> {
    let mut ids = headers.get_all(REQUEST_ID_HEADER).iter();
    match (ids.next(), ids.next()) {
        (Some(id), None) if is_valid_request_id_bytes(id.as_bytes()) => Some(id),
        // Two ids leave no way to tell which one the client meant.
        _ => None,
    }
}

/// The request's id: the `RequestId` extension tower-http's `SetRequestIdLayer` inserts, else the
/// `x-request-id` header, if it is valid.
pub(crate) fn request_id_of<B>(request: &Request<B>) -> Option<HeaderValue> {
    request
        .extensions()
        .get::<RequestId>()
        .map(RequestId::header_value)
        .filter(|id| is_valid_request_id_bytes(id.as_bytes()))
        .or_else(|| {
            request
                .headers()
                .get(REQUEST_ID_HEADER)
                .filter(|id| is_valid_request_id_bytes(id.as_bytes()))
        })
        .cloned()
}

/// The request's id, made its `x-request-id` and its `RequestId` extension: what
/// [`drop_invalid_request_id`] followed by tower-http's
/// `SetRequestIdLayer::new(REQUEST_ID_HEADER, MakeRequestUuid)` do, in one pass over the header.
///
/// A single valid incoming id is kept; anything else (no id, an invalid one, two) is replaced by
/// a fresh UUID in the header and the extension. As with tower-http, a `RequestId` extension an
/// outer layer set is kept when the header held a valid id, and is then the request's id if it is
/// valid itself ([`request_id_of`]); the header's id, which tower-http's
/// `PropagateRequestIdLayer` copies to the response, is then returned too.
pub(crate) fn set_request_id<B>(request: &mut Request<B>) -> SetIds {
    let Some(incoming) = single_valid_id(request.headers()).cloned() else {
        let id = new_request_id();
        // `insert` replaces every value the header had.
        request.headers_mut().insert(REQUEST_ID_HEADER, id.clone());
        request.extensions_mut().insert(RequestId::new(id.clone()));
        return SetIds::same(id);
    };
    match request.extensions().get::<RequestId>() {
        None => {
            request
                .extensions_mut()
                .insert(RequestId::new(incoming.clone()));
            SetIds::same(incoming)
        }
        Some(outer) if is_valid_request_id_bytes(outer.header_value().as_bytes()) => SetIds {
            request: outer.header_value().clone(),
            header: Some(incoming),
        },
        Some(_) => SetIds::same(incoming),
    }
}

/// The ids a request is answered with: those [`set_request_id`] settled on, or one id for both.
pub(crate) struct SetIds {
    /// The request's id, for its envelopes and logs.
    pub(crate) request: HeaderValue,
    /// The request's `x-request-id`, when it is not `request` (an outer layer's extension won).
    header: Option<HeaderValue>,
}

impl SetIds {
    /// `id` as the request's id and its header's.
    pub(crate) fn same(id: HeaderValue) -> Self {
        SetIds {
            request: id,
            header: None,
        }
    }

    /// The id the response's `x-request-id` gets: the request's header's.
    pub(crate) fn header(&self) -> &HeaderValue {
        self.header.as_ref().unwrap_or(&self.request)
    }
}

/// Gives `response` the request's id in `x-request-id` and its `RequestId` extension, unless it
/// has an `x-request-id` of its own: what tower-http's `PropagateRequestIdLayer` does.
pub(crate) fn propagate_request_id<B>(response: &mut http::Response<B>, id: &HeaderValue) {
    if let Some(own) = response.headers().get(REQUEST_ID_HEADER) {
        if response.extensions().get::<RequestId>().is_none() {
            let own = RequestId::new(own.clone());
            response.extensions_mut().insert(own);
        }
        return;
    }
    response.headers_mut().insert(REQUEST_ID_HEADER, id.clone());
    response.extensions_mut().insert(RequestId::new(id.clone()));
}

/// A fresh request id: a random (version 4) UUID, as tower-http's `MakeRequestUuid` makes them.
pub(crate) fn new_request_id() -> HeaderValue {
    let mut buffer = uuid::Uuid::encode_buffer();
    let id = uuid::Uuid::new_v4().hyphenated().encode_lower(&mut buffer);
    HeaderValue::from_str(id).expect("a hyphenated UUID is a valid header value")
}

/// The header value as text; valid ids are ASCII, so this never fails for them.
pub(crate) fn as_text(id: &HeaderValue) -> &str {
    id.to_str().unwrap_or_default()
}

/// The id of a request this module is answering, for the envelope. Every such id passed
/// [`request_id_of`]'s check or came from [`new_request_id`], so the envelope need not scan it
/// for characters to escape.
pub(crate) fn as_valid_id(id: &HeaderValue) -> ValidRequestId<'_> {
    ValidRequestId::already_validated(as_text(id))
}

thread_local! {
    /// The id of the request whose service future is being polled on this thread, set by
    /// [`EnvelopeService`](crate::axum::EnvelopeService) around every poll.
    static CURRENT_REQUEST_ID: Cell<Option<HeaderValue>> = const { Cell::new(None) };
}

/// Runs `work` with `id` as the current request id, restoring the previous one afterwards, even
/// if `work` panics.
pub(crate) fn with_current_request_id<R>(id: &HeaderValue, work: impl FnOnce() -> R) -> R {
    struct Restore(Option<HeaderValue>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT_REQUEST_ID.set(self.0.take());
        }
    }
    let _restore = Restore(CURRENT_REQUEST_ID.replace(Some(id.clone())));
    work()
}

/// The id of the request being handled on this thread, when an
/// [`EnvelopeService`](crate::axum::EnvelopeService) is polling its future.
pub(crate) fn current_request_id() -> Option<HeaderValue> {
    let id = CURRENT_REQUEST_ID.take();
    CURRENT_REQUEST_ID.set(id.clone());
    id
}
