use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(range = 3000..3100)]
pub enum PartnerError {
    /// The partner is unreachable
    #[api(code = 3000, key = "PARTNER_UNREACHABLE", status = 503)]
    Unreachable,
}

fn main() {}
