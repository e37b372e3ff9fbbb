use assetpay_errors::{ApiError, Domain};

#[derive(Debug, ApiError)]
#[api(domain = Domain::PAYMENTS)]
pub enum PaymentError {
    /// The card was declined
    #[api(code = 11, key = "CARD_DECLINED", status = 402)]
    CardDeclined,
}

fn main() {}
