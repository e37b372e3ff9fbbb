use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(domain = assetpay_errors::Domain::TRADING, code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

fn main() {}
