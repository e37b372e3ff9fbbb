//! Fuzzes the client-side decoder: any status, any body, any `Retry-After` value.
//!
//! The input layout and the promises checked live in `fuzz/src/decode_case.rs`, shared with the
//! stable property test `tests/tests/client_decode_fuzz.rs`, so both drivers test the same thing.
#![no_main]

#[path = "../src/decode_case.rs"]
mod decode_case;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(case) = decode_case::DecodeCase::parse(data) {
        case.check();
    }
});
