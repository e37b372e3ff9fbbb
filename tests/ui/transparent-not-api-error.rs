use assetpay_errors::ApiError;

#[derive(Debug)]
pub struct NotAnApiError;

#[derive(Debug, ApiError)]
pub enum AppError {
    #[api(transparent)]
    Inner(NotAnApiError),
}

fn main() {}
