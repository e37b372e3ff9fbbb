//! The schema of the message's parameters (`error.params` in an envelope, `params` in a problem
//! document): one object of strings by name, the same in both formats.

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

/// The object in general; a response's own schema lists its keys' parameter names
/// ([`responses`](super::responses)).
pub(crate) fn params_schema() -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .additional_properties(Some(ObjectBuilder::new().schema_type(Type::String)))
        .description(Some(
            "The message's parameters by name, each formatted as the message formats it; sent \
             only by a server that opts in, for an error whose message interpolates fields.",
        ))
        .into()
}
