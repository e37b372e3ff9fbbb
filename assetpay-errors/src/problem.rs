//! RFC 9457 problem documents (`application/problem+json`): the same answer as an
//! [`Envelope`], rendered in the standard format for clients that ask for it.
//!
//! ```json
//! {"type":"https://docs.assetpay.gg/errors#PRICE_CHANGED","title":"Price has changed since you last fetched it",
//!  "status":409,"detail":"Price has changed since you last fetched it","instance":"urn:request-id:req-7",
//!  "code":11,"key":"PRICE_CHANGED","requestId":"req-7"}
//! ```
//!
//! The members and their order are the wire description's
//! (`assetpay_errors_shared::wire::ProblemMember`):
//!
//! - `type`: the error's [`doc_url`](crate::ErrorSpec::doc_url), or `about:blank` when it
//!   declares none;
//! - `title`: the declared, static message (for a message that interpolates fields, the
//!   description, which does not change from one occurrence to the next, as RFC 9457 asks);
//! - `status`: the HTTP status;
//! - `detail`: this occurrence's message, the envelope's `message`, so a server error carries its
//!   declared text and nothing of its source, exactly as in the envelope;
//! - `instance`: `urn:request-id:` and the request id: RFC 9457 asks for a URI reference that
//!   identifies the occurrence, and an opaque URN is one no client tries to fetch;
//! - the extension members `code`, `key` and `requestId`, named as in the envelope;
//! - `errors`: the field violations, as RFC 9457's own example shows them: `detail` and, for a
//!   violation in the body, `pointer` (the JSON Pointer as a URI fragment, `#/quantity`), for
//!   any other, `in` and `parameter` (the parameter's or header's name); each with its `reason`.
//!   They are capped like the envelope's `details` ([`MAX_DETAILS`],
//!   the count of the others in `errorsOmitted`), and never sent for a server error.
//!
//! A [`Problem`] is made from an [`Envelope`], so the rules that decide what an envelope sends
//! (the message, the 5xx redaction, the violations) are the problem document's too.
//! [`write_json`](Problem::write_json) writes the same bytes as serde_json serializing it.
//!
//! ```
//! use assetpay_errors::{ApiError, Envelope, problem::Problem};
//!
//! #[derive(ApiError)]
//! #[api(doc_url = "https://docs.example.com/errors#{key}")]
//! enum TradingError {
//!     /// Price has changed since you last fetched it
//!     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
//!     PriceChanged,
//! }
//!
//! let problem = Problem::from(Envelope::new("req-7", &TradingError::PriceChanged));
//! let expected = concat!(
//!     r#"{"type":"https://docs.example.com/errors#PRICE_CHANGED","#,
//!     r#""title":"Price has changed since you last fetched it","status":409,"#,
//!     r#""detail":"Price has changed since you last fetched it","instance":"urn:request-id:req-7","#,
//!     r#""code":11,"key":"PRICE_CHANGED","requestId":"req-7"}"#,
//! );
//! assert_eq!(problem.to_json_vec(), expected.as_bytes());
//! assert_eq!(serde_json::to_string(&problem).unwrap(), expected);
//! ```

use std::borrow::Cow;

use http::StatusCode;
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use assetpay_errors_shared::json::write_escaped;
use assetpay_errors_shared::problem::{
    AFTER_ERRORS, AFTER_ERRORS_OMITTED, AFTER_PARAMS, BEFORE_CODE, BEFORE_DETAIL, BEFORE_ERRORS,
    BEFORE_ERRORS_OMITTED, BEFORE_IN, BEFORE_INSTANCE_ID, BEFORE_KEY, BEFORE_PARAMETER,
    BEFORE_PARAMS, BEFORE_POINTER, BEFORE_REASON, BEFORE_REQUEST_ID, BEFORE_STATUS, BEFORE_TITLE,
    CLOSE, OPEN, VIOLATION_CLOSE, VIOLATION_OPEN,
};
use assetpay_errors_shared::wire::{
    ABOUT_BLANK, INSTANCE_PREFIX, ProblemMember, ProblemViolationMember, Sent, ViolationMember,
};

