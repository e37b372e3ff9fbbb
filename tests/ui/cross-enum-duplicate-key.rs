use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(domain = "generic")]
pub enum GenericError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed,
}

#[derive(Debug, ApiError)]
#[api(domain = "auth")]
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
