use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum RequestError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed {
        #[api(details)]
        violations: Vec<String>,
    },
}

fn main() {}
