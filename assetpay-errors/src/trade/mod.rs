//! Asynchronous trade failures: what a withdrawal that was accepted and later failed reports, and
//! what the merchant gets back when the recipient declines.
//!
//! These are not numeric API errors. They appear on the trade object and in callbacks: a failed
//! item carries a [`TradeFailureCode`] in `Item.error`, and `Trade.error` carries one too when
//! the whole trade failed for one shared cause ([`shared_cause`]). Canceled and declined items
//! carry no code: the status is the reason ([`ItemFailure`]). A declined withdrawal is the
//! buyer's fault and costs the merchant a capped penalty ([`declined_withdrawal_refund`]).
//!
//! # Guide
//!
//! Read each item's `status` and `error` together, act on the failure, and credit what a decline
//! refunds:
//!
//! ```
//! use assetpay_errors::trade::{
//!     ItemFailure, Refund, TradeFailureCode, declined_withdrawal_refund, shared_cause,
//! };
//!
//! // `Item.error` as sent: known codes, and one a newer server added.
//! let price: TradeFailureCode = serde_json::from_str(r#""PRICE_CHANGED""#).unwrap();
//! let newer: TradeFailureCode = serde_json::from_str(r#""ESCROW_TIMEOUT""#).unwrap();
//!
//! let items = [
//!     ItemFailure::from_item("failed", Some(price.clone())).unwrap(),
//!     ItemFailure::from_item("failed", Some(newer.clone())).unwrap(),
//!     ItemFailure::from_item("declined", None).unwrap(),
//!     ItemFailure::from_item("completed", None).unwrap(),
//! ];
//! assert_eq!(items[0], Some(ItemFailure::Failed(TradeFailureCode::PriceChanged)));
//! assert_eq!(items[2], Some(ItemFailure::Declined));
//! assert_eq!(items[3], None); // delivered: nothing to handle
//!
//! // Only MARKET_UNAVAILABLE goes away by itself; an unknown code is handled like PURCHASE_FAILED.
//! assert!(!price.is_retryable());
//! assert!(TradeFailureCode::MarketUnavailable.is_retryable());
//! assert!(!newer.is_known() && !newer.is_retryable());
//! assert_eq!(newer.as_str(), "ESCROW_TIMEOUT");
//!
//! // `Trade.error` is set only when every item failed for the same cause.
//! assert_eq!(shared_cause(items.iter().map(Option::as_ref)), None);
//! let gone = ItemFailure::Failed(TradeFailureCode::ListingUnavailable);
//! assert_eq!(shared_cause([Some(&gone), Some(&gone)]), Some(&TradeFailureCode::ListingUnavailable));
//!
//! // A declined $120.00 withdrawal refunds all but the 2% penalty, capped at $9.
//! assert_eq!(declined_withdrawal_refund(12_000), Refund { refunded: 11_760, penalty: 240 });
//! assert_eq!(declined_withdrawal_refund(100_000), Refund { refunded: 99_100, penalty: 900 });
//! ```
//!
//! # Declined withdrawals
//!
//! [`declined_withdrawal_refund`] splits a declined withdrawal into
//! [`Refund { refunded, penalty }`](Refund): a 2% penalty rounded down to the cent (so it never
//! exceeds the published rate), capped at 900 cents, which is reached exactly at 45 000 cents
//! ($450).

mod failure_code;
mod item;
mod refund;

pub use self::failure_code::{TradeFailureCode, UnknownFailureCode};
pub use self::item::{CANCELED, CodeOnStatusReason, DECLINED, ItemFailure, shared_cause};
pub use self::refund::{
    DECLINE_PENALTY_CAP_CENTS, DECLINE_PENALTY_PERCENT, Refund, declined_withdrawal_refund,
};
