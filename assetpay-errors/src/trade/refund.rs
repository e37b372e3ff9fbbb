//! The refund of a declined withdrawal, in integer cents.

/// The decline penalty, in percent of the withdrawn amount.
pub const DECLINE_PENALTY_PERCENT: u64 = 2;

/// The most a decline costs, in cents ($9). Reached exactly at 45 000 cents ($450).
pub const DECLINE_PENALTY_CAP_CENTS: u64 = 900;

/// How a declined withdrawal's amount splits: `refunded + penalty` is always the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Refund {
    /// Cents credited back to the merchant wallet.
    pub refunded: u64,
    /// Cents kept as the decline penalty.
    pub penalty: u64,
}

/// What the merchant wallet gets back when the recipient declines a withdrawal of `amount_cents`:
/// the amount minus a 2% penalty, capped at $9.
///
/// The penalty rounds **down** to the whole cent, in the merchant's favour: the published rate is
/// a ceiling, so the penalty never exceeds 2% of the amount. Amounts under 50 cents cost nothing.
/// Computed without multiplying the whole amount, so no `u64` overflows or panics.
///
/// ```
/// use assetpay_errors::trade::{Refund, declined_withdrawal_refund};
///
/// assert_eq!(declined_withdrawal_refund(10_000), Refund { refunded: 9_800, penalty: 200 });
/// assert_eq!(declined_withdrawal_refund(45_000), Refund { refunded: 44_100, penalty: 900 });
/// assert_eq!(declined_withdrawal_refund(1_000_000), Refund { refunded: 999_100, penalty: 900 });
/// ```
pub const fn declined_withdrawal_refund(amount_cents: u64) -> Refund {
    // floor(amount × 2 / 100), split as whole hundreds and the rest so nothing near u64::MAX
    // is multiplied: (100q + r) × 2 / 100 = 2q + 2r / 100.
    let hundreds = amount_cents / 100;
    let rest = amount_cents % 100;
    let uncapped = hundreds * DECLINE_PENALTY_PERCENT + rest * DECLINE_PENALTY_PERCENT / 100;
    let penalty = if uncapped < DECLINE_PENALTY_CAP_CENTS {
        uncapped
    } else {
        DECLINE_PENALTY_CAP_CENTS
    };
    Refund {
        refunded: amount_cents - penalty,
        penalty,
    }
}
