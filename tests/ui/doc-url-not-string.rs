use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(doc_url = docs::ERRORS)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

fn main() {}
