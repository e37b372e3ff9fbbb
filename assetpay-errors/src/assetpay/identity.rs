//! Identity verification errors (codes 2300–2399).

use crate::{ApiError, Domain};

/// Errors of identity verification: starting and finishing a verification, and linking verified
/// identities to accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api(domain = Domain::IDENTITY, doc_url = "https://docs.assetpay.gg/errors#{key}")]
pub enum IdentityError {
    /// Identity verification is not available
    #[api(code = 2300, key = "VERIFICATION_NOT_AVAILABLE", status = 503)]
    VerificationNotAvailable,
    /// Account is already verified
    #[api(code = 2301, key = "VERIFICATION_ALREADY_VERIFIED", status = 409)]
    VerificationAlreadyVerified,
    /// A verification is already in progress
    #[api(code = 2302, key = "VERIFICATION_IN_PROGRESS", status = 409)]
    VerificationInProgress,
    /// Verification process not found
    #[api(code = 2303, key = "VERIFICATION_PROCESS_NOT_FOUND", status = 404)]
    VerificationProcessNotFound,
    /// This identity cannot be verified
    #[api(code = 2304, key = "VERIFICATION_BANNED_IDENTITY", status = 403)]
    VerificationBannedIdentity,
    /// Maximum linked accounts reached for this identity
    #[api(code = 2305, key = "VERIFICATION_ACCOUNT_CAP_REACHED", status = 409)]
    VerificationAccountCapReached,
    /// Account is already linked to an identity
    #[api(code = 2306, key = "VERIFICATION_ALREADY_LINKED", status = 409)]
    VerificationAlreadyLinked,
    /// Verified identity not found
    #[api(code = 2307, key = "VERIFICATION_IDENTITY_NOT_FOUND", status = 404)]
    VerificationIdentityNotFound,
    /// Verification provider returned an error
    #[api(code = 2308, key = "VERIFICATION_SIGNICAT_ERROR", status = 502)]
    VerificationSignicatError,
    /// Verification webhook signature is invalid
    #[api(
        code = 2309,
        key = "VERIFICATION_WEBHOOK_SIGNATURE_INVALID",
        status = 401
    )]
    VerificationWebhookSignatureInvalid,
    /// Email is required to link an existing identity
    #[api(code = 2310, key = "VERIFICATION_EMAIL_REQUIRED", status = 400)]
    VerificationEmailRequired,
    /// Account does not have a linked identity
    #[api(code = 2311, key = "VERIFICATION_NOT_LINKED", status = 400)]
    VerificationNotLinked,
    /// Unable to link identity to this account
    #[api(code = 2312, key = "VERIFICATION_LINK_FAILED", status = 500)]
    VerificationLinkFailed,
}
