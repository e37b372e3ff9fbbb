use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(domain = "generic")]
pub enum GenericError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed,
}

#[derive(Debug, ApiError)]
#[api(domain = "generic")]
pub enum LegacyError {
    /// The request is malformed
    #[api(code = 1001, key = "MALFORMED_REQUEST", status = 400)]
    Malformed,
}

#[derive(Debug, ApiError)]
pub enum AppError {
    #[api(transparent)]
    Generic(GenericError),
    #[api(transparent)]
    Legacy(LegacyError),
}

fn main() {}
