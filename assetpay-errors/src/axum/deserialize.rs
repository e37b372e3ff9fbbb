//! Deserialization failures as field violations: where (`serde_path_to_error`'s path) and why.

use std::fmt::Display;

use serde_path_to_error::{Error as PathError, Segment};

use crate::violation::{FieldViolation, JsonPointer, Location, Reason};

/// The violation a failure to deserialize a value in `location` describes.
///
/// The path comes from `serde_path_to_error` as data. The kind of failure does not: serde's
/// `de::Error` reports it only as text, written by its provided methods (`missing field `x``,
/// `invalid type: …`, `invalid value: …`, `unknown field `x``, `unknown variant `x``,
/// `duplicate field `x``), so the text's start is matched against those forms, which serde has
/// kept since 1.0. What matches none of them (a type's own parse error, such as "invalid digit
/// found in string") is `INVALID_FORMAT`.
///
/// | serde says | reason | `field` |
/// | --- | --- | --- |
/// | `missing field` | `MISSING` | the path, then the missing member |
/// | `invalid type` | `INVALID_TYPE` | the path |
/// | `invalid value: integer …` / `floating point …` | `OUT_OF_RANGE` | the path |
/// | other `invalid value`, `invalid length`, anything else | `INVALID_FORMAT` | the path |
/// | `unknown variant` | `NOT_ALLOWED` | the path |
/// | `unknown field` | `UNKNOWN_FIELD` | the path, then the unknown member |
/// | `duplicate field` | `DUPLICATE_FIELD` | the path, then the member |
///
/// A path segment serde_path_to_error could not name (inside `#[serde(flatten)]` or an
/// untagged enum) ends the pointer there: it then points at the nearest value it can name.
pub(crate) fn violation<E: Display>(error: &PathError<E>, location: Location) -> FieldViolation {
    let text = without_position(&error.inner().to_string()).to_owned();
    let mut path = FieldPath::of(error.path());
    let (reason, member) = classify(&text);
    if let Some(member) = member {
        path.push(member);
    }
    let message = match reason {
        Reason::Missing => format!("{} is required", path.last_name()),
        // serde's text names the member already.
        Reason::UnknownField | Reason::DuplicateField => text,
        _ if path.0.is_empty() => text,
        _ => format!("{}: {text}", path.last_name()),
    };
    FieldViolation::new(location.clone(), path.render(&location), reason, message)
}

/// The reason serde's text gives, and the member it names when the member is not in the path
/// (a missing or repeated member is found missing by the struct around it; an unknown one is
/// refused once entered).
fn classify(text: &str) -> (Reason, Option<&str>) {
    let named = |prefix: &str| {
        text.strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('`'))
            .and_then(|rest| rest.split_once('`'))
            .map(|(member, _)| member)
    };
    if let Some(member) = named("missing field ") {
        return (Reason::Missing, Some(member));
    }
    // serde_path_to_error has already entered the unknown member: it is in the path.
    if named("unknown field ").is_some() {
        return (Reason::UnknownField, None);
    }
    if let Some(member) = named("duplicate field ") {
        return (Reason::DuplicateField, Some(member));
    }
    let reason = if text.starts_with("invalid type: ") {
        Reason::InvalidType
    } else if text.starts_with("invalid value: integer ")
        || text.starts_with("invalid value: floating point ")
    {
        Reason::OutOfRange
    } else if text.starts_with("unknown variant ") {
        Reason::NotAllowed
    } else {
        Reason::InvalidFormat
    };
    (reason, None)
}

/// serde_json's text without its ` at line L column C`: the position of a data error says
/// nothing the pointer does not.
fn without_position(text: &str) -> &str {
    let Some((before, position)) = text.rsplit_once(" at line ") else {
        return text;
    };
    let is_position = position
        .split_once(" column ")
        .is_some_and(|(line, column)| {
            !line.is_empty()
                && !column.is_empty()
                && line
                    .bytes()
                    .chain(column.bytes())
                    .all(|b| b.is_ascii_digit())
        });
    if is_position { before } else { text }
}

/// The members and indices leading to the value.
struct FieldPath(Vec<PathStep>);

enum PathStep {
    Member(String),
    Index(usize),
}

