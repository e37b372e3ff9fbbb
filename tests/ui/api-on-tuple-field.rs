use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged(#[api(key = "OTHER")] u64),
}

#[derive(Debug, ApiError)]
#[api(code = 12, key = "MERCHANT_BALANCE_LOW", status = 400)]
/// Merchant balance is too low for this withdrawal
pub struct MerchantBalanceLow(#[api(status = 402)] u64);

fn main() {}
