//! validator 0.20 integration (the `validator` feature): the `ValidationErrors` of
//! `#[derive(Validate)]` as field violations, nested structs and lists included.
//!
//! ```
//! use assetpay_errors::validator::violations;
//! use assetpay_errors::violation::Reason;
//! use validator::Validate;
//!
//! #[derive(Validate)]
//! struct NewOrder {
//!     #[validate(range(min = 1, max = 100))]
//!     quantity: u32,
//!     #[validate(nested)]
//!     lines: Vec<Line>,
//! }
//!
//! #[derive(Validate)]
//! struct Line {
//!     #[validate(length(max = 8))]
//!     sku: String,
//! }
//!
//! let order = NewOrder { quantity: 0, lines: vec![Line { sku: "far-too-long".into() }] };
//! let found = violations(&order.validate().unwrap_err());
//! let fields: Vec<(&str, &Reason)> = found.iter().map(|v| (v.field(), v.reason())).collect();
//! assert_eq!(fields, [("/lines/0/sku", &Reason::TooLong), ("/quantity", &Reason::OutOfRange)]);
//! assert_eq!(found[1].message(), "quantity must be between 1 and 100");
//! ```
//!
//! # Codes and reasons
//!
//! | validator's code | reason |
//! | --- | --- |
//! | `length` | `TOO_SHORT` or `TOO_LONG`, by which bound the value's length (characters of a string, items of a list) fails; `LENGTH` when the length is not in the error |
//! | `range` | `OUT_OF_RANGE` |
//! | `email`, `url`, `regex`, `contains`, `does_not_contain`, `credit_card`, `non_control_character`, `ip` | `INVALID_FORMAT` |
//! | `required`, `required_nested` | `MISSING` |
//! | `must_match` | `NOT_ALLOWED` |
//! | any other (a `custom` function's code, a `code = "…"` override) | the code in UPPER_SNAKE ([`Reason::custom`]): `sku_taken` is `SKU_TAKEN` |
//!
//! The message is the error's own (`message = "…"`) when it has one, else one written from the
//! code and its parameters (`quantity must be between 1 and 100`).
//!
//! # Field names
//!
//! The pointers are built from the names validator reports, which are the Rust field names:
//! validator does not apply serde's `rename`/`rename_all`, so a field renamed for the wire
//! (`item_id` sent as `itemId`) is pointed at by its Rust name. Name such fields the way they are
//! sent, or rename the violations' fields yourself. Errors of the struct as a whole (`__all__`,
//! from `#[validate(schema(…))]`) point at the struct itself. Violations come sorted by field,
//! since validator's map has no order.

use std::borrow::Cow;

use serde_json::Value;
use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::violation::{FieldViolation, JsonPointer, Location, Reason};

/// The violations of `errors`, in the body: each `field` is a JSON Pointer.
pub fn violations(errors: &ValidationErrors) -> Vec<FieldViolation> {
    violations_in(errors, Location::Body)
}

/// The violations of `errors` in `location`: JSON Pointers in the body, parameter names (nested
/// names joined with dots) elsewhere, as for a validated query string.
pub fn violations_in(errors: &ValidationErrors, location: Location) -> Vec<FieldViolation> {
    let mut found = Vec::new();
    collect(errors, &mut Vec::new(), &location, &mut found);
    found
}

/// A step from the validated value to the failed one.
enum Step<'a> {
    Member(&'a str),
    Index(usize),
}

fn collect<'a>(
    errors: &'a ValidationErrors,
    path: &mut Vec<Step<'a>>,
    location: &Location,
    found: &mut Vec<FieldViolation>,
) {
    let mut fields: Vec<(&'a str, &'a ValidationErrorsKind)> = errors
        .errors()
        .iter()
        .map(|(name, kind)| (name.as_ref(), kind))
        .collect();
    fields.sort_by_key(|(name, _)| *name);
    for (name, kind) in fields {
        // Errors of the struct itself are reported under `__all__`.
        let own = name == "__all__";
        if !own {
            path.push(Step::Member(name));
        }
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    found.push(violation(error, path, location));
                }
            }
            ValidationErrorsKind::Struct(nested) => collect(nested, path, location, found),
            ValidationErrorsKind::List(items) => {
                for (index, nested) in items {
                    path.push(Step::Index(*index));
                    collect(nested, path, location, found);
                    path.pop();
                }
            }
        }
        if !own {
            path.pop();
        }
    }
}

