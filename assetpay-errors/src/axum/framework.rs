//! `FrameworkErrors`: which catalogue entries answer for failures that are not a handler's.

use http::StatusCode;

use crate::api_error::ApiError;
use crate::assetpay::{AccountError, AuthError, GenericError};
use crate::axum::status_entry::{entry_for_status, statuses_of};
use crate::spec::ErrorSpec;

/// The catalogue entries that answer for failures no handler returned: axum's rejections, an
/// unknown route, an oversized body, a panic, and the plain error responses of other middleware
/// (an authentication layer's 401, a rate limiter's 429, load shedding's 503, a timeout).
///
/// # The status keeps its meaning
///
/// The entries are a table keyed by status, built from the catalogue itself: for each status an
/// enum of generic errors declares, [`from_generic_errors`](Self::from_generic_errors) and
/// [`with_generic_errors`](Self::with_generic_errors) take **the entry with that status, when
/// there is exactly one**. When several share a status, the one whose key spells the status's
/// reason phrase is taken (`UNAUTHORIZED` for `401 Unauthorized` among AssetPay's six 401
/// entries, `SERVICE_UNAVAILABLE` for `503 Service Unavailable` among its four 503 ones), and
/// when none does the status is left to the rules below: picking one of several entries by
/// declaration order would be a guess, and a guess is how a logged-out user gets told their
/// data is invalid. Entries with interpolated messages are never taken (a plain response has no
/// values to fill them).
///
/// A response is answered by, in this order:
///
/// 1. the entry set last for its exact status, by [`with_status`](Self::with_status), a role
///    setter below, or the catalogue table;
/// 2. for a status the table does not answer, the entry that keeps its class (4xx or 5xx) and
///    its retryability, because the client decides what to do from those two alone:
///
/// | plain status without its own entry | answered by | why |
/// | --- | --- | --- |
/// | 410 | [`not_found`](Self::not_found) | "gone" is "not found" for good |
/// | 408, 504 (timeouts) | the table's 503 entry, when it is retryable; else [`server_error`](Self::server_error) | a timeout layer's 408 says the *server* did not finish in time, not that the client was slow to send: it is the server's condition, and it passes |
/// | any other 4xx | [`validation`](Self::validation) | the client must change the request; not retryable |
/// | any other 5xx (502, 501, …) | [`server_error`](Self::server_error) | nothing says waiting helps; not retryable |
///
/// With AssetPay's entries ([`assetpay`](Self::assetpay)) that gives:
///
/// | plain status | envelope |
/// | --- | --- |
/// | 400, 415, 422 (axum's rejections), 413 (a body over the limit), other 4xx | `VALIDATION_FAILED` (1001, 422) |
/// | 401 | `UNAUTHORIZED` (1100, 401) |
/// | 403 | `FORBIDDEN` (1300, 403) |
/// | 404, 405, 410 | `NOT_FOUND` (1003, 404) |
/// | 409 | `CONFLICT` (1004, 409) |
/// | 429 | `RATE_LIMITED` (1005, 429, retryable) |
/// | 503, and the timeouts 408 and 504 | `SERVICE_UNAVAILABLE` (1009, 503, retryable) |
/// | 500, other 5xx, panics | `SERVER_ERROR` (1006, 500) |
///
/// Of AssetPay's four 503 entries, `SERVICE_UNAVAILABLE` is the one whose key says no more than
/// the status: `SYSTEM_MAINTENANCE` would claim a maintenance and `FLEET_DEGRADED` a Steam bot
/// outage that did not happen, and `NO_BOTS_AVAILABLE` is not retryable.
///
/// The response is sent with the entry's status, so a client sees the status the catalogue
/// documents for the code. AssetPay's catalogue has no "payload too large" entry, and a code in
/// AssetPay's ranges cannot be made up here, so an oversized body is a `VALIDATION_FAILED`: the
/// body is a request body that failed validation, and the message says why. A catalogue with
/// its own 413 entry gets it from [`with_generic_errors`](Self::with_generic_errors) or
/// [`with_payload_too_large`](Self::with_payload_too_large).
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
/// let errors = FrameworkErrors::assetpay().with_generic_errors::<LimitError>();
/// assert_eq!(errors.spec_for_status(StatusCode::PAYLOAD_TOO_LARGE).code(), 4013);
/// assert_eq!(errors.spec_for_status(StatusCode::UNAUTHORIZED).key(), "UNAUTHORIZED");
/// assert_eq!(errors.spec_for_status(StatusCode::UNSUPPORTED_MEDIA_TYPE).code(), 1001);
/// assert_eq!(errors.spec_for_status(StatusCode::METHOD_NOT_ALLOWED).code(), 1003);
/// assert_eq!(errors.spec_for_status(StatusCode::GATEWAY_TIMEOUT).key(), "SERVICE_UNAVAILABLE");
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

