use assetpay_errors::ApiError;

/// The request data is invalid
#[derive(Debug, ApiError)]
pub struct ValidationFailed {
    pub field: String,
}

fn main() {}
