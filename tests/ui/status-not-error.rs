use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
pub enum GenericError {
    /// Everything went fine, which is not an error
    #[api(code = 1001, key = "ALL_GOOD", status = 200)]
    AllGood,
}

fn main() {}
