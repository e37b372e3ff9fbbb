//! `ErrorResponse`: a decoded error envelope, matched against a client's catalogue.

use crate::client::unknown::UnknownMembers;
use core::fmt;
use core::marker::PhantomData;
use std::time::Duration;

use http::StatusCode;
use serde_json::{Map, Value};

use crate::client::details::ReadDetails;
use crate::client::params::ReadParams;
use crate::client::retry::MAX_RETRY_AFTER;
use crate::client::snippet::write_sanitized;
use crate::spec::ErrorSpec;
use crate::violation::FieldViolation;

/// What the catalogue of the client's error type says about a decoded envelope's code and key.
///
/// An entry is trusted only when the code and the key both name it. When they disagree, the
/// decoder does not guess which one the server meant: acting on the wrong entry (refetching
/// prices when the server asked the user to wait, say) is worse than the default branch, which
/// still has the code, key and message as received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogMatch {
    /// The code and the key both name this entry.
    Known(&'static ErrorSpec),
    /// Neither the code nor the key is in the catalogue: a server newer than the client, or
    /// another API altogether.
    Unknown,
    /// The code and the key name different entries, or only one of them is in the catalogue.
    Conflict {
        /// The entry with the envelope's code, if any.
        by_code: Option<&'static ErrorSpec>,
        /// The entry with the envelope's key, if any.
        by_key: Option<&'static ErrorSpec>,
    },
}

impl CatalogMatch {
    /// Classifies the entries found by the envelope's code and by its key.
    pub(crate) fn of(
        by_code: Option<&'static ErrorSpec>,
        by_key: Option<&'static ErrorSpec>,
    ) -> CatalogMatch {
        match (by_code, by_key) {
            (None, None) => CatalogMatch::Unknown,
            // Both lookups index the same catalogue, so one entry is one address; comparing the
            // addresses first spares comparing every field (and string) of the entry.
            (Some(by_code), Some(by_key))
                if core::ptr::eq(by_code, by_key) || by_code == by_key =>
            {
                CatalogMatch::Known(by_code)
            }
            (by_code, by_key) => CatalogMatch::Conflict { by_code, by_key },
        }
    }

    /// The entry, when the code and the key agree on one.
    pub fn spec(&self) -> Option<&'static ErrorSpec> {
        match self {
            CatalogMatch::Known(spec) => Some(spec),
            CatalogMatch::Unknown | CatalogMatch::Conflict { .. } => None,
        }
    }
}

/// An error response, decoded: the envelope's request id, code, key and message exactly as the
/// server sent them, the HTTP status, and what the catalogue of the client's error type `E`
/// says about them.
///
/// Get one from [`Decoder::decode`](crate::client::Decoder::decode) or
/// [`decode`](crate::client::decode). It implements `std::error::Error`, so it can be returned
/// with `?` as it is.
pub struct ErrorResponse<E> {
    pub(crate) status: StatusCode,
    pub(crate) request_id: Option<String>,
    pub(crate) code: u16,
    pub(crate) key: String,
    pub(crate) message: String,
    pub(crate) doc_url: Option<String>,
    pub(crate) catalog: CatalogMatch,
    pub(crate) header_retry_after: Option<Duration>,
    pub(crate) details: ReadDetails,
    pub(crate) params: ReadParams,
    pub(crate) extra_fields: UnknownMembers,
    pub(crate) extra_envelope_fields: UnknownMembers,
    pub(crate) error_type: PhantomData<fn() -> E>,
}

impl<E> ErrorResponse<E> {
    /// The HTTP status of the response, as received. It may differ from the status the
    /// catalogue declares; see [`is_status_mismatch`](Self::is_status_mismatch).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The envelope's `requestId`: quote it when contacting support. `None` when the envelope
    /// has none (or `null`).
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The envelope's numeric code.
    pub fn code(&self) -> u16 {
        self.code
    }

    /// The envelope's string key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The envelope's message, as the server sent it.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The page documenting the error, as the server sent it: an envelope's `docUrl` (sent by a
    /// server that opts in), or a problem document's `type` unless it is `about:blank`. `None`
    /// when the body has none; the catalogue's own [`ErrorSpec::doc_url`] is at
    /// [`spec`](Self::spec).
    pub fn doc_url(&self) -> Option<&str> {
        self.doc_url.as_deref()
    }

