use assetpay_errors::{ApiError, Domain};

/// The wallet balance is too low
#[derive(Debug, ApiError)]
#[api(domain = Domain::WALLET, code = 1001, key = "INSUFFICIENT_FUNDS", status = 402)]
pub struct InsufficientFunds;

fn main() {}
