use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::WALLET)]
pub enum WalletError {
    /// The wallet balance is too low
    #[api(code = 1601, key = "INSUFFICIENT_FUNDS", status = 402)]
    InsufficientFunds,
}

#[derive(Debug, ApiError)]
pub enum PaymentsError {
    #[api(transparent)]
    Wallet(WalletError),
}

#[derive(Debug, ApiError)]
#[api(domain = Domain::RISK)]
pub enum RiskError {
    /// The funds are blocked by risk checks
    #[api(code = 2101, key = "INSUFFICIENT_FUNDS", status = 403)]
    FundsBlocked,
}

#[derive(Debug, ApiError)]
pub enum AppError {
    #[api(transparent)]
    Payments(PaymentsError),
    #[api(transparent)]
    Risk(RiskError),
}

fn main() {}
