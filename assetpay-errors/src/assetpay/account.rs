//! Account / access control errors (codes 1300–1399).

use crate::{ApiError, Domain};

/// Errors about what an authenticated caller may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api(domain = Domain::ACCOUNT, doc_url = "https://docs.assetpay.gg/errors#{key}")]
pub enum AccountError {
    /// You don’t have permission to access this resource
    #[api(code = 1300, key = "FORBIDDEN", status = 403)]
    Forbidden,
    /// Account has been disabled
    #[api(code = 1301, key = "ACCOUNT_DISABLED", status = 403)]
    AccountDisabled,
}
