//! The failure of one withdrawn item, and the shared cause that fills `Trade.error`.

use core::fmt;

use super::failure_code::TradeFailureCode;

/// The `Item.status` of an item whose withdrawal was canceled.
pub const CANCELED: &str = "canceled";

/// The `Item.status` of an item whose recipient declined the trade offer.
pub const DECLINED: &str = "declined";

/// Why one item of an accepted withdrawal was not delivered: `Item.status` and `Item.error` read
/// together.
///
/// Only [`Failed`](Self::Failed) carries a code; a canceled or declined item has none, the status
/// is the reason, so those variants have no field to put one in.
///
/// ```
/// use assetpay_errors::trade::{ItemFailure, TradeFailureCode};
///
/// let failed = ItemFailure::from_item("failed", Some(TradeFailureCode::PriceChanged));
/// assert_eq!(failed, Ok(Some(ItemFailure::Failed(TradeFailureCode::PriceChanged))));
/// assert_eq!(ItemFailure::from_item("declined", None), Ok(Some(ItemFailure::Declined)));
/// assert_eq!(ItemFailure::from_item("completed", None), Ok(None));
/// assert!(ItemFailure::from_item("canceled", Some(TradeFailureCode::PurchaseFailed)).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ItemFailure {
    /// The item failed; `Item.error` says why.
    Failed(TradeFailureCode),
    /// The item's withdrawal was canceled (status `"canceled"`).
    Canceled,
    /// The recipient declined the trade offer (status `"declined"`): the buyer's fault. The
    /// merchant wallet is refunded minus a penalty, see
    /// [`declined_withdrawal_refund`](super::declined_withdrawal_refund).
    Declined,
}

impl ItemFailure {
    /// Reads an item's `status` and `error` fields. `Ok(None)` for an item that did not fail:
    /// any other status without a code (such as one still in progress or delivered).
    ///
    /// The status of a failed item is not interpreted: a code is what marks the failure, so a
    /// status this version does not know still reads correctly.
    ///
    /// # Errors
    ///
    /// [`CodeOnStatusReason`] when a canceled or declined item carries a code, which the
    /// published page rules out.
    pub fn from_item(
        status: &str,
        error: Option<TradeFailureCode>,
    ) -> Result<Option<Self>, CodeOnStatusReason> {
        let (failure, status) = match status {
            CANCELED => (Self::Canceled, CANCELED),
            DECLINED => (Self::Declined, DECLINED),
            _ => return Ok(error.map(Self::Failed)),
        };
        match error {
            None => Ok(Some(failure)),
            Some(code) => Err(CodeOnStatusReason { status, code }),
        }
    }

    /// The value of `Item.error`: the code of a failed item, `None` for a canceled or declined
    /// one.
    pub fn error(&self) -> Option<&TradeFailureCode> {
        match self {
            Self::Failed(code) => Some(code),
            Self::Canceled | Self::Declined => None,
        }
    }

    /// The status that is the reason, for a canceled or declined item; `None` for a failed item,
    /// whose reason is its code.
    pub fn status_reason(&self) -> Option<&'static str> {
        match self {
            Self::Failed(_) => None,
            Self::Canceled => Some(CANCELED),
            Self::Declined => Some(DECLINED),
        }
    }

    /// Whether the buyer caused it (a declined offer), which costs the merchant the decline
    /// penalty.
    pub fn is_buyer_fault(&self) -> bool {
        matches!(self, Self::Declined)
    }

    /// Whether withdrawing the item again later may succeed without anything changing.
    pub fn is_retryable(&self) -> bool {
        self.error().is_some_and(TradeFailureCode::is_retryable)
    }
}

/// The value of `Trade.error` for a trade whose items ended as `items` (`None` for an item that
/// did not fail): the code every item failed with, when they all failed for that one cause.
/// `None` when any item did not fail, was canceled or declined, failed for another cause, or the
/// trade has no items.
///
/// ```
/// use assetpay_errors::trade::{ItemFailure, TradeFailureCode, shared_cause};
///
/// let gone = ItemFailure::Failed(TradeFailureCode::ListingUnavailable);
/// let cause = shared_cause([Some(&gone), Some(&gone)]);
/// assert_eq!(cause, Some(&TradeFailureCode::ListingUnavailable));
/// assert_eq!(shared_cause([Some(&gone), None]), None);
/// ```
pub fn shared_cause<'a>(
    items: impl IntoIterator<Item = Option<&'a ItemFailure>>,
) -> Option<&'a TradeFailureCode> {
    let mut shared: Option<&TradeFailureCode> = None;
    for item in items {
        let code = item?.error()?;
        match shared {
            Some(first) if first != code => return None,
            _ => shared = Some(code),
        }
    }
    shared
}

/// A canceled or declined item that carried an error code. The published page says such items
/// carry none, so the pair is contradictory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeOnStatusReason {
    /// The item's status: [`CANCELED`] or [`DECLINED`].
    pub status: &'static str,
    /// The code it carried anyway.
    pub code: TradeFailureCode,
}

impl fmt::Display for CodeOnStatusReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a {} item carries no error code, but this one carries `{}`",
            self.status, self.code
        )
    }
}

impl std::error::Error for CodeOnStatusReason {}
