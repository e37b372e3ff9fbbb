//! The JSON error envelope: `{"requestId":"…","success":false,"error":{"code","key","message"}}`.
//!
//! Both renderings here, serde's `Serialize` and [`Envelope::write_json`], take the members'
//! names and order from the wire description (`assetpay_errors_shared::wire`): `Serialize`
//! walks its members, `write_json` copies byte fragments joined from them at compile time.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::api_error::ApiError;
use crate::params::Params;
use crate::spec::ErrorSpec;
use crate::violation::FieldViolation;
use crate::violation::render::{SentDetails, omitted, write_details};
use assetpay_errors_shared::envelope::{
    AFTER_DETAILS, AFTER_DOC_URL, AFTER_OMITTED, AFTER_PARAMS, BEFORE_DETAILS, BEFORE_DOC_URL,
    BEFORE_OMITTED, BEFORE_PARAMS, CLOSE, END, OPEN, head_len,
};
use assetpay_errors_shared::json::{needs_escaping, write_escaped};
use assetpay_errors_shared::wire::{EnvelopeMember, ErrorMember, Sent};

/// A request id that is 1 to [`MAX_LEN`](Self::MAX_LEN) bytes, each an ASCII letter or digit or one of
/// `-`, `_`, `.` and `:`: the ids the `axum` feature's layer keeps or makes.
///
/// It exists so that [`Envelope::with_valid_id`] can write the id into the JSON as it is. An
/// arbitrary `&str` has to be scanned for quotes, backslashes and control characters on every
/// [`Envelope::write_json`]; this type does the check once, when it is made, and the type then
/// vouches for it. None of the admitted characters is escaped in a JSON string, so the bytes are
/// the same either way; only the scan is saved (about 2 to 3 ns for a 36-byte UUID, see
/// `BENCHMARKS.md`).
///
/// ```
/// use assetpay_errors::ValidRequestId;
///
/// let id = ValidRequestId::new("0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f").unwrap();
/// assert_eq!(id.as_str(), "0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f");
/// assert!(ValidRequestId::new("req_01HZX3:retry.2").is_some());
/// assert!(ValidRequestId::new("").is_none());
/// assert!(ValidRequestId::new("\"quoted\"").is_none());
/// assert!(ValidRequestId::new("split\r\nSet-Cookie: x=1").is_none());
/// assert!(ValidRequestId::new(&"a".repeat(129)).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ValidRequestId<'a>(&'a str);

impl<'a> ValidRequestId<'a> {
    /// The longest id admitted, in bytes.
    pub const MAX_LEN: usize = 128;

    /// `id`, if it is a valid request id; `None` otherwise.
    pub fn new(id: &'a str) -> Option<Self> {
        is_valid_request_id_bytes(id.as_bytes()).then_some(ValidRequestId(id))
    }

    /// An id the caller has already validated: the `axum` module's layer checks every id it keeps
    /// and makes only UUIDs, and passes them on as header values, which cannot carry the type.
    /// A debug build checks again.
    #[cfg(feature = "axum")]
    pub(crate) fn already_validated(id: &'a str) -> Self {
        debug_assert!(is_valid_request_id_bytes(id.as_bytes()), "{id:?}");
        ValidRequestId(id)
    }

    /// The id.
    pub fn as_str(self) -> &'a str {
        self.0
    }
}

impl fmt::Display for ValidRequestId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Whether `id` is 1 to [`ValidRequestId::MAX_LEN`] bytes from `[A-Za-z0-9._:-]`.
pub(crate) fn is_valid_request_id_bytes(id: &[u8]) -> bool {
    (1..=ValidRequestId::MAX_LEN).contains(&id.len())
        && id.iter().all(|&byte| REQUEST_ID_BYTES[usize::from(byte)])
}

/// The bytes a request id may hold, as a table: one load per byte, where the ranges and the
/// four punctuation marks took several comparisons each (every request's id is checked).
static REQUEST_ID_BYTES: [bool; 256] = {
    let mut allowed = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        allowed[byte] = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':');
        byte += 1;
    }
    allowed
};

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
/// pre-rendered at compile time. Build it with [`with_valid_id`](Self::with_valid_id) when the
/// request id is a [`ValidRequestId`]: `write_json` then skips scanning the id for characters to
/// escape.
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
#[derive(Debug, Clone)]
pub struct Envelope<'a> {
    request_id: &'a str,
    spec: &'static ErrorSpec,
    /// `None` for the declaration's own static text (`spec.message`), whose escaped form the
    /// derive already rendered into `spec.json`; otherwise the message to escape at run time.
    /// Kept as an `Option` so the common case writes one word and drops nothing.
    message: Option<Cow<'a, str>>,
    /// Empty for a server error, whatever its value holds.
    details: &'a [FieldViolation],
    /// The id came as a [`ValidRequestId`], so it needs no escaping.
    valid_id: bool,
    /// The documentation URL, sent as `docUrl` (opted in with [`with_doc_url`](Self::with_doc_url)).
    doc_url: Option<&'static str>,
    /// The message's parameters, sent as `params` (opted in with
    /// [`with_params`](Self::with_params)); `None` when there are none.
    params: Option<&'a Params>,
}

