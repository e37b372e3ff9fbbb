use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(reserved(1002, 1104..=1107))]
#[api(reserved("OLD_KEY"))]
pub enum ShopError {
    /// A retired key, declared again under a new code
    #[api(code = 1003, key = "OLD_KEY", status = 409)]
    Old,
}

fn main() {}
