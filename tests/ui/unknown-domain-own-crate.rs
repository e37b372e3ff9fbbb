use assetpay_errors::{ApiError, Domain};

mod domains {
    use assetpay_errors::Domain;

    pub const PAYMENTS: Domain = Domain::new("payments", "Payments", 3000..=3099);
}

#[derive(Debug, ApiError)]
#[api(domain = domains::PAYMENT)]
pub enum PaymentError {
    /// The card was declined
    #[api(code = 3001, key = "CARD_DECLINED", status = 402)]
    CardDeclined,
}

fn main() {
    let _ = Domain::TRADING;
}
