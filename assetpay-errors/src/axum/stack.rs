//! `ApiErrorLayer`: the one layer to install, made of tower-http's request-id and catch-panic
//! layers around [`EnvelopeLayer`].

use std::fmt;
use std::task::{Context, Poll};

use axum::Router;
use axum::body::Body;
use axum::response::Response;
use http::Request;
use tower::util::MapRequest;
use tower::{Layer, Service, ServiceBuilder};
use tower_http::catch_panic::{CatchPanic, CatchPanicLayer};
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestId, PropagateRequestIdLayer, SetRequestId, SetRequestIdLayer,
};

use crate::axum::envelope_layer::{EnvelopeLayer, EnvelopeService, ResponseFuture};
use crate::axum::framework::FrameworkErrors;
use crate::axum::panic::PanicAsEnvelope;
use crate::axum::request_id::{REQUEST_ID_HEADER, drop_invalid_request_id};

/// Makes every error response of a service an envelope carrying the request's id. From the
/// outside in:
///
/// 1. [`drop_invalid_request_id`] drops an incoming `x-request-id` that is not a valid id;
/// 2. tower-http's `SetRequestIdLayer` keeps the incoming id or generates a UUID v4;
/// 3. [`EnvelopeLayer`] makes the id known to the handlers' error responses and turns plain error
///    responses (axum's rejections, 404 and 405, other middleware's 401, 403, 429, 503 and
///    timeouts, plain 5xx) into envelopes of the entries that mean the same
///    ([`FrameworkErrors`]);
/// 4. tower-http's `PropagateRequestIdLayer` copies the id to the `x-request-id` of every
///    response;
/// 5. tower-http's `CatchPanicLayer` answers panics with [`PanicAsEnvelope`].
///
/// Install it with [`RouterExt::with_api_errors`], or with `Router::layer` as the last (so
/// outermost) layer: error responses made by layers outside it stay as they are, so
/// authentication, rate limiting, load shedding and timeouts go inside it (layered before).
///
/// ```
/// use assetpay_errors::axum::{ApiErrorLayer, FrameworkErrors};
/// use axum::{Router, routing::get};
///
/// let app: Router = Router::new()
///     .route("/", get(|| async { "hello" }))
///     .layer(ApiErrorLayer::with_framework_errors(FrameworkErrors::assetpay()));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ApiErrorLayer {
    errors: FrameworkErrors,
}

impl ApiErrorLayer {
    /// The layer, with AssetPay's entries for framework failures
    /// ([`FrameworkErrors::assetpay`]).
    pub fn new() -> Self {
        ApiErrorLayer::default()
    }

    /// The layer, answering for framework failures with `errors`.
    pub fn with_framework_errors(errors: FrameworkErrors) -> Self {
        ApiErrorLayer { errors }
    }
}

/// [`drop_invalid_request_id`] for the body type `Router::layer` hands its layers, as a function
/// pointer so that the stack's type can be named.
type DropInvalidRequestId = fn(Request<Body>) -> Request<Body>;

type Stack<S> = MapRequest<
    SetRequestId<
        EnvelopeService<PropagateRequestId<CatchPanic<S, PanicAsEnvelope>>>,
        MakeRequestUuid,
    >,
    DropInvalidRequestId,
>;

impl<S> Layer<S> for ApiErrorLayer {
    type Service = ApiErrorService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        let stack = ServiceBuilder::new()
            .map_request(drop_invalid_request_id as DropInvalidRequestId)
            .layer(SetRequestIdLayer::new(REQUEST_ID_HEADER, MakeRequestUuid))
            .layer(EnvelopeLayer::new(self.errors.clone()))
            .layer(PropagateRequestIdLayer::new(REQUEST_ID_HEADER))
            .layer(CatchPanicLayer::custom(PanicAsEnvelope::new(
                self.errors.server_error(),
            )))
            .service(inner);
        ApiErrorService { stack }
    }
}

/// The service [`ApiErrorLayer`] wraps around another.
#[derive(Clone)]
pub struct ApiErrorService<S> {
    stack: Stack<S>,
}

impl<S> fmt::Debug for ApiErrorService<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiErrorService").finish_non_exhaustive()
    }
}

impl<S, ResponseBody> Service<Request<Body>> for ApiErrorService<S>
where
    S: Service<Request<Body>, Response = http::Response<ResponseBody>> + Send + 'static,
    S::Future: Send + 'static,
    S::Error: 'static,
    ResponseBody: axum::body::HttpBody<Data = axum::body::Bytes> + Send + 'static,
    ResponseBody::Error: Into<tower::BoxError>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ResponseFuture<S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.stack.poll_ready(cx)
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        self.stack.call(request)
    }
}

/// Installs [`ApiErrorLayer`] on a [`Router`].
///
/// ```
/// use assetpay_errors::assetpay::GenericError;
/// use assetpay_errors::axum::{ApiResult, RouterExt as _};
/// use axum::{Router, routing::get};
///
/// async fn order() -> ApiResult<String, GenericError> {
///     Err(GenericError::NotFound.into())
/// }
///
/// let app: Router = Router::new().route("/orders/{id}", get(order)).with_api_errors();
/// ```
pub trait RouterExt {
    /// The router, with [`ApiErrorLayer::new`] as its outermost layer.
    fn with_api_errors(self) -> Self;

    /// The router, with [`ApiErrorLayer::with_framework_errors`] as its outermost layer.
    fn with_api_errors_using(self, errors: FrameworkErrors) -> Self;
}

impl<State: Clone + Send + Sync + 'static> RouterExt for Router<State> {
    fn with_api_errors(self) -> Self {
        self.layer(ApiErrorLayer::new())
    }

    fn with_api_errors_using(self, errors: FrameworkErrors) -> Self {
        self.layer(ApiErrorLayer::with_framework_errors(errors))
    }
}
