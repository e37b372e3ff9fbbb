use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum AppError<E: ApiError> {
    #[api(transparent)]
    Inner(E),
}

fn main() {}