impl<'a> Envelope<'a> {
    /// The envelope for `error`, answering the request `request_id`.
    pub fn new<E: ApiError>(request_id: &'a str, error: &'a E) -> Self {
        Envelope::of_error(request_id, false, error)
    }

    /// The envelope for `error`, answering the request `request_id`, which is known to need no
    /// escaping: [`write_json`](Self::write_json) copies it as it is. The bytes are the same as
    /// [`new`](Self::new)'s.
    ///
    /// ```
    /// use assetpay_errors::{ApiError, Envelope, ValidRequestId};
    ///
    /// #[derive(ApiError)]
    /// enum GenericError {
    ///     /// The request data is invalid
    ///     #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ///     ValidationFailed,
    /// }
    ///
    /// let id = ValidRequestId::new("req-1").unwrap();
    /// let envelope = Envelope::with_valid_id(id, &GenericError::ValidationFailed);
    /// assert_eq!(envelope.to_json_vec(), Envelope::new("req-1", &GenericError::ValidationFailed).to_json_vec());
    /// ```
    #[inline]
    pub fn with_valid_id<E: ApiError>(request_id: ValidRequestId<'a>, error: &'a E) -> Self {
        Envelope::of_error(request_id.0, true, error)
    }

    #[inline]
    fn of_error<E: ApiError>(request_id: &'a str, valid_id: bool, error: &'a E) -> Self {
        let spec = error.spec();
        // A message that interpolates nothing is the declared text (the contract of
        // `ApiError::message`), so the call, and its match, are skipped on the hot path.
        let message = if spec.is_interpolated() {
            Some(error.message())
        } else {
            None
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
            details,
            valid_id,
            doc_url: None,
            params: None,
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
            message: (!declared_message).then_some(message),
            details: &[],
            valid_id: false,
            doc_url: None,
            params: None,
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

    /// The same envelope, sending the error's [`doc_url`](ErrorSpec::doc_url) as `docUrl`, the
    /// `error` object's last member, when the error declares one.
    ///
    /// Opt-in: the envelope AssetPay publishes has no such member, and a client that compares
    /// bodies byte for byte keeps seeing exactly that by default.
    ///
    /// ```
    /// use assetpay_errors::{ApiError, Envelope};
    ///
    /// #[derive(ApiError)]
    /// #[api(doc_url = "https://docs.example.com/errors#{key}")]
    /// enum ShopError {
    ///     /// The basket is empty
    ///     #[api(code = 501, key = "EMPTY_BASKET", status = 422)]
    ///     EmptyBasket,
    /// }
    ///
    /// let envelope = Envelope::new("r1", &ShopError::EmptyBasket);
    /// assert!(!String::from_utf8(envelope.to_json_vec()).unwrap().contains("docUrl"));
    /// let expected = r#"{"requestId":"r1","success":false,"error":{"code":501,"key":"EMPTY_BASKET","message":"The basket is empty","docUrl":"https://docs.example.com/errors#EMPTY_BASKET"}}"#;
    /// assert_eq!(envelope.clone().with_doc_url().to_json_vec(), expected.as_bytes());
    /// assert_eq!(serde_json::to_string(&envelope.with_doc_url()).unwrap(), expected);
    /// ```
    pub fn with_doc_url(mut self) -> Self {
        self.doc_url = self.spec.doc_url();
        self
    }

    /// The same envelope, sending `params`, the parameters of the error's message
    /// ([`Params::of`] the same error), as `params`, the `error` object's last member; nothing
    /// when the message interpolates nothing. See [`params`](crate::params) for the wire form.
    ///
    /// Opt-in, like [`with_doc_url`](Self::with_doc_url), and for the same reason.
    pub fn with_params(mut self, params: &'a Params) -> Self {
        self.params = (!params.is_empty()).then_some(params);
        self
    }

    /// The parameters the envelope sends as `params`, if it sends them.
    pub fn params(&self) -> Option<&'a Params> {
        self.params
    }

    /// Whether the message is the declaration's own static text.
    pub(crate) fn is_declared_message(&self) -> bool {
        self.message.is_none()
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
    #[inline]
    pub fn message(&self) -> &str {
        self.message.as_deref().unwrap_or(self.spec.message)
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
            details: self.details,
            valid_id: false,
            doc_url: self.doc_url,
            params: self.params,
        }
    }

    /// The same envelope with another request id, one known to need no escaping (see
    /// [`with_valid_id`](Self::with_valid_id)).
    pub fn with_valid_request_id<'b>(self, request_id: ValidRequestId<'b>) -> Envelope<'b>
    where
        'a: 'b,
    {
        Envelope {
            request_id: request_id.0,
            spec: self.spec,
            message: self.message,
            details: self.details,
            valid_id: true,
            doc_url: self.doc_url,
            params: self.params,
        }
    }

