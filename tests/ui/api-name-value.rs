use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// The request data is invalid
    #[api = "VALIDATION_FAILED"]
    ValidationFailed,
}

fn main() {}
