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
    let mut read = ReadDetails::default();
    let (error_name, details, omitted) = (
        EnvelopeMember::Error.name(),
        ErrorMember::Details.name(),
        ErrorMember::DetailsOmitted.name(),
    );
    match error.get(details) {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            let parsed: Result<Vec<FieldViolation>, String> = list
                .iter()
                .enumerate()
                .map(|(index, value)| {
                    from_value(value)
                        .map_err(|problem| format!("`{error_name}.{details}[{index}]`: {problem}"))
                })
                .collect();
            match parsed {
                Ok(violations) => read.violations = violations,
                Err(problem) => read.problem = Some(problem),
            }
        }
        Some(_) => read.problem = Some(format!("`{error_name}.{details}` is not an array")),
    }
    match error.get(omitted) {
        None | Some(Value::Null) => {}
        Some(Value::Number(count)) if count.as_u64().is_some() => {
            read.omitted = count.as_u64().unwrap_or_default();
        }
        Some(_) => {
            read.problem.get_or_insert_with(|| {
                format!("`{error_name}.{omitted}` is not a non-negative integer")
            });
        }
    }
    read
}
