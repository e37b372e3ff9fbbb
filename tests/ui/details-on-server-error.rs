use assetpay_errors::{ApiError, FieldViolation};

#[derive(Debug, ApiError)]
pub enum RequestError {
    /// The ledger failed
    #[api(code = 1006, key = "LEDGER_FAILED", status = 500)]
    LedgerFailed {
        #[api(details)]
        violations: Vec<FieldViolation>,
    },
}

fn main() {}
