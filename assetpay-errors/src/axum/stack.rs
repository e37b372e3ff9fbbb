//! `ApiErrorLayer`: the one layer to install, doing what tower-http's request-id and
//! catch-panic layers around [`EnvelopeLayer`] do, as one service.

use std::fmt;
use std::task::{Context, Poll};

use axum::Router;
use axum::body::Body;
use axum::response::Response;
use http::Request;
use tower::{Layer, Service};

use crate::axum::envelope_layer::{EnvelopeLayer, EnvelopeService, ResponseFuture};
use crate::axum::framework::FrameworkErrors;
use crate::axum::negotiate::ResponseOptions;
use crate::axum::panic::PanicAsEnvelope;
use crate::axum::telemetry::Telemetry;

/// Makes every error response of a service an envelope carrying the request's id. It does what
/// this stack of layers does, from the outside in:
///
/// 1. [`drop_invalid_request_id`](crate::axum::drop_invalid_request_id) drops an incoming `x-request-id` that is not a valid id;
/// 2. tower-http's `SetRequestIdLayer` keeps the incoming id or generates a UUID v4;
/// 3. [`EnvelopeLayer`] makes the id known to the handlers' error responses and turns plain error
///    responses (axum's rejections, 404 and 405, other middleware's 401, 403, 429, 503 and
///    timeouts, plain 5xx) into envelopes of the entries that mean the same
///    ([`FrameworkErrors`]);
/// 4. tower-http's `PropagateRequestIdLayer` copies the id to the `x-request-id` of every
///    response;
/// 5. tower-http's `CatchPanicLayer` answers panics with [`PanicAsEnvelope`].
///
/// It is one service rather than those five: each layer's future (and `CatchPanicLayer`'s boxed
/// body around every response) costs every request, success included, and one service reads the
/// id's header once. Each step behaves as the layer it stands for; the stack above, assembled
/// by hand, answers alike (the tests run both).
///
/// Install it with [`RouterExt::with_api_errors`], or with `Router::layer` as the last (so
/// outermost) layer: error responses made by layers outside it stay as they are, so
/// authentication, rate limiting, load shedding and timeouts go inside it (layered before).
///
/// The layer takes the team's own entries for the failures no handler returns
/// ([`FrameworkErrors`]); it has no default, because a default would answer an unknown route or
/// a panic with codes the service's catalogue does not declare.
///
/// ```
/// use assetpay_errors::ApiError;
/// use assetpay_errors::axum::{ApiErrorLayer, FrameworkEntries, FrameworkErrors};
/// use axum::{Router, routing::get};
///
/// #[derive(Debug, ApiError)]
/// enum ShopError {
///     /// The request is invalid
///     #[api(code = 5001, key = "INVALID", status = 422)]
///     Invalid,
///     /// No such page
///     #[api(code = 5002, key = "NO_SUCH_PAGE", status = 404)]
///     NoSuchPage,
///     /// Something broke
///     #[api(code = 5003, key = "BROKEN", status = 500)]
///     Broken,
/// }
///
/// let errors = FrameworkErrors::new(FrameworkEntries {
///     not_found: ShopError::NoSuchPage,
///     method_not_allowed: ShopError::NoSuchPage,
///     validation: ShopError::Invalid,
///     payload_too_large: ShopError::Invalid,
///     server_error: ShopError::Broken,
/// });
/// let app: Router = Router::new()
///     .route("/", get(|| async { "hello" }))
///     .layer(ApiErrorLayer::new(errors));
/// ```
#[derive(Debug, Clone)]
pub struct ApiErrorLayer {
    errors: FrameworkErrors,
    telemetry: Telemetry,
    options: ResponseOptions,
}

impl ApiErrorLayer {
    /// The layer, answering for framework failures with `errors`, the team's own entries.
    pub fn new(errors: FrameworkErrors) -> Self {
        ApiErrorLayer {
            errors,
            telemetry: Telemetry::default(),
            options: ResponseOptions::new(),
        }
    }

    /// The same layer, answering as `options` say: problem+json by `Accept` (or by default),
    /// the error-code header, `docUrl` in envelopes.
    pub fn with_options(mut self, options: ResponseOptions) -> Self {
        self.options = options;
        self
    }

    /// The same layer, counting error responses with the `route` label too: the path the router
    /// matched, as declared ([`telemetry`](crate::axum::telemetry#the-route-label)). Install it
    /// with `Router::layer`, which runs it after routing.
    ///
    /// ```
    /// # use assetpay_errors::assetpay::framework_errors;
    /// use assetpay_errors::axum::ApiErrorLayer;
    /// use axum::{Router, routing::get};
    ///
    /// let app: Router = Router::new()
    ///     .route("/orders/{id}", get(|| async { "order" }))
    ///     .layer(ApiErrorLayer::new(framework_errors()).with_route_label());
    /// ```
    #[cfg(feature = "metrics")]
    #[cfg_attr(docsrs, doc(cfg(feature = "metrics")))]
    pub fn with_route_label(mut self) -> Self {
        self.telemetry = self.telemetry.with_route_label();
        self
    }
}

impl<S> Layer<S> for ApiErrorLayer {
    type Service = ApiErrorService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        let stack = EnvelopeLayer::new(self.errors.clone())
            .with_telemetry(self.telemetry)
            .with_options(self.options.clone())
            .with_whole_stack(PanicAsEnvelope::new(self.errors.server_error()))
            .layer(inner);
        ApiErrorService { stack }
    }
}

/// The service [`ApiErrorLayer`] wraps around another.
#[derive(Clone)]
pub struct ApiErrorService<S> {
    stack: EnvelopeService<S>,
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
/// use assetpay_errors::{ApiError, Domain};
/// use assetpay_errors::axum::{FrameworkEntries, FrameworkErrors, RouterExt as _};
/// use axum::{Router, routing::get};
///
/// const ORDERS: Domain = Domain::new("orders", "Orders", 4000..=4099);
///
/// #[derive(Debug, ApiError)]
/// #[api(domain = ORDERS)]
/// enum OrderError {
///     /// The request is invalid
///     #[api(code = 4001, key = "INVALID_REQUEST", status = 422)]
///     InvalidRequest,
///     /// No such order
///     #[api(code = 4002, key = "NO_SUCH_ORDER", status = 404)]
///     NoSuchOrder,
///     /// Something broke
///     #[api(code = 4003, key = "BROKEN", status = 500)]
///     Broken,
/// }
///
/// async fn order() -> Result<String, OrderError> {
///     Err(OrderError::NoSuchOrder)
/// }
///
/// let errors = FrameworkErrors::new(FrameworkEntries {
///     not_found: OrderError::NoSuchOrder,
///     method_not_allowed: OrderError::NoSuchOrder,
///     validation: OrderError::InvalidRequest,
///     payload_too_large: OrderError::InvalidRequest,
///     server_error: OrderError::Broken,
/// });
/// let app: Router = Router::new().route("/orders/{id}", get(order)).with_api_errors(errors);
/// ```
pub trait RouterExt {
    /// The router, with [`ApiErrorLayer::new`]`(errors)` as its outermost layer.
    fn with_api_errors(self, errors: FrameworkErrors) -> Self;
}

impl<State: Clone + Send + Sync + 'static> RouterExt for Router<State> {
    fn with_api_errors(self, errors: FrameworkErrors) -> Self {
        self.layer(ApiErrorLayer::new(errors))
    }
}
