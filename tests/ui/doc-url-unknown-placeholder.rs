use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(doc_url = "https://docs.example.com/errors#{name}")]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// Too many items in a single request
    #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400)]
    TooManyItems,
}

fn main() {}
