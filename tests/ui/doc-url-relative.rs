use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409, doc_url = "/errors#{key}")]
    PriceChanged,
}

fn main() {}