/// The statuses axum's extractors answer a malformed request with.
const REJECTION_STATUSES: [StatusCode; 3] = [
    StatusCode::BAD_REQUEST,
    StatusCode::UNSUPPORTED_MEDIA_TYPE,
    StatusCode::UNPROCESSABLE_ENTITY,
];

impl FrameworkErrors {
    /// AssetPay's entries: [`from_generic_errors`](Self::from_generic_errors) of
    /// [`GenericError`] (`VALIDATION_FAILED` for malformed requests, `SERVER_ERROR` for panics),
    /// [`with_generic_errors`](Self::with_generic_errors) of [`AuthError`] and [`AccountError`].
    /// See the table above.
    pub fn assetpay() -> Self {
        FrameworkErrors::from_generic_errors(
            GenericError::ValidationFailed,
            GenericError::ServerError,
        )
        .with_generic_errors::<AuthError>()
        .with_generic_errors::<AccountError>()
    }

    /// The entries of a team's own catalogue, in one call: each status `E` declares is answered
    /// by `E`'s entry for it (see the rule above); `validation` answers axum's rejections (400,
    /// 415, 422) unless `E` has its own entry for that status, and any 4xx without one;
    /// `server_error` answers panics and any 5xx without an entry. Unknown routes and methods
    /// are `E`'s 404 entry, oversized bodies its 413 entry, each `validation` when `E` has none.
    ///
    /// ```
    /// use assetpay_errors::ApiError;
    /// use assetpay_errors::axum::FrameworkErrors;
    /// use http::StatusCode;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ShopError {
    ///     /// The request is invalid
    ///     #[api(code = 5001, key = "INVALID", status = 400)]
    ///     Invalid,
    ///     /// Sign in first
    ///     #[api(code = 5002, key = "SIGN_IN", status = 401)]
    ///     SignIn,
    ///     /// Slow down
    ///     #[api(code = 5003, key = "SLOW_DOWN", status = 429, retryable)]
    ///     SlowDown,
    ///     /// Something broke
    ///     #[api(code = 5004, key = "BROKEN", status = 500)]
    ///     Broken,
    /// }
    ///
    /// let errors = FrameworkErrors::from_generic_errors(ShopError::Invalid, ShopError::Broken);
    /// assert_eq!(errors.spec_for_status(StatusCode::UNAUTHORIZED).key(), "SIGN_IN");
    /// assert_eq!(errors.spec_for_status(StatusCode::TOO_MANY_REQUESTS).key(), "SLOW_DOWN");
    /// assert_eq!(errors.spec_for_status(StatusCode::UNPROCESSABLE_ENTITY).key(), "INVALID");
    /// assert_eq!(errors.spec_for_status(StatusCode::NOT_FOUND).key(), "INVALID");
    /// assert_eq!(errors.spec_for_status(StatusCode::BAD_GATEWAY).key(), "BROKEN");
    /// ```
    ///
    /// # Panics
    ///
    /// If `server_error` is not a server error (5xx).
    pub fn from_generic_errors<E: ApiError>(validation: E, server_error: E) -> Self {
        let validation = validation.spec();
        let server_error = server_error.spec();
        assert_server_error(server_error, "server-error");
        FrameworkErrors {
            validation,
            not_found: validation,
            payload_too_large: validation,
            server_error,
            by_status: Vec::new(),
        }
        .with_validation(validation)
        .with_not_found(validation)
        .with_payload_too_large(validation)
        .with_server_error(server_error)
        .with_generic_errors::<E>()
    }

    /// The same entries, with each status `E` declares answered by `E`'s entry for it (the
    /// rule above), in place of what answered it before; a 404 entry also answers unknown
    /// methods (405) and 410, a 500 entry also panics.
    pub fn with_generic_errors<E: ApiError>(mut self) -> Self {
        for status in statuses_of(E::CATALOG) {
            let Some(spec) = entry_for_status(E::CATALOG, status) else {
                continue;
            };
            self = match status {
                StatusCode::NOT_FOUND => self.with_not_found(spec),
                StatusCode::PAYLOAD_TOO_LARGE => self.with_payload_too_large(spec),
                StatusCode::INTERNAL_SERVER_ERROR => self.with_server_error(spec),
                status => self.with_status(status, spec),
            };
        }
        self
    }

    /// The same entries, answering malformed requests (syntax errors, missing fields, wrong
    /// content type, unparsable path or query: axum's 400, 415 and 422) and any 4xx without an
    /// entry of its own with `spec`.
    pub fn with_validation(mut self, spec: &'static ErrorSpec) -> Self {
        self.validation = spec;
        for status in REJECTION_STATUSES {
            self = self.with_status(status, spec);
        }
        self
    }

