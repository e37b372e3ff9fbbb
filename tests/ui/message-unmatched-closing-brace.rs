use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::TRADING)]
pub enum TradingError {
    #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400, message = "Use {max} items }")]
    TooManyItems { max: usize },
}

fn main() {}
