//! Callback / webhook errors (codes 1700–1799).

use crate::{ApiError, Domain};

/// Errors about the merchant's callback URL and the signed callbacks AssetPay sends to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api(domain = Domain::CALLBACKS, doc_url = "https://docs.assetpay.gg/errors#{key}")]
pub enum CallbackError {
    /// Callback signature verification failed
    #[api(code = 1700, key = "INVALID_SIGNATURE", status = 401)]
    InvalidSignature,
    /// Raw request body is missing
    #[api(code = 1701, key = "MISSING_RAW_BODY", status = 400)]
    MissingRawBody,
    /// Configured callback URL did not respond with 2xx
    #[api(code = 1704, key = "CALLBACK_URL_TEST_FAILED", status = 400)]
    CallbackUrlTestFailed,
    /// Merchant has no active callback URL (withdrawals require one)
    #[api(code = 1705, key = "MERCHANT_NO_CALLBACK_URL", status = 409)]
    MerchantNoCallbackUrl,
}
