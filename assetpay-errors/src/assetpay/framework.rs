//! AssetPay's entries for the failures no handler returns: [`framework_errors`].

use crate::axum::{FrameworkEntries, FrameworkErrors};

use super::{AccountError, AuthError, GenericError};

/// AssetPay's entries for framework failures, the value AssetPay's services install with
/// [`RouterExt::with_api_errors`](crate::axum::RouterExt::with_api_errors):
/// [`FrameworkErrors::new`] with [`GenericError`]'s entries for the five roles, then
/// [`with_generic_errors`](FrameworkErrors::with_generic_errors) of [`AuthError`] and
/// [`AccountError`] for other middleware's 401 and 403.
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
/// Of AssetPay's six 401 entries `UNAUTHORIZED` is the one whose key spells the status; of its
/// four 503 entries, `SERVICE_UNAVAILABLE` is the one whose key says no more than the status:
/// `SYSTEM_MAINTENANCE` would claim a maintenance and `FLEET_DEGRADED` a Steam bot outage that
/// did not happen, and `NO_BOTS_AVAILABLE` is not retryable. Its two 422 entries are both left
/// out of the table, so axum's 422 stays `VALIDATION_FAILED`.
///
/// AssetPay's catalogue has no "method not allowed" entry, so a 405 answers `NOT_FOUND`, as an
/// unknown route does. It has no "payload too large" entry either, and a code in AssetPay's
/// ranges cannot be made up here, so an oversized body is a `VALIDATION_FAILED`: the body is a
/// request body that failed validation, and axum's text, appended to the message, says why. A
/// service with its own 413 entry sets it on this value:
///
/// ```
/// use assetpay_errors::ApiError;
/// use assetpay_errors::assetpay;
/// use http::StatusCode;
///
/// #[derive(Debug, ApiError)]
/// enum LimitError {
///     /// The request body is too large
///     #[api(code = 4013, key = "PAYLOAD_TOO_LARGE", status = 413)]
///     PayloadTooLarge,
/// }
///
/// let errors = assetpay::framework_errors().with_generic_errors::<LimitError>();
/// assert_eq!(errors.spec_for_status(StatusCode::PAYLOAD_TOO_LARGE).code(), 4013);
/// assert_eq!(errors.spec_for_status(StatusCode::UNAUTHORIZED).key(), "UNAUTHORIZED");
/// assert_eq!(errors.spec_for_status(StatusCode::UNSUPPORTED_MEDIA_TYPE).code(), 1001);
/// assert_eq!(errors.spec_for_status(StatusCode::METHOD_NOT_ALLOWED).code(), 1003);
/// assert_eq!(errors.spec_for_status(StatusCode::GATEWAY_TIMEOUT).key(), "SERVICE_UNAVAILABLE");
/// assert_eq!(errors.spec_for_status(StatusCode::BAD_GATEWAY).code(), 1006);
/// ```
pub fn framework_errors() -> FrameworkErrors {
    FrameworkErrors::new(FrameworkEntries {
        not_found: GenericError::NotFound,
        // No entry of its own: a 405 is answered like an unknown route.
        method_not_allowed: GenericError::NotFound,
        validation: GenericError::ValidationFailed,
        payload_too_large: GenericError::ValidationFailed,
        server_error: GenericError::ServerError,
    })
    .with_generic_errors::<AuthError>()
    .with_generic_errors::<AccountError>()
}

#[cfg(test)]
mod tests {
    use http::StatusCode;

    use super::*;
    use crate::ApiError;

    /// Every status a plain response can have, with AssetPay's entry for it.
    #[test]
    fn every_plain_status_keeps_its_class_and_retryability_with_assetpay_entries() {
        let errors = framework_errors();
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
        let errors = framework_errors()
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
        let errors = errors
            .with_not_found(GenericError::Conflict.spec())
            .with_method_not_allowed(GenericError::Conflict.spec());
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
        let errors = framework_errors().with_status(
            StatusCode::SERVICE_UNAVAILABLE,
            GenericError::NoBotsAvailable.spec(),
        );
        assert_eq!(
            errors.spec_for_status(StatusCode::GATEWAY_TIMEOUT).key(),
            "SERVER_ERROR"
        );
    }
}
