//! A whole catalogue as an OpenAPI components document, for a docs site or a client generator.

use utoipa::PartialSchema as _;
use utoipa::openapi::{ComponentsBuilder, InfoBuilder, OpenApi, OpenApiBuilder, Paths};

use super::{
    ENVELOPE_SCHEMA_NAME, EnvelopeSchema, PROBLEM_SCHEMA_NAME, ProblemSchema, error_responses,
};
use crate::ErrorSpec;

/// An OpenAPI 3.1 document with no paths whose components hold the envelope's and the problem
/// document's schemas and, for each status of `catalog`, the response [`error_responses`]
/// builds, named `Error{status}` (`Error409`), so API documents can `$ref` them.
///
/// ```
/// use assetpay_errors::{ApiError, AssetPayError};
/// use assetpay_errors::openapi::catalog_document;
///
/// let document = catalog_document("AssetPay errors", "1.0.0", AssetPayError::CATALOG);
/// let components = document.components.expect("the catalogue is in the components");
/// assert!(components.schemas.contains_key("ErrorEnvelope"));
/// assert!(components.schemas.contains_key("ProblemDocument"));
/// assert!(components.responses.contains_key("Error409"));
/// ```
pub fn catalog_document(title: &str, version: &str, catalog: &'static [ErrorSpec]) -> OpenApi {
    let responses = error_responses(catalog)
        .into_iter()
        .map(|(status, response)| (format!("Error{status}"), response));
    OpenApiBuilder::new()
        .info(InfoBuilder::new().title(title).version(version))
        .paths(Paths::new())
        .components(Some(
            ComponentsBuilder::new()
                .schema(ENVELOPE_SCHEMA_NAME, EnvelopeSchema::schema())
                .schema(PROBLEM_SCHEMA_NAME, ProblemSchema::schema())
                .responses_from_iter(responses)
                .build(),
        ))
        .build()
}
