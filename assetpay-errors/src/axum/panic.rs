//! `PanicAsEnvelope`: tower-http's `CatchPanicLayer` answers panics with an envelope.

use std::any::Any;
use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};

use axum::body::Body;
use http::Response;
use tower_http::catch_panic::ResponseForPanic;

use crate::axum::framework::Role;
use crate::axum::request_id::{as_text, current_request_id, new_request_id};
use crate::axum::response::AnsweredError;
use crate::spec::ErrorSpec;

/// A panic handler for tower-http's `CatchPanicLayer::custom`: answers with the envelope of a
/// server-error entry and logs the panic's message with the request id. The message never
/// reaches the body.
///
/// [`ApiErrorLayer`](crate::axum::ApiErrorLayer) installs it with
/// [`FrameworkErrors::server_error`](crate::axum::FrameworkErrors::server_error).
#[derive(Debug, Clone, Copy)]
pub struct PanicAsEnvelope {
    spec: &'static ErrorSpec,
}

impl PanicAsEnvelope {
    /// The handler, answering panics with `spec`.
    ///
    /// # Panics
    ///
    /// If `spec` is not a server error (5xx), or interpolates fields into its message (a panic
    /// has no values to fill in).
    pub fn new(spec: &'static ErrorSpec) -> Self {
        Role::Panic.assert(spec);
        PanicAsEnvelope { spec }
    }
}

impl ResponseForPanic for PanicAsEnvelope {
    type ResponseBody = Body;

    fn response_for_panic(&mut self, panic: Box<dyn Any + Send + 'static>) -> Response<Body> {
        let request_id = current_request_id().unwrap_or_else(new_request_id);
        let message = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("(the panic's payload is not a string)");
        tracing::error!(
            request_id = as_text(&request_id),
            code = self.spec.code(),
            key = self.spec.key(),
            panic = message,
            "a handler panicked; answering with a server error",
        );
        AnsweredError::new(self.spec, Cow::Borrowed(self.spec.message()))
            .into_response_with(request_id, None)
    }
}

/// Runs `work`, answering a panic in it with `panics`' envelope when there is a handler: what
/// tower-http's `CatchPanicLayer` does around the inner service's `call` and each poll of its
/// future. Without a handler a panic unwinds as it would.
///
/// The inner service and its future are not used again after a panic (the answer is the panic's
/// envelope), which is why asserting unwind safety is sound, as it is for tower-http. The
/// panic's answer is boxed so that the result of every call that did not panic stays small.
pub(crate) fn catching<T>(
    panics: Option<PanicAsEnvelope>,
    work: impl FnOnce() -> T,
) -> Result<T, Box<Response<Body>>> {
    match panics {
        None => Ok(work()),
        Some(mut handler) => catch_unwind(AssertUnwindSafe(work))
            .map_err(|panic| Box::new(handler.response_for_panic(panic))),
    }
}
