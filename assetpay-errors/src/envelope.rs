//! The JSON error envelope: `{"requestId":"…","success":false,"error":{"code","key","message"}}`.

use std::borrow::Cow;

use http::StatusCode;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::api_error::ApiError;
use crate::spec::ErrorSpec;
use crate::violation::FieldViolation;
use crate::violation::render::{SentDetails, omitted, write_details};
use assetpay_errors_shared::envelope::{
    AFTER_DETAILS, AFTER_OMITTED, BEFORE_DETAILS, BEFORE_OMITTED, CLOSE, OPEN, head_len,
};
use assetpay_errors_shared::json::{needs_escaping, write_escaped};

/// The body of an error response, exactly as AssetPay publishes it:
///
/// ```json
/// {"requestId":"…","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"…"}}
/// ```
///
/// Fields always come in that order. An error with field violations
/// ([`ApiError::details`]) also has `details` after `message`, and `detailsOmitted` after that
/// when there are more than [`MAX_DETAILS`](crate::violation::MAX_DETAILS); see
/// [`violation`](crate::violation). Without violations the envelope has neither member. Serialize it with serde, or render it with
/// [`write_json`](Self::write_json), which produces the same bytes from fragments the derive
/// pre-rendered at compile time.
///
/// ```
/// use assetpay_errors::{ApiError, Envelope};
///
/// #[derive(ApiError)]
/// enum GenericError {
///     /// The request data is invalid
///     #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
///     ValidationFailed,
/// }
///
/// let envelope = Envelope::new("req-1", &GenericError::ValidationFailed);
/// let expected = r#"{"requestId":"req-1","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"The request data is invalid"}}"#;
/// assert_eq!(serde_json::to_string(&envelope).unwrap(), expected);
/// assert_eq!(envelope.to_json_vec(), expected.as_bytes());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope<'a> {
    request_id: &'a str,
    spec: &'static ErrorSpec,
    message: Cow<'a, str>,
    /// The message is the declaration's own static text, whose escaped form the derive already
    /// rendered into `spec.json`.
    declared_message: bool,
    /// Empty for a server error, whatever its value holds.
    details: &'a [FieldViolation],
}

impl<'a> Envelope<'a> {
    /// The envelope for `error`, answering the request `request_id`.
    pub fn new<E: ApiError>(request_id: &'a str, error: &'a E) -> Self {
        let spec = error.spec();
        // A message that interpolates nothing is the declared text (the contract of
        // `ApiError::message`), so the call, and its match, are skipped on the hot path.
        let declared_message = !spec.is_interpolated();
        let message = if declared_message {
            Cow::Borrowed(spec.message)
        } else {
            error.message()
        };
        // For a type without violations `details()` is the trait's constant `&[]`, so the
        // emptiness test folds away and the server-error test with it.
        let details = error.details();
        let details = if details.is_empty() || !spec.is_server_error() {
            details
        } else {
            &[]
        };
        Envelope {
            request_id,
            spec,
            message,
            declared_message,
            details,
        }
    }

    /// The envelope for a catalogue entry with a message of the caller's choosing, for answers
    /// that come from no error value (a framework's own rejection, say).
    pub fn from_spec(
        request_id: &'a str,
        spec: &'static ErrorSpec,
        message: impl Into<Cow<'a, str>>,
    ) -> Self {
        let message = message.into();
        let declared_message = !spec.is_interpolated() && *message == *spec.message;
        Envelope {
            request_id,
            spec,
            message,
            declared_message,
            details: &[],
        }
    }

    /// The same envelope, sending `details` as its field violations (in place of any it had).
    /// A server error's envelope drops them: see [`violation`](crate::violation).
    pub fn with_details(mut self, details: &'a [FieldViolation]) -> Self {
        self.details = if self.spec.is_server_error() {
            &[]
        } else {
            details
        };
        self
    }

    /// The field violations the envelope sends, before the [caps](crate::violation#limits).
    pub fn details(&self) -> &[FieldViolation] {
        self.details
    }

    /// The request id the envelope carries.
    pub fn request_id(&self) -> &str {
        self.request_id
    }

