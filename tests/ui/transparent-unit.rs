use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum AppError {
    #[api(transparent)]
    Nothing,
}

fn main() {}