use crate::envelope::Envelope;
use crate::spec::ErrorSpec;
use crate::violation::render::{Caps, members, omitted};
use crate::violation::{FieldViolation, Location, MAX_DETAILS};

pub use assetpay_errors_shared::wire::PROBLEM_MEDIA_TYPE;

/// An error as an RFC 9457 problem document: see the [module documentation](self).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem<'a> {
    envelope: Envelope<'a>,
    status: StatusCode,
}

/// The document of `envelope`, whose `status` is its entry's.
impl<'a> From<Envelope<'a>> for Problem<'a> {
    fn from(envelope: Envelope<'a>) -> Self {
        let status = envelope.spec().status();
        Problem { envelope, status }
    }
}

impl<'a> Problem<'a> {
    /// The document with `status` as its `status` member: the status the response is sent with,
    /// when it is not the entry's own (a 405 the layer keeps under an entry declared with 422,
    /// see [`FrameworkErrors::status_for`](crate::axum::FrameworkErrors::status_for)).
    /// RFC 9457 (section 3.1.2) asks for the very status of the HTTP response, so that software
    /// reading only one of the two does what software reading the other does.
    ///
    /// ```
    /// use assetpay_errors::{ApiError, Envelope, problem::Problem};
    /// use http::StatusCode;
    ///
    /// #[derive(ApiError)]
    /// enum ShopError {
    ///     /// The request cannot be processed
    ///     #[api(code = 5001, key = "UNPROCESSABLE", status = 422)]
    ///     Unprocessable,
    /// }
    ///
    /// let envelope = Envelope::new("r1", &ShopError::Unprocessable);
    /// let problem = Problem::from(envelope).with_status(StatusCode::METHOD_NOT_ALLOWED);
    /// assert_eq!(problem.status(), StatusCode::METHOD_NOT_ALLOWED);
    /// assert!(String::from_utf8(problem.to_json_vec()).unwrap().contains(r#""status":405,"#));
    /// ```
    #[must_use]
    pub fn with_status(self, status: StatusCode) -> Self {
        Problem { status, ..self }
    }