impl FieldPath {
    fn of(path: &serde_path_to_error::Path) -> FieldPath {
        let mut steps = Vec::new();
        for segment in path {
            match segment {
                Segment::Seq { index } => steps.push(PathStep::Index(*index)),
                Segment::Map { key } => steps.push(PathStep::Member(key.clone())),
                // An externally tagged variant is the member its content sits under.
                Segment::Enum { variant } => steps.push(PathStep::Member(variant.clone())),
                Segment::Unknown => break,
            }
        }
        FieldPath(steps)
    }

    fn push(&mut self, member: &str) {
        self.0.push(PathStep::Member(member.to_owned()));
    }

    /// The last member's name (or index), for a message: `quantity` for `/items/0/quantity`.
    fn last_name(&self) -> String {
        match self.0.last() {
            Some(PathStep::Member(name)) => name.clone(),
            Some(PathStep::Index(index)) => format!("item {index}"),
            None => "the value".to_owned(),
        }
    }

    /// A JSON Pointer in the body; elsewhere the parameter's name (nested parts, which query
    /// strings rarely have, joined by dots).
    fn render(&self, location: &Location) -> String {
        if *location == Location::Body {
            let mut pointer = JsonPointer::root();
            for step in &self.0 {
                match step {
                    PathStep::Member(name) => pointer.push_key(name),
                    PathStep::Index(index) => pointer.push_index(*index),
                }
            }
            return pointer.into_string();
        }
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|step| match step {
                PathStep::Member(name) => name.clone(),
                PathStep::Index(index) => index.to_string(),
            })
            .collect();
        parts.join(".")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    #[serde(deny_unknown_fields)]
    struct Order {
        items: Vec<Item>,
        kind: Kind,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    #[serde(deny_unknown_fields)]
    struct Item {
        id: u64,
        count: u8,
    }

    #[derive(Debug, serde::Deserialize)]
    enum Kind {
        Market,
    }

    fn body_violation(json: &str) -> FieldViolation {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let error = serde_path_to_error::deserialize::<_, Order>(&mut deserializer).unwrap_err();
        violation(&error, Location::Body)
    }

    #[test]
    fn each_kind_of_failure_has_its_reason_and_full_pointer() {
        let cases = [
            (
                r#"{"items":[{"id":1}],"kind":"Market"}"#,
                Reason::Missing,
                "/items/0/count",
            ),
            (
                r#"{"items":[{"id":"x","count":1}],"kind":"Market"}"#,
                Reason::InvalidType,
                "/items/0/id",
            ),
            (
                r#"{"items":[{"id":1,"count":300}],"kind":"Market"}"#,
                Reason::OutOfRange,
                "/items/0/count",
            ),
            (
                r#"{"items":[{"id":-1,"count":1}],"kind":"Market"}"#,
                Reason::OutOfRange,
                "/items/0/id",
            ),
            (
                r#"{"items":[],"kind":"Limit"}"#,
                Reason::NotAllowed,
                "/kind",
            ),
            (
                r#"{"items":[{"id":1,"count":1,"a/b~":2}],"kind":"Market"}"#,
                Reason::UnknownField,
                "/items/0/a~1b~0",
            ),
            (
                r#"{"items":[],"items":[],"kind":"Market"}"#,
                Reason::DuplicateField,
                "/items",
            ),
            (r#"{"kind":"Market"}"#, Reason::Missing, "/items"),
        ];
        for (json, reason, field) in cases {
            let found = body_violation(json);
            assert_eq!(
                (found.reason(), found.field()),
                (&reason, field),
                "{json}: {found}"
            );
            assert!(
                !found.message().contains(" at line "),
                "{}",
                found.message()
            );
        }
        assert_eq!(
            body_violation(r#"{"kind":"Market"}"#).message(),
            "items is required"
        );
    }

    #[test]
    fn query_parameters_are_named_not_pointed_at() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Page {
            limit: u32,
        }
        for (query, reason) in [("", Reason::Missing), ("limit=ten", Reason::InvalidFormat)] {
            let deserializer =
                serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
            let error = serde_path_to_error::deserialize::<_, Page>(deserializer).unwrap_err();
            let found = violation(&error, Location::Query);
            assert_eq!(
                (found.reason(), found.field()),
                (&reason, "limit"),
                "{query}: {found}"
            );
        }
    }

    #[test]
    fn only_a_real_position_is_cut() {
        assert_eq!(
            without_position("missing field `a` at line 1 column 12"),
            "missing field `a`"
        );
        assert_eq!(
            without_position("sent at line 5 column x"),
            "sent at line 5 column x"
        );
        assert_eq!(without_position("plain"), "plain");
    }
}
