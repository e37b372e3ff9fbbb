//! OpenAPI documentation from the same declaration (the `utoipa` feature): every error an
//! endpoint can return, documented by [utoipa](https://docs.rs/utoipa/6) 6.
//!
//! # Guide
//!
//! 1. Name [`ApiErrors<E>`](ApiErrors) in `responses(...)` of `#[utoipa::path]`, where `E` is
//!    the endpoint's error type, or the subset of errors it answers with (see
//!    [per-endpoint subsets](#per-endpoint-subsets)). It adds one response per status `E` can
//!    answer with, listing the keys, in both formats the server answers with (see
//!    [two media types](#two-media-types)), with one example per key and format that is the
//!    exact body the server sends.
//! 2. Register the schemas once, with `components(schemas(EnvelopeSchema))` in
//!    `#[derive(OpenApi)]`. It is the one line to add: utoipa does not collect schemas from
//!    `IntoResponses` types, and every error response references
//!    `#/components/schemas/ErrorEnvelope` and `#/components/schemas/ProblemDocument`, which
//!    [`EnvelopeSchema`] registers beside itself. Without it the document has dangling `$ref`s,
//!    which validators reject.
//!
//! ```
//! use assetpay_errors::ApiError;
//! use assetpay_errors::openapi::{ApiErrors, EnvelopeSchema};
//! use utoipa::OpenApi;
//!
//! #[derive(Debug, ApiError)]
//! #[api(range = 1..=99)]
//! pub enum TradeError {
//!     /// Price has changed since you last fetched it
//!     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
//!     PriceChanged,
//!     /// A deposit is already processing for this user
//!     #[api(code = 19, key = "DEPOSIT_IN_PROGRESS", status = 409)]
//!     DepositInProgress,
//!     /// Too many items in a single request
//!     #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400, message = "At most {max} items")]
//!     TooManyItems { max: usize },
//! }
//!
//! /// Trade an item.
//! #[utoipa::path(post, path = "/trades", responses(
//!     (status = 201, description = "The trade was created"),
//!     ApiErrors<TradeError>,
//! ))]
//! async fn create_trade() {}
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(create_trade), components(schemas(EnvelopeSchema)))]
//! struct ApiDoc;
//!
//! // Printed with the wire's member order in every example (see below).
//! let printed = assetpay_errors::openapi::to_json(&ApiDoc::openapi()).unwrap();
//! assert!(printed.contains(
//!     r#""value":{"requestId":"0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"Price has changed since you last fetched it"}}"#,
//! ));
//! // The same error as a problem document, for a request that asks for one.
//! assert!(printed.contains(concat!(
//!     r#""value":{"type":"about:blank","title":"Price has changed since you last fetched it","#,
//!     r#""status":409,"detail":"Price has changed since you last fetched it","#,
//!     r#""instance":"urn:request-id:0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f","code":11,"#,
//!     r#""key":"PRICE_CHANGED","requestId":"0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f"}"#,
//! )));
//! let document: serde_json::Value = serde_json::to_value(ApiDoc::openapi()).unwrap();
//! let conflict = &document["paths"]["/trades"]["post"]["responses"]["409"];
//! assert!(conflict["description"].as_str().unwrap().starts_with("Conflict: `PRICE_CHANGED`, `DEPOSIT_IN_PROGRESS`"));
//! assert!(document["components"]["schemas"]["ErrorEnvelope"].is_object());
//! assert!(document["components"]["schemas"]["ProblemDocument"].is_object());
//! ```
//!
//! # What the document says
//!
//! See [`error_responses`] for each response's description, schema, examples and headers. The
//! examples carry [`EXAMPLE_REQUEST_ID`] where the server puts the request's id, and a message
//! that interpolates fields shows its template (`At most {max} items`): the values exist only
//! at run time, and the template is what the declaration fixes.
//!
//! # Two media types
//!
//! The server answers an error in the format the request's `Accept` prefers (see
//! [negotiation](crate::axum::ResponseOptions)), so every error response documents both, the
//! media types and member names being the wire description's
//! (`assetpay_errors_shared::wire`):
//!
//! - `application/json`: the envelope, [`EnvelopeSchema`] narrowed to the status's keys and
//!   codes, with one example per key from [`example_envelope`];
//! - `application/problem+json`: the RFC 9457 document of [`problem`](crate::problem),
//!   [`ProblemSchema`] narrowed to the same keys and codes and to the one `status` the response
//!   is sent with, with one example per key from [`example_problem`]: `type` the error's
//!   documentation URL, `title` its declared message, and the rest as the server renders it.
//!
//! A response the layer sends under a status other than its entry's (a 405 or a 413 that
//! [`document_layer`] documents under an entry declared with 422) shows that status in the
//! document's `status`, as the server sends it. A generated client sees either body in its
//! error type (openapi-typescript makes a union of the two), and tells them apart by `error`,
//! which only the envelope has.
//!
//! # Per-endpoint subsets
//!
//! An endpoint documents what it can answer with, no more: name its errors with
//! [`errors!`](crate::errors) where the endpoint is declared,
//! `ApiErrors<errors![GenericError::NotFound, TradingError::{PriceChanged, DepositInProgress}]>`.
//! Each name is a variant of a derived type, checked by the compiler (a misspelt or removed
//! variant is an error at the name), and no enum is declared for the endpoint. `Type::*` names
//! a whole type. The responses keep the grouping above.
//!
//! A handler whose return type is already exactly what it answers with (a single-domain enum,
//! or one composing a few with `#[api(transparent)]`) names that type: `ApiErrors<ItsType>`.
//! utoipa reads the `#[utoipa::path]` attribute, not the handler's signature, so the type is
//! named there once; no macro of this crate can see the return type either without wrapping
//! utoipa's. A type broader than what the handler answers with (a composed type of 35 keys for a
//! handler that sends one) is narrowed with `errors!` instead.
//!
//! Name one `ApiErrors` per operation: utoipa keys responses by status, so a second one would
//! replace the first's response for a status they share.
//!
//! # Rejections and the layer
//!
//! [`document_layer`] (with the `axum` feature), called once on the finished document with the
//! [`FrameworkErrors`](crate::axum::FrameworkErrors) the service installs, adds what no handler
//! returns: each operation's rejections (a request body's 400, 413, 415 and 422, a path or query
//! parameter's 400), answered with the entries the service picks for them and shown with a
//! `details` example, and, once for the whole document, the layer's own answers as response
//! components (`UnknownRoute`, `MethodNotAllowed`, `Panic`, and other middleware's
//! `Plain{status}`).
//!
//! # Member order in examples
//!
//! Each example is the body the server sends, rendered by
//! [`Envelope::write_json`](crate::Envelope::write_json) or
//! [`Problem::write_json`](crate::problem::Problem::write_json) and parsed into the
//! `serde_json::Value` that utoipa's `Example` holds: the same members with the same values,
//! whatever the build. utoipa 6 takes an example only as a `serde_json::Value`, whose objects
//! are `serde_json::Map`s, which sort their members by name, so `document.to_json()` prints
//! `error`, `requestId`, `success`, and a problem document's `code` first.
//!
//! Print the document with [`to_json`] or [`to_pretty_json`] instead: the same text utoipa
//! prints, byte for byte, except that every example envelope (its `error` object, each field
//! violation in `details`) and every example problem document (each violation in `errors`) list
//! their members in the wire's order (`requestId`, `success`, `error`; `type`, `title`,
//! `status`, …), which the printer reads from the wire's one description
//! (`EnvelopeMember`, `ErrorMember`, `ViolationMember`, `ProblemMember`,
//! `ProblemViolationMember`). A printed example then reads byte for byte as the response the
//! server sends. An example value counts as an envelope, or as a problem document, when it has
//! every member the wire always sends in one (the two share only `requestId`); any other
//! example prints as utoipa prints it.
//!
//! ```
//! use assetpay_errors::openapi::{catalog_document, to_json};
//! use assetpay_errors::{ApiError, AssetPayError};
//!
//! let document = catalog_document("AssetPay errors", "1.0.0", AssetPayError::CATALOG);
//! assert!(document.to_json().unwrap().contains(r#""value":{"error":{"code":"#));
//! assert!(document.to_json().unwrap().contains(r#""value":{"code":"#));
//! assert!(to_json(&document).unwrap().contains(r#""value":{"requestId":"#));
//! assert!(to_json(&document).unwrap().contains(r#""value":{"type":"#));
//! ```
//!
//! This crate does not turn on serde_json's `preserve_order`, which would keep the wire's order
//! in the `Value` itself: cargo unifies features, so a library that turned it on would change
//! every `serde_json::Map` in its users' programs, and the order of every map they print or
//! iterate.
//!
//! # The whole catalogue
//!
//! [`catalog_document`] renders a catalogue as a components-only document; for AssetPay's,
//! `cargo run --example catalog --features utoipa -- --openapi`.

mod components;
mod envelope_schema;
#[cfg(feature = "axum")]
mod layer;
mod params_schema;
mod print;
mod problem_schema;
mod responses;
mod subset;

pub use self::components::catalog_document;
pub use self::envelope_schema::{ENVELOPE_SCHEMA_NAME, EnvelopeSchema};
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use self::layer::document_layer;
pub use self::print::{to_json, to_pretty_json};
pub use self::problem_schema::{PROBLEM_SCHEMA_NAME, ProblemSchema};
pub use self::responses::{
    ApiErrors, EXAMPLE_REQUEST_ID, error_responses, example_envelope, example_problem,
};
pub use self::subset::{ErrorSet, Subset};

/// What [`errors!`](crate::errors) expands to; not an API.
#[doc(hidden)]
pub mod __subset {
    pub use super::subset::{All, EntryList, Variant, entry_index};
}
