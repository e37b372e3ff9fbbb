use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(reserved(1002, 1104..=1107, "OLD_KEY"))]
pub enum ShopError {
    /// The item is gone
    #[api(code = 1001, key = "ITEM_GONE", status = 410)]
    ItemGone,
    /// A retired code, declared again
    #[api(code = 1105, key = "OUT_OF_STOCK", status = 409)]
    OutOfStock,
    /// Another one
    #[api(code = 1002, key = "SOLD_OUT", status = 409)]
    SoldOut,
}

fn main() {}
