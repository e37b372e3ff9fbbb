//! Published codes are a contract: a code or key that shipped never changes meaning, and a
//! retired one never comes back.
//!
//! The contract file is the published catalogue, the JSON [`catalog_json`] renders (for AssetPay,
//! `cargo run --example catalog -- --json`). A team commits it when it publishes, and names it on
//! the type:
//!
//! ```text
//! #[derive(ApiError)]
//! #[api(published = "errors/published.json", reserved(1002, 1104..=1107, "OLD_KEY"))]
//! pub enum ShopError { … }
//! ```
//!
//! The path is relative to the crate's `Cargo.toml` (its `CARGO_MANIFEST_DIR`). The derive reads
//! the file at expansion time, and the build tracks it, so editing it rebuilds. A missing,
//! unreadable or malformed file is one compile error at the path, quoting the file's line and
//! column for JSON errors. `reserved(…)` takes codes, inclusive code ranges and keys, and may be
//! repeated; it applies whether or not the type names a published file.
//!
//! # Rules
//!
//! Every compile checks the rules marked *compile error*; [`check_against`] (`cargo run --example
//! catalog -- --check-against OLD.json`) reports every rule, one line per change.
//!
//! | Id | Kind | Change | At compile time |
//! |---|---|---|---|
//! | `CODE_KEY_CHANGED` | breaking | a published code is declared with another key | compile error at the key |
//! | `KEY_CODE_CHANGED` | breaking | a published key is declared with another code | compile error at the code |
//! | `STATUS_CHANGED` | breaking | a published code is answered with another status | compile error at the status |
//! | `RETRYABLE_REMOVED` | breaking | a published retryable error is no longer retryable | compile error at the variant |
//! | `REMOVED_WITHOUT_RESERVE` | breaking | a published error (deprecated or not) is gone, its code or key not reserved | compile error at the `published` path |
//! | `RESERVED_REUSED` | breaking | a reserved code or key is declared again | compile error at the code or key |
//! | `PARAM_REMOVED` | breaking | a published message parameter (`params`) is removed or renamed | compile error at the message (for a type's own declarations; a composed entry at its own type's file) |
//! | `ADDED` | compatible | a code that was not published | — |
//! | `REMOVED_RESERVED` | compatible | a published error is gone, its code and key reserved | — |
//! | `RETRYABLE_ADDED` | compatible | a published error becomes retryable | — |
//! | `RETRY_AFTER_CHANGED` | compatible | the `Retry-After` hint changes | — |
//! | `DESCRIPTION_CHANGED` | compatible | the description's wording changes | — |
//! | `MESSAGE_CHANGED` | compatible | the client message's wording changes | — |
//! | `DOMAIN_CHANGED` | compatible | the domain's name changes | — |
//! | `DEPRECATED` | compatible | a published error becomes `#[deprecated]` | — |
//! | `UNDEPRECATED` | compatible | a deprecated error is no longer deprecated | — |
//!
//! Why these are breaking: clients switch on the code or the key and read the status and
//! retryability to decide what to do, so a change to any of them changes what a deployed client
//! does; a front end renders its own translation of a message from its parameters
//! ([`params`](crate::params)), so a parameter that goes away or changes name leaves a hole in
//! every deployed translation. Adding one is compatible (the message changes, `MESSAGE_CHANGED`). A removal is compatible once reserved, because the client's branch for it goes dead
//! rather than wrong; unreserved, the code can come back meaning something else. Wording is for
//! people, and clients must not parse it. `RETRY_AFTER_CHANGED` is compatible because the hint is
//! read from each response's `Retry-After` header, not from the catalogue.
//!
//! Each rule is decided by one `const fn` (in the shared crate's `rules` module), which both the
//! compile-time check (during constant evaluation) and [`check_against`] call, so the two cannot
//! disagree about what breaks the contract.
//!
//! # Deprecated errors
//!
//! A `#[deprecated]` variant stays in the catalogue with `"deprecated": true` in its JSON row
//! (the field is left out when false) and is marked on the reference page; like any published
//! error it can only be removed by reserving its code and key.
//!
//! # Composed types
//!
//! For a type composed with `#[api(transparent)]` the rules run over the flattened catalogue,
//! during constant evaluation, and a break is reported at the transparent variant that brings the
//! entry, naming it. The reservations of the composed types count too
//! ([`ApiError::RESERVED`]): a code one domain retired cannot be
//! declared by another.
//!
//! # Several services
//!
//! [`clashes`] (`cargo run --example catalog -- --check-clashes A.json B.json …`) lists codes and
//! keys that two catalogues use with different meanings, before anything ships.

mod clashes;
mod report;
mod rule;

use crate::api_error::ApiError;
use crate::spec::{CatalogRow, ErrorSpec};

pub use self::clashes::{Clash, NamedCatalog, clashes};
pub use self::report::{Change, Report, compare};
pub use self::rule::Rule;
pub use crate::spec::Reserved;
pub use assetpay_errors_shared::published::{Entry as PublishedEntry, FileError};

/// The catalogue of `E` as a pretty-printed JSON array, one object per error in
/// [`E::CATALOG`](ApiError::CATALOG) order with the fields of [`ErrorSpec`]'s `Serialize` impl
/// and `errorType`, the value of OpenTelemetry's `error.type` a service reports for the entry
/// (its key: the file is the documented list of them), and a final newline: the published file
/// format.
pub fn catalog_json<E: ApiError>() -> String {
    let rows: Vec<CatalogRow<'_>> = E::CATALOG.iter().map(CatalogRow).collect();
    let mut out = serde_json::to_string_pretty(&rows)
        .expect("a catalogue of static strings and numbers always serializes");
    out.push('\n');
    out
}

/// The entries of a published file.
pub fn parse_published(json: &[u8]) -> Result<Vec<PublishedEntry>, FileError> {
    assetpay_errors_shared::published::parse(json)
}

/// The catalogue of `E` as published entries, as [`catalog_json`] writes them.
pub fn entries_of<E: ApiError>() -> Vec<PublishedEntry> {
    E::CATALOG.iter().map(entry_of).collect()
}

fn entry_of(spec: &ErrorSpec) -> PublishedEntry {
    PublishedEntry {
        code: spec.code(),
        key: spec.key().to_owned(),
        status: spec.status().as_u16(),
        description: Some(spec.description().to_owned()),
        message: Some(spec.message().to_owned()),
        domain: spec.domain().map(|domain| domain.name().to_owned()),
        retryable: spec.is_retryable(),
        retry_after: spec.retry_after_secs(),
        deprecated: spec.is_deprecated(),
        params: spec.params().iter().map(|&name| name.to_owned()).collect(),
    }
}

/// [`compare`] of an older published file with the current catalogue of `E` and its
/// reservations.
pub fn check_against<E: ApiError>(old_json: &[u8]) -> Result<Report, FileError> {
    let old = parse_published(old_json)?;
    Ok(compare(&old, &entries_of::<E>(), E::RESERVED))
}
