//! Crypto wallet & funding errors (codes 1600–1699).

use crate::{ApiError, Domain};

/// Errors of the crypto wallet endpoints, several of which trading flows answer with too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api(domain = Domain::WALLET, doc_url = "https://docs.assetpay.gg/errors#{key}")]
pub enum WalletError {
    /// Insufficient balance for this operation
    #[api(code = 1600, key = "INSUFFICIENT_BALANCE", status = 400)]
    InsufficientBalance,
    /// Invalid amount (e.g. zero or negative)
    #[api(code = 1601, key = "INVALID_AMOUNT", status = 400)]
    InvalidAmount,
    /// Instant deposits are temporarily disabled
    // Retryable: the spec calls the switch-off temporary.
    #[api(
        code = 1622,
        key = "INSTANT_DEPOSITS_DISABLED",
        status = 503,
        retryable
    )]
    InstantDepositsDisabled,
}
