//! Generic / infrastructure errors (codes 1000–1099): the spec's "General Errors".

use crate::{ApiError, Domain};

/// Errors any endpoint may answer with: validation, lookups, conflicts, rate limits and the state
/// of AssetPay's own infrastructure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api(domain = Domain::GENERIC, doc_url = "https://docs.assetpay.gg/errors#{key}")]
pub enum GenericError {
    /// Request body or query params failed validation
    // The only error whose client message differs from its description: the published envelope
    // example answers it with "The request data is invalid".
    #[api(
        code = 1001,
        key = "VALIDATION_FAILED",
        status = 422,
        message = "The request data is invalid"
    )]
    ValidationFailed,
    /// Resource not found
    #[api(code = 1003, key = "NOT_FOUND", status = 404)]
    NotFound,
    /// State conflict
    #[api(code = 1004, key = "CONFLICT", status = 409)]
    Conflict,
    /// Too many requests
    // Retryable: a rate limit lifts with time alone.
    #[api(code = 1005, key = "RATE_LIMITED", status = 429, retryable)]
    RateLimited,
    /// Internal server error
    #[api(code = 1006, key = "SERVER_ERROR", status = 500)]
    ServerError,
    /// System is in maintenance mode
    // Retryable: maintenance ends without the client changing anything.
    #[api(code = 1007, key = "SYSTEM_MAINTENANCE", status = 503, retryable)]
    SystemMaintenance,
    /// Request cannot be processed
    #[api(code = 1008, key = "UNPROCESSABLE", status = 422)]
    Unprocessable,
    /// Deposit/withdrawal services temporarily unavailable
    // Retryable: the spec calls the outage temporary.
    #[api(code = 1009, key = "SERVICE_UNAVAILABLE", status = 503, retryable)]
    ServiceUnavailable,
    /// No Steam bots are configured or online
    // Not retryable: "configured" covers a merchant setup that waiting does not fix.
    #[api(code = 1010, key = "NO_BOTS_AVAILABLE", status = 503)]
    NoBotsAvailable,
    /// Steam bot fleet is degraded; retry shortly
    // Retryable: the spec says "retry shortly".
    #[api(code = 1011, key = "FLEET_DEGRADED", status = 503, retryable)]
    FleetDegraded,
}
