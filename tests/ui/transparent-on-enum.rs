use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::TRADING)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

#[derive(Debug, ApiError)]
#[api(transparent)]
pub enum AppError {
    Trading(TradingError),
}

fn main() {}
