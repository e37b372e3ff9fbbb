//! `ApiErrors<E>`: the error responses of a type, one per status.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::marker::PhantomData;

use http::StatusCode;
use utoipa::IntoResponses;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::schema::{AllOfBuilder, Object, ObjectBuilder, Schema, Type};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, Ref, RefOr, Response, ResponseBuilder};

use assetpay_errors_shared::wire::{
    ENVELOPE_MEDIA_TYPE, EnvelopeMember, ErrorMember, PROBLEM_MEDIA_TYPE, ProblemMember,
    REQUEST_ID_HEADER,
};

use super::{ENVELOPE_SCHEMA_NAME, ErrorSet, PROBLEM_SCHEMA_NAME};
use crate::problem::Problem;
use crate::violation::FieldViolation;
use crate::{Envelope, ErrorSpec};

/// The request id every example envelope carries; the server sends the request's own.
pub const EXAMPLE_REQUEST_ID: &str = "0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f";

/// Every error `E` can answer with, as utoipa responses: name it in
/// `#[utoipa::path(responses(..., ApiErrors<E>))]`.
///
/// `E` is a derived error type, documented whole ([`E::CATALOG`](crate::ApiError::CATALOG), with the
/// catalogues of `#[api(transparent)]` variants flattened in), or the subset one endpoint can
/// answer with, named with [`errors!`](crate::errors): `ApiErrors<errors![TradingError::PriceChanged]>`.
/// Either way the responses are the ones [`error_responses`] describes: one response per status,
/// one named example per key.
///
/// Name one `ApiErrors` per operation, with everything the operation can answer with: listing
/// two in one `responses(...)` would let the second replace the first's response for a status
/// they share, because utoipa keys responses by status. What this crate's extractors and layer
/// answer with is added to the document by [`document_layer`](super::document_layer), merged
/// into these responses.
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

impl<E: ErrorSet> IntoResponses for ApiErrors<E> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        grouped_responses(E::entries().into_iter().map(Documented::plain))
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
/// - `application/problem+json` content whose schema is the
///   [`ProblemDocument`](super::ProblemSchema) component narrowed the same way (`key` and `code`
///   enums), with `status` the one status of the response, and one example per key: the
///   [`Problem`] the server sends for a request that prefers problem documents, rendered by
///   [`Problem::write_json`];
/// - the `x-request-id` header, and `Retry-After` when an entry of the status is retryable (the
///   header is then optional: it is sent only when a wait is known).
///
/// Descriptions and enums list entries in catalogue order; statuses come in ascending order, and
/// examples sorted by key (utoipa keeps them in a sorted map).
pub fn error_responses(catalog: &'static [ErrorSpec]) -> BTreeMap<String, RefOr<Response>> {
    grouped_responses(catalog.iter().map(Documented::plain))
}

/// The example of one entry: the exact bytes the server sends, as a JSON value.
///
/// The value has the wire's members and values; a `serde_json::Value` sorts its members by name,
/// and [`to_json`](super::to_json) or [`to_pretty_json`](super::to_pretty_json) print a
/// document's examples in the wire's order again (see
/// [member order in examples](super#member-order-in-examples)).
pub fn example_envelope(spec: &'static ErrorSpec) -> serde_json::Value {
    Format::Envelope.example(&Documented::plain(spec), spec.status())
}

/// The `application/problem+json` example of one entry: the exact bytes of the
/// [`Problem`](crate::problem::Problem) the server sends, as a JSON value whose members are
/// sorted as [`example_envelope`]'s are.
pub fn example_problem(spec: &'static ErrorSpec) -> serde_json::Value {
    Format::Problem.example(&Documented::plain(spec), spec.status())
}

/// One entry a response documents, and the field violations its example sends.
pub(crate) struct Documented {
    pub(crate) spec: &'static ErrorSpec,
    pub(crate) details: Vec<FieldViolation>,
}

