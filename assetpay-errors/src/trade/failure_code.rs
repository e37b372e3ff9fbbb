//! `TradeFailureCode`: the stable string code of an asynchronous trade failure.

use core::fmt;
use core::str::FromStr;
use std::convert::Infallible;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

/// Why an accepted withdrawal (or one of its items) failed later, as sent in `Item.error` and
/// `Trade.error`: `"LISTING_UNAVAILABLE"`, `"PRICE_CHANGED"`, …
///
/// Forward compatible: a code a newer server sends decodes as [`Unknown`](Self::Unknown), keeps
/// its text and serializes back unchanged. Handle it like
/// [`PurchaseFailed`](Self::PurchaseFailed), the catch-all.
///
/// ```
/// use assetpay_errors::trade::TradeFailureCode;
///
/// let code: TradeFailureCode = serde_json::from_str(r#""MARKET_UNAVAILABLE""#).unwrap();
/// assert_eq!(code, TradeFailureCode::MarketUnavailable);
/// assert!(code.is_retryable());
///
/// let newer: TradeFailureCode = serde_json::from_str(r#""ESCROW_TIMEOUT""#).unwrap();
/// assert!(!newer.is_known());
/// assert_eq!(newer.as_str(), "ESCROW_TIMEOUT");
/// assert_eq!(serde_json::to_string(&newer).unwrap(), r#""ESCROW_TIMEOUT""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TradeFailureCode {
    /// `LISTING_UNAVAILABLE`: listing sold / delisted / out of stock.
    ListingUnavailable,
    /// `PRICE_CHANGED`: price moved above your ceiling.
    PriceChanged,
    /// `TRADE_URL_INVALID`: recipient's Steam trade URL is invalid or escrow-blocked.
    TradeUrlInvalid,
    /// `STEAM_ACCOUNT_RESTRICTED`: recipient's Steam account can't receive (VAC / ban / hold /
    /// private).
    SteamAccountRestricted,
    /// `MARKET_UNAVAILABLE`: temporary upstream or AssetPay-side issue; retry later.
    MarketUnavailable,
    /// `PURCHASE_FAILED`: unclassified failure, the catch-all.
    PurchaseFailed,
    /// A code this version does not know yet, kept verbatim.
    Unknown(UnknownFailureCode),
}

/// The text of a failure code this version does not know. Only decoding makes one, so it never
/// holds the text of a known code: each code has exactly one [`TradeFailureCode`] value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownFailureCode(String);

impl UnknownFailureCode {
    /// The code as the server sent it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownFailureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TradeFailureCode {
    /// Every code this version knows, in published order.
    pub const KNOWN: &'static [TradeFailureCode] = &[
        TradeFailureCode::ListingUnavailable,
        TradeFailureCode::PriceChanged,
        TradeFailureCode::TradeUrlInvalid,
        TradeFailureCode::SteamAccountRestricted,
        TradeFailureCode::MarketUnavailable,
        TradeFailureCode::PurchaseFailed,
    ];

    /// The code for `text`: a known code, or [`Unknown`](Self::Unknown) keeping `text`.
    pub fn parse(text: &str) -> Self {
        Self::known(text).unwrap_or_else(|| Self::Unknown(UnknownFailureCode(text.to_owned())))
    }

    fn known(text: &str) -> Option<Self> {
        Self::KNOWN
            .iter()
            .find(|code| code.as_str() == text)
            .cloned()
    }

    /// The code as sent on the wire, such as `"PRICE_CHANGED"`.
    pub fn as_str(&self) -> &str {
        match self {
            Self::ListingUnavailable => "LISTING_UNAVAILABLE",
            Self::PriceChanged => "PRICE_CHANGED",
            Self::TradeUrlInvalid => "TRADE_URL_INVALID",
            Self::SteamAccountRestricted => "STEAM_ACCOUNT_RESTRICTED",
            Self::MarketUnavailable => "MARKET_UNAVAILABLE",
            Self::PurchaseFailed => "PURCHASE_FAILED",
            Self::Unknown(code) => code.as_str(),
        }
    }

    /// Whether this version knows the code.
    pub fn is_known(&self) -> bool {
        !matches!(self, Self::Unknown(_))
    }

    /// What the code means, as the published page words it.
    pub fn meaning(&self) -> &'static str {
        match self {
            Self::ListingUnavailable => "Listing sold / delisted / out of stock",
            Self::PriceChanged => "Price moved above your ceiling",
            Self::TradeUrlInvalid => "Recipient’s Steam trade URL is invalid or escrow-blocked",
            Self::SteamAccountRestricted => {
                "Recipient’s Steam account can’t receive (VAC / ban / hold / private)"
            }
            Self::MarketUnavailable => "Temporary upstream / our-side issue — retry later",
            Self::PurchaseFailed => "Unclassified failure (catch-all)",
            Self::Unknown(_) => "A failure this version does not know yet",
        }
    }

    /// What a merchant should do about it.
    pub fn guidance(&self) -> &'static str {
        match self {
            Self::ListingUnavailable => {
                "Pick another listing: this one is gone, and retrying it fails the same way."
            }
            Self::PriceChanged => {
                "Fetch the current price; withdraw again only with a ceiling the user accepts."
            }
            Self::TradeUrlInvalid => {
                "Ask the recipient to fix their trade URL or escrow settings, then withdraw again."
            }
            Self::SteamAccountRestricted => {
                "The recipient must lift the restriction on Steam first; do not retry until then."
            }
            Self::MarketUnavailable => "Retry later, with backoff: the cause is temporary.",
            Self::PurchaseFailed => {
                "Do not retry automatically; show a generic failure and contact support with the \
                 trade id if it repeats."
            }
            Self::Unknown(_) => {
                "Handle it like PURCHASE_FAILED, and log it: a newer server sent a code this \
                 version does not know."
            }
        }
    }

    /// Whether the same withdrawal may succeed later without anything changing: only
    /// `MARKET_UNAVAILABLE`. Unknown codes are not, like the catch-all.
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::MarketUnavailable)
    }
}

impl fmt::Display for TradeFailureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for TradeFailureCode {
    fn from(text: &str) -> Self {
        Self::parse(text)
    }
}

impl From<String> for TradeFailureCode {
    fn from(text: String) -> Self {
        Self::known(&text).unwrap_or(Self::Unknown(UnknownFailureCode(text)))
    }
}

/// Never fails: unknown text becomes [`TradeFailureCode::Unknown`].
impl FromStr for TradeFailureCode {
    type Err = Infallible;

    fn from_str(text: &str) -> Result<Self, Infallible> {
        Ok(Self::parse(text))
    }
}

impl Serialize for TradeFailureCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for TradeFailureCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_string(CodeVisitor)
    }
}

struct CodeVisitor;

impl Visitor<'_> for CodeVisitor {
    type Value = TradeFailureCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a trade failure code string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<TradeFailureCode, E> {
        Ok(TradeFailureCode::parse(text))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<TradeFailureCode, E> {
        Ok(TradeFailureCode::from(text))
    }
}
