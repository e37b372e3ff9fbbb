use assetpay_errors::ApiError;
use assetpay_errors::assetpay::GenericError;

#[derive(Debug, ApiError)]
pub enum RequestError {
    #[api(transparent)]
    Generic(#[api(details)] GenericError),
}

fn main() {}
