use assetpay_errors::{ApiError, FieldViolation};

#[derive(Debug, ApiError)]
pub enum RequestError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed {
        #[api(details = true)]
        violations: Vec<FieldViolation>,
        #[api(details, code = 2)]
        more: Vec<FieldViolation>,
    },
}

fn main() {}
