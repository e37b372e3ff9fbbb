//! The envelope's schema, registered once as a component that every error response references.

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

/// The name the envelope's schema is registered under: `#/components/schemas/ErrorEnvelope`.
pub const ENVELOPE_SCHEMA_NAME: &str = "ErrorEnvelope";

/// The schema of every error body,
/// `{"requestId":"…","success":false,"error":{"code":…,"key":"…","message":"…"}}`, as a utoipa
/// component named [`ENVELOPE_SCHEMA_NAME`].
///
/// Register it with `components(schemas(EnvelopeSchema))` in `#[derive(OpenApi)]`: utoipa does
/// not collect schemas from [`IntoResponses`](utoipa::IntoResponses) types, and the responses of
/// [`ApiErrors`](super::ApiErrors) reference this one. Every field is required, because the
/// server always sends all five; `success` admits only `false`. The object is left open
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
            .required("message");
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

impl ToSchema for EnvelopeSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(ENVELOPE_SCHEMA_NAME)
    }
}
