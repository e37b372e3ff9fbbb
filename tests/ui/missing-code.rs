use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// The request data is invalid
    #[api(key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed,
}

fn main() {}
