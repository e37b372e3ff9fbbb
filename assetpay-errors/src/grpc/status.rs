//! Server side: an error as a `tonic::Status` carrying `google.rpc.Status` details.

use std::borrow::Cow;
use std::sync::OnceLock;

use assetpay_errors_shared::wire::{ErrorMember, REQUEST_ID_HEADER};
use prost::bytes::Bytes;
use tonic::Status;
use tonic::metadata::{MetadataMap, MetadataValue};
use tonic_types::{BadRequest, ErrorInfo, Help, RequestInfo, RetryInfo};

use crate::api_error::ApiError;
use crate::envelope::Envelope;
use crate::grpc::code::code_for;
use crate::grpc::field_path::to_field_path;
use crate::grpc::proto::{
    self, Any, Encode, delimited_len, message, message_len, string, string_len, varint, varint_len,
};
use crate::violation::render::{Caps, members, omitted};
use crate::violation::{FieldViolation, MAX_DETAILS};

static DOMAIN: OnceLock<&'static str> = OnceLock::new();

/// Sets `ErrorInfo.domain` for every status this process builds: the service's name, such as
/// `"trading.assetpay.gg"` (AIP-193: "the logical grouping to which the reason belongs",
/// globally unique). Call it once, at startup, before the first error is answered.
///
/// # Errors
///
/// The domain already set, when it was set before to another value; setting the same one
/// again is no error.
pub fn set_error_domain(domain: &'static str) -> Result<(), &'static str> {
    let set = DOMAIN.get_or_init(|| domain);
    if *set == domain { Ok(()) } else { Err(set) }
}

/// The domain [`set_error_domain`] set, or `""` before it is called (which AIP-193 does not
/// allow: set it).
pub fn error_domain() -> &'static str {
    DOMAIN.get().copied().unwrap_or("")
}

/// `error` as a `tonic::Status`, without a request id: see the [module documentation](super).
/// The derive's `From<…> for tonic::Status` calls this, so a handler answers with `?`.
pub fn status_of<E: ApiError>(error: &E) -> Status {
    status_with_request_id(error, "")
}

/// `error` answering the request `request_id`, as a `tonic::Status`: the id is in
/// `RequestInfo.request_id` and, when it is a valid metadata value, in the `x-request-id`
/// metadata (the header the HTTP responses carry it in). An empty id is sent in neither.
pub fn status_with_request_id<E: ApiError>(error: &E, request_id: &str) -> Status {
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    if error.spec().is_interpolated() {
        error.message_fields(&mut |name, value| fields.push((name, value.to_string())));
    }
    // The envelope decides the message and the violations sent, 5xx redaction included.
    build(&Envelope::new(request_id, error), &fields)
}

/// An envelope as a `tonic::Status`, with its request id, message and violations. An envelope
/// holds no error value, so `ErrorInfo.metadata` has the code and no message fields: build
/// from the error ([`status_with_request_id`]) to send those.
impl From<Envelope<'_>> for Status {
    fn from(envelope: Envelope<'_>) -> Status {
        build(&envelope, &[])
    }
}

fn build(envelope: &Envelope<'_>, fields: &[(&'static str, String)]) -> Status {
    let (spec, message_text, violations, request_id) = (
        envelope.spec(),
        envelope.message(),
        envelope.details(),
        envelope.request_id(),
    );
    let code = code_for(spec);
    let omitted = omitted(violations);
    let omitted_text = (omitted > 0).then(|| omitted.to_string());
    let error_info = ErrorInfoFields {
        reason: spec.key(),
        domain: error_domain(),
        code: spec.code(),
        fields,
        omitted: omitted_text.as_deref(),
    };
    let retry = spec.retry_after_secs().map(|seconds| RetryDelay {
        seconds: u64::from(seconds),
    });
    let sent: Vec<SentViolation> = violations[..violations.len().min(MAX_DETAILS)]
        .iter()
        .map(SentViolation::of)
        .collect();
    let bad_request = (!sent.is_empty()).then_some(Repeated(&sent));
    let request_info = (!request_id.is_empty()).then_some(Text(request_id));
    let help = spec.doc_url().map(|url| HelpLink {
        description: spec.description(),
        url,
    });
    let details = StatusFields {
        code: code as i32 as u32 as u64,
        message: message_text,
        retry: retry.as_ref().map(|r| Any::new(RetryInfo::TYPE_URL, r)),
        error_info: Any::new(ErrorInfo::TYPE_URL, &error_info),
        bad_request: bad_request
            .as_ref()
            .map(|list| Any::new(BadRequest::TYPE_URL, list)),
        request_info: request_info
            .as_ref()
            .map(|id| Any::new(RequestInfo::TYPE_URL, id)),
        help: help.as_ref().map(|link| Any::new(Help::TYPE_URL, link)),
    };
    let mut bytes = Vec::with_capacity(details.len());
    details.write(&mut bytes);
    let mut metadata = MetadataMap::new();
    if !request_id.is_empty()
        && let Ok(value) = MetadataValue::try_from(request_id)
    {
        metadata.insert(REQUEST_ID_HEADER, value);
    }
    Status::with_details_and_metadata(code, message_text, Bytes::from(bytes), metadata)
}

/// `google.rpc.Status`: `code` (1), `message` (2), `details` (3), the details in the order
/// tonic-types writes them.
struct StatusFields<'a> {
    code: u64,
    message: &'a str,
    retry: Option<Any<'a, RetryDelay>>,
    error_info: Any<'a, ErrorInfoFields<'a>>,
    bad_request: Option<Any<'a, Repeated<'a>>>,
    request_info: Option<Any<'a, Text<'a>>>,
    help: Option<Any<'a, HelpLink<'a>>>,
}

