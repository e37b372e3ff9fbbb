//! What the derive's generated code names. Not public API: it changes without notice.
//!
//! Generated code reaches everything through `::assetpay_errors::__private`, so it resolves the
//! same next to a user's own `Option`, `Result`, `mod core` or inside `#[no_implicit_prelude]`.
//! Everything here exists only for generated code: the constructors and lookups of a catalogue
//! the derive assembles, and the checks it runs during constant evaluation (cross-enum clashes,
//! domain ranges, the published contract). The crate root holds the public API alone.

mod assemble;
mod compose;
mod const_text;
mod contract_check;
mod domain_check;
mod findings;
mod interpolate;
mod lookup;
mod message_field;
mod unknown;

pub use core::convert::{From, TryFrom};
pub use core::option::Option::{self, None, Some};
pub use core::result::Result::{self, Err, Ok};
pub use core::str::FromStr;
pub use core::write;
pub use std::borrow::Cow;
pub use std::format;
pub use std::string::String;

pub use http::StatusCode;

pub use self::assemble::{
    PLACEHOLDER, copy_into, declared_spec, offsets, with_grpc_code, with_params,
};
pub use self::compose::{Clashes, find_clashes};
pub use self::contract_check::{
    ContractBreaks, PublishedSpec, RESERVED_PLACEHOLDER, check_contract, published_spec,
};
pub use self::domain_check::code_outside;
pub use self::interpolate::interpolated_message;
pub use self::lookup::{code_table, find_code, find_key, key_table, table_len};
pub use self::message_field::{Formatted, formatted};
pub use self::unknown::unknown_key;
pub use crate::api_error::{ApiError, Sealed};
pub use crate::domain::Domain;
pub use crate::spec::ErrorSpec;
pub use crate::spec::Reserved;
pub use crate::unknown::{UnknownCode, UnknownKey};
pub use crate::violation::{FieldViolation, violations_of};

/// What the derive's `From<…> for tonic::Status` impl names, with the `tonic` feature.
#[cfg(feature = "tonic")]
pub mod grpc {
    pub use tonic::Status;

    pub use crate::grpc::status_of;
}

/// What the derive's `IntoResponse` impl names, with the `axum` feature.
#[cfg(feature = "axum")]
pub mod axum {
    pub use axum::response::{IntoResponse, Response};

    pub use crate::axum::derived::{DebugProbe, WithDebug, WithoutDebug, into_response};
}
