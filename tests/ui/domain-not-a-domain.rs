use assetpay_errors::ApiError;

const TRADING: u16 = 1;

#[derive(Debug, ApiError)]
#[api(domain = TRADING)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

fn main() {}
