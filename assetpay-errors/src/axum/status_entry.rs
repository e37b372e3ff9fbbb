//! Which entry of a catalogue means what an HTTP status means.

use http::StatusCode;

use crate::spec::ErrorSpec;

/// The entry of `catalog` that answers for a plain response with `status`: the only entry with
/// that status, or, when several share it, the one whose key spells the status's reason phrase
/// (`UNAUTHORIZED` among several 401 entries, `SERVICE_UNAVAILABLE` among several 503 ones).
/// `None` when no entry, or no single entry, says what the status says.
///
/// Entries whose message interpolates fields are never picked: a plain response has no values to
/// fill them with.
pub(crate) fn entry_for_status(
    catalog: &'static [ErrorSpec],
    status: StatusCode,
) -> Option<&'static ErrorSpec> {
    let mut with_status = catalog
        .iter()
        .filter(|spec| spec.status() == status && !spec.is_interpolated());
    let first = with_status.next()?;
    if with_status.clone().next().is_none() {
        return Some(first);
    }
    let reason = status.canonical_reason()?;
    std::iter::once(first)
        .chain(with_status)
        .find(|spec| key_spells(spec.key(), reason))
}

/// The statuses the entries of `catalog` are declared with, each once, in catalogue order.
pub(crate) fn statuses_of(catalog: &'static [ErrorSpec]) -> Vec<StatusCode> {
    let mut statuses: Vec<StatusCode> = Vec::new();
    for spec in catalog {
        if !statuses.contains(&spec.status()) {
            statuses.push(spec.status());
        }
    }
    statuses
}

/// Whether `key` is `reason` in UPPER_SNAKE_CASE (`"Service Unavailable"` is
/// `SERVICE_UNAVAILABLE`).
fn key_spells(key: &str, reason: &str) -> bool {
    key.len() == reason.len()
        && key.bytes().zip(reason.bytes()).all(|(k, r)| {
            let r = if r == b' ' || r == b'-' { b'_' } else { r };
            k == r.to_ascii_uppercase()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ApiError;

    /// A gateway's generic errors: one 429 entry, several 401 and 422 entries, no 403.
    #[derive(Debug, ApiError)]
    // Only the enum's catalogue is under test; no value is ever built.
    #[allow(dead_code)]
    enum GatewayError {
        /// The request data is invalid
        #[api(code = 7001, key = "VALIDATION_FAILED", status = 422)]
        ValidationFailed,
        /// The request cannot be processed
        #[api(code = 7002, key = "UNPROCESSABLE", status = 422)]
        Unprocessable,
        /// Too many requests
        #[api(code = 7003, key = "RATE_LIMITED", status = 429, retryable)]
        RateLimited,
        /// The token expired
        #[api(code = 7004, key = "TOKEN_EXPIRED", status = 401)]
        TokenExpired,
        /// Sign in first
        #[api(code = 7005, key = "UNAUTHORIZED", status = 401)]
        Unauthorized,
        /// The bearer token is missing
        #[api(code = 7006, key = "MISSING_BEARER", status = 401)]
        MissingBearer,
    }

    #[derive(Debug, ApiError)]
    // Only the enum's catalogue is under test; no value is ever built.
    #[allow(dead_code)]
    enum StockError {
        /// Item is reserved
        #[api(
            code = 5001,
            key = "ITEM_RESERVED",
            status = 409,
            message = "Item {sku} is reserved"
        )]
        ItemReserved { sku: String },
        /// Another order holds the stock
        #[api(code = 5002, key = "STOCK_HELD", status = 409)]
        StockHeld,
        /// Item is gone
        #[api(
            code = 5003,
            key = "ITEM_GONE",
            status = 410,
            message = "Item {sku} is gone"
        )]
        ItemGone { sku: String },
    }

    #[test]
    fn the_only_entry_with_a_status_answers_it() {
        let spec = entry_for_status(GatewayError::CATALOG, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(spec.map(ErrorSpec::key), Some("RATE_LIMITED"));
        assert_eq!(
            entry_for_status(GatewayError::CATALOG, StatusCode::FORBIDDEN),
            None
        );
    }

    #[test]
    fn among_several_the_entry_named_after_the_status_answers_it() {
        let spec = entry_for_status(GatewayError::CATALOG, StatusCode::UNAUTHORIZED);
        assert_eq!(spec.map(ErrorSpec::key), Some("UNAUTHORIZED"));
        // Two 422 entries, neither named "Unprocessable Entity": no guess.
        let spec = entry_for_status(GatewayError::CATALOG, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(spec, None);
    }

    #[test]
    fn entries_with_interpolated_messages_never_answer() {
        let spec = entry_for_status(StockError::CATALOG, StatusCode::CONFLICT);
        assert_eq!(spec.map(ErrorSpec::key), Some("STOCK_HELD"));
        assert_eq!(
            entry_for_status(StockError::CATALOG, StatusCode::GONE),
            None
        );
    }

    #[test]
    fn a_key_spells_a_reason_phrase_in_upper_snake_case() {
        assert!(key_spells("SERVICE_UNAVAILABLE", "Service Unavailable"));
        assert!(key_spells("UNAUTHORIZED", "Unauthorized"));
        assert!(!key_spells("RATE_LIMITED", "Too Many Requests"));
        assert!(!key_spells("SERVICE_UNAVAILABLE_", "Service Unavailable"));
    }
}
