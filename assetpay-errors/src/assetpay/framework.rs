//! AssetPay's entries for the failures no handler returns: [`framework_errors`].

use crate::axum::{FrameworkEntries, FrameworkErrors};

use super::{AccountError, AuthError, GenericError};

/// AssetPay's entries for framework failures, the value AssetPay's services install with
/// [`RouterExt::with_api_errors`](crate::axum::RouterExt::with_api_errors):
/// [`FrameworkErrors::new`] with [`GenericError`]'s entries for the five roles, then
/// [`with_generic_errors`](FrameworkErrors::with_generic_errors) of [`AuthError`] and
/// [`AccountError`] for other middleware's 401 and 403.
///
/// | plain status | envelope | sent with |
/// | --- | --- | --- |
/// | 400, 415, 422 (axum's rejections), other 4xx | `VALIDATION_FAILED` (1001, 422) | 422 for axum's rejections; the plain status for the others |
/// | 401 | `UNAUTHORIZED` (1100, 401) | 401 |
/// | 403 | `FORBIDDEN` (1300, 403) | 403 |
/// | 404, 410 | `NOT_FOUND` (1003, 404) | 404, 410 |
/// | 405 (`Allow` kept), 413 (a body over the limit) | `UNPROCESSABLE` (1008, 422) | 405, 413 |
/// | 409 | `CONFLICT` (1004, 409) | 409 |
/// | 429 | `RATE_LIMITED` (1005, 429, retryable) | 429 |
/// | 503, and the timeouts 408 and 504 | `SERVICE_UNAVAILABLE` (1009, 503, retryable) | 503, 408, 504 |
/// | 500, other 5xx, panics | `SERVER_ERROR` (1006, 500) | 500, the plain 5xx |
///
/// Every plain status is kept but axum's rejections of a malformed request, which are sent as
/// the 422 `VALIDATION_FAILED` documents ([`FrameworkErrors::status_for`]).
///
/// Of AssetPay's six 401 entries `UNAUTHORIZED` is the one whose key spells the status; of its
/// four 503 entries, `SERVICE_UNAVAILABLE` is the one whose key says no more than the status:
/// `SYSTEM_MAINTENANCE` would claim a maintenance and `FLEET_DEGRADED` a Steam bot outage that
/// did not happen, and `NO_BOTS_AVAILABLE` is not retryable. Its two 422 entries are both left
/// out of the table, so axum's 422 stays `VALIDATION_FAILED`.
///
/// AssetPay's catalogue has no "method not allowed" and no "payload too large" entry, and a code
/// in AssetPay's ranges cannot be made up here. Both are answered with `UNPROCESSABLE` ("Request
/// cannot be processed") under their own status, 405 with its `Allow` header and 413: it is the
/// one generic entry that says nothing false about either. `NOT_FOUND` would say the resource
/// does not exist while `Allow` lists the methods it has, and `VALIDATION_FAILED` would tell the
/// client its data is invalid when the data may be fine and only the method or the size is
/// wrong. The status says which, and for a 413 axum's text, appended to the message, says why.
/// A service with entries of its own sets them on this value:
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
/// assert_eq!(
///     assetpay::framework_errors().spec_for_status(StatusCode::METHOD_NOT_ALLOWED).key(),
///     "UNPROCESSABLE"
/// );
/// let errors = assetpay::framework_errors().with_generic_errors::<LimitError>();
/// assert_eq!(errors.spec_for_status(StatusCode::PAYLOAD_TOO_LARGE).code(), 4013);
/// assert_eq!(errors.spec_for_status(StatusCode::UNAUTHORIZED).key(), "UNAUTHORIZED");
/// assert_eq!(errors.spec_for_status(StatusCode::UNSUPPORTED_MEDIA_TYPE).code(), 1001);
/// assert_eq!(errors.status_for(StatusCode::UNSUPPORTED_MEDIA_TYPE), StatusCode::UNPROCESSABLE_ENTITY);
/// assert_eq!(errors.status_for(StatusCode::METHOD_NOT_ALLOWED), StatusCode::METHOD_NOT_ALLOWED);
/// assert_eq!(errors.spec_for_status(StatusCode::GATEWAY_TIMEOUT).key(), "SERVICE_UNAVAILABLE");
/// assert_eq!(errors.spec_for_status(StatusCode::BAD_GATEWAY).code(), 1006);
/// ```
pub fn framework_errors() -> FrameworkErrors {
    FrameworkErrors::new(FrameworkEntries {
        not_found: GenericError::NotFound,
        // No entries of their own: the one generic entry that says nothing false about either,
        // under their own statuses (see above).
        method_not_allowed: GenericError::Unprocessable,
        validation: GenericError::ValidationFailed,
        payload_too_large: GenericError::Unprocessable,
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
