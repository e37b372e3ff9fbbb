use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::TRADING)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 100, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// The item is no longer available
    #[api(code = 12, key = "item_unavailable", status = 200)]
    ItemUnavailable,
    #[api(code = 13, key = "PRICE_CHANGED", status = 410, colour = "red")]
    Gone,
}

fn main() {}
