use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum TradingError {
    /// Item {id} is gone
    #[api(code = 9, key = "ITEMS_UNAVAILABLE", status = 400, message = "Item {id} is gone")]
    ItemsUnavailable {
        #[api(code = 2)]
        id: u64,
    },
}

fn main() {}
