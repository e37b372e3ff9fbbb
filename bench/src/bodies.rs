//! The bodies the decoder benchmarks decode (`benches/decode.rs`, and the `instructions` binary,
//! which counts the same work with callgrind), and the reference struct they are decoded into.

use serde::Deserialize;

/// The reference: the envelope's shape, and nothing else, read by `serde_json::from_slice`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct PlainEnvelope {
    request_id: Option<String>,
    success: bool,
    error: PlainError,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct PlainError {
    code: u16,
    key: String,
    message: String,
}

/// A typical envelope, as the server renders it.
pub const TYPICAL: &[u8] = br#"{"requestId":"6f1c2a9e-3b7d-4e8a-9c0f-2d5b7a1e4c3f","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"Price has changed since you last fetched it"}}"#;

/// An envelope with members the envelope does not define, in both objects.
pub const WITH_UNKNOWN_MEMBERS: &[u8] = br#"{"requestId":"6f1c2a9e-3b7d-4e8a-9c0f-2d5b7a1e4c3f","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"The request data is invalid","details":[{"field":"amount","reason":"must be positive"}]},"timestamp":"2025-01-01T00:00:00Z","debug":{"trace":[1,2,3]}}"#;

/// Deterministic bytes of every value, from a linear congruential generator.
pub fn garbage(len: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 56) as u8
        })
        .collect()
}

/// An envelope whose extra member is a list of arrays nested 120 deep (serde_json's limit is
/// 128), so the whole body is parsed at nearly the deepest nesting allowed.
pub fn deep_nesting(len: usize) -> Vec<u8> {
    let head = br#"{"requestId":"r","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"m"},"nested":["#;
    let nest = format!("{}{}", "[".repeat(120), "]".repeat(120));
    let mut body = head.to_vec();
    while body.len() + nest.len() + 3 <= len {
        body.extend_from_slice(nest.as_bytes());
        body.push(b',');
    }
    body.extend_from_slice(b"[]]}");
    body
}

/// An envelope whose message is one string filling the body, with an escape every 64 bytes.
pub fn huge_string(len: usize) -> Vec<u8> {
    let head =
        br#"{"requestId":"r","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":""#;
    let mut body = head.to_vec();
    let tail = b"\"}}";
    let mut column = 0;
    while body.len() + tail.len() + 2 <= len {
        if column == 62 {
            body.extend_from_slice(b"\\n");
            column = 0;
        } else {
            body.push(b'a' + (column % 26) as u8);
            column += 1;
        }
    }
    body.extend_from_slice(tail);
    body
}
