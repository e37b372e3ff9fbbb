use assetpay_errors::{ApiError, FieldViolation};

#[derive(Debug, ApiError)]
pub enum RequestError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed {
        #[api(details)]
        #[api(details)]
        body: Vec<FieldViolation>,
        #[api(details)]
        query: Vec<FieldViolation>,
    },
}

fn main() {}
