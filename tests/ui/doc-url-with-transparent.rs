use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(doc_url = "https://docs.example.com/trading#{key}")]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

#[derive(Debug, ApiError)]
pub enum AppError {
    #[api(transparent, doc_url = "https://docs.example.com/app#{key}")]
    Trading(TradingError),
}

fn main() {}
