use assetpay_errors::ApiError;

// The composed type publishes the flattened catalogue; the domains declare the entries.
#[derive(Debug, ApiError)]
#[api(range = 10..=19)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 400)]
    PriceChanged,
    /// The item is gone
    #[api(code = 12, key = "ITEM_GONE", status = 410, retryable)]
    ItemGone,
}

#[derive(Debug, ApiError)]
#[api(range = 13..=29, reserved(13, "OLD_CHECKOUT"))]
pub enum CheckoutError {
    /// Out of stock
    #[api(code = 20, key = "OUT_OF_STOCK", status = 409)]
    OutOfStock,
}

// Reserves a code that a composed domain declares.
#[derive(Debug, ApiError)]
#[api(range = 30..=39, reserved(20))]
pub enum LegacyError {
    /// Legacy
    #[api(code = 30, key = "LEGACY", status = 400)]
    Legacy,
}

#[derive(Debug, ApiError)]
#[api(published = "published/shop.json")]
pub enum ShopError {
    #[api(transparent)]
    Trading(TradingError),
    #[api(transparent)]
    Checkout(CheckoutError),
    #[api(transparent)]
    Legacy(LegacyError),
}

fn main() {}
