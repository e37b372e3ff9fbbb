//! `Decoder::decode_status`: a `tonic::Status` with `google.rpc.Status` details decoded to the
//! same [`ErrorResponse`] an HTTP error body gives.

use core::marker::PhantomData;
use std::time::Duration;

use assetpay_errors_shared::wire::{ErrorMember, REQUEST_ID_HEADER};
use prost::Message as _;
use serde_json::Value;
use tonic::{Code, Status};
use tonic_types::{BadRequest, ErrorInfo, Help, RequestInfo, RetryInfo, pb};

use crate::api_error::ApiError;
use crate::client::decode::Decoder;
use crate::client::details::ReadDetails;
use crate::client::error::DecodeError;
use crate::client::params::ReadParams;
use crate::client::response::{CatalogMatch, ErrorResponse};
use crate::client::retry::MAX_RETRY_AFTER;
use crate::client::snippet::Snippet;
use crate::client::unknown::UnknownMembers;
use crate::grpc::code::{code_for, status_for_code};
use crate::grpc::field_path::from_field_path;
use crate::spec::ErrorSpec;
use crate::violation::{FieldViolation, Reason};

/// The member of [`ErrorResponse::extra_envelope_fields`] a decoded status keeps
/// `ErrorInfo.domain` in (when it is not empty).
pub const DOMAIN_MEMBER: &str = "domain";

/// The member of [`ErrorResponse::extra_envelope_fields`] that lists, by type URL, the details
/// a decoded status carried but the decoder did not read: types it does not know, a second
/// detail of a type it read once, and known details that could not be decoded (besides
/// `BadRequest`, reported by [`ErrorResponse::details_error`], and `ErrorInfo`, a decode
/// error).
pub const UNREAD_DETAILS_MEMBER: &str = "unreadDetails";

impl Decoder {
    /// Decodes a `tonic::Status` a gRPC call failed with, matching the code and key of its
    /// `ErrorInfo` against the catalogue of `E`: see the [`grpc`](crate::grpc) module for what
    /// each detail becomes. The decoder's limit applies to the status's message, details and
    /// request-id metadata together.
    ///
    /// [`ErrorResponse::status`] is the catalogue entry's HTTP status when the entry answers
    /// with the status's gRPC code, else the status Google's mapping gives the code
    /// ([`status_for_code`](crate::grpc::status_for_code)).
    ///
    /// # Errors
    ///
    /// [`DecodeError::TooLarge`] past the limit; [`DecodeError::NotAnError`] for code `OK`;
    /// [`DecodeError::WrongShape`] for a status without `google.rpc.Status` details (a proxy's
    /// or the transport's own), details that are not one, or no readable `ErrorInfo` with a
    /// `code` in its metadata. Each keeps a snippet of the status's message.
    pub fn decode_status<E: ApiError>(
        &self,
        status: &Status,
    ) -> Result<ErrorResponse<E>, DecodeError> {
        let code = status.code();
        let http = status_for_code(code);
        let snippet = || Snippet::of(status.message().as_bytes());
        let wrong = |reason: String| DecodeError::WrongShape {
            status: http,
            reason,
            snippet: snippet(),
        };
        let metadata_id = status.metadata().get(REQUEST_ID_HEADER);
        let len = status.details().len()
            + status.message().len()
            + metadata_id.map_or(0, |value| value.as_bytes().len());
        if len > self.max_body_bytes() {
            return Err(DecodeError::TooLarge {
                status: http,
                len,
                limit: self.max_body_bytes(),
                snippet: snippet(),
            });
        }
        if code == Code::Ok {
            return Err(DecodeError::NotAnError {
                status: http,
                snippet: snippet(),
            });
        }
        if status.details().is_empty() {
            return Err(wrong(
                "the status carries no error details (`grpc-status-details-bin`)".to_owned(),
            ));
        }
        let rpc = pb::Status::decode(status.details()).map_err(|error| {
            wrong(format!(
                "the error details are not a `google.rpc.Status`: {error}"
            ))
        })?;
        let read = Details::read(&rpc).map_err(wrong)?;
        let info = read
            .error_info
            .ok_or_else(|| wrong("no `google.rpc.ErrorInfo` among the error details".to_owned()))?;
        let code_name = ErrorMember::Code.name();
        let error_code = match info.metadata.get(code_name) {
            None => {
                return Err(wrong(format!(
                    "`ErrorInfo.metadata.{code_name}` is missing"
                )));
            }
            Some(text) => text.parse::<u16>().map_err(|_| {
                wrong(format!(
                    "`ErrorInfo.metadata.{code_name}` is not an integer in 0..=65535"
                ))
            })?,
        };
        let catalog = CatalogMatch::of(E::spec_for_code(error_code), E::spec_for_key(&info.reason));
        let http = match catalog.spec() {
            Some(spec) if code_for(spec) == code => spec.status(),
            _ => http,
        };
        let request_id = read
            .request_id
            .or_else(|| Some(metadata_id?.to_str().ok()?.to_owned()));
        let mut details = read.bad_request;
        let omitted_name = ErrorMember::DetailsOmitted.name();
        if let Some(count) = info.metadata.get(omitted_name) {
            match count.parse::<u64>() {
                Ok(count) => details.omitted = count,
                Err(_) => {
                    details.problem.get_or_insert_with(|| {
                        format!("`ErrorInfo.metadata.{omitted_name}` is not a non-negative integer")
                    });
                }
            }
        }
        // `ErrorInfo.metadata` carries the message's fields beside the code (AIP-193), which
        // are its parameters: those the catalogue entry names, in its order, are read as them.
        let params = ReadParams {
            params: catalog
                .spec()
                .map(ErrorSpec::params)
                .unwrap_or_default()
                .iter()
                .filter_map(|&name| Some((name.to_owned(), info.metadata.get(name)?.clone())))
                .collect(),
            problem: None,
        };
        let mut extra_fields = UnknownMembers::default();
        for (name, value) in info.metadata {
            if name != code_name {
                extra_fields.insert(name, Value::String(value));
            }
        }
        let mut extra_envelope_fields = UnknownMembers::default();
        if !info.domain.is_empty() {
            extra_envelope_fields.insert(DOMAIN_MEMBER.to_owned(), Value::String(info.domain));
        }
        if !read.unread.is_empty() {
            let unread = read.unread.into_iter().map(Value::String).collect();
            extra_envelope_fields.insert(UNREAD_DETAILS_MEMBER.to_owned(), Value::Array(unread));
        }
        Ok(ErrorResponse {
            status: http,
            request_id,
            code: error_code,
            key: info.reason,
            message: status.message().to_owned(),
            doc_url: read.doc_url,
            catalog,
            header_retry_after: read.retry_after,
            details,
            params,
            extra_fields,
            extra_envelope_fields,
            error_type: PhantomData,
        })
    }
}

