use assetpay_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(range = 3000..=3099)]
pub enum PartnerError {
    /// The partner is unreachable
    #[api(code = 3000, key = "PARTNER_UNREACHABLE", status = 503)]
    Unreachable,
    /// The partner refused the request
    #[api(code = 2999, key = "PARTNER_REFUSED", status = 502)]
    Refused,
}

fn main() {}
