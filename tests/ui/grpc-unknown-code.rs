use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409, grpc = "CONFLICT")]
    PriceChanged,
    /// The item was sold in the meantime
    #[api(code = 12, key = "ITEM_SOLD", status = 409, grpc = "FailedPrecondition")]
    ItemSold,
    /// The trade went through
    #[api(code = 13, key = "TRADE_DONE", status = 409, grpc = "OK")]
    TradeDone,
    /// The trade is locked
    #[api(code = 14, key = "TRADE_LOCKED", status = 423, grpc = 9)]
    TradeLocked,
}

fn main() {}