/// Decodes a `tonic::Status` with the default [`Decoder`]: see [`Decoder::decode_status`].
///
/// # Errors
///
/// As [`Decoder::decode_status`].
pub fn decode_status<E: ApiError>(status: &Status) -> Result<ErrorResponse<E>, DecodeError> {
    Decoder::new().decode_status(status)
}

/// What the details said, each known type read once.
#[derive(Default)]
struct Details {
    error_info: Option<pb::ErrorInfo>,
    retry_after: Option<Duration>,
    bad_request: ReadDetails,
    request_id: Option<String>,
    doc_url: Option<String>,
    unread: Vec<String>,
}

impl Details {
    /// Reads the details of `rpc`; an `ErrorInfo` that cannot be decoded is the one failure.
    fn read(rpc: &pb::Status) -> Result<Details, String> {
        let mut read = Details::default();
        let mut seen_bad_request = false;
        for any in &rpc.details {
            let value = any.value.as_slice();
            let done = match any.type_url.as_str() {
                ErrorInfo::TYPE_URL if read.error_info.is_none() => {
                    let info = pb::ErrorInfo::decode(value).map_err(|error| {
                        format!("the `google.rpc.ErrorInfo` is malformed: {error}")
                    })?;
                    read.error_info = Some(info);
                    true
                }
                RetryInfo::TYPE_URL if read.retry_after.is_none() => {
                    read.retry_after = pb::RetryInfo::decode(value)
                        .ok()
                        .and_then(|info| info.retry_delay)
                        .and_then(|delay| {
                            let seconds = u64::try_from(delay.seconds).ok()?;
                            let nanos = u32::try_from(delay.nanos)
                                .ok()
                                .filter(|n| *n < 1_000_000_000)?;
                            Some(Duration::new(seconds, nanos).min(MAX_RETRY_AFTER))
                        });
                    read.retry_after.is_some()
                }
                BadRequest::TYPE_URL if !seen_bad_request => {
                    seen_bad_request = true;
                    read.bad_request = read_bad_request(value);
                    true
                }
                RequestInfo::TYPE_URL if read.request_id.is_none() => {
                    read.request_id = pb::RequestInfo::decode(value)
                        .ok()
                        .map(|info| info.request_id)
                        .filter(|id| !id.is_empty());
                    read.request_id.is_some()
                }
                Help::TYPE_URL if read.doc_url.is_none() => {
                    read.doc_url = pb::Help::decode(value)
                        .ok()
                        .and_then(|help| help.links.into_iter().next())
                        .map(|link| link.url)
                        .filter(|url| !url.is_empty());
                    read.doc_url.is_some()
                }
                _ => false,
            };
            if !done {
                read.unread.push(any.type_url.clone());
            }
        }
        Ok(read)
    }
}

/// A `BadRequest`, read whole or not at all, like an envelope's `details`.
fn read_bad_request(value: &[u8]) -> ReadDetails {
    let mut read = ReadDetails::default();
    let request = match pb::BadRequest::decode(value) {
        Ok(request) => request,
        Err(error) => {
            read.problem = Some(format!("the `google.rpc.BadRequest` is malformed: {error}"));
            return read;
        }
    };
    let parsed: Result<Vec<FieldViolation>, String> = request
        .field_violations
        .into_iter()
        .enumerate()
        .map(|(index, violation)| {
            let (location, field) = from_field_path(&violation.field)
                .map_err(|problem| format!("`BadRequest.field_violations[{index}]`: {problem}"))?;
            Ok(FieldViolation::new(
                location,
                field,
                Reason::from_wire(&violation.reason),
                violation.description,
            ))
        })
        .collect();
    match parsed {
        Ok(violations) => read.violations = violations,
        Err(problem) => read.problem = Some(problem),
    }
    read
}