    /// The same entries, answering unknown routes and methods (404, 405) and 410 with `spec`.
    pub fn with_not_found(mut self, spec: &'static ErrorSpec) -> Self {
        self.not_found = spec;
        self.with_status(StatusCode::NOT_FOUND, spec)
            .with_status(StatusCode::METHOD_NOT_ALLOWED, spec)
    }

    /// The same entries, answering request bodies over the limit (413) with `spec`.
    pub fn with_payload_too_large(mut self, spec: &'static ErrorSpec) -> Self {
        self.payload_too_large = spec;
        self.with_status(StatusCode::PAYLOAD_TOO_LARGE, spec)
    }

    /// The same entries, answering panics, plain 500s and any 5xx without an entry of its own
    /// with `spec`.
    ///
    /// # Panics
    ///
    /// If `spec` is not a server error (5xx): a panic must never look like the client's fault.
    pub fn with_server_error(mut self, spec: &'static ErrorSpec) -> Self {
        assert_server_error(spec, "server-error");
        self.server_error = spec;
        self.with_status(StatusCode::INTERNAL_SERVER_ERROR, spec)
    }

    /// The same entries, answering plain responses with `status` with `spec`, in place of what
    /// answered them before (a `401` from an authentication middleware, say).
    pub fn with_status(mut self, status: StatusCode, spec: &'static ErrorSpec) -> Self {
        self.by_status.retain(|(known, _)| *known != status);
        self.by_status.push((status, spec));
        self
    }

    /// The entry for malformed requests, and for 4xx statuses without an entry of their own.
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

    /// The entry for panics, and for 5xx statuses without an entry of their own.
    pub fn server_error(&self) -> &'static ErrorSpec {
        self.server_error
    }

    /// The entry that replaces a plain error response with `status` (4xx or 5xx).
    pub fn spec_for_status(&self, status: StatusCode) -> &'static ErrorSpec {
        if let Some(spec) = self.entry_of(status) {
            return spec;
        }
        match status {
            StatusCode::GONE => self.not_found,
            StatusCode::REQUEST_TIMEOUT | StatusCode::GATEWAY_TIMEOUT => self
                .entry_of(StatusCode::SERVICE_UNAVAILABLE)
                .filter(|spec| spec.is_retryable())
                .unwrap_or(self.server_error),
            status if status.is_client_error() => self.validation,
            _ => self.server_error,
        }
    }

    /// The entry set for exactly `status`, if any.
    fn entry_of(&self, status: StatusCode) -> Option<&'static ErrorSpec> {
        self.by_status
            .iter()
            .find(|(known, _)| *known == status)
            .map(|(_, spec)| *spec)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every status a plain response can have, with AssetPay's entry for it.
    #[test]
    fn every_plain_status_keeps_its_class_and_retryability_with_assetpay_entries() {
        let errors = FrameworkErrors::assetpay();
        let retryable = [408, 429, 503, 504];
        for code in 400..600 {
            let status = StatusCode::from_u16(code).unwrap();
            let spec = errors.spec_for_status(status);
            let same_class = spec.status().is_client_error() == status.is_client_error();
            // A timeout is the server's condition: the one allowed change of class.
            assert!(same_class || code == 408, "{code} -> {}", spec.key());
            assert_eq!(
                spec.is_retryable(),
                retryable.contains(&code),
                "{code} -> {}",
                spec.key()
            );
        }
    }

    #[test]
    fn a_later_call_replaces_what_answered_a_status() {
        let errors = FrameworkErrors::assetpay()
            .with_status(StatusCode::UNAUTHORIZED, AuthError::MissingBearer.spec());
        assert_eq!(
            errors.spec_for_status(StatusCode::UNAUTHORIZED).key(),
            "MISSING_BEARER"
        );
        let errors = errors.with_generic_errors::<AuthError>();
        assert_eq!(
            errors.spec_for_status(StatusCode::UNAUTHORIZED).key(),
            "UNAUTHORIZED"
        );
        let errors = errors.with_not_found(GenericError::Conflict.spec());
        for status in [
            StatusCode::NOT_FOUND,
            StatusCode::METHOD_NOT_ALLOWED,
            StatusCode::GONE,
        ] {
            assert_eq!(errors.spec_for_status(status).key(), "CONFLICT");
        }
    }

    #[test]
    fn a_timeout_without_a_retryable_503_entry_is_a_server_error() {
        let errors = FrameworkErrors::assetpay().with_status(
            StatusCode::SERVICE_UNAVAILABLE,
            GenericError::NoBotsAvailable.spec(),
        );
        assert_eq!(
            errors.spec_for_status(StatusCode::GATEWAY_TIMEOUT).key(),
            "SERVER_ERROR"
        );
    }
}
