use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(published = "published/never-written.json")]
pub enum ShopError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

fn main() {
    // One error for the file, none for using the type.
    let _ = ShopError::PriceChanged.code();
}

#[derive(Debug, ApiError)]
#[api(published = "/etc/published.json")]
pub enum AbsoluteError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}
