use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::TRADING)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 4090)]
    PriceChanged,
    /// The item is no longer available
    #[api(code = 12, key = "ITEM_UNAVAILABLE", status = 410)]
    ItemUnavailable,
}

#[derive(Debug, ApiError)]
pub enum AppError {
    #[api(transparent)]
    Trading(TradingError),
}

fn main() {
    let error = TradingError::PriceChanged;
    let _: u16 = error.code();
    let _: &str = error.key();
    let _: std::borrow::Cow<'_, str> = error.message();
    let _ = TradingError::CATALOG.len();
    let _ = TradingError::spec_for_code(11);
    let _ = TradingError::try_from(12u16);
    let _ = "PRICE_CHANGED".parse::<TradingError>();
    let _ = AppError::Trading(TradingError::ItemUnavailable).status();
    let _ = AppError::try_from(11u16);
}
