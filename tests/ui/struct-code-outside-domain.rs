use assetpay_errors::ApiError;

/// The wallet balance is too low
#[derive(Debug, ApiError)]
#[api(domain = "wallet", code = 1001, key = "INSUFFICIENT_FUNDS", status = 402)]
pub struct InsufficientFunds;

fn main() {}
