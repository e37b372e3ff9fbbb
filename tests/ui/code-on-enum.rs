use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(code = 11)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

fn main() {}
