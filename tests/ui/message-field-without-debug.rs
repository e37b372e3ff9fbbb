use assetpay_errors::ApiError;

pub struct Opaque;

#[derive(ApiError)]
#[api(domain = "trading")]
pub enum TradingError {
    #[api(code = 8, key = "ODD_ITEM", status = 400, message = "Odd item {0:?}")]
    OddItem(Opaque),
}

fn main() {}