impl Documented {
    /// The entry, with an example without `details`.
    pub(crate) fn plain(spec: &'static ErrorSpec) -> Documented {
        Documented {
            spec,
            details: Vec::new(),
        }
    }
}

/// One response per status of `entries`, keyed by status, each holding its entries in order.
fn grouped_responses(
    entries: impl IntoIterator<Item = Documented>,
) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<String, Response> = BTreeMap::new();
    for entry in entries {
        let status = entry.spec.status();
        let response = by_status
            .entry(status.as_u16().to_string())
            .or_insert_with(|| status_response(status));
        add_entry(response, status, &entry);
    }
    by_status
        .into_iter()
        .map(|(status, response)| (status, response.into()))
        .collect()
}

/// The response for `status` before any entry is added: both media types, each with its schema
/// narrowed by empty enums, and the `x-request-id` header. [`add_entry`] fills it.
pub(crate) fn status_response(status: StatusCode) -> Response {
    let enumerated = |schema_type: Type| {
        ObjectBuilder::new()
            .schema_type(schema_type)
            .enum_values(Some(Vec::<serde_json::Value>::new()))
    };
    let envelope = ObjectBuilder::new().schema_type(Type::Object).property(
        EnvelopeMember::Error.name(),
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .property(ErrorMember::Code.name(), enumerated(Type::Integer))
            .property(ErrorMember::Key.name(), enumerated(Type::String)),
    );
    // The document's `status` is the one the response is sent with, whatever its entries' own.
    let problem = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property(
            ProblemMember::Status.name(),
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .enum_values(Some([status.as_u16()])),
        )
        .property(ProblemMember::Code.name(), enumerated(Type::Integer))
        .property(ProblemMember::Key.name(), enumerated(Type::String));
    let narrowed = |schema_name: &str, narrowed: ObjectBuilder| {
        let schema = AllOfBuilder::new()
            .item(Ref::from_schema_name(schema_name))
            .item(narrowed);
        ContentBuilder::new().schema(Some(schema)).build()
    };
    ResponseBuilder::new()
        .description(headline(status, &[]))
        .content(
            ENVELOPE_MEDIA_TYPE,
            narrowed(ENVELOPE_SCHEMA_NAME, envelope),
        )
        .content(PROBLEM_MEDIA_TYPE, narrowed(PROBLEM_SCHEMA_NAME, problem))
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
        )
        .build()
}

/// The two ways a response's body is sent, each a content of the response.
#[derive(Clone, Copy)]
enum Format {
    Envelope,
    Problem,
}

impl Format {
    const ALL: [Format; 2] = [Format::Envelope, Format::Problem];

    fn media_type(self) -> &'static str {
        match self {
            Format::Envelope => ENVELOPE_MEDIA_TYPE,
            Format::Problem => PROBLEM_MEDIA_TYPE,
        }
    }

    /// The example of `entry` as the server sends it with `status`.
    fn example(self, entry: &Documented, status: StatusCode) -> serde_json::Value {
        let envelope = Envelope::from_spec(EXAMPLE_REQUEST_ID, entry.spec, entry.spec.message())
            .with_details(&entry.details);
        let bytes = match self {
            Format::Envelope => envelope.to_json_vec(),
            Format::Problem => Problem::from(envelope).with_status(status).to_json_vec(),
        };
        serde_json::from_slice(&bytes).expect("the wire renderers write valid JSON")
    }

    /// The narrowed schema's properties that hold the `code` and `key` enums.
    fn enums(self, schema: &mut Option<RefOr<Schema>>) -> Option<&mut Object> {
        let Some(RefOr::T(Schema::AllOf(all_of))) = schema else {
            return None;
        };
        let Some(RefOr::T(Schema::Object(narrowed))) = all_of.items.get_mut(1) else {
            return None;
        };
        match self {
            Format::Problem => Some(narrowed),
            Format::Envelope => match narrowed.properties.get_mut(EnvelopeMember::Error.name()) {
                Some(RefOr::T(Schema::Object(error))) => Some(error),
                _ => None,
            },
        }
    }

    /// The names of the `code` and `key` members.
    fn code_and_key(self) -> [&'static str; 2] {
        match self {
            Format::Envelope => [ErrorMember::Code.name(), ErrorMember::Key.name()],
            Format::Problem => [ProblemMember::Code.name(), ProblemMember::Key.name()],
        }
    }
}

