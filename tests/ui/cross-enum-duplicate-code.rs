use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::GENERIC)]
pub enum GenericError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed,
}

#[derive(Debug, ApiError)]
#[api(domain = Domain::GENERIC)]
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