    /// What the catalogue says about the code and key.
    pub fn catalog_match(&self) -> CatalogMatch {
        self.catalog
    }

    /// The catalogue entry, when the code and the key agree on one.
    pub fn spec(&self) -> Option<&'static ErrorSpec> {
        self.catalog.spec()
    }

    /// Whether the code and the key agree on a catalogue entry.
    pub fn is_known(&self) -> bool {
        self.spec().is_some()
    }

    /// The variant of `E` the envelope names, for enums whose variants are all unit variants
    /// (the derive gives those `TryFrom<u16>`). `None` unless the code and the key agree on a
    /// catalogue entry.
    pub fn variant(&self) -> Option<E>
    where
        E: TryFrom<u16>,
    {
        E::try_from(self.spec()?.code()).ok()
    }

    /// Whether the HTTP status differs from the one the catalogue declares for this error.
    /// The envelope is decoded either way, because proxies and gateways rewrite statuses and the
    /// body is the more specific of the two. Always `false` when the error is not
    /// [`Known`](CatalogMatch::Known).
    pub fn is_status_mismatch(&self) -> bool {
        self.spec().is_some_and(|spec| spec.status() != self.status)
    }

    /// Whether the catalogue says the request may be retried later. `false` when the error is
    /// not [`Known`](CatalogMatch::Known): a client cannot know what an error it was not told
    /// about means.
    pub fn is_retryable(&self) -> bool {
        self.spec().is_some_and(ErrorSpec::is_retryable)
    }

    /// How long to wait before retrying: the response's `Retry-After` header when it was given
    /// to the decoder and readable, else the wait the catalogue declares, capped at
    /// [`MAX_RETRY_AFTER`]. The header comes first because it reflects the server's state now.
    pub fn retry_after(&self) -> Option<Duration> {
        self.header_retry_after
            .or_else(|| self.spec()?.retry_after())
            .map(|wait| wait.min(MAX_RETRY_AFTER))
    }

    /// The field violations of the envelope's `details`, typed: which field of the request
    /// failed and why (see [`violation`](crate::violation)). Empty when the envelope has none,
    /// or when `details` is malformed ([`details_error`](Self::details_error)).
    ///
    /// ```
    /// use assetpay_errors::assetpay::GenericError;
    /// use assetpay_errors::client;
    /// use assetpay_errors::violation::{Location, Reason};
    /// use http::StatusCode;
    ///
    /// let body = br#"{"requestId":"r1","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"The request data is invalid","details":[{"in":"body","field":"/quantity","reason":"MISSING","message":"quantity is required"}]}}"#;
    /// let error = client::decode::<GenericError>(StatusCode::UNPROCESSABLE_ENTITY, body).unwrap();
    /// let [violation] = error.violations() else { panic!() };
    /// assert_eq!((violation.location(), violation.field()), (&Location::Body, "/quantity"));
    /// assert_eq!(violation.reason(), &Reason::Missing);
    /// ```
    pub fn violations(&self) -> &[FieldViolation] {
        &self.details.violations
    }

    /// How many violations the server did not send (its `detailsOmitted`: it sends at most
    /// [`MAX_DETAILS`](crate::violation::MAX_DETAILS)); 0 when it sent them all.
    pub fn violations_omitted(&self) -> u64 {
        self.details.omitted
    }

    /// Why the envelope's `details` (or `detailsOmitted`) could not be read, such as
    /// ``"`error.details[2]`: `reason` is missing"``; `None` when it was read or is absent.
    ///
    /// A malformed `details` is not a decode error: the envelope's code, key and message still
    /// say what happened, [`violations`](Self::violations) is then empty (never a partial
    /// list), and the member itself stays in [`extra_fields`](Self::extra_fields) as sent. A
    /// malformed `detailsOmitted` alone leaves the violations read and
    /// [`violations_omitted`](Self::violations_omitted) at 0.
    pub fn details_error(&self) -> Option<&str> {
        self.details.problem.as_deref()
    }

    /// The message's parameters as the server sent them (its opt-in `params`, see
    /// [`params`](crate::params)): each name and value, in `serde_json::Map`'s order, as
    /// [`extra_fields`](Self::extra_fields) (a JSON object's members have no order a reader
    /// may rely on; look one up with [`param`](Self::param)). Empty when the body
    /// has none, or when they could not be read (see [`params_error`](Self::params_error)).
    ///
    /// The member also stays in [`extra_fields`](Self::extra_fields) (or, in a problem
    /// document, [`extra_envelope_fields`](Self::extra_envelope_fields)) as sent.
    pub fn params(&self) -> impl ExactSizeIterator<Item = (&str, &str)> {
        self.params
            .params
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
    }

    /// The value of the parameter `name`, if the body sent one.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params()
            .find(|(own, _)| *own == name)
            .map(|(_, value)| value)
    }

    /// Why the body's `params` could not be read, such as
    /// ``"`error.params.max` is not a string"``; `None` when it was read or is absent. As with
    /// [`details_error`](Self::details_error), a malformed `params` is not a decode error: the
    /// code, key and message still say what happened, and [`params`](Self::params) is then empty,
    /// never a partial list.
    pub fn params_error(&self) -> Option<&str> {
        self.params.problem.as_deref()
    }

    /// The members of the envelope's `error` object besides `code`, `key` and `message`, with
    /// the values they came with, in `serde_json::Map`'s order (sorted by name unless your
    /// program turns on serde_json's `preserve_order`; this crate turns on no feature of
    /// serde_json, because cargo would turn it on for every map of your program). `details` and `detailsOmitted` are among them, as sent, whether or not
    /// they could be read into [`violations`](Self::violations).
    pub fn extra_fields(&self) -> &Map<String, Value> {
        self.extra_fields.as_map()
    }

    /// The top-level members of the envelope besides `requestId`, `success` and `error`.
    pub fn extra_envelope_fields(&self) -> &Map<String, Value> {
        self.extra_envelope_fields.as_map()
    }
}