    /// The catalogue entry of the error.
    pub fn spec(&self) -> &'static ErrorSpec {
        self.envelope.spec()
    }

    /// `status`: the entry's status, unless [`with_status`](Self::with_status) set another.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// `type`: the documentation URL, or `about:blank`.
    pub fn type_uri(&self) -> &'static str {
        self.spec().doc_url().unwrap_or(ABOUT_BLANK)
    }

    /// `title`: the declared message, or the description for a message that interpolates
    /// fields.
    pub fn title(&self) -> &'static str {
        let spec = self.spec();
        if spec.is_interpolated() {
            spec.description()
        } else {
            spec.message()
        }
    }

    /// `detail`: this occurrence's message.
    pub fn detail(&self) -> &str {
        self.envelope.message()
    }

    /// `instance`: `urn:request-id:` and the request id.
    pub fn instance(&self) -> String {
        format!("{INSTANCE_PREFIX}{}", self.envelope.request_id())
    }

    /// The request id, sent as `requestId`.
    pub fn request_id(&self) -> &str {
        self.envelope.request_id()
    }

    /// The field violations sent as `errors`, before the cap.
    pub fn violations(&self) -> &[FieldViolation] {
        self.envelope.details()
    }

    /// Appends the document's JSON to `out`: byte for byte what `serde_json::to_writer` writes.
    /// The member names and punctuation are constants joined at compile time, the title (and
    /// the detail, when it is the declared message) is copied from the envelope's text the
    /// derive escaped, and only the request id and a message known at run time are escaped.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let spec = self.spec();
        let id = self.envelope.request_id();
        let escaped_title = spec.escaped_message();
        out.reserve(256 + 2 * id.len());
        out.extend_from_slice(OPEN.as_bytes());
        out.extend_from_slice(self.type_uri().as_bytes());
        out.extend_from_slice(BEFORE_TITLE.as_bytes());
        match escaped_title {
            Some(title) => out.extend_from_slice(title.as_bytes()),
            None => write_escaped(out, self.title()),
        }
        out.extend_from_slice(BEFORE_STATUS.as_bytes());
        out.extend_from_slice(self.status.as_str().as_bytes());
        out.extend_from_slice(BEFORE_DETAIL.as_bytes());
        match (self.envelope.is_declared_message(), escaped_title) {
            (true, Some(title)) => out.extend_from_slice(title.as_bytes()),
            _ => write_escaped(out, self.detail()),
        }
        out.extend_from_slice(BEFORE_INSTANCE_ID.as_bytes());
        let id_start = out.len();
        write_escaped(out, id);
        let id_end = out.len();
        out.extend_from_slice(BEFORE_CODE.as_bytes());
        push_decimal(out, spec.code());
        out.extend_from_slice(BEFORE_KEY.as_bytes());
        // A key is `[A-Z0-9_]`, checked by the derive: nothing to escape.
        out.extend_from_slice(spec.key().as_bytes());
        out.extend_from_slice(BEFORE_REQUEST_ID.as_bytes());
        out.extend_from_within(id_start..id_end);
        let details = self.envelope.details();
        if details.is_empty() {
            out.extend_from_slice(CLOSE.as_bytes());
        } else {
            out.extend_from_slice(BEFORE_ERRORS.as_bytes());
            write_errors(out, details);
            match omitted(details) {
                0 => out.extend_from_slice(AFTER_ERRORS.as_bytes()),
                count => {
                    out.extend_from_slice(BEFORE_ERRORS_OMITTED.as_bytes());
                    out.extend_from_slice(count.to_string().as_bytes());
                    out.extend_from_slice(AFTER_ERRORS_OMITTED.as_bytes());
                }
            }
        }
        if let Some(params) = self.envelope.params() {
            // Every ending above closes the document with one brace, which `params` now follows.
            out.pop();
            out.extend_from_slice(BEFORE_PARAMS.as_bytes());
            params.write_members(out);
            out.extend_from_slice(AFTER_PARAMS.as_bytes());
        }
    }

    /// The document's JSON, as [`write_json`](Self::write_json) renders it.
    pub fn to_json_vec(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_json(&mut out);
        out
    }
}

/// Appends `number` in decimal.
fn push_decimal(out: &mut Vec<u8>, number: u16) {
    let mut digits = [0u8; 5];
    let mut at = digits.len();
    let mut rest = number;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// One violation's texts as the problem document sends them: the envelope's capped members,
/// the body's pointer as a URI fragment.
struct ProblemViolation<'v> {
    detail: Cow<'v, str>,
    /// `Some` for a violation in the body: the pointer, fragment-encoded.
    pointer: Option<String>,
    location: Cow<'v, str>,
    parameter: Cow<'v, str>,
    reason: Cow<'v, str>,
}

impl<'v> ProblemViolation<'v> {
    fn of(violation: &'v FieldViolation) -> Self {
        let [location, field, reason, detail] =
            members(violation, Caps::Envelope).map(|(member, text)| {
                debug_assert!(ViolationMember::ALL.contains(&member));
                text
            });
        let pointer = (violation.location() == &Location::Body).then(|| pointer_fragment(&field));
        ProblemViolation {
            detail,
            pointer,
            location,
            parameter: field,
            reason,
        }
    }

    fn sends(&self, member: ProblemViolationMember) -> bool {
        match member {
            ProblemViolationMember::Pointer => self.pointer.is_some(),
            ProblemViolationMember::In | ProblemViolationMember::Parameter => {
                self.pointer.is_none()
            }
            ProblemViolationMember::Detail | ProblemViolationMember::Reason => true,
        }
    }
}

