//! `ApiErrors<E>`: the error responses of a type, one per status.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::marker::PhantomData;

use utoipa::IntoResponses;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::schema::{AllOfBuilder, ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, Ref, RefOr, Response, ResponseBuilder};

use assetpay_errors_shared::wire::{EnvelopeMember, ErrorMember, REQUEST_ID_HEADER};

use super::ENVELOPE_SCHEMA_NAME;
use crate::{ApiError, Envelope, ErrorSpec};

/// The request id every example envelope carries; the server sends the request's own.
pub const EXAMPLE_REQUEST_ID: &str = "0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f";

/// Every error `E` can answer with, as utoipa responses: name it in
/// `#[utoipa::path(responses(..., ApiErrors<E>))]`.
///
/// It documents [`E::CATALOG`](ApiError::CATALOG), with the catalogues of `#[api(transparent)]`
/// variants flattened in, as [`error_responses`] describes: one response per status, one named
/// example per key. To document what one endpoint can fail with, give the endpoint its own enum
/// that composes the errors it returns with `#[api(transparent)]`, and name that: listing two
/// `ApiErrors` in one `responses(...)` would let the second replace the first's response for a
/// status they share, because utoipa keys responses by status.
///
/// ```
/// use assetpay_errors::ApiError;
/// use assetpay_errors::openapi::ApiErrors;
/// use utoipa::IntoResponses as _;
///
/// #[derive(Debug, ApiError)]
/// #[api(range = 1..=99)]
/// enum TradeError {
///     /// Price has changed since you last fetched it
///     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
///     PriceChanged,
///     /// A deposit is already processing for this user
///     #[api(code = 19, key = "DEPOSIT_IN_PROGRESS", status = 409)]
///     DepositInProgress,
/// }
///
/// let responses = ApiErrors::<TradeError>::responses();
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["409"]); // one response, two examples
/// ```
pub struct ApiErrors<E>(PhantomData<fn() -> E>);

impl<E: ApiError> IntoResponses for ApiErrors<E> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(E::CATALOG)
    }
}

/// The responses documenting `catalog`, keyed by status (`"409"`), which is what
/// [`ApiErrors`] returns; usable on its own with utoipa's builders.
///
/// Each response has:
///
/// - a description that starts with the status's reason and the keys (``Conflict: `PRICE_CHANGED`,
///   `DEPOSIT_IN_PROGRESS` ``), then lists each entry's code, description and, for a message that
///   interpolates fields, its template;
/// - `application/json` content whose schema is the
///   [`ErrorEnvelope`](super::EnvelopeSchema) component narrowed, with `allOf`, to the keys and
///   codes of this status (`error.key` and `error.code` are enums, so generated clients get a
///   union type);
/// - one example per key, named by the key: the envelope the server sends, rendered by
///   [`Envelope::write_json`] with [`EXAMPLE_REQUEST_ID`]. An interpolated message shows its
///   template, such as `At most {max} items per request`, because no field values are known here;
/// - the `x-request-id` header, and `Retry-After` when an entry of the status is retryable (the
///   header is then optional: it is sent only when a wait is known).
///
/// Descriptions and enums list entries in catalogue order; statuses come in ascending order, and
/// examples sorted by key (utoipa keeps them in a sorted map).
pub fn error_responses(catalog: &'static [ErrorSpec]) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&'static ErrorSpec>> = BTreeMap::new();
    for spec in catalog {
        by_status
            .entry(spec.status().as_u16())
            .or_default()
            .push(spec);
    }
    by_status
        .into_values()
        .map(|entries| {
            let status = entries[0].status().as_u16().to_string();
            (status, status_response(&entries).into())
        })
        .collect()
}

/// The example of one entry: the exact bytes the server sends, as a JSON value.
///
/// The value has the wire's members and values; a `serde_json::Value` sorts its members by name,
/// and [`to_json`](super::to_json) or [`to_pretty_json`](super::to_pretty_json) print a
/// document's examples in the wire's order again (see
/// [member order in examples](super#member-order-in-examples)).
pub fn example_envelope(spec: &'static ErrorSpec) -> serde_json::Value {
    let bytes = Envelope::from_spec(EXAMPLE_REQUEST_ID, spec, spec.message()).to_json_vec();
    serde_json::from_slice(&bytes).expect("Envelope::write_json renders valid JSON")
}

/// The response for entries that all share one status.
fn status_response(entries: &[&'static ErrorSpec]) -> Response {
    let status = entries[0].status();
    let keys: Vec<&str> = entries.iter().map(|spec| spec.key()).collect();
    let codes: Vec<u16> = entries.iter().map(|spec| spec.code()).collect();

    let narrowed = ObjectBuilder::new().schema_type(Type::Object).property(
        EnvelopeMember::Error.name(),
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .property(
                ErrorMember::Code.name(),
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .enum_values(Some(codes)),
            )
            .property(
                ErrorMember::Key.name(),
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(keys.iter().copied())),
            ),
    );
    let schema = AllOfBuilder::new()
        .item(Ref::from_schema_name(ENVELOPE_SCHEMA_NAME))
        .item(narrowed);
    let examples = entries.iter().map(|spec| {
        let example = ExampleBuilder::new()
            .summary(format!("{} ({})", spec.description(), spec.code()))
            .value(Some(example_envelope(spec)));
        (spec.key(), example)
    });
    let content = ContentBuilder::new()
        .schema(Some(schema))
        .examples_from_iter(examples)
        .build();

    let mut response = ResponseBuilder::new()
        .description(describe(status.canonical_reason(), entries))
        .content("application/json", content)
        .header(
            REQUEST_ID_HEADER,
            HeaderBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                .description(Some(format!(
                    "The request's id, equal to the body's `{}`: the client's own \
                     `{REQUEST_ID_HEADER}` when it sent a valid one, else one the server made.",
                    EnvelopeMember::RequestId.name()
                )))
                .build(),
        );
    let retryable: Vec<&str> = entries
        .iter()
        .filter(|spec| spec.is_retryable())
        .map(|spec| spec.key())
        .collect();
    if !retryable.is_empty() {
        response = response.header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(0)),
                ))
                .description(Some(format!(
                    "Seconds to wait before retrying. Sent with {} when the wait is known.",
                    code_list(&retryable)
                )))
                .build(),
        );
    }
    response.build()
}

fn describe(reason: Option<&str>, entries: &[&'static ErrorSpec]) -> String {
    let keys: Vec<&str> = entries.iter().map(|spec| spec.key()).collect();
    let mut text = format!("{}: {}\n", reason.unwrap_or("Error"), code_list(&keys));
    for spec in entries {
        let _ = write!(
            text,
            "\n- `{}` ({}): {}",
            spec.key(),
            spec.code(),
            spec.description()
        );
        if spec.is_interpolated() {
            let _ = write!(text, "; message template `{}`", spec.message());
        }
        if spec.is_retryable() {
            text.push_str("; retryable");
        }
    }
    text
}

fn code_list(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
    quoted.join(", ")
}
