use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(range = 3099..=3000)]
pub enum PartnerError {
    /// The partner is unreachable
    #[api(code = 3000, key = "PARTNER_UNREACHABLE", status = 503)]
    Unreachable,
}

fn main() {}