impl Encode for StatusFields<'_> {
    fn len(&self) -> usize {
        varint_len(self.code)
            + string_len(self.message)
            + self.retry.as_ref().map_or(0, message_len)
            + message_len(&self.error_info)
            + self.bad_request.as_ref().map_or(0, message_len)
            + self.request_info.as_ref().map_or(0, message_len)
            + self.help.as_ref().map_or(0, message_len)
    }

    fn write(&self, out: &mut Vec<u8>) {
        varint(out, 1, self.code);
        string(out, 2, self.message);
        fn detail(out: &mut Vec<u8>, any: &impl Encode) {
            message(out, 3, any.len(), any);
        }
        if let Some(retry) = &self.retry {
            detail(out, retry);
        }
        detail(out, &self.error_info);
        if let Some(list) = &self.bad_request {
            detail(out, list);
        }
        if let Some(info) = &self.request_info {
            detail(out, info);
        }
        if let Some(help) = &self.help {
            detail(out, help);
        }
    }
}

/// `google.rpc.ErrorInfo`: `reason` (1), `domain` (2), `metadata` (3, a map: entries of `key`
/// 1 and `value` 2), the metadata being `code`, the message's fields, and `detailsOmitted`
/// when violations were left out, under the envelope's own member names.
struct ErrorInfoFields<'a> {
    reason: &'a str,
    domain: &'a str,
    code: u16,
    fields: &'a [(&'static str, String)],
    omitted: Option<&'a str>,
}

/// The code's decimal digits, without an allocation.
fn code_digits(code: u16) -> ([u8; 5], usize) {
    // Five digits at most: a `u16`.
    let mut digits = [0u8; 5];
    let mut len = 0;
    let mut rest = code;
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    digits[..len].reverse();
    (digits, len)
}

fn entry_len(key: &str, value: &str) -> usize {
    delimited_len(string_len(key) + string_len(value))
}

fn entry(out: &mut Vec<u8>, key: &str, value: &str) {
    proto::open(out, 3, string_len(key) + string_len(value));
    string(out, 1, key);
    string(out, 2, value);
}

impl Encode for ErrorInfoFields<'_> {
    fn len(&self) -> usize {
        let (digits, len) = code_digits(self.code);
        let code = std::str::from_utf8(&digits[..len]).unwrap_or_default();
        string_len(self.reason)
            + string_len(self.domain)
            + entry_len(ErrorMember::Code.name(), code)
            + self
                .fields
                .iter()
                .map(|(name, value)| entry_len(name, value))
                .sum::<usize>()
            + self.omitted.map_or(0, |count| {
                entry_len(ErrorMember::DetailsOmitted.name(), count)
            })
    }

    fn write(&self, out: &mut Vec<u8>) {
        string(out, 1, self.reason);
        string(out, 2, self.domain);
        let (digits, len) = code_digits(self.code);
        let code = std::str::from_utf8(&digits[..len]).unwrap_or_default();
        entry(out, ErrorMember::Code.name(), code);
        for (name, value) in self.fields {
            entry(out, name, value);
        }
        if let Some(count) = self.omitted {
            entry(out, ErrorMember::DetailsOmitted.name(), count);
        }
    }
}

/// `google.rpc.RetryInfo`: `retry_delay` (1), a `google.protobuf.Duration` of `seconds` (1).
struct RetryDelay {
    seconds: u64,
}

impl Encode for RetryDelay {
    fn len(&self) -> usize {
        delimited_len(varint_len(self.seconds))
    }

    fn write(&self, out: &mut Vec<u8>) {
        proto::open(out, 1, varint_len(self.seconds));
        varint(out, 1, self.seconds);
    }
}

/// One `BadRequest.FieldViolation`: `field` (1), `description` (2), `reason` (3), with the
/// envelope's caps.
struct SentViolation<'v> {
    field: String,
    description: Cow<'v, str>,
    reason: Cow<'v, str>,
}

impl<'v> SentViolation<'v> {
    fn of(violation: &'v FieldViolation) -> Self {
        let [_, (_, field), (_, reason), (_, description)] = members(violation, Caps::Envelope);
        SentViolation {
            field: to_field_path(violation.location(), &field),
            description,
            reason,
        }
    }
}

impl Encode for SentViolation<'_> {
    fn len(&self) -> usize {
        string_len(&self.field) + string_len(&self.description) + string_len(&self.reason)
    }

    fn write(&self, out: &mut Vec<u8>) {
        string(out, 1, &self.field);
        string(out, 2, &self.description);
        string(out, 3, &self.reason);
    }
}

/// `google.rpc.BadRequest`: `field_violations` (1).
struct Repeated<'a>(&'a [SentViolation<'a>]);

impl Encode for Repeated<'_> {
    fn len(&self) -> usize {
        self.0.iter().map(message_len).sum()
    }

    fn write(&self, out: &mut Vec<u8>) {
        for violation in self.0 {
            message(out, 1, violation.len(), violation);
        }
    }
}

/// `google.rpc.RequestInfo`: `request_id` (1).
struct Text<'a>(&'a str);

impl Encode for Text<'_> {
    fn len(&self) -> usize {
        string_len(self.0)
    }

    fn write(&self, out: &mut Vec<u8>) {
        string(out, 1, self.0);
    }
}

/// `google.rpc.Help` of one `links` (1) entry: `description` (1), `url` (2).
struct HelpLink<'a> {
    description: &'a str,
    url: &'a str,
}

impl Encode for HelpLink<'_> {
    fn len(&self) -> usize {
        delimited_len(string_len(self.description) + string_len(self.url))
    }

    fn write(&self, out: &mut Vec<u8>) {
        proto::open(out, 1, string_len(self.description) + string_len(self.url));
        string(out, 1, self.description);
        string(out, 2, self.url);
    }
}
