//! Item and trade failures: which items carry a code, and when `Trade.error` is set.

use assetpay_errors::trade::{
    CANCELED, CodeOnStatusReason, DECLINED, ItemFailure, TradeFailureCode, shared_cause,
};

#[test]
fn an_item_with_a_code_failed_whatever_its_status_text() {
    for status in ["failed", "error", "a-status-from-a-newer-server"] {
        assert_eq!(
            ItemFailure::from_item(status, Some(TradeFailureCode::TradeUrlInvalid)),
            Ok(Some(ItemFailure::Failed(TradeFailureCode::TradeUrlInvalid))),
            "status {status}"
        );
    }
}

#[test]
fn canceled_and_declined_items_carry_no_code() {
    assert_eq!(
        ItemFailure::from_item(CANCELED, None),
        Ok(Some(ItemFailure::Canceled))
    );
    assert_eq!(
        ItemFailure::from_item(DECLINED, None),
        Ok(Some(ItemFailure::Declined))
    );
    assert_eq!(ItemFailure::Canceled.error(), None);
    assert_eq!(ItemFailure::Declined.error(), None);
    assert_eq!(ItemFailure::Declined.status_reason(), Some("declined"));
    assert_eq!(ItemFailure::Canceled.status_reason(), Some("canceled"));

    let contradiction = ItemFailure::from_item(DECLINED, Some(TradeFailureCode::PurchaseFailed));
    assert_eq!(
        contradiction,
        Err(CodeOnStatusReason {
            status: "declined",
            code: TradeFailureCode::PurchaseFailed
        })
    );
    assert_eq!(
        contradiction.unwrap_err().to_string(),
        "a declined item carries no error code, but this one carries `PURCHASE_FAILED`"
    );
}

#[test]
fn an_item_without_a_code_and_another_status_did_not_fail() {
    assert_eq!(ItemFailure::from_item("completed", None), Ok(None));
    assert_eq!(
        ItemFailure::from_item("Declined", None),
        Ok(None),
        "statuses match exactly"
    );
}

#[test]
fn only_declined_items_are_the_buyers_fault() {
    assert!(ItemFailure::Declined.is_buyer_fault());
    assert!(!ItemFailure::Canceled.is_buyer_fault());
    assert!(!ItemFailure::Failed(TradeFailureCode::TradeUrlInvalid).is_buyer_fault());
}

#[test]
fn only_items_failed_for_a_temporary_cause_are_retryable() {
    assert!(ItemFailure::Failed(TradeFailureCode::MarketUnavailable).is_retryable());
    assert!(!ItemFailure::Failed(TradeFailureCode::PriceChanged).is_retryable());
    assert!(!ItemFailure::Canceled.is_retryable());
    assert!(!ItemFailure::Declined.is_retryable());
}

#[test]
fn trade_error_is_set_only_when_every_item_failed_for_one_cause() {
    let gone = ItemFailure::Failed(TradeFailureCode::ListingUnavailable);
    let moved = ItemFailure::Failed(TradeFailureCode::PriceChanged);
    let canceled = ItemFailure::Canceled;

    assert_eq!(
        shared_cause([Some(&gone)]),
        Some(&TradeFailureCode::ListingUnavailable)
    );
    assert_eq!(
        shared_cause([Some(&gone), Some(&gone), Some(&gone)]),
        gone.error()
    );
    assert_eq!(
        shared_cause([Some(&gone), Some(&moved)]),
        None,
        "two causes"
    );
    assert_eq!(
        shared_cause([Some(&gone), Some(&canceled)]),
        None,
        "a canceled item"
    );
    assert_eq!(shared_cause([Some(&gone), None]), None, "a delivered item");
    assert_eq!(
        shared_cause([Some(&canceled), Some(&canceled)]),
        None,
        "no code at all"
    );
    assert_eq!(shared_cause(std::iter::empty()), None, "no items");
}

#[test]
fn unknown_codes_can_be_a_shared_cause() {
    let newer = ItemFailure::Failed(TradeFailureCode::parse("ESCROW_HOLD_TOO_LONG"));
    let same = ItemFailure::Failed(TradeFailureCode::parse("ESCROW_HOLD_TOO_LONG"));
    assert_eq!(
        shared_cause([Some(&newer), Some(&same)]).map(TradeFailureCode::as_str),
        Some("ESCROW_HOLD_TOO_LONG")
    );
}
