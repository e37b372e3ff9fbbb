//! `Json`, `Query` and `Path`: axum's extractors, rejecting with the field that failed.

use axum::body::Bytes;
use axum::extract::path::ErrorKind;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::response::{IntoResponse, Response};
use http::header::CONTENT_TYPE;
use http::request::Parts;
use http::{HeaderMap, HeaderValue, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

use crate::axum::deserialize::violation;
use crate::axum::envelope_layer::is_json;
use crate::axum::violations::{ExtractionRejection, InvalidRequest};
use crate::violation::{FieldViolation, JsonPointer, Location, Reason};

/// A JSON request body (and response), as `axum::Json`, whose rejection says which member
/// failed and why.
///
/// | the request | status | violation |
/// | --- | --- | --- |
/// | no `Content-Type` | 415 | `header` `content-type` `MISSING` |
/// | a `Content-Type` other than `application/json` or `…+json` | 415 | `header` `content-type` `NOT_ALLOWED` |
/// | a body that is not JSON, or cut short | 400 | `body` `""` `MALFORMED`, with the line and column |
/// | JSON that does not fit `T` | 422 | `body`, the pointer to the member, the reason from serde (see below) |
///
/// | serde says | reason | `field` |
/// | --- | --- | --- |
/// | `missing field` | `MISSING` | the pointer to the missing member |
/// | `invalid type` | `INVALID_TYPE` | the pointer to the value |
/// | `invalid value: integer …` / `floating point …` (a number out of the type's range) | `OUT_OF_RANGE` | the pointer to the value |
/// | `unknown variant` | `NOT_ALLOWED` | the pointer to the value |
/// | `unknown field` (`deny_unknown_fields`) | `UNKNOWN_FIELD` | the pointer to the member |
/// | `duplicate field` | `DUPLICATE_FIELD` | the pointer to the member |
/// | anything else (a type's own parse error) | `INVALID_FORMAT` | the pointer to the value |
///
/// The path is serde_path_to_error's, as data; the kind of failure is known only from the
/// start of serde's text, written by serde's `de::Error` methods in forms serde has kept since
/// 1.0. serde reports the first failure only, so the rejection has one violation. A body over
/// the size limit is axum's own rejection ([`ExtractionRejection::Framework`]).
///
/// With [`ApiErrorLayer`](crate::axum::ApiErrorLayer) the rejection is an envelope with these
/// `details` ([`InvalidRequest`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

/// The query string, as `axum::extract::Query`, whose rejection (400) names the parameter that
/// failed: `query`, the parameter's name, `MISSING` or a reason as for [`Json`] (a value that
/// does not parse, `limit=ten` for a number, is `INVALID_FORMAT`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

/// An `application/x-www-form-urlencoded` request body, as `axum::Form` for requests with a
/// body, whose rejection says which field failed: `body` and a JSON Pointer to the field of the
/// value it fills (`/quantity`), 422, reasons as for [`Json`]; a missing or other
/// `Content-Type` is `header` `content-type` (415), as for [`Json`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Form<T>(pub T);

/// The route's parameters, as `axum::extract::Path`, whose rejection (400) names the parameter
/// that failed to parse: `path`, the route's name for it (`id` for `/orders/{id}`),
/// `INVALID_FORMAT`.
///
/// A route that lacks the parameters `T` expects is a server bug and stays axum's 500
/// ([`ExtractionRejection::Framework`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Path<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = ExtractionRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(refused) =
            content_type_violation(request.headers(), is_json, "`application/json`")
        {
            return Err(refused.into());
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| ExtractionRejection::Framework(rejection.into_response()))?;
        Json::from_bytes(&bytes).map_err(ExtractionRejection::Invalid)
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = ExtractionRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(refused) = content_type_violation(
            request.headers(),
            is_form,
            "`application/x-www-form-urlencoded`",
        ) {
            return Err(refused.into());
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| ExtractionRejection::Framework(rejection.into_response()))?;
        let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(&bytes));
        serde_path_to_error::deserialize(deserializer)
            .map(Form)
            .map_err(|error| InvalidRequest::new(vec![violation(&error, Location::Body)]).into())
    }
}

