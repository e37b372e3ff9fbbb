use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(domain = "trading")]
pub enum TradingError {
    #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400, message = "At most {} items")]
    TooManyItems(usize),
}

fn main() {}
