use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum TradingError<#[api(code = 1)] T: core::fmt::Debug> {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged(T),
}

fn main() {}
