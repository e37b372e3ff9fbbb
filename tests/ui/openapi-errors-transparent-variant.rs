//! `errors!` names a variant that wraps another type: it has no entry of its own.
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

#[derive(Debug, ApiError)]
pub enum CreateTradeError {
    #[api(transparent)]
    Trade(TradeError),
}

type CreateTrade = ApiErrors<errors![CreateTradeError::Trade]>;

fn main() {
    let _ = <CreateTrade as utoipa::IntoResponses>::responses();
}
