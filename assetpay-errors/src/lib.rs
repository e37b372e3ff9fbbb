//! Declare your HTTP API errors once, as an enum, and get everything else from that declaration:
//! numeric code, string key, HTTP status, client-facing message, the JSON error envelope, a static
//! catalogue, and compile-time checks for duplicate codes and keys, codes outside their domain and
//! statuses that are not error statuses.
//!
//! ```
//! use assetpay_errors::{ApiError, Domain, Envelope};
//!
//! #[derive(Debug, ApiError)]
//! #[api(domain = Domain::TRADING)] // codes must lie in 1..=99
//! pub enum TradingError {
//!     /// Price has changed since you last fetched it
//!     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
//!     PriceChanged,
//! }
//!
//! let error = TradingError::PriceChanged;
//! assert_eq!((error.code(), error.key(), error.status().as_u16()), (11, "PRICE_CHANGED", 409));
//! assert_eq!(error.message(), "Price has changed since you last fetched it");
//! assert_eq!(
//!     serde_json::to_string(&Envelope::new("req-7", &error)).unwrap(),
//!     r#"{"requestId":"req-7","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"Price has changed since you last fetched it"}}"#,
//! );
//! ```
//!
//! An error can also say which fields of the request failed, and why, as data: mark a field
//! `#[api(details)]` and the envelope sends its [`FieldViolation`]s in `error.details` (see
//! [`violation`]).
//!
//! The attributes, the compile errors and the integrations are described in the README.
#![deny(missing_docs, unsafe_code)]

// Lets the derive's `::assetpay_errors::…` paths resolve inside this crate too, where the AssetPay
// catalogue is declared with the derive.
extern crate self as assetpay_errors;

mod api_error;
mod assemble;
pub mod assetpay;
#[cfg(feature = "axum")]
pub mod axum;
pub mod client;
mod compose;
mod const_text;
pub mod domain;
mod domain_check;
mod envelope;
mod lookup;
mod spec;
pub mod trade;
pub mod typescript;
mod unknown;
#[cfg(feature = "validator")]
pub mod validator;
pub mod violation;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use crate::api_error::ApiError;
pub use crate::assetpay::AssetPayError;
pub use crate::assetpay::domains::{DOMAINS, domain_of};
pub use crate::domain::Domain;
pub use crate::envelope::Envelope;
pub use crate::spec::ErrorSpec;
pub use crate::unknown::{UnknownCode, UnknownKey};
pub use crate::violation::FieldViolation;

/// Derives [`ApiError`](trait@ApiError); see the README for the attributes.
pub use assetpay_errors_derive::ApiError;
