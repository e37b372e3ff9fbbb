use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(range = 0..=99)]
pub enum PartnerError {
    /// The partner is unreachable
    #[api(code = 1, key = "PARTNER_UNREACHABLE", status = 503)]
    Unreachable,
}

fn main() {}
