//! Asynchronous trade failures: what a withdrawal that was accepted and later failed reports, and
//! what the merchant gets back when the recipient declines.
//!
//! These are not numeric API errors. They appear on the trade object and in callbacks: a failed
//! item carries a [`TradeFailureCode`] in `Item.error`, and `Trade.error` carries one too when
//! the whole trade failed for one shared cause ([`shared_cause`]). Canceled and declined items
//! carry no code: the status is the reason ([`ItemFailure`]). A declined withdrawal is the
//! buyer's fault and costs the merchant a capped penalty ([`declined_withdrawal_refund`]).

mod failure_code;
mod item;
mod refund;

pub use self::failure_code::{TradeFailureCode, UnknownFailureCode};
pub use self::item::{CANCELED, CodeOnStatusReason, DECLINED, ItemFailure, shared_cause};
pub use self::refund::{
    DECLINE_PENALTY_CAP_CENTS, DECLINE_PENALTY_PERCENT, Refund, declined_withdrawal_refund,
};
