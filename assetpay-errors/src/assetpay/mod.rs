#![doc = include_str!("../../docs/assetpay.md")]

mod account;
mod api_keys;
mod auth;
mod callbacks;
pub mod domains;
#[cfg(feature = "axum")]
mod framework;
mod generic;
mod identity;
pub mod page;
pub mod reference;
mod risk;
mod trading;
#[cfg(feature = "l10n")]
mod translations;
mod wallet;

use crate::ApiError;

pub use self::account::AccountError;
pub use self::api_keys::ApiKeyError;
pub use self::auth::AuthError;
pub use self::callbacks::CallbackError;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use self::framework::framework_errors;
pub use self::generic::GenericError;
pub use self::identity::IdentityError;
pub use self::risk::RiskError;
pub use self::trading::TradingError;
#[cfg(feature = "l10n")]
#[cfg_attr(docsrs, doc(cfg(feature = "l10n")))]
pub use self::translations::translations;
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
