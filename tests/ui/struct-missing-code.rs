use assetpay_errors::ApiError;

/// The request data is invalid
#[derive(Debug, ApiError)]
#[api(key = "VALIDATION_FAILED", status = 422)]
pub struct ValidationFailed {
    pub field: String,
}

fn main() {}
