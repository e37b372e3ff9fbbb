use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed,
    /// Something else went wrong
    SomethingElse,
}

fn main() {}
