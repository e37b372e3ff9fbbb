//! AssetPay's published error catalogue, declared with the derive: one enum per domain that has
//! codes, composed into [`AssetPayError`], plus the [`reference`](mod@reference) page generated
//! from it.
//!
//! Each variant carries its row of the published page: code, key, HTTP status, and as its doc
//! comment's first paragraph the description, curly apostrophes included. The page itself is
//! rendered from these declarations ([`reference::markdown`]), and a test holds the rendered
//! tables to the published page row for row, so the two cannot drift.
//!
//! # The message rule
//!
//! The client message is the description, with one exception: `VALIDATION_FAILED` answers with
//! "The request data is invalid", the message the page's envelope example shows. The description
//! ("Request body or query params failed validation") stays what the catalogue documents.
//!
//! # The retry rule
//!
//! An error is `retryable` when the published text says the cause goes away with time alone:
//! "retry shortly" (`FLEET_DEGRADED`, `STEAM_UNAVAILABLE`, `STEAM_RATE_LIMITED`), "temporarily"
//! (`SERVICE_UNAVAILABLE`, `INSTANT_DEPOSITS_DISABLED`), a rate limit (`RATE_LIMITED`) or
//! maintenance (`SYSTEM_MAINTENANCE`). Errors that clear only when something else changes are not,
//! even with a 429 or 5xx status: `TOO_MANY_ACTIVE_TRADES` waits for the user's trades to finish,
//! `NO_BOTS_AVAILABLE` may be a configuration problem. The page gives no wait times, so no error
//! declares `retry_after`.
//!
//! # Order
//!
//! [`AssetPayError`] composes the domains in the order of the page's sections (general,
//! authentication, account, API keys, trading, wallet, callbacks, risk, identity), so
//! [`AssetPayError::CATALOG`](crate::ApiError::CATALOG) and the JSON catalogue list errors as the
//! page does. The six domains without codes yet (two-factor, user settings, idempotency, email,
//! booking, ledger) are in [`DOMAINS`](crate::DOMAINS) with their published labels and get an enum
//! when their first code is published.

mod account;
mod api_keys;
mod auth;
mod callbacks;
pub mod domains;
mod generic;
mod identity;
pub mod page;
pub mod reference;
mod risk;
mod trading;
mod wallet;

use crate::ApiError;

pub use self::account::AccountError;
pub use self::api_keys::ApiKeyError;
pub use self::auth::AuthError;
pub use self::callbacks::CallbackError;
pub use self::generic::GenericError;
pub use self::identity::IdentityError;
pub use self::risk::RiskError;
pub use self::trading::TradingError;
pub use self::wallet::WalletError;

/// Every error AssetPay's API answers with synchronously. Composing the domain enums here makes
/// the derive check the whole catalogue for duplicate codes and keys at compile time.
///
/// `published/catalog.json` (shipped with the crate) is the catalogue AssetPay has published,
/// as `cargo run --example catalog -- --json` printed it: every build checks the declarations
/// against it under the [`contract`](crate::contract) rules. Retire a code by reserving it on
/// its domain's enum (`#[api(reserved(11, "PRICE_CHANGED"))]`); after publishing new codes,
/// regenerate the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api(published = "published/catalog.json")]
pub enum AssetPayError {
    /// General errors (generic / infrastructure, 1000–1099).
    #[api(transparent)]
    Generic(GenericError),
    /// Authentication errors (1100–1199).
    #[api(transparent)]
    Auth(AuthError),
    /// Account / access errors (1300–1399).
    #[api(transparent)]
    Account(AccountError),
    /// API key errors (1900–1999).
    #[api(transparent)]
    ApiKeys(ApiKeyError),
    /// Trading errors (1–99).
    #[api(transparent)]
    Trading(TradingError),
    /// Wallet / funding errors (1600–1699).
    #[api(transparent)]
    Wallet(WalletError),
    /// Callback / webhook errors (1700–1799).
    #[api(transparent)]
    Callbacks(CallbackError),
    /// Risk management errors (2100–2199).
    #[api(transparent)]
    Risk(RiskError),
    /// Identity verification errors (2300–2399).
    #[api(transparent)]
    Identity(IdentityError),
}
