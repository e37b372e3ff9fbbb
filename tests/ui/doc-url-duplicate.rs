use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409, doc_url = "https://a.example.com/{key}")]
    #[api(doc_url = "https://b.example.com/{key}")]
    PriceChanged,
}

fn main() {}
