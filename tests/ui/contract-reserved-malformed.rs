use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(reserved(0, 20..=10), reserved = 5)]
pub enum ShopError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

#[derive(Debug, ApiError)]
#[api(reserved(OLD_KEY))]
pub enum OtherError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

fn main() {}
