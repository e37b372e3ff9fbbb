//! The envelope's optional `details` (and `detailsOmitted`), read into typed violations.

use assetpay_errors_shared::wire::{EnvelopeMember, ErrorMember};
use serde_json::{Map, Value};

use crate::violation::{FieldViolation, from_value};

/// What an envelope's `error` object says about field violations.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReadDetails {
    pub(crate) violations: Vec<FieldViolation>,
    pub(crate) omitted: u64,
    /// Why `details` or `detailsOmitted` could not be read; what could not be read is left out
    /// of the typed values, never half-read.
    pub(crate) problem: Option<String>,
}

/// Reads `details` and `detailsOmitted` from `error`, leaving both in it as they came.
///
/// `details` is read whole or not at all: one malformed violation makes [`ReadDetails::problem`]
/// say which and where, and no violation is returned, so a client never acts on a list with
/// holes in it.
pub(crate) fn read(error: &Map<String, Value>) -> ReadDetails {
    let error_name = EnvelopeMember::Error.name();
    read_list(
        error,
        (
            ErrorMember::Details.name(),
            ErrorMember::DetailsOmitted.name(),
        ),
        &format!("{error_name}."),
        from_value,
    )
}

/// Reads the violations in `members[list]`, each with `parse`, and the count in
/// `members[omitted]`; problems name the members after `prefix` (`error.` in an envelope). The
/// one reader of both formats' lists: an envelope's `details` and a problem document's `errors`.
pub(crate) fn read_list(
    members: &Map<String, Value>,
    (list_name, omitted): (&str, &str),
    prefix: &str,
    parse: fn(&Value) -> Result<FieldViolation, String>,
) -> ReadDetails {
    let mut read = ReadDetails::default();
    match members.get(list_name) {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            let parsed: Result<Vec<FieldViolation>, String> = list
                .iter()
                .enumerate()
                .map(|(index, value)| {
                    parse(value)
                        .map_err(|problem| format!("`{prefix}{list_name}[{index}]`: {problem}"))
                })
                .collect();
            match parsed {
                Ok(violations) => read.violations = violations,
                Err(problem) => read.problem = Some(problem),
            }
        }
        Some(_) => read.problem = Some(format!("`{prefix}{list_name}` is not an array")),
    }
    match members.get(omitted) {
        None | Some(Value::Null) => {}
        Some(Value::Number(count)) if count.as_u64().is_some() => {
            read.omitted = count.as_u64().unwrap_or_default();
        }
        Some(_) => {
            read.problem.get_or_insert_with(|| {
                format!("`{prefix}{omitted}` is not a non-negative integer")
            });
        }
    }
    read
}
