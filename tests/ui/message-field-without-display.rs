use assetpay_errors::{ApiError, Domain};

pub struct Opaque;

#[derive(ApiError)]
#[api(domain = Domain::TRADING)]
pub enum TradingError {
    #[api(code = 8, key = "ODD_ITEM", status = 400, message = "Odd item {0}")]
    OddItem(Opaque),
}

fn main() {}
