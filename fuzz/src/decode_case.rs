//! One input of the client decoder's fuzzing: how raw bytes become a response, and the promises
//! checked on what the decoder makes of it.
//!
//! Two drivers share this file, so they test the same thing: the cargo-fuzz target
//! (`fuzz/fuzz_targets/decode.rs`, libFuzzer on nightly, for long runs) and the stable property
//! test `tests/tests/client_decode_fuzz.rs`, which `cargo test` runs on every build so a
//! regression is caught without nightly. Keep it free of anything but `assetpay_errors` and `http`,
//! which both crates have.
//!
//! Layout: two bytes of HTTP status (little-endian, folded into `100..=599`), one byte giving the
//! length of a `Retry-After` value, that value, then the body.

use std::time::{Duration, SystemTime};

use assetpay_errors::client::{
    CatalogMatch, DecodeError, Decoder, ErrorResponse, MAX_RETRY_AFTER, Snippet, parse_retry_after,
};
use assetpay_errors::{ApiError, AssetPayError};
use http::header::RETRY_AFTER;
use http::{HeaderMap, HeaderValue, StatusCode};

/// A response as the decoder receives it, read from fuzz bytes.
pub struct DecodeCase<'a> {
    status: StatusCode,
    retry_len: u8,
    retry_value: &'a [u8],
    body: &'a [u8],
}

impl<'a> DecodeCase<'a> {
    /// Reads the layout above; `None` for fewer than three bytes.
    pub fn parse(data: &'a [u8]) -> Option<Self> {
        let (&[status_low, status_high, retry_len], rest) = data.split_first_chunk::<3>()?;
        let status =
            StatusCode::from_u16(100 + u16::from_le_bytes([status_low, status_high]) % 500)
                .expect("100..=599 is a valid status");
        let (retry_value, body) = rest.split_at(usize::from(retry_len).min(rest.len()));
        Some(Self {
            status,
            retry_len,
            retry_value,
            body,
        })
    }

    /// Decodes the response and asserts every promise callers rely on: statuses are kept,
    /// snippets are bounded and free of control characters, catalogue matches are consistent,
    /// and waits are capped. Panics on a broken promise, as the fuzzer expects.
    pub fn check(&self) {
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_bytes(self.retry_value) {
            headers.insert(RETRY_AFTER, value);
        }
        if let Ok(text) = std::str::from_utf8(self.retry_value) {
            check_wait(parse_retry_after(text, SystemTime::now()));
            check_wait(parse_retry_after(text, SystemTime::UNIX_EPOCH));
        }

        // The default limit, and one the body may exceed, so `TooLarge` is reached too.
        let small_limit = usize::from(self.retry_len) * 8;
        for decoder in [
            Decoder::new(),
            Decoder::new().with_max_body_bytes(small_limit),
        ] {
            match decoder.decode_with_headers::<AssetPayError>(self.status, &headers, self.body) {
                Ok(response) => check_response(&response, self.status),
                Err(error) => check_error(&error, self.status, self.body, decoder.max_body_bytes()),
            }
        }
    }
}

fn check_response(response: &ErrorResponse<AssetPayError>, status: StatusCode) {
    assert_eq!(response.status(), status);
    match response.catalog_match() {
        CatalogMatch::Known(spec) => {
            assert_eq!((spec.code(), spec.key()), (response.code(), response.key()));
            let variant = response
                .variant()
                .expect("a known code names a unit variant");
            assert_eq!(
                (variant.code(), variant.key()),
                (response.code(), response.key())
            );
        }
        CatalogMatch::Unknown => {
            assert!(AssetPayError::spec_for_code(response.code()).is_none());
            assert!(AssetPayError::spec_for_key(response.key()).is_none());
            assert!(response.variant().is_none());
        }
        CatalogMatch::Conflict { by_code, by_key } => {
            assert!(by_code.is_some() || by_key.is_some());
            assert_ne!(by_code, by_key);
            assert!(response.variant().is_none() && !response.is_retryable());
        }
    }
    check_wait(response.retry_after());
    check_shown(&response.to_string());
}

fn check_error(error: &DecodeError, status: StatusCode, body: &[u8], limit: usize) {
    assert_eq!(error.status(), status);
    if body.len() > limit {
        assert!(matches!(error, DecodeError::TooLarge { .. }), "{error:?}");
    }
    let snippet: &Snippet = error.snippet();
    assert!(snippet.as_str().len() <= Snippet::MAX_BYTES);
    assert!(!snippet.as_str().starts_with(' ') && !snippet.as_str().ends_with(' '));
    check_shown(snippet.as_str());
    check_shown(&error.to_string());
}

/// Text shown to people holds no control or bidirectional-formatting characters.
fn check_shown(text: &str) {
    let forbidden = |c: char| {
        (c.is_control() && c != ' ')
            || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    assert!(!text.chars().any(forbidden), "{text:?}");
}

fn check_wait(wait: Option<Duration>) {
    assert!(wait.is_none_or(|wait| wait <= MAX_RETRY_AFTER), "{wait:?}");
}
