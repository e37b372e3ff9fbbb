//! The decoder: response bytes in, an `ErrorResponse` or a `DecodeError` out.

use crate::client::unknown::UnknownMembers;
use assetpay_errors_shared::wire::{EnvelopeMember, ErrorMember};
use core::marker::PhantomData;
use std::time::SystemTime;

use http::{HeaderMap, StatusCode};
use serde_json::error::Category;

use crate::api_error::ApiError;
use crate::client::details::{self, ReadDetails};
use crate::client::error::DecodeError;
use crate::client::members::{EnvelopeMembers, ErrorValue, Scalar, read_members};
use crate::client::params::{self, ReadParams};
use crate::client::problem;
use crate::client::response::{CatalogMatch, ErrorResponse};
use crate::client::retry::retry_after;
use crate::client::snippet::Snippet;

/// Decodes error responses into [`ErrorResponse`]s, with a limit on the body's size.
///
/// It works on bytes already read; it does no I/O and never panics on what it is given.
///
/// ```
/// use assetpay_errors::ApiError;
/// use assetpay_errors::client::{CatalogMatch, DecodeError, Decoder};
/// use http::StatusCode;
///
/// #[derive(Debug, PartialEq, ApiError)]
/// enum TradingError {
///     /// Price has changed since you last fetched it
///     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
///     PriceChanged,
/// }
///
/// let decoder = Decoder::new().with_max_body_bytes(16 * 1024);
/// let body = br#"{"requestId":"req-7","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"Price has changed since you last fetched it"}}"#;
/// let error = decoder.decode::<TradingError>(StatusCode::CONFLICT, body).unwrap();
/// assert_eq!(error.request_id(), Some("req-7"));
/// assert_eq!(error.variant(), Some(TradingError::PriceChanged));
///
/// // A server newer than the client: nothing known, nothing lost.
/// let body = br#"{"requestId":"req-8","success":false,"error":{"code":77,"key":"NEW_THING","message":"New"}}"#;
/// let error = decoder.decode::<TradingError>(StatusCode::BAD_REQUEST, body).unwrap();
/// assert_eq!(error.catalog_match(), CatalogMatch::Unknown);
/// assert_eq!((error.code(), error.key(), error.message()), (77, "NEW_THING", "New"));
///
/// // A proxy's error page.
/// let page = b"<html><body><h1>502 Bad Gateway</h1></body></html>";
/// let failure = decoder.decode::<TradingError>(StatusCode::BAD_GATEWAY, page).unwrap_err();
/// assert!(matches!(failure, DecodeError::Html { .. }));
/// assert_eq!(failure.snippet().as_str(), "<html><body><h1>502 Bad Gateway</h1></body></html>");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoder {
    max_body_bytes: usize,
}

impl Decoder {
    /// The default limit on a body's size: 64 KiB, far above any error envelope.
    pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024;

    /// A decoder with the default limit.
    pub const fn new() -> Decoder {
        Decoder {
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
        }
    }

    /// The same decoder with another limit on a body's size, in bytes. Longer bodies are
    /// rejected with [`DecodeError::TooLarge`] before any parsing.
    pub const fn with_max_body_bytes(self, limit: usize) -> Decoder {
        Decoder {
            max_body_bytes: limit,
        }
    }

    /// The limit on a body's size, in bytes.
    pub const fn max_body_bytes(&self) -> usize {
        self.max_body_bytes
    }