fn write_errors(out: &mut Vec<u8>, details: &[FieldViolation]) {
    for (position, violation) in details[..details.len().min(MAX_DETAILS)].iter().enumerate() {
        if position > 0 {
            out.push(b',');
        }
        let violation = ProblemViolation::of(violation);
        out.extend_from_slice(VIOLATION_OPEN.as_bytes());
        write_escaped(out, &violation.detail);
        match &violation.pointer {
            Some(pointer) => {
                out.extend_from_slice(BEFORE_POINTER.as_bytes());
                // Fragment-encoded: nothing JSON escapes is left in it.
                out.extend_from_slice(pointer.as_bytes());
            }
            None => {
                out.extend_from_slice(BEFORE_IN.as_bytes());
                write_escaped(out, &violation.location);
                out.extend_from_slice(BEFORE_PARAMETER.as_bytes());
                write_escaped(out, &violation.parameter);
            }
        }
        out.extend_from_slice(BEFORE_REASON.as_bytes());
        write_escaped(out, &violation.reason);
        out.extend_from_slice(VIOLATION_CLOSE.as_bytes());
    }
}

/// `pointer` in its URI fragment form (RFC 6901, section 6): `#`, then every byte a fragment
/// may not hold unencoded (RFC 3986: anything but `pchar`, `/` and `?`) percent-encoded.
pub(crate) fn pointer_fragment(pointer: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut fragment = String::with_capacity(pointer.len() + 1);
    fragment.push('#');
    for &byte in pointer.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&byte) {
            fragment.push(char::from(byte));
        } else {
            fragment.push('%');
            fragment.push(char::from(HEX[usize::from(byte >> 4)]));
            fragment.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    fragment
}

/// The JSON Pointer a fragment written by [`pointer_fragment`] holds; `None` when `fragment`
/// does not start with `#` or its percent-encoding is not UTF-8.
pub(crate) fn pointer_from_fragment(fragment: &str) -> Option<String> {
    let encoded = fragment.strip_prefix('#')?.as_bytes();
    let mut bytes = Vec::with_capacity(encoded.len());
    let mut index = 0;
    while index < encoded.len() {
        if encoded[index] == b'%' {
            let hex = std::str::from_utf8(encoded.get(index + 1..index + 3)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            bytes.push(encoded[index]);
            index += 1;
        }
    }
    String::from_utf8(bytes).ok()
}

/// The document's members in the order of [`ProblemMember::ALL`], each when
/// [`ProblemMember::sent`] says it is: the same bytes as [`Problem::write_json`] through
/// serde_json.
impl Serialize for Problem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let spec = self.spec();
        let details = self.envelope.details();
        let omitted = omitted(details);
        let sends = |member: ProblemMember| match member.sent() {
            Sent::Always => true,
            Sent::WithViolations => !details.is_empty(),
            Sent::WhenSomeOmitted => omitted > 0,
            Sent::WhenOptedIn => self.envelope.params().is_some(),
        };
        let len = ProblemMember::ALL.into_iter().filter(|m| sends(*m)).count();
        let mut document = serializer.serialize_struct("Problem", len)?;
        for member in ProblemMember::ALL {
            if !sends(member) {
                continue;
            }
            let name = member.name();
            match member {
                ProblemMember::Type => document.serialize_field(name, self.type_uri())?,
                ProblemMember::Title => document.serialize_field(name, self.title())?,
                ProblemMember::Status => document.serialize_field(name, &self.status.as_u16())?,
                ProblemMember::Detail => document.serialize_field(name, self.detail())?,
                ProblemMember::Instance => document.serialize_field(name, &self.instance())?,
                ProblemMember::Code => document.serialize_field(name, &spec.code())?,
                ProblemMember::Key => document.serialize_field(name, spec.key())?,
                ProblemMember::RequestId => document.serialize_field(name, self.request_id())?,
                ProblemMember::Errors => document.serialize_field(name, &Errors(details))?,
                ProblemMember::ErrorsOmitted => document.serialize_field(name, &omitted)?,
                ProblemMember::Params => document.serialize_field(name, &self.envelope.params())?,
            }
        }
        document.end()
    }
}

/// The violations a problem document sends, capped: serialized as the `errors` array.
struct Errors<'a>(&'a [FieldViolation]);

