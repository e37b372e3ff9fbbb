//! The declined-withdrawal refund: a 2% penalty, rounded down to the cent, capped at $9.

use assetpay_errors::trade::{DECLINE_PENALTY_CAP_CENTS, Refund, declined_withdrawal_refund};

fn refund(refunded: u64, penalty: u64) -> Refund {
    Refund { refunded, penalty }
}

#[test]
fn zero_and_one_cent_cost_nothing() {
    assert_eq!(declined_withdrawal_refund(0), refund(0, 0));
    assert_eq!(declined_withdrawal_refund(1), refund(1, 0));
}

#[test]
fn penalty_rounds_down_to_the_cent() {
    // 2% of 49 cents is 0.98 cents: nothing is charged until it reaches a whole cent.
    assert_eq!(declined_withdrawal_refund(49), refund(49, 0));
    assert_eq!(declined_withdrawal_refund(50), refund(49, 1));
    assert_eq!(declined_withdrawal_refund(99), refund(98, 1));
    assert_eq!(declined_withdrawal_refund(149), refund(147, 2));
    assert_eq!(declined_withdrawal_refund(10_000), refund(9_800, 200));
}

#[test]
fn cap_is_reached_exactly_at_450_dollars() {
    assert_eq!(declined_withdrawal_refund(44_949), refund(44_051, 898));
    assert_eq!(declined_withdrawal_refund(44_950), refund(44_051, 899));
    assert_eq!(declined_withdrawal_refund(44_999), refund(44_100, 899));
    assert_eq!(
        declined_withdrawal_refund(45_000),
        refund(44_100, DECLINE_PENALTY_CAP_CENTS)
    );
    assert_eq!(declined_withdrawal_refund(45_001), refund(44_101, 900));
    assert_eq!(declined_withdrawal_refund(45_050), refund(44_150, 900));
    assert_eq!(declined_withdrawal_refund(1_000_000), refund(999_100, 900));
}

#[test]
fn largest_amounts_neither_overflow_nor_panic() {
    assert_eq!(
        declined_withdrawal_refund(u64::MAX),
        refund(u64::MAX - 900, 900)
    );
    assert_eq!(
        declined_withdrawal_refund(u64::MAX - 1),
        refund(u64::MAX - 901, 900)
    );
}

#[test]
fn penalty_is_two_percent_floored_and_capped_everywhere() {
    // Against the plain formula in u128, where it cannot overflow, on a spread of amounts.
    let amounts = (0..=100_000u64)
        .chain((0..64).map(|shift| 1u64 << shift))
        .chain([u64::MAX]);
    for amount in amounts {
        let expected = (u128::from(amount) * 2 / 100).min(900) as u64;
        let Refund { refunded, penalty } = declined_withdrawal_refund(amount);
        assert_eq!(penalty, expected, "amount {amount}");
        assert_eq!(refunded + penalty, amount, "amount {amount}");
    }
}

#[test]
fn usable_in_constants() {
    const REFUND: Refund = declined_withdrawal_refund(45_000);
    assert_eq!(REFUND.penalty, 900);
}
