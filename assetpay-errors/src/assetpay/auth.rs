//! Authentication / token errors (codes 1100–1199).

use crate::{ApiError, Domain};

/// Errors about who is calling: missing, wrong, invalid or expired credentials and tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api(domain = Domain::AUTH, doc_url = "https://docs.assetpay.gg/errors#{key}")]
pub enum AuthError {
    /// Authentication required
    #[api(code = 1100, key = "UNAUTHORIZED", status = 401)]
    Unauthorized,
    /// Invalid email/username or password
    #[api(code = 1101, key = "INVALID_CREDENTIALS", status = 401)]
    InvalidCredentials,
    /// Token is invalid
    #[api(code = 1102, key = "INVALID_TOKEN", status = 401)]
    InvalidToken,
    /// Authorization header missing or invalid
    #[api(code = 1108, key = "MISSING_BEARER", status = 401)]
    MissingBearer,
    /// Token is invalid or expired
    #[api(code = 1110, key = "TOKEN_INVALID_OR_EXPIRED", status = 401)]
    TokenInvalidOrExpired,
    /// Token has expired
    #[api(code = 1111, key = "TOKEN_EXPIRED", status = 401)]
    TokenExpired,
}
