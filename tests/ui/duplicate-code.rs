use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::TRADING)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// The item is no longer available
    #[api(code = 11, key = "ITEM_UNAVAILABLE", status = 410)]
    ItemUnavailable,
}

fn main() {}
