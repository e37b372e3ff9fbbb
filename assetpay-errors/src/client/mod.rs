//! Client side: decode any error response into a typed value.
//!
//! Give the decoder the HTTP status and the body's bytes; name the error type whose catalogue
//! to match against. What comes back is either an [`ErrorResponse`], the envelope's request id,
//! code, key and message as sent, with the catalogue entry (and, for unit-only enums, the
//! variant) when the client knows the error, or a [`DecodeError`] saying why the body is no
//! envelope at all, with the status and a bounded, sanitized [`Snippet`] of the body.
//!
//! ```
//! use assetpay_errors::{ApiError, Domain};
//! use assetpay_errors::client::{self, DecodeError};
//! use http::StatusCode;
//!
//! #[derive(Debug, PartialEq, ApiError)]
//! #[api(domain = Domain::TRADING)]
//! enum TradingError {
//!     /// Price has changed since you last fetched it
//!     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
//!     PriceChanged,
//!     /// Selected items not found or no longer available
//!     #[api(code = 9, key = "ITEMS_UNAVAILABLE", status = 400)]
//!     ItemsUnavailable,
//! }
//!
//! fn explain(status: StatusCode, body: &[u8]) -> String {
//!     match client::decode::<TradingError>(status, body) {
//!         Ok(error) => match error.variant() {
//!             Some(TradingError::PriceChanged) => "refetch prices".to_owned(),
//!             Some(TradingError::ItemsUnavailable) => "drop unavailable items".to_owned(),
//!             None => format!("trade error: {} ({})", error.key(), error.code()),
//!         },
//!         Err(DecodeError::Html { .. }) => "the gateway failed".to_owned(),
//!         Err(other) => format!("unreadable answer: {other}"),
//!     }
//! }
//!
//! let body = br#"{"requestId":"r1","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"Price has changed since you last fetched it","extra":1}}"#;
//! assert_eq!(explain(StatusCode::CONFLICT, body), "refetch prices");
//! let body = br#"{"success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"The request data is invalid"}}"#;
//! assert_eq!(explain(StatusCode::UNPROCESSABLE_ENTITY, body), "trade error: VALIDATION_FAILED (1001)");
//! assert_eq!(explain(StatusCode::GATEWAY_TIMEOUT, b"<html>504</html>"), "the gateway failed");
//! assert_eq!(
//!     explain(StatusCode::INTERNAL_SERVER_ERROR, br#"{"requestId":"r2","succ"#),
//!     r#"unreadable answer: error response JSON is truncated (HTTP 500), body: {"requestId":"r2","succ"#,
//! );
//! ```
//!
//! Decoding works on bytes and needs no network stack; with any HTTP client, pass
//! `response.status()`, `response.headers()` and the body to [`Decoder::decode_with_headers`]
//! to get the `Retry-After` header too. With the `reqwest` feature, `Decoder::read_reqwest`
//! reads a `reqwest::Response` itself and stops reading once the body passes the size limit.

mod decode;
mod details;
mod error;
mod response;
mod retry;
mod snippet;
#[cfg(feature = "reqwest")]
mod via_reqwest;

pub use decode::{Decoder, decode};
pub use error::DecodeError;
pub use response::{CatalogueMatch, ErrorResponse};
pub use retry::{MAX_RETRY_AFTER, parse_retry_after, retry_after};
pub use snippet::Snippet;
#[cfg(feature = "reqwest")]
pub use via_reqwest::ReadError;