    /// Appends the envelope's JSON to `out`: byte for byte what `serde_json::to_writer` writes,
    /// without going through serde. Only the request id and a message other than the declared
    /// one (interpolated, or given to [`from_spec`](Self::from_spec)) are escaped at run time;
    /// everything else was rendered by the derive. An id given as a [`ValidRequestId`] is copied
    /// without being scanned.
    #[inline(always)]
    pub fn write_json(&self, out: &mut Vec<u8>) {
        // The common case of a server, small enough to inline into every caller: three copies,
        // like hand-pasted bytes. `extend_from_slice` grows `out` if it must; a reused buffer
        // never has to. Field violations cost this path one test of an empty slice.
        if self.message.is_none()
            && self.valid_id
            && self.details.is_empty()
            && self.doc_url.is_none()
            && self.params.is_none()
        {
            out.extend_from_slice(OPEN.as_bytes());
            out.extend_from_slice(self.request_id.as_bytes());
            out.extend_from_slice(self.spec.json.as_bytes());
            return;
        }
        // The other cases get the envelope's parts by value: handing them `&self` would make
        // every caller build the whole `Envelope` in memory, the common case included.
        let rendering = Rendering {
            request_id: self.request_id,
            spec: self.spec,
            message: self.message.as_deref(),
            details: self.details,
            valid_id: self.valid_id,
        };
        if self.doc_url.is_some() || self.params.is_some() {
            rendering.write_with_opted_in(out, self.doc_url, self.params);
            return;
        }
        if !self.details.is_empty() {
            rendering.write_with_details(out);
            return;
        }
        rendering.write_scanning(out);
    }

    /// The envelope's JSON, as [`write_json`](Self::write_json) renders it.
    pub fn to_json_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            OPEN.len()
                + self.request_id.len()
                + self.spec.json.len()
                + self.message().len()
                + CLOSE.len(),
        );
        self.write_json(&mut out);
        out
    }
}

/// An [`Envelope`]'s parts, for the paths of [`Envelope::write_json`] other than the common one.
#[derive(Clone, Copy)]
struct Rendering<'a> {
    request_id: &'a str,
    spec: &'static ErrorSpec,
    /// `None` for the declared message.
    message: Option<&'a str>,
    details: &'a [FieldViolation],
    valid_id: bool,
}