    /// Decodes the body of a response with `status`, matching its code and key against the
    /// catalogue of `E`.
    ///
    /// The body decides: `status` is recorded, not used to classify (an error envelope under a
    /// 200 still decodes; see [`ErrorResponse::is_status_mismatch`]). Members the envelope
    /// does not define are kept ([`ErrorResponse::extra_fields`],
    /// [`ErrorResponse::extra_envelope_fields`]); a missing or `null` `requestId` and a missing
    /// `success` are accepted. Field violations in `details` are read into
    /// [`ErrorResponse::violations`]; a malformed `details` does not fail the decode (see
    /// [`ErrorResponse::details_error`]).
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] for every body that is not an error envelope, from an empty body to a
    /// proxy's HTML page; see its variants.
    pub fn decode<E: ApiError>(
        &self,
        status: StatusCode,
        body: &[u8],
    ) -> Result<ErrorResponse<E>, DecodeError> {
        let envelope = self.read_envelope(status, body)?;
        let catalog = CatalogMatch::of(
            E::spec_for_code(envelope.code),
            E::spec_for_key(&envelope.key),
        );
        Ok(ErrorResponse {
            status,
            request_id: envelope.request_id,
            code: envelope.code,
            key: envelope.key,
            message: envelope.message,
            doc_url: envelope.doc_url,
            params: envelope.params,
            catalog,
            header_retry_after: None,
            details: envelope.details,
            extra_fields: envelope.extra_fields,
            extra_envelope_fields: envelope.extra_envelope_fields,
            error_type: PhantomData,
        })
    }

    /// [`decode`](Self::decode), also reading the response's `Retry-After` header (see
    /// [`retry_after`](crate::client::retry_after)) into [`ErrorResponse::retry_after`].
    ///
    /// `Content-Type` is not consulted: proxies label their pages wrongly often enough that the
    /// body's first bytes are the better witness.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    pub fn decode_with_headers<E: ApiError>(
        &self,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<ErrorResponse<E>, DecodeError> {
        let mut response = self.decode(status, body)?;
        response.header_retry_after = retry_after(headers, SystemTime::now());
        Ok(response)
    }

    /// Parses and checks the envelope, knowing nothing of any catalogue.
    fn read_envelope(&self, status: StatusCode, body: &[u8]) -> Result<RawEnvelope, DecodeError> {
        if body.len() > self.max_body_bytes {
            return Err(DecodeError::TooLarge {
                status,
                len: body.len(),
                limit: self.max_body_bytes,
                snippet: Snippet::of(body),
            });
        }
        // A byte-order mark is not JSON, but some servers write one; it carries no meaning.
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let snippet = || Snippet::of(body);
        let Some(&first) = body.iter().find(|byte| !byte.is_ascii_whitespace()) else {
            return Err(DecodeError::Empty {
                status,
                snippet: Snippet::default(),
            });
        };
        if first == b'<' {
            return Err(DecodeError::Html {
                status,
                snippet: snippet(),
            });
        }
        // serde_json stops at 128 levels of nesting with an error, so no body can exhaust the
        // stack; the tree it builds is at most that deep, and so is dropping it.
        let mut members = EnvelopeMembers::default();
        let is_object = match read_members(body, &mut members) {
            Ok(is_object) => is_object,
            Err(error) if matches!(first, b'{' | b'[') => {
                return Err(if error.classify() == Category::Eof {
                    DecodeError::TruncatedJson {
                        status,
                        snippet: snippet(),
                    }
                } else {
                    DecodeError::InvalidJson {
                        status,
                        reason: error.to_string(),
                        snippet: snippet(),
                    }
                });
            }
            Err(_) => {
                return Err(DecodeError::NotJson {
                    status,
                    snippet: snippet(),
                });
            }
        };
        RawEnvelope::from_members(is_object, members).map_err(|shape| match shape {
            ShapeError::Success => DecodeError::NotAnError {
                status,
                snippet: snippet(),
            },
            ShapeError::Field(reason) => DecodeError::WrongShape {
                status,
                reason,
                snippet: snippet(),
            },
        })
    }
}

impl Default for Decoder {
    fn default() -> Decoder {
        Decoder::new()
    }
}

/// Decodes an error response with the default [`Decoder`]: see [`Decoder::decode`].
///
/// # Errors
///
/// As [`Decoder::decode`].
pub fn decode<E: ApiError>(
    status: StatusCode,
    body: &[u8],
) -> Result<ErrorResponse<E>, DecodeError> {
    Decoder::new().decode(status, body)
}

/// The envelope's fields, checked for type but not yet matched against a catalogue.
struct RawEnvelope {
    request_id: Option<String>,
    code: u16,
    key: String,
    message: String,
    doc_url: Option<String>,
    details: ReadDetails,
    params: ReadParams,
    extra_fields: UnknownMembers,
    extra_envelope_fields: UnknownMembers,
}

