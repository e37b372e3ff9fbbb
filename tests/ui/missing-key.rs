use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// The request data is invalid
    #[api(code = 1001, status = 422)]
    ValidationFailed,
}

fn main() {}
