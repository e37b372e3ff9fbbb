//! What the derive's generated code names. Not public API: it changes without notice.
//!
//! Generated code reaches everything through `::assetpay_errors::__private`, so it resolves the
//! same next to a user's own `Option`, `Result`, `mod core` or inside `#[no_implicit_prelude]`.

pub use core::option::Option::{self, None, Some};
pub use core::result::Result::{self, Err, Ok};
pub use core::{convert::TryFrom, str::FromStr};
pub use std::borrow::Cow;
pub use std::format;
pub use std::string::String;

pub use http::StatusCode;

pub use crate::api_error::ApiError;
pub use crate::compose::{Clashes, copy_specs, find_clashes};
pub use crate::domain::Domain;
pub use crate::lookup::{code_table, find_code, find_key, key_table, table_len};
pub use crate::spec::ErrorSpec;
pub use crate::unknown::{UnknownCode, UnknownKey};

/// The fields of an [`ErrorSpec`], named, so the derive's output reads like a declaration.
pub struct SpecParts {
    pub code: u16,
    pub key: &'static str,
    pub status: u16,
    pub message: &'static str,
    pub description: &'static str,
    pub domain: Option<&'static Domain>,
    pub retryable: bool,
    pub retry_after: Option<u32>,
    pub type_name: &'static str,
    pub variant: &'static str,
    pub interpolated: bool,
    pub json_head: &'static str,
    pub json_tail: &'static str,
}

impl SpecParts {
    pub const fn build(self) -> ErrorSpec {
        ErrorSpec {
            code: self.code,
            key: self.key,
            status: match StatusCode::from_u16(self.status) {
                Ok(status) => status,
                // The derive only accepts 400..=599, so this arm is never evaluated.
                Err(_) => panic!("status out of range"),
            },
            message: self.message,
            description: self.description,
            domain: self.domain,
            retryable: self.retryable,
            retry_after: self.retry_after,
            type_name: self.type_name,
            variant: self.variant,
            interpolated: self.interpolated,
            json_head: self.json_head,
            json_tail: self.json_tail,
        }
    }
}

/// Fills the unwritten tail of a catalogue array under construction; never read.
pub const PLACEHOLDER: ErrorSpec = SpecParts {
    code: 0,
    key: "",
    status: 500,
    message: "",
    description: "",
    domain: None,
    retryable: false,
    retry_after: None,
    type_name: "",
    variant: "",
    interpolated: false,
    json_head: "",
    json_tail: "",
}
.build();

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
