use assetpay_errors::{ApiError, FieldViolation};

#[derive(Debug, ApiError)]
pub enum RequestError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422, details)]
    ValidationFailed { violations: Vec<FieldViolation> },
}

#[derive(Debug, ApiError)]
#[api(details)]
pub enum OtherError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed { violations: Vec<FieldViolation> },
}

fn main() {}
