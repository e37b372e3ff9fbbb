use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// The request data is invalid
    #[api]
    ValidationFailed,
}

fn main() {}
