//! `document_layer`: what the extractors and the layer answer with, added to a document once the
//! routes are known (the `axum` and `utoipa` features).

use http::StatusCode;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{Components, OpenApi, RefOr, Response};

use super::responses::{Documented, add_entry, status_response};
use crate::ErrorSpec;
use crate::axum::{FrameworkErrors, Json};
use crate::violation::{FieldViolation, JsonPointer, Reason};

/// Adds to `document` what a service under
/// [`with_api_errors(errors)`](crate::axum::RouterExt::with_api_errors) answers with besides its
/// handlers' errors, from the very `errors` the service installs:
///
/// - **each operation's rejections**, merged into its responses: an operation with a request
///   body can be refused for a body that is not JSON (400), a missing or other `Content-Type`
///   (415), data that does not fit (422) and a body over the limit (413); one with path or query
///   parameters for a parameter that does not parse (400). Each is answered with the entry
///   `errors` picks for that status ([`FrameworkErrors::spec_for_status`]), under that entry's
///   own status (AssetPay's: `VALIDATION_FAILED`, 422), with an example whose `details` is the
///   violation this crate's [`Json`], [`Form`](crate::axum::Form), [`Query`](crate::axum::Query),
///   [`Path`](crate::axum::Path) and [`Valid`](crate::axum) send, named after the operation's own
///   first required member or parameter. A key the operation already documents keeps one
///   example, the one with `details`. What an example can only sample is worded at run time: a
///   violation's `message` (`detail` in a problem document), and, for a rejection without
///   violations (a 413), the text of axum's own rejection, which the layer appends to the
///   declared message (`Request cannot be processed: Failed to buffer the request body: length
///   limit exceeded`, see "What the plain body said" in [`axum`](crate::axum)); the example shows
///   the declared message alone. Everything else in the example is byte for byte what is sent.
/// - **the layer's own answers, once**, as response components an operation never repeats:
///   `UnknownRoute` (a path no route serves), `MethodNotAllowed` (a route called with a method
///   it does not serve: [`FrameworkErrors::method_not_allowed`], which may be an entry of a
///   status of its own), `Panic` (a handler that panicked), and `Plain{status}` for each status
///   another middleware's plain response is answered with an entry declared for that very
///   status (an authentication layer's 401, a rate limiter's 429).
///
/// Each response, and each component, documents both media types, as
/// [`error_responses`](super::error_responses) does; a component's problem document carries the
/// status the layer sends it with (a 405 stays 405 in `status`).
///
/// The operations' inputs are read from the document: utoipa sees a handler's
/// `#[utoipa::path]`, not its arguments, so a request body or parameter is documented there
/// (`request_body = …`, `params(…)`) and its rejections follow. A response the operation
/// declares as a `$ref` is left as it is.
///
/// ```
/// use assetpay_errors::ApiError;
/// use assetpay_errors::assetpay::{GenericError, framework_errors};
/// use assetpay_errors::openapi::{ApiErrors, EnvelopeSchema, document_layer};
/// use assetpay_errors::errors;
/// use utoipa::OpenApi;
///
/// /// Find an order.
/// #[utoipa::path(get, path = "/orders/{id}", params(("id" = u64, Path)), responses(
///     (status = 200, description = "The order"),
///     ApiErrors<errors![GenericError::NotFound]>,
/// ))]
/// async fn find_order() {}
///
/// #[derive(OpenApi)]
/// #[openapi(paths(find_order), components(schemas(EnvelopeSchema)))]
/// struct ApiDoc;
///
/// let mut document = ApiDoc::openapi();
/// document_layer(&mut document, &framework_errors());
/// let document = serde_json::to_value(&document).unwrap();
/// let responses = &document["paths"]["/orders/{id}"]["get"]["responses"];
/// // The handler's own NOT_FOUND, and the path's rejection as AssetPay answers it.
/// assert!(responses["404"]["content"]["application/json"]["examples"]["NOT_FOUND"].is_object());
/// let rejected = &responses["422"]["content"]["application/json"]["examples"]["VALIDATION_FAILED"];
/// assert_eq!(rejected["value"]["error"]["details"][0]["in"], "path");
/// // The same rejection as a problem document, whose `errors` say where the field is.
/// let rejected = &responses["422"]["content"]["application/problem+json"]["examples"]["VALIDATION_FAILED"];
/// assert_eq!(rejected["value"]["errors"][0]["parameter"], "id");
/// assert!(document["components"]["responses"]["Panic"].is_object());
/// ```
pub fn document_layer(document: &mut OpenApi, errors: &FrameworkErrors) {
    let components = document.components.take().unwrap_or_default();
    for path in document.paths.paths.values_mut() {
        let operations = [
            &mut path.get,
            &mut path.put,
            &mut path.post,
            &mut path.delete,
            &mut path.options,
            &mut path.head,
            &mut path.patch,
            &mut path.trace,
        ];
        for operation in operations.into_iter().flatten() {
            for rejection in rejections(operation, &components) {
                let entry = Documented {
                    spec: errors.spec_for_status(rejection.status),
                    details: rejection.details,
                };
                merge(operation, errors.status_for(rejection.status), &entry);
            }
        }
    }
    document.components = Some(with_layer_responses(components, errors));
}

/// One way an extractor refuses a request: the status it answers with before the layer, and the
/// violation it sends.
struct Rejection {
    status: StatusCode,
    details: Vec<FieldViolation>,
}

