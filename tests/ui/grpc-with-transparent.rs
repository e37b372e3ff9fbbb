use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// Resource not found
    #[api(code = 1003, key = "NOT_FOUND", status = 404)]
    NotFound,
}

#[derive(Debug, ApiError)]
pub enum ShopError {
    #[api(transparent, grpc = "NOT_FOUND")]
    Generic(GenericError),
}

fn main() {}