fn violation(error: &ValidationError, path: &[Step], location: &Location) -> FieldViolation {
    let name = match path.last() {
        Some(Step::Member(name)) => (*name).to_owned(),
        Some(Step::Index(index)) => format!("item {index}"),
        None => "the request".to_owned(),
    };
    let reason = reason(error);
    let message = match &error.message {
        Some(message) => message.clone(),
        None => Cow::Owned(message(error, &reason, &name)),
    };
    FieldViolation::new(location.clone(), field(path, location), reason, message)
}

fn field(path: &[Step], location: &Location) -> String {
    if *location == Location::Body {
        let mut pointer = JsonPointer::root();
        for step in path {
            match step {
                Step::Member(name) => pointer.push_key(name),
                Step::Index(index) => pointer.push_index(*index),
            }
        }
        return pointer.into_string();
    }
    let parts: Vec<String> = path
        .iter()
        .map(|step| match step {
            Step::Member(name) => (*name).to_owned(),
            Step::Index(index) => index.to_string(),
        })
        .collect();
    parts.join(".")
}

fn reason(error: &ValidationError) -> Reason {
    match &*error.code {
        "length" => length_reason(error),
        "range" => Reason::OutOfRange,
        "email"
        | "url"
        | "regex"
        | "contains"
        | "does_not_contain"
        | "credit_card"
        | "non_control_character"
        | "ip" => Reason::InvalidFormat,
        "required" | "required_nested" => Reason::Missing,
        "must_match" => Reason::NotAllowed,
        code => Reason::custom(code),
    }
}

/// `TOO_SHORT` or `TOO_LONG` by the bound the value's length fails, from the `value`, `min`,
/// `max` and `equal` parameters validator records.
fn length_reason(error: &ValidationError) -> Reason {
    let bound = |name: &str| error.params.get(name).and_then(Value::as_u64);
    let length = error.params.get("value").and_then(|value| match value {
        Value::String(text) => Some(text.chars().count() as u64),
        Value::Array(items) => Some(items.len() as u64),
        Value::Object(members) => Some(members.len() as u64),
        _ => None,
    });
    let (min, max, equal) = (bound("min"), bound("max"), bound("equal"));
    match (length, min, max, equal) {
        (Some(length), _, _, Some(equal)) if length < equal => Reason::TooShort,
        (Some(_), _, _, Some(_)) => Reason::TooLong,
        (Some(length), Some(min), _, _) if length < min => Reason::TooShort,
        (Some(length), _, Some(max), _) if length > max => Reason::TooLong,
        (None, Some(_), None, None) => Reason::TooShort,
        (None, None, Some(_), None) => Reason::TooLong,
        _ => Reason::custom("length"),
    }
}

fn message(error: &ValidationError, reason: &Reason, name: &str) -> String {
    let param = |key: &str| error.params.get(key).map(text_of);
    match (&*error.code, reason) {
        ("length", Reason::TooShort) => match param("equal").or_else(|| param("min")) {
            Some(min) => format!("{name} must have a length of at least {min}"),
            None => format!("{name} is too short"),
        },
        ("length", Reason::TooLong) => match param("equal").or_else(|| param("max")) {
            Some(max) => format!("{name} must have a length of at most {max}"),
            None => format!("{name} is too long"),
        },
        ("range", _) => {
            let low = param("min").map(|min| format!("at least {min}"));
            let low = low.or_else(|| param("exclusive_min").map(|min| format!("more than {min}")));
            let high = param("max").map(|max| format!("at most {max}"));
            let high =
                high.or_else(|| param("exclusive_max").map(|max| format!("less than {max}")));
            match (param("min"), param("max"), low, high) {
                (Some(min), Some(max), _, _) => format!("{name} must be between {min} and {max}"),
                (_, _, Some(low), Some(high)) => format!("{name} must be {low} and {high}"),
                (_, _, Some(bound), None) | (_, _, None, Some(bound)) => {
                    format!("{name} must be {bound}")
                }
                _ => format!("{name} is out of range"),
            }
        }
        (_, Reason::Missing) => format!("{name} is required"),
        ("email", _) => format!("{name} is not a valid email address"),
        ("url", _) => format!("{name} is not a valid URL"),
        ("must_match", _) => match param("other") {
            Some(other) => format!("{name} must match {other}"),
            None => format!("{name} does not match"),
        },
        (_, Reason::InvalidFormat) => format!("{name} does not have the expected format"),
        (code, _) => format!("{name} is invalid ({code})"),
    }
}

