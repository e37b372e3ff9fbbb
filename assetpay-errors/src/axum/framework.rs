//! `FrameworkErrors`: which catalogue entries answer for failures that are not a handler's.

use http::StatusCode;

use crate::api_error::ApiError;
use crate::assetpay::GenericError;
use crate::spec::ErrorSpec;

/// The catalogue entries that answer for failures no handler returned: axum's rejections, an
/// unknown route, an oversized body, a panic, or any other plain-text error response.
///
/// [`ApiErrorLayer`](crate::axum::ApiErrorLayer) picks the entry by the status of the response
/// it replaces, in this order:
///
/// | status of the plain response | entry | AssetPay's |
/// | --- | --- | --- |
/// | one given to [`with_status`](Self::with_status) | that entry | — |
/// | 404, 405 | [`not_found`](Self::not_found) | `NOT_FOUND` (1003, 404) |
/// | 413 | [`payload_too_large`](Self::payload_too_large) | `VALIDATION_FAILED` (1001, 422) |
/// | any other 4xx | [`validation`](Self::validation) | `VALIDATION_FAILED` (1001, 422) |
/// | any 5xx, and panics | [`server_error`](Self::server_error) | `SERVER_ERROR` (1006, 500) |
///
/// The response is sent with the entry's status, so a client sees the status the catalogue
/// documents for the code. AssetPay's catalogue has no "payload too large" entry, and a code in
/// AssetPay's ranges cannot be made up here, so an oversized body is a `VALIDATION_FAILED`: the
/// body is a request body that failed validation, and the message says why. A catalogue with
/// its own 413 entry sets it with [`with_payload_too_large`](Self::with_payload_too_large).
///
/// ```
/// use assetpay_errors::ApiError;
/// use assetpay_errors::axum::FrameworkErrors;
/// use http::StatusCode;
///
/// #[derive(Debug, ApiError)]
/// enum LimitError {
///     /// The request body is too large
///     #[api(code = 4013, key = "PAYLOAD_TOO_LARGE", status = 413)]
///     PayloadTooLarge,
/// }
///
/// let errors = FrameworkErrors::assetpay().with_payload_too_large(LimitError::PayloadTooLarge.spec());
/// assert_eq!(errors.spec_for_status(StatusCode::PAYLOAD_TOO_LARGE).code(), 4013);
/// assert_eq!(errors.spec_for_status(StatusCode::UNSUPPORTED_MEDIA_TYPE).code(), 1001);
/// assert_eq!(errors.spec_for_status(StatusCode::METHOD_NOT_ALLOWED).code(), 1003);
/// assert_eq!(errors.spec_for_status(StatusCode::BAD_GATEWAY).code(), 1006);
/// ```
#[derive(Debug, Clone)]
pub struct FrameworkErrors {
    validation: &'static ErrorSpec,
    not_found: &'static ErrorSpec,
    payload_too_large: &'static ErrorSpec,
    server_error: &'static ErrorSpec,
    by_status: Vec<(StatusCode, &'static ErrorSpec)>,
}

impl FrameworkErrors {
    /// AssetPay's entries, from [`GenericError`]; see the table above.
    pub fn assetpay() -> Self {
        FrameworkErrors {
            validation: GenericError::ValidationFailed.spec(),
            not_found: GenericError::NotFound.spec(),
            payload_too_large: GenericError::ValidationFailed.spec(),
            server_error: GenericError::ServerError.spec(),
            by_status: Vec::new(),
        }
    }

    /// The same entries, answering malformed requests (syntax errors, missing fields, wrong
    /// content type, unparsable path or query) with `spec`.
    pub fn with_validation(mut self, spec: &'static ErrorSpec) -> Self {
        self.validation = spec;
        self
    }

    /// The same entries, answering unknown routes and methods with `spec`.
    pub fn with_not_found(mut self, spec: &'static ErrorSpec) -> Self {
        self.not_found = spec;
        self
    }

    /// The same entries, answering request bodies over the limit with `spec`.
    pub fn with_payload_too_large(mut self, spec: &'static ErrorSpec) -> Self {
        self.payload_too_large = spec;
        self
    }

    /// The same entries, answering panics and plain 5xx responses with `spec`.
    ///
    /// # Panics
    ///
    /// If `spec` is not a server error (5xx): a panic must never look like the client's fault.
    pub fn with_server_error(mut self, spec: &'static ErrorSpec) -> Self {
        assert_server_error(spec, "server-error");
        self.server_error = spec;
        self
    }

    /// The same entries, answering plain responses with `status` with `spec`, ahead of the
    /// rules above (a `401` from an authentication middleware, say).
    pub fn with_status(mut self, status: StatusCode, spec: &'static ErrorSpec) -> Self {
        self.by_status.retain(|(known, _)| *known != status);
        self.by_status.push((status, spec));
        self
    }

    /// The entry for malformed requests.
    pub fn validation(&self) -> &'static ErrorSpec {
        self.validation
    }

    /// The entry for unknown routes and methods.
    pub fn not_found(&self) -> &'static ErrorSpec {
        self.not_found
    }

    /// The entry for oversized request bodies.
    pub fn payload_too_large(&self) -> &'static ErrorSpec {
        self.payload_too_large
    }

    /// The entry for panics and plain 5xx responses.
    pub fn server_error(&self) -> &'static ErrorSpec {
        self.server_error
    }

    /// The entry that replaces a plain error response with `status` (4xx or 5xx).
    pub fn spec_for_status(&self, status: StatusCode) -> &'static ErrorSpec {
        if let Some((_, spec)) = self.by_status.iter().find(|(known, _)| *known == status) {
            return spec;
        }
        match status {
            StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => self.not_found,
            StatusCode::PAYLOAD_TOO_LARGE => self.payload_too_large,
            status if status.is_server_error() => self.server_error,
            _ => self.validation,
        }
    }
}

impl Default for FrameworkErrors {
    fn default() -> Self {
        FrameworkErrors::assetpay()
    }
}

/// Panics unless `spec` is a server error (5xx): a server's own failure must never look like the
/// client's fault. `role` names the entry in the message.
pub(crate) fn assert_server_error(spec: &ErrorSpec, role: &str) {
    assert!(
        spec.is_server_error(),
        "the {role} entry `{}` has status {}, expected a 5xx status",
        spec.key(),
        spec.status().as_u16(),
    );
}
