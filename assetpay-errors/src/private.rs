//! What the derive's generated code names. Not public API: it changes without notice.
//!
//! Generated code reaches everything through `::assetpay_errors::__private`, so it resolves the
//! same next to a user's own `Option`, `Result`, `mod core` or inside `#[no_implicit_prelude]`.

pub use core::option::Option::{self, None, Some};
pub use core::result::Result::{self, Err, Ok};
pub use core::{convert::TryFrom, str::FromStr};
pub use std::borrow::Cow;
pub use std::format;

pub use http::StatusCode;

pub use crate::api_error::ApiError;
pub use crate::compose::{Clashes, copy_specs, find_clashes};
pub use crate::domain::Domain;
pub use crate::lookup::{code_table, find_code, find_key, key_table, table_len};
pub use crate::spec::ErrorSpec;
pub use crate::unknown::{UnknownCode, UnknownKey};

/// An [`ErrorSpec`] from its fields, in declaration order. Positional because the derive emits
/// one call per error and large catalogues are thousands of them; the derive is its only caller.
#[allow(clippy::too_many_arguments)]
pub const fn spec(
    code: u16,
    key: &'static str,
    status: u16,
    message: &'static str,
    description: &'static str,
    domain: Option<&'static Domain>,
    retryable: bool,
    retry_after: Option<u32>,
    type_name: &'static str,
    variant: &'static str,
    interpolated: bool,
    json_head: &'static str,
    json_tail: &'static str,
) -> ErrorSpec {
    ErrorSpec {
        code,
        key,
        status: match StatusCode::from_u16(status) {
            Ok(status) => status,
            // The derive only accepts 400..=599, so this arm is never evaluated.
            Err(_) => panic!("status out of range"),
        },
        message,
        description,
        domain,
        retryable,
        retry_after,
        type_name,
        variant,
        interpolated,
        json_head,
        json_tail,
    }
}

/// Fills the unwritten tail of a catalogue array under construction; never read.
pub const PLACEHOLDER: ErrorSpec =
    spec(0, "", 500, "", "", None, false, None, "", "", false, "", "");

/// `sizes` turned into start offsets: `out[i]` is the sum of `sizes[..i]`, `out[N]` the total.
pub const fn offsets<const N: usize, const M: usize>(sizes: [usize; N]) -> [usize; M] {
    assert!(M == N + 1, "offsets need one more slot than sizes");
    let mut out = [0; M];
    let mut index = 0;
    while index < N {
        out[index + 1] = out[index] + sizes[index];
        index += 1;
    }
    out
}

/// The error of a generated `FromStr`.
pub fn unknown_key(key: &str) -> UnknownKey {
    UnknownKey(key.to_owned())
}