/// Why a JSON value is not an error envelope.
enum ShapeError {
    /// It reports `"success": true`.
    Success,
    /// A field is missing or mistyped.
    Field(String),
}

/// How the shape errors name a member: `` `requestId` ``, `` `error.code` ``.
enum MemberPath {
    Envelope(EnvelopeMember),
    Error(ErrorMember),
}

impl MemberPath {
    /// The member `is` something: `` `error.code` is missing ``.
    fn is(self, what: &str) -> ShapeError {
        let error = EnvelopeMember::Error.name();
        ShapeError::Field(match self {
            MemberPath::Envelope(member) => format!("`{}` {what}", member.name()),
            MemberPath::Error(member) => format!("`{error}.{}` {what}", member.name()),
        })
    }
}

impl RawEnvelope {
    fn from_members(is_object: bool, members: EnvelopeMembers) -> Result<RawEnvelope, ShapeError> {
        use MemberPath::{Envelope, Error};

        if !is_object {
            return Err(ShapeError::Field(
                "the body is not a JSON object".to_owned(),
            ));
        }
        let EnvelopeMembers {
            success,
            request_id,
            error,
            error_members,
            extra: mut extra_envelope_fields,
        } = members;
        match success {
            None | Some(Scalar::Bool(false)) => {}
            Some(Scalar::Bool(true)) => return Err(ShapeError::Success),
            Some(_) => return Err(Envelope(EnvelopeMember::Success).is("is not a boolean")),
        }
        let request_id = match request_id {
            None | Some(Scalar::Null) => None,
            Some(Scalar::String(request_id)) => Some(request_id),
            Some(_) => return Err(Envelope(EnvelopeMember::RequestId).is("is not a string")),
        };
        let error = match error {
            ErrorValue::Object => error_members,
            ErrorValue::Missing
                if extra_envelope_fields
                    .as_map_mut()
                    .is_some_and(|members| problem::is_problem(members)) =>
            {
                let members = extra_envelope_fields
                    .as_map_mut()
                    .unwrap_or_else(|| unreachable!("a problem document has members"));
                let read = problem::read(members).map_err(ShapeError::Field)?;
                return Ok(RawEnvelope {
                    request_id,
                    code: read.code,
                    key: read.key,
                    message: read.message,
                    doc_url: read.doc_url,
                    details: read.details,
                    params: read.params,
                    extra_fields: UnknownMembers::default(),
                    extra_envelope_fields,
                });
            }
            ErrorValue::Missing | ErrorValue::Null => {
                return Err(Envelope(EnvelopeMember::Error).is("is missing"));
            }
            ErrorValue::NotAnObject => {
                return Err(Envelope(EnvelopeMember::Error).is("is not an object"));
            }
        };
        let code = match error.code {
            Some(Scalar::Number(code)) => code
                .and_then(|code| u16::try_from(code).ok())
                .ok_or_else(|| Error(ErrorMember::Code).is("is not an integer in 0..=65535"))?,
            None => return Err(Error(ErrorMember::Code).is("is missing")),
            Some(_) => return Err(Error(ErrorMember::Code).is("is not a number")),
        };
        let key = match error.key {
            Some(Scalar::String(key)) => key,
            None => return Err(Error(ErrorMember::Key).is("is missing")),
            Some(_) => return Err(Error(ErrorMember::Key).is("is not a string")),
        };
        let message = match error.message {
            Some(Scalar::String(message)) => message,
            None => return Err(Error(ErrorMember::Message).is("is missing")),
            Some(_) => return Err(Error(ErrorMember::Message).is("is not a string")),
        };
        let details = details::read(error.extra.as_map());
        let params = params::read(
            error.extra.as_map(),
            ErrorMember::Params.name(),
            &format!("{}.", EnvelopeMember::Error.name()),
        );
        let doc_url = match error.extra.as_map().get(ErrorMember::DocUrl.name()) {
            Some(serde_json::Value::String(url)) => Some(url.clone()),
            _ => None,
        };
        Ok(RawEnvelope {
            request_id,
            code,
            key,
            message,
            doc_url,
            details,
            params,
            extra_fields: error.extra,
            extra_envelope_fields,
        })
    }
}