impl Serialize for Errors<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sent = &self.0[..self.0.len().min(MAX_DETAILS)];
        let mut list = serializer.serialize_seq(Some(sent.len()))?;
        for violation in sent {
            list.serialize_element(&ProblemViolation::of(violation))?;
        }
        list.end()
    }
}

impl Serialize for ProblemViolation<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = ProblemViolationMember::ALL
            .into_iter()
            .filter(|member| self.sends(*member))
            .count();
        let mut out = serializer.serialize_struct("ProblemViolation", len)?;
        for member in ProblemViolationMember::ALL {
            if !self.sends(member) {
                continue;
            }
            let name = member.name();
            match member {
                ProblemViolationMember::Detail => out.serialize_field(name, &*self.detail)?,
                ProblemViolationMember::Pointer => out.serialize_field(name, &self.pointer)?,
                ProblemViolationMember::In => out.serialize_field(name, &*self.location)?,
                ProblemViolationMember::Parameter => out.serialize_field(name, &*self.parameter)?,
                ProblemViolationMember::Reason => out.serialize_field(name, &*self.reason)?,
            }
        }
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ApiError as _;
    use crate::violation::Reason;

    #[test]
    fn a_pointer_round_trips_through_its_fragment() {
        for pointer in [
            "",
            "/quantity",
            "/items/0/a b",
            "/é\"%#/~0~1",
            "/{x}|^`<>\\",
        ] {
            let fragment = pointer_fragment(pointer);
            assert!(
                fragment[1..]
                    .bytes()
                    .all(|b| b.is_ascii_graphic() && !b"\"\\#".contains(&b)),
                "{fragment}"
            );
            assert_eq!(pointer_from_fragment(&fragment).as_deref(), Some(pointer));
        }
        assert_eq!(pointer_fragment("/age"), "#/age");
        assert_eq!(pointer_from_fragment("/age"), None);
        assert_eq!(pointer_from_fragment("#%zz"), None);
    }

    #[derive(crate::ApiError)]
    #[allow(dead_code)]
    enum Shop {
        /// The order is invalid
        #[api(
            code = 7,
            key = "INVALID_ORDER",
            status = 422,
            message = "Order {id} is \"invalid\""
        )]
        Invalid { id: u32 },
        /// Broken
        #[api(code = 8, key = "BROKEN", status = 500)]
        Broken,
    }

    #[test]
    fn written_bytes_are_serde_json_bytes() {
        let violations: Vec<FieldViolation> = (0..MAX_DETAILS + 2)
            .map(|index| {
                if index % 2 == 0 {
                    FieldViolation::body(
                        crate::violation::JsonPointer::root()
                            .key("a b")
                            .index(index),
                        Reason::Missing,
                        "is \"required\"",
                    )
                } else {
                    FieldViolation::query("page", Reason::InvalidType, "not a number")
                }
            })
            .collect();
        let invalid = Shop::Invalid { id: 3 };
        for problem in [
            Problem::from(Envelope::new("req \"1\"", &invalid)),
            Problem::from(Envelope::new("r1", &invalid).with_details(&violations)),
            Problem::from(Envelope::new("r1", &invalid).with_details(&violations[..1])),
            Problem::from(Envelope::new("r2", &Shop::Broken).with_details(&violations)),
            Problem::from(Envelope::from_spec("r3", Shop::Broken.spec(), "Other text")),
        ] {
            let written = String::from_utf8(problem.to_json_vec()).unwrap();
            assert_eq!(written, serde_json::to_string(&problem).unwrap());
            let value: serde_json::Value = serde_json::from_str(&written).unwrap();
            assert_eq!(value["type"], "about:blank");
            assert_eq!(
                value["instance"],
                format!("urn:request-id:{}", problem.request_id())
            );
        }
        let broken = Problem::from(Envelope::new("r2", &Shop::Broken).with_details(&violations));
        assert!(
            !String::from_utf8(broken.to_json_vec())
                .unwrap()
                .contains("errors")
        );
        let invalid = Problem::from(Envelope::new("r", &invalid));
        assert_eq!(
            (invalid.title(), invalid.detail()),
            ("The order is invalid", "Order 3 is \"invalid\"")
        );
    }
}
