//! gRPC: every derived error as a `tonic::Status` carrying Google's error details
//! (`google.rpc.Status`, AIP-193), and a received `Status` decoded to the same
//! [`ErrorResponse`](crate::client::ErrorResponse) an HTTP error body gives.
//!
//! One declaration answers both protocols: the same key, code, message and violations, read
//! from the catalogue's model (`ErrorSpec`, the field violations, the wire description's names).
//!
//! ```
//! use assetpay_errors::{ApiError, client, grpc};
//! use tonic_types::StatusExt as _;
//!
//! #[derive(Debug, ApiError)]
//! #[api(doc_url = "https://docs.assetpay.gg/errors#{key}")]
//! enum TradingError {
//!     /// Price has changed since you last fetched it
//!     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
//!     PriceChanged,
//!     /// The item was sold in the meantime
//!     #[api(code = 12, key = "ITEM_SOLD", status = 409, grpc = "FAILED_PRECONDITION")]
//!     ItemSold,
//! }
//!
//! grpc::set_error_domain("trading.assetpay.gg").unwrap();
//! // In a handler, `?` converts: the derive implements `From<TradingError> for tonic::Status`.
//! let status = grpc::status_with_request_id(&TradingError::PriceChanged, "req-7");
//! assert_eq!(status.code(), tonic::Code::Aborted);
//! assert_eq!(status.message(), "Price has changed since you last fetched it");
//! let info = status.get_details_error_info().unwrap();
//! assert_eq!((info.reason.as_str(), info.domain.as_str()), ("PRICE_CHANGED", "trading.assetpay.gg"));
//! assert_eq!(info.metadata["code"], "11");
//! assert_eq!(status.get_details_help().unwrap().links[0].url, "https://docs.assetpay.gg/errors#PRICE_CHANGED");
//! assert_eq!(tonic::Status::from(TradingError::ItemSold).code(), tonic::Code::FailedPrecondition);
//!
//! // The client reads it back as it reads an HTTP error.
//! let error = client::decode_status::<TradingError>(&status).unwrap();
//! assert!(matches!(error.catalog_match(), client::CatalogMatch::Known(_)));
//! assert_eq!((error.code(), error.key(), error.request_id()), (11, "PRICE_CHANGED", Some("req-7")));
//! assert_eq!(error.status(), http::StatusCode::CONFLICT);
//! ```
//!
//! # The code
//!
//! An error answers with the code its `#[api(grpc = "…")]` names (any of `google.rpc.Code`'s
//! names but `OK`, checked at compile time), else the code its HTTP status maps to
//! ([`code_for_status`]):
//!
//! | HTTP status | gRPC code | why |
//! |---|---|---|
//! | 400, 422 | `INVALID_ARGUMENT` | code.proto maps 400 to it (and to `FAILED_PRECONDITION`, `OUT_OF_RANGE`): the general one; 422 is a request that does not validate |
//! | 401 | `UNAUTHENTICATED` | code.proto |
//! | 403 | `PERMISSION_DENIED` | code.proto |
//! | 404, 410 | `NOT_FOUND` | code.proto; 410 is a resource that is gone |
//! | 409 | `ABORTED` | see below |
//! | 405, 501 | `UNIMPLEMENTED` | code.proto maps 501; a method the resource does not have |
//! | 408, 504 | `DEADLINE_EXCEEDED` | code.proto maps 504; 408 is the client's own timeout |
//! | 412 | `FAILED_PRECONDITION` | HTTP's own precondition |
//! | 429 | `RESOURCE_EXHAUSTED` | code.proto |
//! | 499 | `CANCELLED` | code.proto |
//! | 500 | `INTERNAL` | code.proto maps 500 to it (and to `UNKNOWN`, `DATA_LOSS`): the one a server means |
//! | 502, 503 | `UNAVAILABLE` | code.proto maps 503; a gateway that cannot reach the server |
//! | any other 4xx | `FAILED_PRECONDITION` | the request cannot be served as the system stands, and retrying it unchanged does not help |
//! | any other 5xx | `INTERNAL` | |
//!
//! **409 Conflict** is `ABORTED`, not `FAILED_PRECONDITION`. code.proto's rule: "use `ABORTED`
//! if the client should retry at a higher level (e.g. restarting a read-modify-write
//! sequence)", `FAILED_PRECONDITION` "if the client should not retry until the system state has
//! been explicitly fixed". A 409 is RFC 9110's conflict "with the current state of the target
//! resource" which the user "might be able to resolve" and resubmit: AssetPay's
//! `PRICE_CHANGED` asks the client to fetch the price again and retry, a read-modify-write
//! restart. A 409 that needs something fixed first says so with
//! `#[api(grpc = "FAILED_PRECONDITION")]`, one that means "already there" with
//! `grpc = "ALREADY_EXISTS"`.
//!
//! Decoding goes the other way with Google's own mapping ([`status_for_code`]), unless the
//! catalogue knows the error and declares that very code, whose HTTP status is then used.
//!
//! # The status
//!
//! - **message**: the client-facing message, with the envelope's 5xx rule: a server error
//!   sends its declared text and nothing of its source (nor any violations).
//! - **`ErrorInfo`**: `reason` is the key, `domain` the service's ([`set_error_domain`], once at
//!   startup), `metadata` the code under `code`, each field the message interpolates under its
//!   name, formatted as in the message (`ApiError::message_fields`), and `detailsOmitted` when
//!   violations were left out.
//! - **`RetryInfo`**: `retry_delay` from the declaration's `retry_after`.
//! - **`BadRequest`**: the field violations, with the envelope's caps
//!   ([`MAX_DETAILS`](crate::violation::MAX_DETAILS), cut texts): `field` is the JSON Pointer
//!   as a gRPC field path (`/items/0/id` is `items[0].id`; the rules are below), `description`
//!   the message, `reason` the reason.
//! - **`RequestInfo`**: `request_id`, and the same id in the `x-request-id` metadata (the
//!   header HTTP responses carry it in) when it is a valid metadata value.
//! - **`Help`**: one link to the error's [`doc_url`](crate::ErrorSpec::doc_url), described by
//!   the error's description.
//!
//! The details are written straight into the `google.rpc.Status` bytes with prost's encoding,
//! not through tonic-types' owned structs: at most the same cost (BENCHMARKS.md, "gRPC
//! status"), and every status written is decoded with tonic-types in the tests.
//!
//! ## Field paths
//!
//! A pointer segment that is a name (`[A-Za-z_][A-Za-z0-9_]*`) is `.name`, an array index
//! (`0`, or digits without a leading zero) `[N]`, any other key is between backticks (a
//! backtick in it doubled), as AIP-161 escapes map keys: `/labels/team-a` is
//! `` labels.`team-a` ``. The whole body is the empty path. A violation outside the body is
//! `in:name` (`query:page`). Every pointer comes back as the same text.
//!
//! # Decoding
//!
//! [`Decoder::decode_status`](crate::client::Decoder::decode_status) (or
//! [`client::decode_status`](crate::client::decode_status)) reads the same details back into
//! an `ErrorResponse`, known keys and unknown alike, and never panics: garbage details, wrong
//! type URLs and oversized statuses are typed errors or kept as unread, within the decoder's
//! size limit. `ErrorInfo`'s other metadata is in `extra_fields`, its domain and any unread
//! detail's type URL in `extra_envelope_fields`
//! ([`DOMAIN_MEMBER`](crate::client::DOMAIN_MEMBER),
//! [`UNREAD_DETAILS_MEMBER`](crate::client::UNREAD_DETAILS_MEMBER)).

pub(crate) mod code;
pub(crate) mod field_path;
mod proto;
mod status;

pub use self::code::{code_for, code_for_status, status_for_code};
pub use self::status::{error_domain, set_error_domain, status_of, status_with_request_id};