/// The rejections of `operation`'s inputs. Of several with details for one entry, the last is
/// the example: the body's data, a query's or a path's parameter, which say most about the
/// operation.
fn rejections(operation: &Operation, components: &Components) -> Vec<Rejection> {
    let mut rejections = Vec::new();
    if let Some(body) = &operation.request_body {
        let body = match body {
            RefOr::T(body) => Some(body),
            RefOr::Ref(_) => None,
        };
        let media_type = body
            .and_then(|body| body.content.keys().next())
            .map_or("application/json", String::as_str);
        rejections.push(Rejection {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            details: Vec::new(),
        });
        rejections.push(Rejection {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            details: vec![FieldViolation::header(
                "content-type",
                Reason::Missing,
                format!("content-type is required: `{media_type}`"),
            )],
        });
        if let Err(malformed) = Json::<serde::de::IgnoredAny>::from_bytes(b"{") {
            rejections.push(Rejection {
                status: malformed.status(),
                details: malformed.violations().to_vec(),
            });
        }
        let first_member = body
            .and_then(|body| body.content.values().next())
            .and_then(|content| match content {
                RefOr::T(content) => content.schema.as_ref(),
                RefOr::Ref(_) => None,
            })
            .and_then(|schema| first_required(schema, components));
        let data = match first_member {
            Some(member) => FieldViolation::body(
                JsonPointer::root().key(&member),
                Reason::Missing,
                format!("{member} is required"),
            ),
            None => FieldViolation::body(
                JsonPointer::root(),
                Reason::InvalidType,
                "the body is not the expected value",
            ),
        };
        rejections.push(Rejection {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            details: vec![data],
        });
    }
    let parameters = operation.parameters.iter().flatten();
    for parameter in parameters {
        let RefOr::T(parameter) = parameter else {
            continue;
        };
        let name = parameter.name.clone();
        let message = format!("{name} is not a valid value");
        let violation = match parameter.parameter_in {
            ParameterIn::Query => FieldViolation::query(name, Reason::InvalidFormat, message),
            ParameterIn::Path => FieldViolation::path(name, Reason::InvalidFormat, message),
            // A header or cookie is not read by this crate's extractors, nor is the whole query
            // string as one value.
            ParameterIn::Header | ParameterIn::Cookie | ParameterIn::QueryString => continue,
        };
        rejections.push(Rejection {
            status: StatusCode::BAD_REQUEST,
            details: vec![violation],
        });
    }
    rejections
}

/// The first required member of an object schema, following one `$ref` into the components.
fn first_required(schema: &RefOr<Schema>, components: &Components) -> Option<String> {
    let schema = match schema {
        RefOr::T(schema) => schema,
        RefOr::Ref(reference) => {
            let name = reference
                .ref_location
                .strip_prefix("#/components/schemas/")?;
            match components.schemas.get(name)? {
                RefOr::T(schema) => schema,
                RefOr::Ref(_) => return None,
            }
        }
    };
    match schema {
        Schema::Object(object) => object.required.first().cloned(),
        _ => None,
    }
}

/// Adds `entry` to `operation`'s response for `status`, the status the layer sends it with
/// ([`FrameworkErrors::status_for`]), building the response when the operation has none.
fn merge(operation: &mut Operation, status: StatusCode, entry: &Documented) {
    let response = operation
        .responses
        .responses
        .entry(status.as_u16().to_string())
        .or_insert_with(|| status_response(status).into());
    if let RefOr::T(response) = response {
        add_entry(response, status, entry);
    }
}

/// `components` with the layer's own responses.
fn with_layer_responses(mut components: Components, errors: &FrameworkErrors) -> Components {
    // Each under the status the layer sends it with: a 405 stays 405 whatever its entry's own.
    let roles: [(&str, &str, &'static ErrorSpec, StatusCode); 3] = [
        (
            "UnknownRoute",
            "A path no route serves.",
            errors.not_found(),
            errors.status_for(StatusCode::NOT_FOUND),
        ),
        (
            "MethodNotAllowed",
            "A route called with a method it does not serve.",
            errors.method_not_allowed(),
            errors.status_for(StatusCode::METHOD_NOT_ALLOWED),
        ),
        (
            "Panic",
            "A handler that panicked; the cause goes to the log only.",
            errors.server_error(),
            errors.server_error().status(),
        ),
    ];
    for (name, when, spec, status) in roles {
        components
            .responses
            .insert(name.to_owned(), layer_response(when, spec, status).into());
    }
    let role_statuses = [
        StatusCode::NOT_FOUND,
        StatusCode::METHOD_NOT_ALLOWED,
        StatusCode::INTERNAL_SERVER_ERROR,
        StatusCode::BAD_REQUEST,
        StatusCode::PAYLOAD_TOO_LARGE,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        StatusCode::UNPROCESSABLE_ENTITY,
    ];
    for code in 400..600 {
        let Ok(status) = StatusCode::from_u16(code) else {
            continue;
        };
        let spec = errors.spec_for_status(status);
        if spec.status() != status || role_statuses.contains(&status) {
            continue;
        }
        let when = format!(
            "Another middleware's plain {} response (such as an authentication layer's, a rate \
             limiter's or load shedding's).",
            status.as_u16()
        );
        components.responses.insert(
            format!("Plain{}", status.as_u16()),
            layer_response(&when, spec, status).into(),
        );
    }
    components
}

/// The response documenting `spec`, sent with `status`, as the layer's answer to `when`.
fn layer_response(when: &str, spec: &'static ErrorSpec, status: StatusCode) -> Response {
    let mut response = status_response(status);
    add_entry(&mut response, status, &Documented::plain(spec));
    response.description = format!("{when} {}", response.description);
    response
}
