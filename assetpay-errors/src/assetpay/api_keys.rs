//! API key / secret errors (codes 1900–1999).

use crate::{ApiError, Domain};

/// Errors about the merchant's API key and secret: missing, unknown, revoked, out of scope or
/// called from an address the key does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api(domain = Domain::API_KEYS, doc_url = "https://docs.assetpay.gg/errors#{key}")]
pub enum ApiKeyError {
    /// No api-key header provided
    #[api(code = 1900, key = "MISSING_API_KEY", status = 401)]
    MissingApiKey,
    /// API key not found or invalid
    #[api(code = 1901, key = "INVALID_API_KEY", status = 401)]
    InvalidApiKey,
    /// API key has been revoked
    #[api(code = 1902, key = "API_KEY_REVOKED", status = 401)]
    ApiKeyRevoked,
    /// API key doesn’t have the required scope
    #[api(code = 1903, key = "API_KEY_SCOPE_DENIED", status = 403)]
    ApiKeyScopeDenied,
    /// Request IP is not in the key’s whitelist
    #[api(code = 1904, key = "API_KEY_IP_DENIED", status = 403)]
    ApiKeyIpDenied,
    /// Insufficient scope permissions for this operation
    #[api(code = 1908, key = "INSUFFICIENT_SCOPE", status = 403)]
    InsufficientScope,
    /// Invalid API secret
    #[api(code = 1910, key = "API_SECRET_INVALID", status = 401)]
    ApiSecretInvalid,
    /// Merchant has no API secret configured (required for client-token signing)
    #[api(code = 1915, key = "NO_API_SECRET_CONFIGURED", status = 400)]
    NoApiSecretConfigured,
}
