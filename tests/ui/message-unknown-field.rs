use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::TRADING)]
pub enum TradingError {
    /// Too many items in a single request
    #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400, message = "At most {maximum} items")]
    TooManyItems { max: usize, given: usize },
}

fn main() {}
