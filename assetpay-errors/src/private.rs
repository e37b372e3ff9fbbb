//! What the derive's generated code names. Not public API: it changes without notice.
//!
//! Generated code reaches everything through `::assetpay_errors::__private`, so it resolves the
//! same next to a user's own `Option`, `Result`, `mod core` or inside `#[no_implicit_prelude]`.
//! This module only re-exports; the code lives in the modules named here.

pub use core::convert::{From, TryFrom};
pub use core::option::Option::{self, None, Some};
pub use core::result::Result::{self, Err, Ok};
pub use core::str::FromStr;
pub use std::borrow::Cow;
pub use std::format;

pub use http::StatusCode;

pub use crate::api_error::ApiError;
pub use crate::assemble::{PLACEHOLDER, copy_specs, declared_spec, offsets};
pub use crate::compose::{Clashes, find_clashes};
pub use crate::contract::Reserved;
pub use crate::contract_check::{
    ContractBreaks, PublishedSpec, RESERVED_PLACEHOLDER, check_contract, copy_reserved,
    published_spec,
};
pub use crate::domain::Domain;
pub use crate::domain_check::code_outside;
pub use crate::lookup::{code_table, find_code, find_key, key_table, table_len};
pub use crate::spec::ErrorSpec;
pub use crate::unknown::{UnknownCode, UnknownKey, unknown_key};
pub use crate::violation::{FieldViolation, violations_of};

/// What the derive's `IntoResponse` impl names, with the `axum` feature.
#[cfg(feature = "axum")]
pub mod axum {
    pub use axum::response::{IntoResponse, Response};

    pub use crate::axum::derived::{DebugProbe, WithDebug, WithoutDebug, into_response};
}
