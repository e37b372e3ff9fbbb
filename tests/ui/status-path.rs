use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// The resource was not found
    #[api(code = 1004, key = "NOT_FOUND", status = http::StatusCode::NOT_FOUND)]
    NotFound,
}

fn main() {}
