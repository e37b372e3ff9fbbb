use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::TRADING)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

#[derive(Debug, ApiError)]
pub enum AppError {
    #[api(transparent)]
    Trading(TradingError),
    /// The service is down for maintenance
    #[api(code = 1001, key = "MAINTENANCE", status = 200)]
    Maintenance,
}

fn main() {
    let error = AppError::Trading(TradingError::PriceChanged);
    let _: u16 = error.code();
    let _ = error.message();
    let _ = AppError::CATALOG.iter().map(|spec| spec.key());
    let _ = AppError::spec_for_key("MAINTENANCE");
    let _ = AppError::try_from(11u16);
    let _ = "PRICE_CHANGED".parse::<AppError>();
}
