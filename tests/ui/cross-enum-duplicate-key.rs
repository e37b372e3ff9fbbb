use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::GENERIC)]
pub enum GenericError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed,
}

#[derive(Debug, ApiError)]
#[api(domain = Domain::AUTH)]
pub enum AuthError {
    /// The login data is invalid
    #[api(code = 1101, key = "VALIDATION_FAILED", status = 422)]
    LoginInvalid,
}

#[derive(Debug, ApiError)]
pub enum AppError {
    #[api(transparent)]
    Generic(GenericError),
    #[api(transparent)]
    Auth(AuthError),
}

fn main() {}