impl<E> Clone for ErrorResponse<E> {
    fn clone(&self) -> Self {
        ErrorResponse {
            status: self.status,
            request_id: self.request_id.clone(),
            code: self.code,
            key: self.key.clone(),
            message: self.message.clone(),
            doc_url: self.doc_url.clone(),
            catalog: self.catalog,
            header_retry_after: self.header_retry_after,
            details: self.details.clone(),
            params: self.params.clone(),
            extra_fields: self.extra_fields.clone(),
            extra_envelope_fields: self.extra_envelope_fields.clone(),
            error_type: PhantomData,
        }
    }
}

impl<E> fmt::Debug for ErrorResponse<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorResponse")
            .field("status", &self.status.as_u16())
            .field("request_id", &self.request_id)
            .field("code", &self.code)
            .field("key", &self.key)
            .field("message", &self.message)
            .field("doc_url", &self.doc_url)
            .field("catalog", &self.catalog)
            .field("header_retry_after", &self.header_retry_after)
            .field("violations", &self.details.violations)
            .field("violations_omitted", &self.details.omitted)
            .field("details_error", &self.details.problem)
            .field("params", &self.params.params)
            .field("params_error", &self.params.problem)
            .field("extra_fields", self.extra_fields.as_map())
            .field("extra_envelope_fields", self.extra_envelope_fields.as_map())
            .finish()
    }
}

/// `` `PRICE_CHANGED` (code 11, HTTP 409, request req-7): Price has changed… ``, with control
/// characters in the server's text replaced, so the line is safe to log.
impl<E> fmt::Display for ErrorResponse<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`")?;
        write_sanitized(f, &self.key)?;
        write!(f, "` (code {}, HTTP {}", self.code, self.status.as_u16())?;
        if let Some(request_id) = &self.request_id {
            f.write_str(", request ")?;
            write_sanitized(f, request_id)?;
        }
        f.write_str("): ")?;
        write_sanitized(f, &self.message)
    }
}

impl<E> std::error::Error for ErrorResponse<E> {}
