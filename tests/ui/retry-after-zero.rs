use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// Too many requests, slow down
    #[api(code = 1029, key = "RATE_LIMITED", status = 429, retry_after = 0)]
    RateLimited,
}

fn main() {}
