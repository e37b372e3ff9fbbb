//! The problem document's byte layout (RFC 9457, `application/problem+json`), in serde_json's
//! compact form, joined at compile time from the member names of
//! [`wire::ProblemMember`](crate::wire::ProblemMember) like the envelope's
//! [fragments](crate::envelope):
//!
//! `{"type":"<url>","title":"<title>","status":<status>,"detail":"<detail>","instance":"urn:request-id:<id>",`
//! `"code":<code>,"key":"<key>","requestId":"<id>","errors":[…],"errorsOmitted":<n>}`

use crate::envelope::joined;
use crate::wire::{INSTANCE_PREFIX, ProblemMember, ProblemViolationMember};

const TYPE: &str = ProblemMember::Type.name();
const TITLE: &str = ProblemMember::Title.name();
const STATUS: &str = ProblemMember::Status.name();
const DETAIL: &str = ProblemMember::Detail.name();
const INSTANCE: &str = ProblemMember::Instance.name();
const CODE: &str = ProblemMember::Code.name();
const KEY: &str = ProblemMember::Key.name();
const REQUEST_ID: &str = ProblemMember::RequestId.name();
const ERRORS: &str = ProblemMember::Errors.name();
const ERRORS_OMITTED: &str = ProblemMember::ErrorsOmitted.name();
const PARAMS: &str = ProblemMember::Params.name();

/// Before the type URL: `{"type":"`.
pub const OPEN: &str = joined!("{\"", TYPE, "\":\"");
/// Between the type and the title: `","title":"`.
pub const BEFORE_TITLE: &str = joined!("\",\"", TITLE, "\":\"");
/// Between the title and the status: `","status":`.
pub const BEFORE_STATUS: &str = joined!("\",\"", STATUS, "\":");
/// Between the status and the detail: `,"detail":"`.
pub const BEFORE_DETAIL: &str = joined!(",\"", DETAIL, "\":\"");
/// Between the detail and the request id in `instance`: `","instance":"urn:request-id:`.
pub const BEFORE_INSTANCE_ID: &str = joined!("\",\"", INSTANCE, "\":\"", INSTANCE_PREFIX);
/// Between the instance and the code: `","code":`.
pub const BEFORE_CODE: &str = joined!("\",\"", CODE, "\":");
/// Between the code and the key: `,"key":"`.
pub const BEFORE_KEY: &str = joined!(",\"", KEY, "\":\"");
/// Between the key and the request id: `","requestId":"`.
pub const BEFORE_REQUEST_ID: &str = joined!("\",\"", REQUEST_ID, "\":\"");
/// After the request id, when violations follow: `","errors":[`.
pub const BEFORE_ERRORS: &str = joined!("\",\"", ERRORS, "\":[");
/// After the last violation, when some were not sent: `],"errorsOmitted":`.
pub const BEFORE_ERRORS_OMITTED: &str = joined!("],\"", ERRORS_OMITTED, "\":");
/// After the last violation, when all were sent.
pub const AFTER_ERRORS: &str = "]}";
/// After the request id, without violations.
pub const CLOSE: &str = "\"}";
/// After the count of violations not sent.
pub const AFTER_ERRORS_OMITTED: &str = "}";
/// In place of the document's closing brace, when it sends the message's parameters (its last
/// member): `,"params":{`.
pub const BEFORE_PARAMS: &str = joined!(",\"", PARAMS, "\":{");
/// After the parameters' members.
pub const AFTER_PARAMS: &str = "}}";

/// `{"detail":"`, opening a violation.
pub const VIOLATION_OPEN: &str = joined!("{\"", ProblemViolationMember::Detail.name(), "\":\"");
/// Between the detail and the fragment pointer of a violation in the body: `","pointer":"`.
pub const BEFORE_POINTER: &str = joined!("\",\"", ProblemViolationMember::Pointer.name(), "\":\"");
/// Between the detail and the location of any other violation: `","in":"`.
pub const BEFORE_IN: &str = joined!("\",\"", ProblemViolationMember::In.name(), "\":\"");
/// Between the location and the parameter's name: `","parameter":"`.
pub const BEFORE_PARAMETER: &str =
    joined!("\",\"", ProblemViolationMember::Parameter.name(), "\":\"");
/// Between the pointer or the parameter and the reason: `","reason":"`.
pub const BEFORE_REASON: &str = joined!("\",\"", ProblemViolationMember::Reason.name(), "\":\"");
/// Closing a violation.
pub const VIOLATION_CLOSE: &str = "\"}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fragments_joined_from_the_description_are_rfc_9457_members() {
        assert_eq!(OPEN, r#"{"type":""#);
        assert_eq!(BEFORE_INSTANCE_ID, r#"","instance":"urn:request-id:"#);
        assert_eq!(BEFORE_REQUEST_ID, r#"","requestId":""#);
        assert_eq!(BEFORE_ERRORS_OMITTED, r#"],"errorsOmitted":"#);
        assert_eq!(BEFORE_POINTER, r#"","pointer":""#);
    }
}
