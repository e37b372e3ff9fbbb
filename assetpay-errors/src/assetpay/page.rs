//! What the published error page says beyond the catalogue: its sections' titles and intros, the
//! asynchronous failure section and the handling notes. The one place this text lives;
//! [`reference`](super::reference) renders it, and the spec test compares it with the published
//! page.

use crate::ApiError;
use crate::spec::ErrorSpec;

use super::{
    AccountError, ApiKeyError, AssetPayError, AuthError, CallbackError, GenericError,
    IdentityError, RiskError, TradingError, WalletError,
};

/// One part of the page below the range table, in published order.
#[derive(Debug, Clone, Copy)]
pub enum PagePart {
    /// A table of numeric API errors.
    Errors(ErrorSection),
    /// The asynchronous trade failure codes: [`TRADE_FAILURES_TITLE`], [`TRADE_FAILURES_INTRO`],
    /// one row per [`TradeFailureCode::KNOWN`](crate::trade::TradeFailureCode::KNOWN), then
    /// [`TRADE_FAILURES_NOTE`].
    TradeFailures,
}

/// A section of numeric API errors: a heading, an optional intro line and one table row per
/// error.
#[derive(Debug, Clone, Copy)]
pub struct ErrorSection {
    /// The heading, such as `"General Errors"`.
    pub title: &'static str,
    /// The line between heading and table, when the page has one.
    pub intro: Option<&'static str>,
    /// The section's rows, in published order.
    pub errors: &'static [ErrorSpec],
}

/// The page's title.
pub const PAGE_TITLE: &str = "Error Codes";

/// The line before the envelope example.
pub const ENVELOPE_INTRO: &str = "All errors follow this format:";

/// The request id of the envelope example.
pub const ENVELOPE_EXAMPLE_REQUEST_ID: &str = "...";

/// The error of the envelope example.
pub const ENVELOPE_EXAMPLE_ERROR: AssetPayError =
    AssetPayError::Generic(GenericError::ValidationFailed);

/// The line before the range table.
pub const RANGES_INTRO: &str = "Codes are grouped by domain:";

/// The sections below the range table, in published order. Together the error sections list
/// [`AssetPayError::CATALOG`](crate::ApiError::CATALOG) in order; a test holds them to that.
pub const PARTS: &[PagePart] = &[
    PagePart::Errors(ErrorSection {
        title: "General Errors",
        intro: None,
        errors: GenericError::CATALOG,
    }),
    PagePart::Errors(ErrorSection {
        title: "Authentication Errors",
        intro: None,
        errors: AuthError::CATALOG,
    }),
    PagePart::Errors(ErrorSection {
        title: "Account / Access Errors",
        intro: None,
        errors: AccountError::CATALOG,
    }),
    PagePart::Errors(ErrorSection {
        title: "API Key Errors",
        intro: None,
        errors: ApiKeyError::CATALOG,
    }),
    PagePart::Errors(ErrorSection {
        title: "Trading Errors",
        intro: Some("Returned by deposit, withdrawal, inventory, and market endpoints."),
        errors: TradingError::CATALOG,
    }),
    PagePart::TradeFailures,
    PagePart::Errors(ErrorSection {
        title: "Wallet / Funding Errors",
        intro: Some(
            "Mostly returned by crypto wallet endpoints, but several apply to trading flows too.",
        ),
        errors: WalletError::CATALOG,
    }),
    PagePart::Errors(ErrorSection {
        title: "Callback / Webhook Errors",
        intro: None,
        errors: CallbackError::CATALOG,
    }),
    PagePart::Errors(ErrorSection {
        title: "Risk Management Errors",
        intro: None,
        errors: RiskError::CATALOG,
    }),
    PagePart::Errors(ErrorSection {
        title: "Identity Verification Errors",
        intro: None,
        errors: IdentityError::CATALOG,
    }),
];

/// The heading of the asynchronous failure section.
pub const TRADE_FAILURES_TITLE: &str = "Asynchronous Trade Failure Codes";

/// The paragraph before the asynchronous failure table.
pub const TRADE_FAILURES_INTRO: &str = "The errors above are returned synchronously when a call is \
rejected. A withdrawal that was accepted but later fails carries a separate, smaller, stable code \
instead — on Item.error (and on Trade.error when the whole trade failed for one shared cause), \
typed as TradeFailureCode. These are not numeric API error codes; they appear on the trade object \
and in callbacks.";

/// The paragraph after the asynchronous failure table.
pub const TRADE_FAILURES_NOTE: &str = "canceled and declined items carry no code — the status is \
the reason. A declined withdrawal is buyer fault: your merchant wallet is refunded minus a 2% \
penalty (capped at $9). See Withdrawals → Per-Item Failure Reasons for handling guidance.";

/// The heading of the handling notes.
pub const HANDLING_TITLE: &str = "Handling Errors";

/// The line before the handling example.
pub const HANDLING_INTRO: &str = "Check success first, then handle based on the error code or key:";

/// The handling example, JavaScript.
pub const HANDLING_EXAMPLE: &str = r#"const response = await fetch('https://api.assetpay.gg/client/trading/deposit', {
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    'Authorization': clientToken,
  },
  body: JSON.stringify(depositPayload),
});

const result = await response.json();

if (!result.success) {
  switch (result.error.key) {
    case 'PRICE_CHANGED':
      // Refetch inventory and show updated prices
      break;
    case 'ITEMS_UNAVAILABLE':
      // Remove unavailable items from selection
      break;
    case 'TOO_MANY_ACTIVE_TRADES':
    case 'DEPOSIT_IN_PROGRESS':
      // Tell user to wait for current deposit to finish
      break;
    case 'MERCHANT_BALANCE_LOW':
      // Withdrawal can't proceed, notify user
      break;
    default:
      console.error(`Trade error: ${result.error.key} (${result.error.code})`);
  }
}"#;

/// The start of the retry note, followed by the keys of every retryable error. Not on the
/// published page: the catalogue's retry flags, made visible to readers of the page, in the
/// words every catalogue's page uses ([`reference::RETRY_NOTE`](crate::reference::RETRY_NOTE)).
pub const RETRY_NOTE: &str = crate::reference::RETRY_NOTE;

/// The page's closing line.
pub const SUPPORT_NOTE: &str = "When contacting support about an error, include the requestId \
from the response. It helps us trace the exact request in our logs.";