impl Rendering<'_> {
    /// For an id that has to be scanned, and for messages that are escaped at run time.
    #[inline(never)]
    fn write_scanning(self, out: &mut Vec<u8>) {
        let (open, id, json) = (
            OPEN.as_bytes(),
            self.request_id.as_bytes(),
            self.spec.json.as_bytes(),
        );
        let id_is_clean = self.valid_id || !needs_escaping(id);
        if self.message.is_none() && id_is_clean {
            out.reserve(open.len() + id.len() + json.len());
            out.extend_from_slice(open);
            out.extend_from_slice(id);
            out.extend_from_slice(json);
            return;
        }
        self.write_escaping(out);
    }

    /// When the id or the message has to be escaped at run time.
    #[inline(never)]
    fn write_escaping(self, out: &mut Vec<u8>) {
        let json = self.spec.json.as_bytes();
        let message_len = self.message.map_or(0, str::len);
        out.reserve(OPEN.len() + self.request_id.len() + json.len() + message_len + CLOSE.len());
        out.extend_from_slice(OPEN.as_bytes());
        // `write_escaped` copies an id that needs no escaping as it is.
        write_escaped(out, self.request_id);
        let Some(message) = self.message else {
            out.extend_from_slice(json);
            return;
        };
        // `spec.json` starts with the head in both of its forms (see `ErrorSpec::json`).
        let head = &json[..head_len(self.spec.code, self.spec.key.len())];
        out.extend_from_slice(head);
        write_escaped(out, message);
        out.extend_from_slice(CLOSE.as_bytes());
    }

    /// For an envelope sending `docUrl` or `params`: the envelope without them, whose `error`
    /// object then gets them, in wire order, before it closes.
    #[cold]
    fn write_with_opted_in(self, out: &mut Vec<u8>, url: Option<&str>, params: Option<&Params>) {
        if self.details.is_empty() {
            self.write_scanning(out);
        } else {
            self.write_with_details(out);
        }
        out.truncate(out.len() - END.len());
        if let Some(url) = url {
            out.extend_from_slice(BEFORE_DOC_URL.as_bytes());
            // A documentation URL holds only characters JSON writes as they are (see `doc_url`).
            out.extend_from_slice(url.as_bytes());
            out.extend_from_slice(AFTER_DOC_URL.as_bytes());
            out.truncate(out.len() - END.len());
        }
        if let Some(params) = params {
            out.extend_from_slice(BEFORE_PARAMS.as_bytes());
            params.write_members(out);
            out.extend_from_slice(AFTER_PARAMS.as_bytes());
        } else {
            out.extend_from_slice(END.as_bytes());
        }
    }

    /// For an envelope with violations: the message is written after the head whatever its
    /// origin, since the derive's pre-rendered tail closes the object right after it.
    #[cold]
    fn write_with_details(self, out: &mut Vec<u8>) {
        let json = self.spec.json.as_bytes();
        out.extend_from_slice(OPEN.as_bytes());
        write_escaped(out, self.request_id);
        out.extend_from_slice(&json[..head_len(self.spec.code, self.spec.key.len())]);
        write_escaped(out, self.message.unwrap_or(self.spec.message));
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
}

/// Equal when the request ids, catalogue entries, messages and field violations are: how the id
/// was given does not matter, nor whether the message was the declared one or given equal to it.
impl PartialEq for Envelope<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self.request_id, self.spec, self.message(), self.details)
            == (other.request_id, other.spec, other.message(), other.details)
    }
}

impl Eq for Envelope<'_> {}

/// The `error` object, serialized member by member in the order of [`ErrorMember::ALL`], each
/// when [`ErrorMember::sent`] says it is.
struct ErrorBody<'e> {
    code: u16,
    key: &'static str,
    message: &'e str,
    details: &'e [FieldViolation],
    doc_url: Option<&'static str>,
    params: Option<&'e Params>,
}

impl ErrorBody<'_> {
    /// Whether `member` is in this error's object.
    fn sends(&self, member: ErrorMember, omitted: usize) -> bool {
        match member.sent() {
            Sent::Always => true,
            Sent::WithViolations => !self.details.is_empty(),
            Sent::WhenSomeOmitted => omitted > 0,
            Sent::WhenOptedIn => match member {
                ErrorMember::DocUrl => self.doc_url.is_some(),
                ErrorMember::Params => self.params.is_some(),
                _ => false,
            },
        }
    }
}

impl Serialize for ErrorBody<'_> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let omitted = omitted(self.details);
        let len = ErrorMember::ALL
            .into_iter()
            .filter(|&member| self.sends(member, omitted))
            .count();
        let mut body = serializer.serialize_struct("Error", len)?;
        for member in ErrorMember::ALL {
            if !self.sends(member, omitted) {
                continue;
            }
            let name = member.name();
            match member {
                ErrorMember::Code => body.serialize_field(name, &self.code)?,
                ErrorMember::Key => body.serialize_field(name, self.key)?,
                ErrorMember::Message => body.serialize_field(name, self.message)?,
                ErrorMember::Details => body.serialize_field(name, &SentDetails(self.details))?,
                ErrorMember::DetailsOmitted => body.serialize_field(name, &omitted)?,
                ErrorMember::DocUrl => body.serialize_field(name, &self.doc_url)?,
                ErrorMember::Params => body.serialize_field(name, &self.params)?,
            }
        }
        body.end()
    }
}

/// The envelope's members in the order of [`EnvelopeMember::ALL`].
impl Serialize for Envelope<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut envelope = serializer.serialize_struct("Envelope", EnvelopeMember::ALL.len())?;
        for member in EnvelopeMember::ALL {
            let name = member.name();
            match member {
                EnvelopeMember::RequestId => envelope.serialize_field(name, self.request_id)?,
                EnvelopeMember::Success => envelope.serialize_field(name, &false)?,
                EnvelopeMember::Error => envelope.serialize_field(
                    name,
                    &ErrorBody {
                        code: self.spec.code,
                        key: self.spec.key,
                        message: self.message(),
                        details: self.details,
                        doc_url: self.doc_url,
                        params: self.params,
                    },
                )?,
            }
        }
        envelope.end()
    }
}
