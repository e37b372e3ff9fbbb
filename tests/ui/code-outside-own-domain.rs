use assetpay_errors::{ApiError, Domain};

pub const PAYMENTS: Domain = Domain::new("payments", "Payments", 3000..=3099);

#[derive(Debug, ApiError)]
#[api(domain = PAYMENTS)]
pub enum PaymentError {
    /// The card was declined
    #[api(code = 3000, key = "CARD_DECLINED", status = 402)]
    CardDeclined,
    /// The refund window has closed
    #[api(code = 3100, key = "REFUND_WINDOW_CLOSED", status = 409)]
    RefundWindowClosed,
    /// The payment method is not supported
    #[api(code = 2999, key = "METHOD_UNSUPPORTED", status = 422)]
    MethodUnsupported,
}

fn main() {}
