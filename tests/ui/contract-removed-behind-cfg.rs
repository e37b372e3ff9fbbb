use assetpay_errors::ApiError;

// The published `PRICE_CHANGED` (11) is still written, but compiled out: the derive cannot see
// which variants a `#[cfg]` keeps, so the check runs in constant evaluation and reports it.
#[derive(Debug, ApiError)]
#[api(published = "published/shop.json", reserved(13, "OLD_CHECKOUT"))]
pub enum ShopError {
    /// Price has changed since you last fetched it
    #[cfg(any())]
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// The item is gone
    #[api(code = 12, key = "ITEM_GONE", status = 410, retryable)]
    ItemGone,
}

fn main() {}
