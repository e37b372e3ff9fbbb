use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(published = "published/malformed.json")]
pub enum ShopError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

#[derive(Debug, ApiError)]
#[api(published = "published/wrong-type.json")]
pub enum OtherShopError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

fn main() {}
