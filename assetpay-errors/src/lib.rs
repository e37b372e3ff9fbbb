#![doc = include_str!("../docs/crate.md")]
// The `axum` module exists only with its feature; without it, its links in crate.md lead to the
// feature table instead of breaking.
#![doc = ""]
#![cfg_attr(feature = "axum", doc = "[axum-module]: mod@axum")]
#![cfg_attr(not(feature = "axum"), doc = "[axum-module]: #crate-features")]
#![deny(missing_docs, unsafe_code)]
// docs.rs (and `RUSTDOCFLAGS="--cfg docsrs"` on nightly) labels every feature-gated item with its
// feature; `doc_cfg` includes what `doc_auto_cfg` did before it was folded in.
#![cfg_attr(docsrs, feature(doc_cfg))]

// Lets the derive's `::assetpay_errors::…` paths resolve inside this crate too, where the AssetPay
// catalogue is declared with the derive.
extern crate self as assetpay_errors;

mod api_error;
#[cfg(feature = "assetpay")]
#[cfg_attr(docsrs, doc(cfg(feature = "assetpay")))]
pub mod assetpay;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
pub mod client;
pub mod contract;
pub mod domain;
mod envelope;
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub mod grpc;
#[cfg(feature = "l10n")]
#[cfg_attr(docsrs, doc(cfg(feature = "l10n")))]
pub mod l10n;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod openapi;
pub mod params;
pub mod problem;
pub mod reference;
mod spec;
#[cfg(feature = "assetpay")]
#[cfg_attr(docsrs, doc(cfg(feature = "assetpay")))]
pub mod trade;
pub mod typescript;
mod unknown;
#[cfg(feature = "validator")]
pub mod validator;
pub mod violation;

#[doc(hidden)]
pub mod __private;

pub use crate::api_error::ApiError;
#[cfg(feature = "assetpay")]
pub use crate::assetpay::AssetPayError;
#[cfg(feature = "assetpay")]
pub use crate::assetpay::domains::{DOMAINS, domain_of};
pub use crate::domain::Domain;
pub use crate::envelope::{Envelope, ValidRequestId};
pub use crate::params::Params;
pub use crate::spec::ErrorSpec;
pub use crate::unknown::{UnknownCode, UnknownKey};
pub use crate::violation::FieldViolation;

#[doc = include_str!("../docs/derive.md")]
pub use assetpay_errors_derive::ApiError;
