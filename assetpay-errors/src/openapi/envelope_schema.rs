//! The envelope's schema, registered once as a component that every error response references.

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::violation::{Location, MAX_DETAILS};

/// The name the envelope's schema is registered under: `#/components/schemas/ErrorEnvelope`.
pub const ENVELOPE_SCHEMA_NAME: &str = "ErrorEnvelope";

/// The schema of every error body,
/// `{"requestId":"…","success":false,"error":{"code":…,"key":"…","message":"…"}}`, as a utoipa
/// component named [`ENVELOPE_SCHEMA_NAME`].
///
/// Register it with `components(schemas(EnvelopeSchema))` in `#[derive(OpenApi)]`: utoipa does
/// not collect schemas from [`IntoResponses`](utoipa::IntoResponses) types, and the responses of
/// [`ApiErrors`](super::ApiErrors) reference this one. Every field is required, because the
/// server always sends all five, but `error.details` and `error.detailsOmitted`, sent only with
/// field violations; `success` admits only `false`. The object is left open
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
        let error = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("The catalogue entry the request failed with."))
            .property(
                "code",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(0))
                    .maximum(Some(u16::MAX))
                    .description(Some("The numeric code, such as `1001`.")),
            )
            .required("code")
            .property(
                "key",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some("The stable string key, such as `VALIDATION_FAILED`.")),
            )
            .required("key")
            .property(
                "message",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some("The client-facing message.")),
            )
            .required("message")
            .property("details", details())
            .property(
                "detailsOmitted",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(1))
                    .description(Some(
                        "How many violations were left out of `details`, which carries at most its `maxItems`.",
                    )),
            );
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("The body of every error response."))
            .property(
                "requestId",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some(
                        "The request's id, equal to the response's `x-request-id` header.",
                    )),
            )
            .required("requestId")
            .property(
                "success",
                ObjectBuilder::new()
                    .schema_type(Type::Boolean)
                    .enum_values(Some([false])),
            )
            .required("success")
            .property("error", error)
            .required("error")
            .into()
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
    let violation = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("Which field of the request failed, and why."))
        .property(
            "in",
            text("Where the field is.").enum_values(Some([
                Location::Body.as_str(),
                Location::Query.as_str(),
                Location::Path.as_str(),
                Location::Header.as_str(),
            ])),
        )
        .required("in")
        .property(
            "field",
            text("A JSON Pointer (RFC 6901) into the body, or the parameter's or header's name."),
        )
        .required("field")
        .property(
            "reason",
            text(
                "A stable UPPER_SNAKE word: MISSING, INVALID_TYPE, INVALID_FORMAT, OUT_OF_RANGE, \
                 TOO_LONG, TOO_SHORT, NOT_ALLOWED, UNKNOWN_FIELD, DUPLICATE_FIELD, MALFORMED, or \
                 one of the API's own.",
            ),
        )
        .required("reason")
        .property(
            "message",
            text("Text for a person; free to change between versions."),
        )
        .required("message");
    ArrayBuilder::new()
        .items(violation)
        .max_items(Some(MAX_DETAILS))
        .description(Some(
            "The field violations, present only when there are some.",
        ))
}

impl ToSchema for EnvelopeSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(ENVELOPE_SCHEMA_NAME)
    }
}
