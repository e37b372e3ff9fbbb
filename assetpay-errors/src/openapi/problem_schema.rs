//! The problem document's schema (RFC 9457, `application/problem+json`), a component that every
//! error response's problem+json content references.

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::{PartialSchema, ToSchema};

use assetpay_errors_shared::wire::{
    ABOUT_BLANK, ErrorMember, INSTANCE_PREFIX, ProblemMember, ProblemViolationMember,
    REQUEST_ID_HEADER, Sent,
};

use super::params_schema::params_schema;
use crate::violation::{Location, MAX_DETAILS};

/// The name the problem document's schema is registered under:
/// `#/components/schemas/ProblemDocument`.
pub const PROBLEM_SCHEMA_NAME: &str = "ProblemDocument";

/// The schema of an error body sent as `application/problem+json` (see
/// [`problem`](crate::problem)), as a utoipa component named [`PROBLEM_SCHEMA_NAME`].
///
/// It needs no line of its own: [`EnvelopeSchema`](super::EnvelopeSchema), registered with
/// `components(schemas(EnvelopeSchema))`, registers it beside itself, because every error
/// response documents both media types and references both schemas. Its properties and
/// `required` list are the wire description's problem members
/// (`assetpay_errors_shared::wire::ProblemMember`): every member always sent is required,
/// `errors` and `errorsOmitted` are not. Like the envelope's, the object is left open, as RFC
/// 9457 (section 3.2) lets a server add extension members.
///
/// ```
/// use assetpay_errors::openapi::{PROBLEM_SCHEMA_NAME, ProblemSchema};
/// use utoipa::ToSchema as _;
///
/// assert_eq!(ProblemSchema::name(), PROBLEM_SCHEMA_NAME);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ProblemSchema;

impl PartialSchema for ProblemSchema {
    fn schema() -> RefOr<Schema> {
        let mut document = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "An RFC 9457 problem document: the body of an error response to a request that \
                 prefers `application/problem+json`.",
            ));
        for member in ProblemMember::ALL {
            document = document.property(member.name(), problem_member(member));
            if member.sent() == Sent::Always {
                document = document.required(member.name());
            }
        }
        document.into()
    }
}

impl ToSchema for ProblemSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(PROBLEM_SCHEMA_NAME)
    }
}

fn text(description: impl Into<String>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

/// JSON Schema's `uri-reference` format, RFC 9457's type for `type` and `instance`; utoipa's
/// `KnownFormat` has it only with its `url` feature, which would add the `url` crate.
fn uri_reference() -> SchemaFormat {
    SchemaFormat::Custom("uri-reference".to_owned())
}

/// The schema of one member of the document.
fn problem_member(member: ProblemMember) -> RefOr<Schema> {
    match member {
        ProblemMember::Type => text(format!(
            "The page documenting the error, an absolute `https` URL, or `{ABOUT_BLANK}` for an \
             error that declares none."
        ))
        .format(Some(uri_reference()))
        .into(),
        ProblemMember::Title => {
            text("The error's declared message, the same for every occurrence.").into()
        }
        ProblemMember::Status => ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(400))
            .maximum(Some(599))
            .description(Some("The HTTP status the response is sent with."))
            .into(),
        ProblemMember::Detail => text(format!(
            "This occurrence's message, the envelope's `{}`.",
            ErrorMember::Message.name()
        ))
        .into(),
        ProblemMember::Instance => text(format!(
            "`{INSTANCE_PREFIX}` and the request's id: the occurrence, a URN no client fetches."
        ))
        .format(Some(uri_reference()))
        .into(),
        ProblemMember::Code => ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(0))
            .maximum(Some(u16::MAX))
            .description(Some("The numeric code, such as `1001`."))
            .into(),
        ProblemMember::Key => text("The stable string key, such as `VALIDATION_FAILED`.").into(),
        ProblemMember::RequestId => text(format!(
            "The request's id, equal to the response's `{REQUEST_ID_HEADER}` header."
        ))
        .into(),
        ProblemMember::Errors => errors().into(),
        ProblemMember::ErrorsOmitted => ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1))
            .description(Some(format!(
                "How many violations were left out of `{}`, which carries at most its `maxItems`.",
                ProblemMember::Errors.name()
            )))
            .into(),
        ProblemMember::Params => params_schema(),
    }
}

/// `errors`: the field violations, after RFC 9457's own example, sent only when there are some.
fn errors() -> ArrayBuilder {
    let (pointer, location, parameter) = (
        ProblemViolationMember::Pointer.name(),
        ProblemViolationMember::In.name(),
        ProblemViolationMember::Parameter.name(),
    );
    let mut violation = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(format!(
            "Which field of the request failed, and why: `{pointer}` for a field of the body, \
             `{location}` and `{parameter}` for any other."
        )));
    for member in ProblemViolationMember::ALL {
        let schema = match member {
            ProblemViolationMember::Detail => {
                text("Text for a person; free to change between versions.")
            }
            ProblemViolationMember::Pointer => {
                text("`#` and a JSON Pointer (RFC 6901) into the body, in its URI fragment form.")
            }
            ProblemViolationMember::In => text("Where the parameter is.").enum_values(Some([
                Location::Query.as_str(),
                Location::Path.as_str(),
                Location::Header.as_str(),
            ])),
            ProblemViolationMember::Parameter => text("The parameter's or header's name."),
            ProblemViolationMember::Reason => text(
                "A stable UPPER_SNAKE word, as in the envelope's violations (`MISSING`, \
                 `INVALID_TYPE`, …, or one of the API's own).",
            ),
        };
        violation = violation.property(member.name(), schema);
        if member.always_sent() {
            violation = violation.required(member.name());
        }
    }
    ArrayBuilder::new()
        .items(violation)
        .max_items(Some(MAX_DETAILS))
        .description(Some(
            "The field violations, present only when there are some.",
        ))
}
