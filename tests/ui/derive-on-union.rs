use assetpay_errors::ApiError;

#[derive(ApiError)]
#[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
pub union Bits {
    code: u16,
    raw: [u8; 2],
}

fn main() {}
