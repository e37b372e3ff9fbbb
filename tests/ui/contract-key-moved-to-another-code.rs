use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(published = "published/shop.json", reserved(11))]
pub enum ShopError {
    /// Price has changed since you last fetched it
    #[api(code = 14, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// The item is gone
    #[api(code = 12, key = "ITEM_GONE", status = 410, retryable)]
    ItemGone,
    /// The old checkout flow
    #[deprecated]
    #[api(code = 13, key = "OLD_CHECKOUT", status = 400)]
    OldCheckout,
}

fn main() {}
