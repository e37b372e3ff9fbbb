//! `errors!` names a variant that does not exist: the error points at the name.
use assetpay_errors::ApiError;
use assetpay_errors::errors;
use assetpay_errors::openapi::ApiErrors;

#[derive(Debug, ApiError)]
#[api(range = 1..=99)]
pub enum TradeError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

type CreateTrade = ApiErrors<errors![TradeError::PriceChange]>;

fn main() {
    let _ = <CreateTrade as utoipa::IntoResponses>::responses();
}