/// Whether the request's `Content-Type` is a form's.
fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| {
            essence
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// The rejection (415) of a request whose `Content-Type` is missing or not one `accepts`:
/// `header` `content-type`, `MISSING` or `NOT_ALLOWED`.
fn content_type_violation(
    headers: &HeaderMap,
    accepts: fn(&HeaderMap) -> bool,
    expected: &str,
) -> Option<InvalidRequest> {
    if accepts(headers) {
        return None;
    }
    let violation = if headers.contains_key(CONTENT_TYPE) {
        FieldViolation::header(
            "content-type",
            Reason::NotAllowed,
            format!("the body must be sent as {expected}"),
        )
    } else {
        FieldViolation::header(
            "content-type",
            Reason::Missing,
            format!("content-type is required: {expected}"),
        )
    };
    Some(InvalidRequest::new(vec![violation]).with_status(StatusCode::UNSUPPORTED_MEDIA_TYPE))
}

impl<T: DeserializeOwned> Json<T> {
    /// The value a JSON body holds, or the violation that says why it holds none (see the
    /// tables above).
    ///
    /// # Errors
    ///
    /// An [`InvalidRequest`] with one violation: 400 for a body that is not JSON, 422 for JSON
    /// that does not fit `T`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, InvalidRequest> {
        let mut deserializer = serde_json::Deserializer::from_slice(bytes);
        let value =
            serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
                match error.inner().classify() {
                    Category::Data => InvalidRequest::new(vec![violation(&error, Location::Body)]),
                    Category::Syntax | Category::Eof | Category::Io => malformed(error.inner()),
                }
            })?;
        // Characters after the value are a syntax error, as for axum.
        deserializer.end().map_err(|error| malformed(&error))?;
        Ok(Json(value))
    }
}

/// The rejection of a body that is not JSON: where the parser stopped, not what it expected.
fn malformed(error: &serde_json::Error) -> InvalidRequest {
    let message = format!(
        "the body is not valid JSON (line {}, column {})",
        error.line(),
        error.column()
    );
    InvalidRequest::new(vec![FieldViolation::body(
        JsonPointer::root(),
        Reason::Malformed,
        message,
    )])
    .with_status(StatusCode::BAD_REQUEST)
}

/// `application/json`, serialized with serde_json; a value that fails to serialize is a plain
/// 500 (an envelope under the layer), its error logged.
impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match serde_json::to_vec(&self.0) {
            Ok(bytes) => (
                [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
                bytes,
            )
                .into_response(),
            Err(error) => {
                tracing::error!(error = %error, "a JSON response failed to serialize");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ExtractionRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        let deserializer =
            serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(deserializer)
            .map(Query)
            .map_err(|error| {
                InvalidRequest::new(vec![violation(&error, Location::Query)])
                    .with_status(StatusCode::BAD_REQUEST)
                    .into()
            })
    }
}

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = ExtractionRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        // axum names the parameter of a failure with several parameters only; the route's
        // names fill in the rest.
        let names: Vec<String> = RawPathParams::from_request_parts(parts, state)
            .await
            .map(|params| params.iter().map(|(name, _)| name.to_owned()).collect())
            .unwrap_or_default();
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(PathRejection::FailedToDeserializePathParams(failure)) => {
                match path_violation(failure.kind(), &names) {
                    Some(violation) => Err(InvalidRequest::new(vec![violation])
                        .with_status(StatusCode::BAD_REQUEST)
                        .into()),
                    None => Err(ExtractionRejection::Framework(
                        PathRejection::FailedToDeserializePathParams(failure).into_response(),
                    )),
                }
            }
            Err(other) => Err(ExtractionRejection::Framework(other.into_response())),
        }
    }
}

/// The violation a path failure describes; `None` for the failures that are the route's fault
/// (a wrong number of parameters, a type a path cannot hold), which stay axum's 500.
fn path_violation(kind: &ErrorKind, names: &[String]) -> Option<FieldViolation> {
    let only_name = || match names {
        [name] => name.clone(),
        _ => String::new(),
    };
    let (name, message) = match kind {
        ErrorKind::ParseErrorAtKey {
            key, expected_type, ..
        } => (key.clone(), format!("{key} is not a valid {expected_type}")),
        ErrorKind::ParseErrorAtIndex {
            index,
            expected_type,
            ..
        } => {
            let name = names
                .get(*index)
                .cloned()
                .unwrap_or_else(|| index.to_string());
            let message = format!("{name} is not a valid {expected_type}");
            (name, message)
        }
        ErrorKind::ParseError { expected_type, .. } => {
            let name = only_name();
            let message = format!("{name} is not a valid {expected_type}");
            (name, message)
        }
        ErrorKind::InvalidUtf8InPathParam { key } => {
            (key.clone(), format!("{key} is not valid UTF-8"))
        }
        ErrorKind::DeserializeError { key, message, .. } => (key.clone(), message.clone()),
        ErrorKind::Message(message) => (only_name(), message.clone()),
        _ => return None,
    };
    Some(FieldViolation::path(name, Reason::InvalidFormat, message))
}
