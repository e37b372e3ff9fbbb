//! What the derive's `IntoResponse` impls call (through `__private::axum`): the answer of
//! [`ApiErrorResponse::new`](crate::axum::ApiErrorResponse::new), for a type that may or may not
//! implement `Debug`.
//!
//! A server error's log line carries the error's `Debug` form when it has one. The derive cannot
//! require `Debug` (the `axum` feature is unified across a build, so the requirement would reach
//! every derived type of every crate in it), so it asks at the call site, by autoref
//! specialisation: `(&probe).described()`, with `probe` a [`DebugProbe`] of the error, picks [`WithDebug`] when the error's type
//! implements `Debug` and falls back to [`WithoutDebug`] otherwise.

use std::fmt;

use axum::response::Response;

use crate::api_error::ApiError;
use crate::axum::response::respond;

/// The error the derive's impl answers with, asked whether it implements `Debug`.
pub struct DebugProbe<'a, E>(pub &'a E);

/// Chosen for an error that implements `Debug`.
pub trait WithDebug<'a> {
    /// The error as `Debug`.
    fn described(&self) -> Option<&'a dyn fmt::Debug>;
}

impl<'a, E: fmt::Debug> WithDebug<'a> for DebugProbe<'a, E> {
    fn described(&self) -> Option<&'a dyn fmt::Debug> {
        Some(self.0)
    }
}

/// Chosen, one autoref later, for an error that does not.
pub trait WithoutDebug<'a> {
    /// Nothing to log beyond the code and key.
    fn described(&self) -> Option<&'a dyn fmt::Debug>;
}

impl<'a, E> WithoutDebug<'a> for &DebugProbe<'a, E> {
    fn described(&self) -> Option<&'a dyn fmt::Debug> {
        None
    }
}

/// The response for `error`, `described` as the probe found it.
pub fn into_response<E: ApiError>(error: &E, described: Option<&dyn fmt::Debug>) -> Response {
    respond(error, described, None, None)
}
