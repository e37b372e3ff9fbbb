//! RFC 9457 problem documents, read into the same fields as an envelope: the decoder maps both
//! formats to one `ErrorResponse`, so a client's code does not depend on which one the server
//! chose.
//!
//! The extension members `code` and `key` are required, as an envelope's are: a problem document
//! without them is another API's, and is a `WrongShape` error. `detail` is the message (`title`
//! when there is no `detail`), `type` the documentation URL (none for `about:blank`), `errors`
//! the field violations and `errorsOmitted` their count left out. Every top-level member but
//! `requestId`, `code`, `key` and `detail` is kept as it came, in
//! `ErrorResponse::extra_envelope_fields`.

use assetpay_errors_shared::wire::{ABOUT_BLANK, ProblemMember, ProblemViolationMember};
use serde_json::{Map, Value};

use crate::client::details::{self, ReadDetails};
use crate::client::params::{self, ReadParams};
use crate::problem::pointer_from_fragment;
use crate::violation::{FieldViolation, Location, Reason};

/// Whether a body without an `error` member is a problem document: it has one of RFC 9457's
/// own members ([`ProblemMember::MARKERS`]).
pub(crate) fn is_problem(members: &Map<String, Value>) -> bool {
    ProblemMember::MARKERS
        .into_iter()
        .any(|member| members.contains_key(member.name()))
}

/// What a problem document says, the members an envelope also has taken out of `members`.
pub(crate) struct ReadProblem {
    pub(crate) code: u16,
    pub(crate) key: String,
    pub(crate) message: String,
    pub(crate) doc_url: Option<String>,
    pub(crate) details: ReadDetails,
    pub(crate) params: ReadParams,
}

/// Reads the problem document's `members`, removing `code`, `key` and `detail`; or says which
/// member is missing or mistyped.
pub(crate) fn read(members: &mut Map<String, Value>) -> Result<ReadProblem, String> {
    let (code, key, detail, title) = (
        ProblemMember::Code.name(),
        ProblemMember::Key.name(),
        ProblemMember::Detail.name(),
        ProblemMember::Title.name(),
    );
    let code_value = match members.get(code) {
        Some(Value::Number(number)) => number
            .as_u64()
            .and_then(|number| u16::try_from(number).ok())
            .ok_or_else(|| format!("`{code}` is not an integer in 0..=65535"))?,
        None => return Err(format!("`{code}` is missing")),
        Some(_) => return Err(format!("`{code}` is not a number")),
    };
    let key_value = match members.get(key) {
        Some(Value::String(text)) => text.clone(),
        None => return Err(format!("`{key}` is missing")),
        Some(_) => return Err(format!("`{key}` is not a string")),
    };
    let message = match (members.get(detail), members.get(title)) {
        (Some(Value::String(text)), _) => text.clone(),
        (Some(_), _) => return Err(format!("`{detail}` is not a string")),
        (None, Some(Value::String(text))) => text.clone(),
        (None, _) => return Err(format!("`{detail}` is missing")),
    };
    members.remove(code);
    members.remove(key);
    if matches!(members.get(detail), Some(Value::String(_))) {
        members.remove(detail);
    }
    let doc_url = match members.get(ProblemMember::Type.name()) {
        Some(Value::String(url)) if url != ABOUT_BLANK => Some(url.clone()),
        _ => None,
    };
    Ok(ReadProblem {
        code: code_value,
        key: key_value,
        message,
        doc_url,
        details: read_errors(members),
        params: params::read(members, ProblemMember::Params.name(), ""),
    })
}

/// `errors` and `errorsOmitted`, left in `members` as they came; read whole or not at all, like
/// an envelope's `details`.
fn read_errors(members: &Map<String, Value>) -> ReadDetails {
    let names = (
        ProblemMember::Errors.name(),
        ProblemMember::ErrorsOmitted.name(),
    );
    details::read_list(members, names, "", violation)
}

/// One entry of `errors`: `detail` and `reason`, with `pointer` for the body or `in` and
/// `parameter` for anything else.
fn violation(value: &Value) -> Result<FieldViolation, String> {
    let Value::Object(members) = value else {
        return Err("a violation is not an object".to_owned());
    };
    let text = |member: ProblemViolationMember| -> Result<Option<&str>, String> {
        match members.get(member.name()) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(format!("`{}` is not a string", member.name())),
        }
    };
    let required = |member: ProblemViolationMember| {
        text(member)?.ok_or_else(|| format!("`{}` is missing", member.name()))
    };
    let detail = required(ProblemViolationMember::Detail)?;
    let reason = required(ProblemViolationMember::Reason)?;
    let (location, field) = match text(ProblemViolationMember::Pointer)? {
        Some(fragment) => {
            let pointer = pointer_from_fragment(fragment).ok_or_else(|| {
                format!(
                    "`{}` is not a JSON Pointer in URI fragment form, like `#/quantity`",
                    ProblemViolationMember::Pointer.name()
                )
            })?;
            (Location::Body, pointer)
        }
        None => (
            Location::from_wire(required(ProblemViolationMember::In)?),
            required(ProblemViolationMember::Parameter)?.to_owned(),
        ),
    };
    Ok(FieldViolation::new(
        location,
        field,
        Reason::from_wire(reason),
        detail.to_owned(),
    ))
}
