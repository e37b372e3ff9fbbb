//! Risk management errors (codes 2100–2199).

use crate::{ApiError, Domain};

/// Errors of the merchant's risk policy and the client users it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api(domain = Domain::RISK, doc_url = "https://docs.assetpay.gg/errors#{key}")]
pub enum RiskError {
    /// Invalid risk policy configuration
    #[api(code = 2100, key = "INVALID_RISK_POLICY", status = 400)]
    InvalidRiskPolicy,
    /// No active risk policy found
    #[api(code = 2101, key = "RISK_POLICY_NOT_FOUND", status = 404)]
    RiskPolicyNotFound,
    /// Client user not found
    #[api(code = 2103, key = "CLIENT_USER_NOT_FOUND", status = 404)]
    ClientUserNotFound,
}
