use assetpay_errors::ApiError;

// `PRICE_CHANGED` (11) is gone with nothing reserved, the deprecated `OLD_CHECKOUT` (13) with
// only its code reserved: both must be reported, each naming what is left to reserve.
#[derive(Debug, ApiError)]
#[api(published = "published/shop.json", reserved(13))]
pub enum ShopError {
    /// The item is gone
    #[api(code = 12, key = "ITEM_GONE", status = 410, retryable)]
    ItemGone,
    /// Out of stock, a new code: additions are compatible
    #[api(code = 20, key = "OUT_OF_STOCK", status = 409)]
    OutOfStock,
}

fn main() {}