    /// The catalogue entry of the error.
    pub fn spec(&self) -> &'static ErrorSpec {
        self.spec
    }

    /// The client-facing message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The numeric code.
    pub fn code(&self) -> u16 {
        self.spec.code()
    }

    /// The string key.
    pub fn key(&self) -> &'static str {
        self.spec.key()
    }

    /// The HTTP status the envelope is sent with.
    pub fn status(&self) -> StatusCode {
        self.spec.status()
    }

    /// The same envelope with another request id.
    pub fn with_request_id<'b>(self, request_id: &'b str) -> Envelope<'b>
    where
        'a: 'b,
    {
        Envelope {
            request_id,
            spec: self.spec,
            message: self.message,
            declared_message: self.declared_message,
            details: self.details,
        }
    }

    /// Appends the envelope's JSON to `out`: byte for byte what `serde_json::to_writer` writes,
    /// without going through serde. Only the request id and a message other than the declared
    /// one (interpolated, or given to [`from_spec`](Self::from_spec)) are escaped at run time;
    /// everything else was rendered by the derive.
    #[inline]
    pub fn write_json(&self, out: &mut Vec<u8>) {
        if !self.details.is_empty() {
            self.write_json_with_details(out);
            return;
        }
        let (open, id, json) = (
            OPEN.as_bytes(),
            self.request_id.as_bytes(),
            self.spec.json.as_bytes(),
        );
        if self.declared_message && !needs_escaping(id) {
            // The common case: three copies, like hand-pasted bytes.
            out.reserve(open.len() + id.len() + json.len());
            out.extend_from_slice(open);
            out.extend_from_slice(id);
            out.extend_from_slice(json);
            return;
        }
        out.reserve(open.len() + id.len() + json.len() + self.message.len() + CLOSE.len());
        out.extend_from_slice(open);
        write_escaped(out, self.request_id);
        if self.declared_message {
            out.extend_from_slice(json);
            return;
        }
        // `spec.json` starts with the head in both of its forms (see `ErrorSpec::json`).
        let head = &json[..head_len(self.spec.code, self.spec.key.len())];
        out.extend_from_slice(head);
        write_escaped(out, &self.message);
        out.extend_from_slice(CLOSE.as_bytes());
    }

    /// [`write_json`](Self::write_json) for an envelope with violations: the message is written
    /// after the head whatever its origin, since the derive's pre-rendered tail closes the
    /// object right after it.
    #[cold]
    fn write_json_with_details(&self, out: &mut Vec<u8>) {
        let json = self.spec.json.as_bytes();
        out.extend_from_slice(OPEN.as_bytes());
        write_escaped(out, self.request_id);
        out.extend_from_slice(&json[..head_len(self.spec.code, self.spec.key.len())]);
        write_escaped(out, &self.message);
        out.extend_from_slice(BEFORE_DETAILS.as_bytes());
        write_details(out, self.details);
        let omitted = omitted(self.details);
        if omitted == 0 {
            out.extend_from_slice(AFTER_DETAILS.as_bytes());
        } else {
            out.extend_from_slice(BEFORE_OMITTED.as_bytes());
            out.extend_from_slice(omitted.to_string().as_bytes());
            out.extend_from_slice(AFTER_OMITTED.as_bytes());
        }
    }

    /// The envelope's JSON, as [`write_json`](Self::write_json) renders it.
    pub fn to_json_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(128);
        self.write_json(&mut out);
        out
    }
}

struct ErrorBody<'e> {
    code: u16,
    key: &'static str,
    message: &'e str,
    details: &'e [FieldViolation],
}

impl Serialize for ErrorBody<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let omitted = omitted(self.details);
        let len = 3 + usize::from(!self.details.is_empty()) + usize::from(omitted > 0);
        let mut body = serializer.serialize_struct("Error", len)?;
        body.serialize_field("code", &self.code)?;
        body.serialize_field("key", self.key)?;
        body.serialize_field("message", self.message)?;
        if !self.details.is_empty() {
            body.serialize_field("details", &SentDetails(self.details))?;
        }
        if omitted > 0 {
            body.serialize_field("detailsOmitted", &omitted)?;
        }
        body.end()
    }
}

impl Serialize for Envelope<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut envelope = serializer.serialize_struct("Envelope", 3)?;
        envelope.serialize_field("requestId", self.request_id)?;
        envelope.serialize_field("success", &false)?;
        envelope.serialize_field(
            "error",
            &ErrorBody {
                code: self.spec.code,
                key: self.spec.key,
                message: &self.message,
                details: self.details,
            },
        )?;
        envelope.end()
    }
}
