//! The envelope's schema, registered once as a component that every error response references.

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

use assetpay_errors_shared::wire::{
    EnvelopeMember, ErrorMember, REQUEST_ID_HEADER, Sent, ViolationMember,
};

use super::ProblemSchema;
use super::params_schema::params_schema;
use crate::violation::{Location, MAX_DETAILS};

/// The name the envelope's schema is registered under: `#/components/schemas/ErrorEnvelope`.
pub const ENVELOPE_SCHEMA_NAME: &str = "ErrorEnvelope";

/// The schema of every error body,
/// `{"requestId":"…","success":false,"error":{"code":…,"key":"…","message":"…"}}`, as a utoipa
/// component named [`ENVELOPE_SCHEMA_NAME`].
///
/// Register it with `components(schemas(EnvelopeSchema))` in `#[derive(OpenApi)]`: utoipa does
/// not collect schemas from [`IntoResponses`](utoipa::IntoResponses) types, and the responses of
/// [`ApiErrors`](super::ApiErrors) reference this one. The same line registers
/// [`ProblemSchema`], which the responses' `application/problem+json` content references. Its properties and `required` lists are
/// the wire description's members (`assetpay_errors_shared::wire`): every member the server
/// always sends is required, `error.details` and `error.detailsOmitted`, sent only with field
/// violations, are not; `success` admits only `false`. The object is left open
/// (`additionalProperties` unset) so clients written against it keep working if a field is added.
///
/// ```
/// use assetpay_errors::openapi::{ENVELOPE_SCHEMA_NAME, EnvelopeSchema};
/// use utoipa::ToSchema as _;
///
/// assert_eq!(EnvelopeSchema::name(), ENVELOPE_SCHEMA_NAME);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct EnvelopeSchema;

impl PartialSchema for EnvelopeSchema {
    fn schema() -> RefOr<Schema> {
        let mut error_object = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("The catalogue entry the request failed with."));
        for member in ErrorMember::ALL {
            error_object = error_object.property(member.name(), error_member(member));
            if member.sent() == Sent::Always {
                error_object = error_object.required(member.name());
            }
        }
        let error: RefOr<Schema> = error_object.into();
        let mut envelope = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("The body of every error response."));
        for member in EnvelopeMember::ALL {
            let schema: RefOr<Schema> = match member {
                EnvelopeMember::RequestId => ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some(format!(
                        "The request's id, equal to the response's `{REQUEST_ID_HEADER}` header."
                    )))
                    .into(),
                EnvelopeMember::Success => ObjectBuilder::new()
                    .schema_type(Type::Boolean)
                    .enum_values(Some([false]))
                    .into(),
                EnvelopeMember::Error => error.clone(),
            };
            envelope = envelope.property(member.name(), schema);
            if member.sent() == Sent::Always {
                envelope = envelope.required(member.name());
            }
        }
        envelope.into()
    }
}

/// The schema of one member of `error`.
fn error_member(member: ErrorMember) -> RefOr<Schema> {
    match member {
        ErrorMember::Code => ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(0))
            .maximum(Some(u16::MAX))
            .description(Some("The numeric code, such as `1001`."))
            .into(),
        ErrorMember::Key => ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("The stable string key, such as `VALIDATION_FAILED`."))
            .into(),
        ErrorMember::Message => ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("The client-facing message."))
            .into(),
        ErrorMember::Details => details().into(),
        ErrorMember::DetailsOmitted => ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1))
            .description(Some(format!(
                "How many violations were left out of `{}`, which carries at most its `maxItems`.",
                ErrorMember::Details.name()
            )))
            .into(),
        ErrorMember::DocUrl => ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "The page documenting the error, an absolute `https` URL; sent only by a server \
                 that opts in, for an error that declares one.",
            ))
            .into(),
        ErrorMember::Params => params_schema(),
    }
}

/// `error.details`: the field violations, sent only when there are some (see
/// [`violation`](crate::violation)). `reason` is a string rather than an `enum`: a team may send
/// words of its own, which the decoder keeps.
fn details() -> ArrayBuilder {
    let text = |description: &'static str| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(description))
    };
    let mut violation = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("Which field of the request failed, and why."));
    for member in ViolationMember::ALL {
        let schema = match member {
            ViolationMember::In => text("Where the field is.").enum_values(Some([
                Location::Body.as_str(),
                Location::Query.as_str(),
                Location::Path.as_str(),
                Location::Header.as_str(),
            ])),
            ViolationMember::Field => text(
                "A JSON Pointer (RFC 6901) into the body, or the parameter's or header's name.",
            ),
            ViolationMember::Reason => text(
                "A stable UPPER_SNAKE word: MISSING, INVALID_TYPE, INVALID_FORMAT, OUT_OF_RANGE, \
                 TOO_LONG, TOO_SHORT, NOT_ALLOWED, UNKNOWN_FIELD, DUPLICATE_FIELD, MALFORMED, or \
                 one of the API's own.",
            ),
            ViolationMember::Message => text("Text for a person; free to change between versions."),
        };
        // Every member of a violation is always sent.
        violation = violation
            .property(member.name(), schema)
            .required(member.name());
    }
    ArrayBuilder::new()
        .items(violation)
        .max_items(Some(MAX_DETAILS))
        .description(Some(
            "The field violations, present only when there are some.",
        ))
}

/// Registering the envelope registers the problem document beside it: every error response
/// references both, so the one line in `components(schemas(…))` stays one line.
impl ToSchema for EnvelopeSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(ENVELOPE_SCHEMA_NAME)
    }

    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((ProblemSchema::name().into_owned(), ProblemSchema::schema()));
    }
}
