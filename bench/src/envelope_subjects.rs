//! What the envelope benchmarks render (`benches/envelope.rs`, and the `instructions` binary,
//! which counts the same work with callgrind): the error, the request id, the hand-written
//! `#[derive(Serialize)]` reference and the bytes of the physical limit.

use assetpay_errors::{ApiError, Domain};
use serde::Serialize;

/// The errors rendered: a static message and an interpolated one.
#[derive(ApiError)]
#[api(domain = Domain::TRADING)]
pub enum TradingError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// Too many items
    #[api(
        code = 8,
        key = "TOO_MANY_ITEMS",
        status = 400,
        message = "At most {max} items, got {got}"
    )]
    TooManyItems { max: u32, got: u32 },
}

/// The reference: the envelope's shape as a plain `#[derive(Serialize)]` struct.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HandEnvelope<'a> {
    pub request_id: &'a str,
    pub success: bool,
    pub error: HandError<'a>,
}

/// The reference's `error` member.
#[derive(Serialize)]
pub struct HandError<'a> {
    pub code: u16,
    pub key: &'a str,
    pub message: &'a str,
}

impl<'a> HandEnvelope<'a> {
    /// The reference for `PRICE_CHANGED`.
    pub fn price_changed(request_id: &'a str) -> Self {
        HandEnvelope {
            request_id,
            success: false,
            error: HandError {
                code: 11,
                key: "PRICE_CHANGED",
                message: "Price has changed since you last fetched it",
            },
        }
    }
}

/// A UUID v4 request id, as the axum layer makes them.
pub const REQUEST_ID: &str = "6f1c2a9e-3b7d-4e8a-9c0f-2d5b7a1e4c3f";
/// The limit's bytes before the request id.
pub const PREFIX: &[u8] = br#"{"requestId":""#;
/// The limit's bytes after the request id, for `PRICE_CHANGED`.
pub const TAIL: &[u8] = br#"","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"Price has changed since you last fetched it"}}"#;
