//! Trading / marketplace errors (codes 1–99).

use crate::{ApiError, Domain};

/// Errors of the deposit, withdrawal, inventory and market endpoints, answered synchronously when
/// a call is rejected. A withdrawal that was accepted and fails later reports a
/// [`TradeFailureCode`](crate::trade::TradeFailureCode) instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api(domain = Domain::TRADING, doc_url = "https://docs.assetpay.gg/errors#{key}")]
pub enum TradingError {
    /// External ID already exists for this merchant
    #[api(code = 1, key = "EXTERNAL_ID_EXISTS", status = 409)]
    ExternalIdExists,
    /// No items were provided in the request
    #[api(code = 2, key = "MISSING_ITEMS", status = 400)]
    MissingItems,
    /// Couldn’t load the user’s Steam inventory
    #[api(code = 3, key = "INVENTORY_FETCH_FAILED", status = 424)]
    InventoryFetchFailed,
    /// No valid offer exists for this item
    #[api(code = 4, key = "NO_OFFER_FOUND", status = 400)]
    NoOfferFound,
    /// Failed to send the Steam trade offer
    #[api(code = 5, key = "TRADE_OFFER_FAILED", status = 502)]
    TradeOfferFailed,
    /// User has too many pending trades (per-client deposit guard)
    // Not retryable: it clears when the user's pending trades finish, not with time alone; the
    // published handling tells the user to wait for the current deposit.
    #[api(code = 6, key = "TOO_MANY_ACTIVE_TRADES", status = 429)]
    TooManyActiveTrades,
    /// User’s Steam account can’t trade
    #[api(code = 7, key = "USER_NOT_TRADEABLE", status = 400)]
    UserNotTradeable,
    /// Too many items in a single request
    #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400)]
    TooManyItems,
    /// Selected items not found or no longer available
    #[api(code = 9, key = "ITEMS_UNAVAILABLE", status = 400)]
    ItemsUnavailable,
    /// Items are not accepted for deposit
    #[api(code = 10, key = "ITEMS_NOT_ACCEPTED", status = 400)]
    ItemsNotAccepted,
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// Merchant balance is too low for this withdrawal
    #[api(code = 12, key = "MERCHANT_BALANCE_LOW", status = 400)]
    MerchantBalanceLow,
    /// Invalid or inaccessible trade URL
    #[api(code = 13, key = "INVALID_TRADEURL", status = 400)]
    InvalidTradeurl,
    /// Marketplace listing not found
    #[api(code = 14, key = "LISTING_NOT_FOUND", status = 404)]
    ListingNotFound,
    /// Listing has an invalid or missing price
    #[api(code = 15, key = "LISTING_PRICE_INVALID", status = 400)]
    ListingPriceInvalid,
    /// Invalid listing ID format
    #[api(code = 16, key = "INVALID_LISTING_ID", status = 400)]
    InvalidListingId,
    /// Requested amount exceeds available quantity
    #[api(code = 17, key = "INSUFFICIENT_ITEM_AMOUNT", status = 400)]
    InsufficientItemAmount,
    /// Requested amount exceeds the maximum allowed
    #[api(code = 18, key = "EXCEEDS_MAX_AMOUNT", status = 400)]
    ExceedsMaxAmount,
    /// A deposit is already processing for this user
    #[api(code = 19, key = "DEPOSIT_IN_PROGRESS", status = 409)]
    DepositInProgress,
    /// A withdrawal is already processing for this user
    #[api(code = 20, key = "WITHDRAW_IN_PROGRESS", status = 409)]
    WithdrawInProgress,
    /// Trade not found
    #[api(code = 21, key = "TRADE_NOT_FOUND", status = 404)]
    TradeNotFound,
    /// Invalid trade state transition
    #[api(code = 22, key = "INVALID_STATE_TRANSITION", status = 409)]
    InvalidStateTransition,
    /// Invalid trade ID
    #[api(code = 23, key = "INVALID_TRADE_ID", status = 400)]
    InvalidTradeId,
    /// Steam temporarily couldn’t serve the request; retry shortly
    // Retryable: the spec says "retry shortly".
    #[api(code = 31, key = "STEAM_UNAVAILABLE", status = 424, retryable)]
    SteamUnavailable,
    /// Steam is rate-limiting inventory requests; retry shortly
    // Retryable: the spec says "retry shortly".
    #[api(code = 33, key = "STEAM_RATE_LIMITED", status = 424, retryable)]
    SteamRateLimited,
}