/// A parameter as text: strings without their quotes, anything else as JSON.
fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use validator::Validate;

    use super::*;

    fn sku_taken(_: &str) -> Result<(), ValidationError> {
        Err(ValidationError::new("sku_taken"))
    }

    #[derive(Validate)]
    struct Order {
        #[validate(length(min = 2, max = 4))]
        name: String,
        #[validate(length(min = 1))]
        tags: Vec<String>,
        #[validate(email)]
        contact: String,
        #[validate(range(min = 1, max = 100))]
        quantity: u32,
        #[validate(range(exclusive_min = 0.0))]
        price: f64,
        #[validate(required)]
        coupon: Option<String>,
        #[validate(nested)]
        lines: Vec<Line>,
        #[validate(nested)]
        shipping: Address,
    }

    #[derive(Validate)]
    struct Line {
        #[validate(custom(function = "sku_taken"))]
        sku: String,
        #[validate(length(equal = 2, message = "use an ISO country code"))]
        country: String,
    }

    #[derive(Validate)]
    struct Address {
        #[validate(url)]
        website: String,
    }

    #[test]
    fn every_code_has_its_reason_and_pointer() {
        let order = Order {
            name: "a".into(),
            tags: Vec::new(),
            contact: "not-an-email".into(),
            quantity: 0,
            price: 0.0,
            coupon: None,
            lines: vec![
                Line {
                    sku: "x".into(),
                    country: "FR".into(),
                },
                Line {
                    sku: "y".into(),
                    country: "FRA".into(),
                },
            ],
            shipping: Address {
                website: "nope".into(),
            },
        };
        let found = violations(&order.validate().unwrap_err());
        let seen: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|v| (v.field(), v.reason().as_str(), v.message()))
            .collect();
        assert_eq!(
            seen,
            [
                (
                    "/contact",
                    "INVALID_FORMAT",
                    "contact is not a valid email address"
                ),
                ("/coupon", "MISSING", "coupon is required"),
                ("/lines/0/sku", "SKU_TAKEN", "sku is invalid (sku_taken)"),
                ("/lines/1/country", "TOO_LONG", "use an ISO country code"),
                ("/lines/1/sku", "SKU_TAKEN", "sku is invalid (sku_taken)"),
                (
                    "/name",
                    "TOO_SHORT",
                    "name must have a length of at least 2"
                ),
                ("/price", "OUT_OF_RANGE", "price must be more than 0.0"),
                (
                    "/quantity",
                    "OUT_OF_RANGE",
                    "quantity must be between 1 and 100"
                ),
                (
                    "/shipping/website",
                    "INVALID_FORMAT",
                    "website is not a valid URL"
                ),
                (
                    "/tags",
                    "TOO_SHORT",
                    "tags must have a length of at least 1"
                ),
            ]
        );
        assert!(found.iter().all(|v| v.location() == &Location::Body));
    }

    #[test]
    fn a_length_without_the_value_keeps_validators_code() {
        let mut error = ValidationError::new("length");
        error.add_param(Cow::from("min"), &1);
        error.add_param(Cow::from("max"), &3);
        assert_eq!(reason(&error), Reason::Other("LENGTH".to_owned()));
        let mut error = ValidationError::new("length");
        error.add_param(Cow::from("max"), &3);
        assert_eq!(reason(&error), Reason::TooLong);
    }

    #[test]
    fn struct_level_errors_point_at_the_struct_and_names_escape() {
        let mut nested = ValidationErrors::new();
        nested.add("__all__", ValidationError::new("dates_reversed"));
        let mut errors = ValidationErrors::new();
        errors.errors_mut().insert(
            Cow::from("a/b~c"),
            ValidationErrorsKind::Struct(Box::new(nested)),
        );
        errors.add("__all__", ValidationError::new("empty"));
        let found = violations(&errors);
        let seen: Vec<(&str, &str)> = found
            .iter()
            .map(|v| (v.field(), v.reason().as_str()))
            .collect();
        assert_eq!(seen, [("", "EMPTY"), ("/a~1b~0c", "DATES_REVERSED")]);
        let found = violations_in(&errors, Location::Query);
        assert_eq!(found[1].field(), "a/b~c");
    }
}
