//! axum 0.8 integration (the `axum` feature): handlers return [`ApiErrorResponse`]s, and
//! [`ApiErrorLayer`] makes every error response of the service an [`Envelope`](crate::Envelope)
//! carrying the request's id.
//!
//! ```
//! use assetpay_errors::assetpay::GenericError;
//! use assetpay_errors::axum::{ApiResult, RouterExt as _};
//! use axum::{Router, extract::Path, routing::get};
//!
//! async fn order(Path(id): Path<u64>) -> ApiResult<String, GenericError> {
//!     let order = (id == 7).then(|| "order 7".to_owned()).ok_or(GenericError::NotFound)?;
//!     Ok(order)
//! }
//!
//! let app: Router = Router::new().route("/orders/{id}", get(order)).with_api_errors();
//! ```
//!
//! What a client then gets:
//!
//! - a handler's error: its status, `content-type: application/json`, the envelope, the request
//!   id in the body and in `x-request-id`, and `Retry-After` for a retryable error that says how
//!   long to wait ([`ApiErrorResponse`]);
//! - the request id: the client's `x-request-id` when it is valid ([`is_valid_request_id`]),
//!   else a fresh UUID v4;
//! - axum's own failures (rejections, unknown routes and methods, oversized bodies), panics,
//!   and the plain error responses of other middleware (authentication, rate limits, load
//!   shedding, timeouts) as envelopes too, each with the entry that means what its status
//!   means ([`FrameworkErrors`]), its `Retry-After`, `WWW-Authenticate` or `Allow` kept;
//! - a request whose data does not fit, read with this crate's [`Json`], [`Form`], [`Query`]
//!   or [`Path`] (and, with the `validator` feature, checked with `Valid`): `VALIDATION_FAILED`
//!   whose `details` say which field failed and why ([`InvalidRequest`], and the
//!   [`violation`](crate::violation) module for the format); axum's own extractors can only say
//!   it in text, which is appended to the message;
//! - for every server error, the details in the log (`tracing`, with the request id) and only
//!   the declared message in the body.
//!
//! The README's "axum integration" section walks through it all with a runnable demo
//! (`cargo run --example server --features axum`).

#[doc(hidden)]
pub mod derived;
mod deserialize;
mod envelope_layer;
mod extract;
mod framework;
mod panic;
mod request_id;
mod response;
mod stack;
mod status_entry;
#[cfg(feature = "validator")]
mod valid;
mod violations;

pub use self::envelope_layer::{EnvelopeLayer, EnvelopeService, ResponseFuture};
pub use self::extract::{Form, Json, Path, Query};
pub use self::framework::FrameworkErrors;
pub use self::panic::PanicAsEnvelope;
pub use self::request_id::{
    MAX_REQUEST_ID_LEN, REQUEST_ID_HEADER, drop_invalid_request_id, is_valid_request_id,
};
pub use self::response::{ApiErrorResponse, ApiResult, ErrorEnvelope};
pub use self::stack::{ApiErrorLayer, ApiErrorService, RouterExt};
#[cfg(feature = "validator")]
pub use self::valid::Valid;
pub use self::violations::{ExtractionRejection, InvalidRequest};