/// Adds `entry` to `response`, a response [`status_response`] built for the entry's status: in
/// each media type, its key and code to the enums and its example; its line to the description,
/// and the `Retry-After` header when it is retryable. An entry whose key the response already
/// lists only replaces that key's examples, and only when it has `details` to show.
///
/// Every response of this module is built by this one function, entry by entry, so a response
/// that [`document_layer`](super::document_layer) extends reads as one built whole.
///
/// `status` is the one the response is sent with, which is not always the entry's own: the layer
/// sends a 405 under whatever entry the team chose (`FrameworkErrors::status_for`), and a problem
/// document's `status` says so.
pub(crate) fn add_entry(response: &mut Response, status: StatusCode, entry: &Documented) {
    let spec = entry.spec;
    let mut known = false;
    let mut keys = Vec::new();
    for format in Format::ALL {
        let Some(RefOr::T(content)) = response.content.get_mut(format.media_type()) else {
            continue;
        };
        known = content.examples.contains_key(spec.key());
        if !known || !entry.details.is_empty() {
            let example = ExampleBuilder::new()
                .summary(format!("{} ({})", spec.description(), spec.code()))
                .value(Some(format.example(entry, status)))
                .build();
            content
                .examples
                .insert(spec.key().to_owned(), example.into());
        }
        if known {
            continue;
        }
        let Some(enums) = format.enums(&mut content.schema) else {
            continue;
        };
        let [code, key] = format.code_and_key();
        for (name, value) in [
            (code, serde_json::Value::from(spec.code())),
            (key, serde_json::Value::from(spec.key())),
        ] {
            if let Some(RefOr::T(Schema::Object(schema))) = enums.properties.get_mut(name) {
                let values = schema.enum_values.get_or_insert_with(Vec::new);
                values.push(value);
                if name == key {
                    keys = values
                        .iter()
                        .filter_map(|key| key.as_str().map(str::to_owned))
                        .collect();
                }
            }
        }
    }
    if known {
        return;
    }

    let lines = match response.description.split_once('\n') {
        Some((_, lines)) => lines.to_owned(),
        None => String::new(),
    };
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    response.description = format!("{}{lines}{}", headline(status, &keys), line(spec));

    let retryable: Vec<&str> = response
        .description
        .lines()
        .filter(|line| line.ends_with(RETRYABLE))
        .filter_map(|line| line.split('`').nth(1))
        .collect();
    if !retryable.is_empty() {
        let header = HeaderBuilder::new()
            .schema(Some(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(0)),
            ))
            .description(Some(format!(
                "Seconds to wait before retrying. Sent with {} when the wait is known.",
                code_list(&retryable)
            )))
            .build();
        response
            .headers
            .insert("Retry-After".to_owned(), header.into());
    }
}

/// What ends the description line of a retryable entry.
const RETRYABLE: &str = "; retryable";

/// The first line of a response's description: the status's reason and the keys, then a
/// blank line.
fn headline(status: StatusCode, keys: &[&str]) -> String {
    format!(
        "{}: {}\n",
        status.canonical_reason().unwrap_or("Error"),
        code_list(keys)
    )
}

/// The description's line for `spec`.
fn line(spec: &ErrorSpec) -> String {
    let mut text = format!(
        "\n- `{}` ({}): {}",
        spec.key(),
        spec.code(),
        spec.description()
    );
    if spec.is_interpolated() {
        let _ = write!(text, "; message template `{}`", spec.message());
    }
    if spec.is_retryable() {
        text.push_str(RETRYABLE);
    }
    text
}

fn code_list(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
    quoted.join(", ")
}
