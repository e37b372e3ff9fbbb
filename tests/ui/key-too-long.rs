use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// The request data is invalid
    #[api(
        code = 1001,
        key = "THE_REQUEST_DATA_IS_INVALID_BECAUSE_ONE_OF_THE_FIELDS_IS_NOT_WELL",
        status = 422
    )]
    ValidationFailed,
}

fn main() {}
