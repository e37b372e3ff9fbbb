use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::GENERIC)]
pub enum GenericError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed,
}

#[derive(Debug, ApiError)]
pub enum AppError {
    #[api(transparent)]
    Generic(GenericError),
    /// The service is down for maintenance
    #[api(code = 1001, key = "MAINTENANCE", status = 503)]
    Maintenance,
}

fn main() {}
