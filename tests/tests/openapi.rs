//! The `utoipa` feature: responses grouped by status, examples equal to the wire bytes, key
//! enums, headers, per-endpoint subsets, the demo's served document, and the printed documents
//! passing a real OpenAPI validator (openapi-spec-validator, pinned in
//! `tests/openapi-validator/requirements.txt`; the first test that needs it installs it into a
//! virtual environment in the target directory, see `assetpay_errors_tests::pinned_tools`).

mod printed_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use assetpay_errors::openapi::{
    ApiErrors, ENVELOPE_SCHEMA_NAME, EXAMPLE_REQUEST_ID, EnvelopeSchema, PROBLEM_SCHEMA_NAME,
    ProblemSchema, catalog_document, error_responses, to_json,
};
use assetpay_errors::problem::{PROBLEM_MEDIA_TYPE, Problem};
use assetpay_errors::{ApiError, AssetPayError, Envelope, ErrorSpec};
use assetpay_errors_tests::pinned_tools;
use serde_json::Value;
use utoipa::{IntoResponses, OpenApi};

use crate::printed_support::printed_at;

// The demo server's routes and document, exactly as the `server` and `openapi` examples build
// them. The server half is not used by every test.
#[allow(dead_code)]
#[path = "../../assetpay-errors/examples/demo/app.rs"]
mod demo;

#[derive(Debug, ApiError)]
#[api(range = 4000..=4099)]
pub enum BasketError {
    /// Price has changed since you last fetched it
    #[api(code = 4011, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// A deposit is already processing for this user
    #[api(code = 4019, key = "DEPOSIT_IN_PROGRESS", status = 409)]
    DepositInProgress,
    /// Too many items in a single request
    #[api(
        code = 4008,
        key = "TOO_MANY_ITEMS",
        status = 400,
        message = "At most {max} items, \"{name}\" has more"
    )]
    TooManyItems { max: usize, name: String },
    /// The basket service is busy
    #[api(
        code = 4050,
        key = "BASKET_BUSY",
        status = 503,
        retryable,
        retry_after = 9
    )]
    BasketBusy,
    /// The basket service is down
    #[api(code = 4051, key = "BASKET_DOWN", status = 503)]
    BasketDown,
}

#[derive(Debug, ApiError)]
#[api(range = 4100..=4199)]
pub enum CouponError {
    /// The coupon has expired
    #[api(code = 4101, key = "COUPON_EXPIRED", status = 409)]
    CouponExpired,
    /// No such coupon
    #[api(code = 4102, key = "COUPON_NOT_FOUND", status = 404)]
    CouponNotFound,
}

#[derive(Debug, ApiError)]
#[api(range = 4200..=4299)]
pub enum PaymentError {
    /// The card was declined
    #[api(code = 4201, key = "CARD_DECLINED", status = 402)]
    CardDeclined,
}

/// What one endpoint can fail with: its own composition, and nothing of `PaymentError`.
#[derive(Debug, ApiError)]
pub enum CheckoutError {
    #[api(transparent)]
    Basket(BasketError),
    #[api(transparent)]
    Coupon(CouponError),
}

fn as_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("utoipa types serialize")
}

fn responses_of<E: ApiError>() -> Value {
    as_json(&ApiErrors::<E>::responses())
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| item.as_str().expect("a string"))
        .collect()
}

fn object_keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

/// The bytes the server sends for `error` when the request's id is the examples' one.
fn wire_bytes<E: ApiError>(error: &E) -> String {
    String::from_utf8(Envelope::new(EXAMPLE_REQUEST_ID, error).to_json_vec()).expect("UTF-8")
}

/// The bytes the server sends for `error` to a request with the examples' id that prefers
/// `application/problem+json`.
fn problem_bytes<E: ApiError>(error: &E) -> String {
    let problem = Problem::from(Envelope::new(EXAMPLE_REQUEST_ID, error));
    String::from_utf8(problem.to_json_vec()).expect("UTF-8")
}

/// The document [`to_json`] prints for `catalog`, whose responses are components named
/// `Error{status}`.
fn printed_catalog(catalog: &'static [ErrorSpec]) -> String {
    to_json(&catalog_document("Errors", "1.0.0", catalog)).expect("the document prints")
}

/// The printed example named `key` of the response for `status` in a printed catalogue document.
fn example_text<'a>(printed: &'a str, status: &str, key: &str) -> &'a str {
    media_example_text(printed, status, "application/json", key)
}

/// The printed `application/problem+json` example named `key` of the response for `status` in
/// a printed catalogue document.
fn problem_example_text<'a>(printed: &'a str, status: &str, key: &str) -> &'a str {
    media_example_text(printed, status, PROBLEM_MEDIA_TYPE, key)
}

fn media_example_text<'a>(printed: &'a str, status: &str, media_type: &str, key: &str) -> &'a str {
    let response = format!("Error{status}");
    printed_at(printed, &[&response, media_type, "examples", key, "value"])
}

#[test]
fn two_keys_with_one_status_share_one_response() {
    let responses = responses_of::<BasketError>();
    assert_eq!(object_keys(&responses), ["400", "409", "503"]);
    let conflict = &responses["409"];
    let examples = &conflict["content"]["application/json"]["examples"];
    assert_eq!(
        object_keys(examples),
        ["DEPOSIT_IN_PROGRESS", "PRICE_CHANGED"]
    );
    let description = conflict["description"].as_str().expect("a description");
    assert!(
        description.starts_with("Conflict: `PRICE_CHANGED`, `DEPOSIT_IN_PROGRESS`\n"),
        "{description}"
    );
    assert!(
        description
            .contains("- `PRICE_CHANGED` (4011): Price has changed since you last fetched it")
    );
    assert!(
        description.contains("- `DEPOSIT_IN_PROGRESS` (4019): A deposit is already processing")
    );
}

#[test]
fn examples_are_the_bytes_the_server_sends() {
    let printed = printed_catalog(BasketError::CATALOG);
    for (status, error) in [
        ("409", BasketError::PriceChanged),
        ("409", BasketError::DepositInProgress),
        ("503", BasketError::BasketBusy),
        ("503", BasketError::BasketDown),
    ] {
        assert_eq!(
            example_text(&printed, status, error.key()),
            wire_bytes(&error)
        );
        assert_eq!(
            problem_example_text(&printed, status, error.key()),
            problem_bytes(&error)
        );
    }
}

#[test]
fn every_assetpay_example_is_its_wire_envelope() {
    let printed = printed_catalog(AssetPayError::CATALOG);
    for spec in AssetPayError::CATALOG {
        let status = spec.status().as_u16().to_string();
        let expected = Envelope::from_spec(EXAMPLE_REQUEST_ID, spec, spec.message()).to_json_vec();
        assert_eq!(
            example_text(&printed, &status, spec.key()).as_bytes(),
            expected,
            "{}",
            spec.key()
        );
        let envelope = Envelope::from_spec(EXAMPLE_REQUEST_ID, spec, spec.message());
        assert_eq!(
            problem_example_text(&printed, &status, spec.key()).as_bytes(),
            Problem::from(envelope).to_json_vec(),
            "{}",
            spec.key()
        );
    }
}

#[test]
fn an_interpolated_message_shows_its_template_escaped_as_on_the_wire() {
    let responses = responses_of::<BasketError>();
    let printed = printed_catalog(BasketError::CATALOG);
    let text = example_text(&printed, "400", "TOO_MANY_ITEMS");
    assert_eq!(
        text,
        r#"{"requestId":"0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f","success":false,"error":{"code":4008,"key":"TOO_MANY_ITEMS","message":"At most {max} items, \"{name}\" has more"}}"#
    );
    // The title is the description, the same for every occurrence; the detail the template.
    assert_eq!(
        problem_example_text(&printed, "400", "TOO_MANY_ITEMS"),
        r#"{"type":"about:blank","title":"Too many items in a single request","status":400,"detail":"At most {max} items, \"{name}\" has more","instance":"urn:request-id:0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f","code":4008,"key":"TOO_MANY_ITEMS","requestId":"0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f"}"#
    );
    let description = responses["400"]["description"]
        .as_str()
        .expect("a description");
    assert!(description.contains(r#"message template `At most {max} items, "{name}" has more`"#));
}

#[test]
fn error_key_and_code_are_enums_of_the_status_entries() {
    let responses = responses_of::<AssetPayError>();
    let mut statuses = 0;
    for (status, response) in responses.as_object().expect("responses") {
        let entries: Vec<&ErrorSpec> = AssetPayError::CATALOG
            .iter()
            .filter(|spec| spec.status().as_u16().to_string() == *status)
            .collect();
        let schema = &response["content"]["application/json"]["schema"];
        let parts = schema["allOf"].as_array().expect("allOf");
        assert_eq!(
            parts[0]["$ref"],
            format!("#/components/schemas/{ENVELOPE_SCHEMA_NAME}")
        );
        let error = &parts[1]["properties"]["error"]["properties"];
        let keys: Vec<&str> = entries.iter().map(|spec| spec.key()).collect();
        assert_eq!(strings(&error["key"]["enum"]), keys, "{status}");
        assert_eq!(error["key"]["type"], "string");
        let codes: Vec<u64> = entries.iter().map(|spec| u64::from(spec.code())).collect();
        assert_eq!(error["code"]["enum"], serde_json::json!(codes), "{status}");
        // The problem document's members, narrowed the same way, and its status the response's.
        let problem = &response["content"][PROBLEM_MEDIA_TYPE]["schema"]["allOf"];
        assert_eq!(
            problem[0]["$ref"],
            format!("#/components/schemas/{PROBLEM_SCHEMA_NAME}")
        );
        let members = &problem[1]["properties"];
        assert_eq!(strings(&members["key"]["enum"]), keys, "{status}");
        assert_eq!(
            members["code"]["enum"],
            serde_json::json!(codes),
            "{status}"
        );
        assert_eq!(
            members["status"]["enum"],
            serde_json::json!([status.parse::<u16>().unwrap()])
        );
        assert_eq!(
            object_keys(&response["content"]),
            ["application/json", PROBLEM_MEDIA_TYPE]
        );
        statuses += 1;
    }
    let mut distinct: Vec<u16> = AssetPayError::CATALOG
        .iter()
        .map(|spec| spec.status().as_u16())
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(statuses, distinct.len());
}

#[test]
fn every_response_documents_x_request_id_and_retryable_ones_retry_after() {
    let responses = responses_of::<BasketError>();
    for status in ["400", "409", "503"] {
        let headers = &responses[status]["headers"];
        assert_eq!(headers["x-request-id"]["schema"]["type"], "string");
        assert_eq!(
            headers["Retry-After"].is_object(),
            status == "503",
            "{status}"
        );
    }
    let retry_after = &responses["503"]["headers"]["Retry-After"];
    assert_eq!(retry_after["schema"]["type"], "integer");
    let description = retry_after["description"].as_str().expect("a description");
    assert!(description.contains("`BASKET_BUSY`"), "{description}");
    assert!(!description.contains("BASKET_DOWN"), "{description}");
}

#[test]
fn a_composed_endpoint_error_documents_exactly_its_parts() {
    let responses = responses_of::<CheckoutError>();
    assert_eq!(object_keys(&responses), ["400", "404", "409", "503"]);
    let conflict = &responses["409"]["content"]["application/json"];
    assert_eq!(
        strings(
            &conflict["schema"]["allOf"][1]["properties"]["error"]["properties"]["key"]["enum"]
        ),
        ["PRICE_CHANGED", "DEPOSIT_IN_PROGRESS", "COUPON_EXPIRED"]
    );
    assert_eq!(
        example_text(
            &printed_catalog(CheckoutError::CATALOG),
            "409",
            "COUPON_EXPIRED"
        ),
        wire_bytes(&CheckoutError::Coupon(CouponError::CouponExpired))
    );
    let mut documented: Vec<&str> = responses
        .as_object()
        .expect("responses")
        .values()
        .flat_map(|response| object_keys(&response["content"]["application/json"]["examples"]))
        .collect();
    documented.sort_unstable();
    let mut declared: Vec<&str> = CheckoutError::CATALOG
        .iter()
        .map(|spec| spec.key())
        .collect();
    declared.sort_unstable();
    assert_eq!(documented, declared);
    assert!(!documented.contains(&"CARD_DECLINED"));
}

#[test]
fn the_envelope_schema_requires_every_field_and_success_false() {
    let schema = as_json(&<EnvelopeSchema as utoipa::PartialSchema>::schema());
    assert_eq!(
        strings(&schema["required"]),
        ["requestId", "success", "error"]
    );
    assert_eq!(
        schema["properties"]["success"]["enum"],
        serde_json::json!([false])
    );
    let error = &schema["properties"]["error"];
    assert_eq!(strings(&error["required"]), ["code", "key", "message"]);
    assert_eq!(error["properties"]["code"]["type"], "integer");
    assert_eq!(error["properties"]["key"]["type"], "string");
    assert_eq!(error["properties"]["message"]["type"], "string");
}

/// The schema describes the `details` the server sends with field violations: the same members,
/// the same cap, and the member names an envelope with violations really has.
#[test]
fn the_envelope_schema_describes_field_violations_as_sent() {
    use assetpay_errors::violation::{MAX_DETAILS, Reason};
    use assetpay_errors::{Envelope, FieldViolation};

    let schema = as_json(&<EnvelopeSchema as utoipa::PartialSchema>::schema());
    let error = &schema["properties"]["error"]["properties"];
    let details = &error["details"];
    assert_eq!(details["type"], "array");
    assert_eq!(details["maxItems"], MAX_DETAILS);
    let violation = &details["items"];
    assert_eq!(
        strings(&violation["required"]),
        ["in", "field", "reason", "message"]
    );
    assert_eq!(
        strings(&violation["properties"]["in"]["enum"]),
        ["body", "query", "path", "header"]
    );
    assert_eq!(error["detailsOmitted"]["type"], "integer");

    let violations = vec![FieldViolation::body(
        assetpay_errors::violation::JsonPointer::root().key("quantity"),
        Reason::Missing,
        "quantity is required",
    )];
    let sent = as_json(
        &Envelope::new(
            "r1",
            &assetpay_errors::assetpay::GenericError::ValidationFailed,
        )
        .with_details(&violations),
    );
    let sorted = |value: &Value| {
        let mut keys: Vec<String> = object_keys(value).into_iter().map(str::to_owned).collect();
        keys.sort();
        keys
    };
    // utoipa keeps properties sorted; the wire keeps its own order.
    assert_eq!(
        sorted(&sent["error"]["details"][0]),
        sorted(&violation["properties"])
    );
}

/// The problem document's schema: what every document the server sends has is required, the
/// violations are described as `errors` sends them, and a sent document has no member the
/// schema does not describe.
#[test]
fn the_problem_schema_describes_the_documents_sent() {
    use assetpay_errors::FieldViolation;
    use assetpay_errors::violation::{JsonPointer, MAX_DETAILS, Reason};

    let schema = as_json(&<ProblemSchema as utoipa::PartialSchema>::schema());
    // Required: exactly the members of a document without violations.
    let plain = as_json(&Problem::from(Envelope::new(
        "r1",
        &assetpay_errors::assetpay::GenericError::NotFound,
    )));
    let mut required = strings(&schema["required"]);
    required.sort_unstable();
    let mut sent = object_keys(&plain);
    sent.sort_unstable();
    assert_eq!(required, sent);
    assert_eq!(required.len(), 8);
    let errors = &schema["properties"]["errors"];
    assert_eq!(errors["maxItems"], MAX_DETAILS);
    assert_eq!(strings(&errors["items"]["required"]), ["detail", "reason"]);
    assert_eq!(
        strings(&errors["items"]["properties"]["in"]["enum"]),
        ["query", "path", "header"]
    );
    let violations = vec![
        FieldViolation::body(JsonPointer::root().key("quantity"), Reason::Missing, "m"),
        FieldViolation::query("page", Reason::InvalidFormat, "m"),
    ];
    let sent = as_json(&Problem::from(
        Envelope::new(
            "r1",
            &assetpay_errors::assetpay::GenericError::ValidationFailed,
        )
        .with_details(&violations),
    ));
    let described = object_keys(&schema["properties"]);
    for member in object_keys(&sent) {
        assert!(described.contains(&member), "{member}");
    }
    let described = object_keys(&errors["items"]["properties"]);
    for violation in sent["errors"].as_array().expect("errors") {
        for member in object_keys(violation) {
            assert!(described.contains(&member), "{member}");
        }
    }
}

/// A path documented with `ApiErrors`, in a document with and without the one line.
#[utoipa::path(post, path = "/checkout", responses(
    (status = 201, description = "Checked out"),
    ApiErrors<CheckoutError>,
))]
#[allow(dead_code)]
async fn checkout() {}

#[derive(OpenApi)]
#[openapi(paths(checkout), components(schemas(EnvelopeSchema)))]
struct WithEnvelope;

#[derive(OpenApi)]
#[openapi(paths(checkout))]
struct WithoutEnvelope;

#[test]
fn the_one_line_registers_the_envelope_component() {
    let document = as_json(&WithEnvelope::openapi());
    assert_eq!(
        document["components"]["schemas"][ENVELOPE_SCHEMA_NAME],
        as_json(&<EnvelopeSchema as utoipa::PartialSchema>::schema())
    );
    // The problem document's schema comes with it: every response references both.
    assert_eq!(
        document["components"]["schemas"][PROBLEM_SCHEMA_NAME],
        as_json(&<ProblemSchema as utoipa::PartialSchema>::schema())
    );
    let responses = &document["paths"]["/checkout"]["post"]["responses"];
    assert_eq!(object_keys(responses), ["201", "400", "404", "409", "503"]);
    let without = as_json(&WithoutEnvelope::openapi());
    assert!(without["components"]["schemas"][ENVELOPE_SCHEMA_NAME].is_null());
    assert!(without["components"]["schemas"][PROBLEM_SCHEMA_NAME].is_null());
}

#[test]
fn the_catalog_document_names_a_response_per_status() {
    let document = as_json(&catalog_document(
        "AssetPay API errors",
        "1.0.0",
        AssetPayError::CATALOG,
    ));
    assert_eq!(document["openapi"], "3.1.0");
    assert!(document["components"]["schemas"][ENVELOPE_SCHEMA_NAME].is_object());
    assert!(document["components"]["schemas"][PROBLEM_SCHEMA_NAME].is_object());
    let responses = &document["components"]["responses"];
    assert_eq!(
        responses["Error409"],
        as_json(&error_responses(AssetPayError::CATALOG)["409"])
    );
    assert_eq!(
        object_keys(responses).len(),
        error_responses(AssetPayError::CATALOG).len()
    );
}

#[tokio::test]
async fn the_demo_serves_its_document_and_the_409_examples_are_what_post_trades_sends() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let address = listener.local_addr().expect("the bound address");
    let server = tokio::spawn(async move { axum::serve(listener, demo::app()).await });
    let client = reqwest::Client::new();

    let served = client
        .get(format!("http://{address}/openapi.json"))
        .send()
        .await
        .expect("GET /openapi.json");
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "application/json");
    let served = served.text().await.expect("the document");
    let printed = demo::openapi_json();
    assert_eq!(served, printed);

    // The same stale trade, asked for in each format: each example is what is sent.
    for media_type in ["application/json", PROBLEM_MEDIA_TYPE] {
        let answer = client
            .post(format!("http://{address}/trades"))
            .header("content-type", "application/json")
            .header("accept", media_type)
            .header("x-request-id", EXAMPLE_REQUEST_ID)
            .body(r#"{"itemId":42,"expectedPriceCents":1999}"#)
            .send()
            .await
            .expect("POST /trades");
        assert_eq!(answer.status(), 409);
        assert_eq!(answer.headers()["content-type"], media_type);
        let sent = answer.text().await.expect("the body");
        let example = printed_at(
            &printed,
            &[
                "/trades",
                "post",
                "responses",
                "409",
                media_type,
                "examples",
                "PRICE_CHANGED",
                "value",
            ],
        );
        assert_eq!(example, sent, "{media_type}");
        // Byte for byte in the printed document itself, not only after a parse.
        assert!(printed.contains(&format!(r#""value":{sent}"#)));
        assert!(sent.contains(r#""key":"PRICE_CHANGED""#));
    }

    server.abort();
}

#[test]
fn the_demo_documents_every_route_with_the_errors_it_names() {
    let document: Value = serde_json::from_str(&demo::openapi_json()).expect("JSON");
    assert_eq!(document["openapi"], "3.1.0");
    let paths = &document["paths"];
    assert_eq!(
        object_keys(paths),
        [
            "/internal",
            "/limited",
            "/orders",
            "/orders/{id}",
            "/panic",
            "/trades"
        ]
    );
    // `POST /trades` returns `CreateTradeError`, whose 409 entries are six; the handler can
    // answer with one of them, and the document names that one (issue #26).
    let trades = &paths["/trades"]["post"]["responses"];
    let conflict_keys = strings(
        &trades["409"]["content"]["application/json"]["schema"]["allOf"][1]["properties"]["error"]
            ["properties"]["key"]["enum"],
    );
    assert_eq!(conflict_keys, ["PRICE_CHANGED"]);
    let limited = &paths["/limited"]["get"]["responses"]["429"];
    assert!(limited["headers"]["Retry-After"].is_object());
}

/// The pinned validator, installed on first use.
fn validator() -> &'static Path {
    pinned_tools::openapi_validator(Path::new(env!("CARGO_TARGET_TMPDIR")))
}

/// Runs the validator on `document`; `Ok` when it accepts it, `Err` with its output otherwise.
fn validate(name: &str, document: &str) -> Result<(), String> {
    let path: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, document).expect("write the document");
    let output = Command::new(validator())
        .arg(&path)
        .output()
        .unwrap_or_else(|error| panic!("cannot run the OpenAPI validator: {error}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if output.status.success() {
        Ok(())
    } else {
        Err(text)
    }
}

/// The version `requirements.txt` pins for `package`.
fn pinned_version(package: &str) -> String {
    let requirements =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi-validator/requirements.txt");
    let requirements = std::fs::read_to_string(requirements).expect("read requirements.txt");
    requirements
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{package}==")))
        .unwrap_or_else(|| panic!("requirements.txt pins {package}"))
        .trim()
        .to_owned()
}

/// Which validator the tests ran: the copy installed in this build's target directory, at the
/// pinned version.
#[test]
fn the_pinned_copy_of_the_validator_is_the_one_installed_in_the_target_directory() {
    pinned_tools::assert_is_the_pinned_copy(
        validator(),
        Path::new(env!("CARGO_TARGET_TMPDIR")),
        &format!(
            "openapi-spec-validator {}",
            pinned_version("openapi-spec-validator")
        ),
    );
}

#[test]
fn the_validator_accepts_the_printed_documents() {
    let demo = demo::openapi_json();
    // The documents carry both media types, and the problem document's schema.
    assert!(demo.contains(
        r##""application/problem+json":{"schema":{"allOf":[{"$ref":"#/components/schemas/ProblemDocument"}"##
    ));
    validate("demo-openapi.json", &demo).expect("the demo's document is valid");
    let catalog = catalog_document("AssetPay API errors", "1.0.0", AssetPayError::CATALOG);
    validate("catalog-openapi.json", &to_json(&catalog).expect("JSON"))
        .expect("the catalogue document is valid");
    validate(
        "with-envelope.json",
        &WithEnvelope::openapi().to_json().expect("JSON"),
    )
    .expect("a document with the one line is valid");
}

#[test]
fn the_validator_rejects_a_document_without_the_envelope_component() {
    let document = WithoutEnvelope::openapi().to_json().expect("JSON");
    let output = validate("without-envelope.json", &document)
        .expect_err("a dangling $ref to the envelope is invalid");
    assert!(output.contains(ENVELOPE_SCHEMA_NAME), "{output}");
}

/// The validator reads the problem+json content too: without the problem document's schema, its
/// `$ref` dangles.
#[test]
fn the_validator_rejects_a_document_without_the_problem_component() {
    let mut document = WithEnvelope::openapi();
    let components = document.components.as_mut().expect("components");
    assert!(components.schemas.remove(PROBLEM_SCHEMA_NAME).is_some());
    let output = validate("without-problem.json", &to_json(&document).expect("JSON"))
        .expect_err("a dangling $ref to the problem document is invalid");
    assert!(output.contains(PROBLEM_SCHEMA_NAME), "{output}");
}

mod layer {
    use assetpay_errors::assetpay::{GenericError, framework_errors};
    use assetpay_errors::errors;
    use assetpay_errors::openapi::{ApiErrors, EnvelopeSchema, document_layer};
    use serde_json::Value;
    use utoipa::OpenApi;

    #[derive(serde::Deserialize, utoipa::ToSchema)]
    #[allow(dead_code)]
    struct Refund {
        reason: String,
    }

    /// Answers 422 itself (`UNPROCESSABLE`); its body's rejection is a 422 too.
    #[utoipa::path(post, path = "/refunds", request_body = Refund, responses(
        (status = 201, description = "Refunded"),
        ApiErrors<errors![GenericError::{Unprocessable, RateLimited}]>,
    ))]
    #[allow(dead_code)]
    async fn refund() {}

    /// The same operation with both 422 entries named by hand.
    #[utoipa::path(post, path = "/refunds", request_body = Refund, responses(
        (status = 201, description = "Refunded"),
        ApiErrors<errors![GenericError::{Unprocessable, RateLimited, ValidationFailed}]>,
    ))]
    #[allow(dead_code)]
    async fn refund_named() {}

    #[derive(OpenApi)]
    #[openapi(paths(refund), components(schemas(EnvelopeSchema, Refund)))]
    struct Merged;

    #[derive(OpenApi)]
    #[openapi(paths(refund_named), components(schemas(EnvelopeSchema, Refund)))]
    struct Named;

    fn unprocessable(document: &utoipa::openapi::OpenApi) -> Value {
        serde_json::to_value(document).unwrap()["paths"]["/refunds"]["post"]["responses"]["422"]
            .clone()
    }

    #[test]
    fn a_rejection_merged_into_a_status_reads_as_the_response_built_whole() {
        let mut merged = Merged::openapi();
        document_layer(&mut merged, &framework_errors());
        let mut merged = unprocessable(&merged);
        let named = unprocessable(&Named::openapi());
        let content = &mut merged["content"]["application/json"];
        // The rejection's example shows the violation the body's extractor sends.
        let details = content["examples"]["VALIDATION_FAILED"]["value"]["error"]
            .as_object_mut()
            .unwrap()
            .remove("details")
            .expect("details");
        assert_eq!(details[0]["in"], "body");
        assert_eq!(details[0]["field"], "/reason");
        assert_eq!(details[0]["reason"], "MISSING");
        // The same violation in the problem document, as `errors` sends it.
        let errors = merged["content"]["application/problem+json"]["examples"]["VALIDATION_FAILED"]
            ["value"]
            .as_object_mut()
            .unwrap()
            .remove("errors")
            .expect("errors");
        assert_eq!(errors[0]["pointer"], "#/reason");
        assert_eq!(errors[0]["reason"], "MISSING");
        assert_eq!(errors[0]["detail"], details[0]["message"]);
        // Apart from them: the same description, enums, examples and headers.
        assert_eq!(merged, named);
        assert!(
            merged["description"]
                .as_str()
                .unwrap()
                .starts_with("Unprocessable Entity: `UNPROCESSABLE`, `VALIDATION_FAILED`\n")
        );
    }

    #[test]
    fn the_layers_answers_are_components_no_operation_repeats() {
        let mut document = Merged::openapi();
        document_layer(&mut document, &framework_errors());
        let document = serde_json::to_value(&document).unwrap();
        let components = &document["components"]["responses"];
        let key_of = |name: &str| {
            let examples = components[name]["content"]["application/json"]["examples"]
                .as_object()
                .unwrap_or_else(|| panic!("{name} documents its entry"));
            let keys = examples.keys().cloned().collect::<Vec<_>>();
            let problems = components[name]["content"]["application/problem+json"]["examples"]
                .as_object()
                .unwrap_or_else(|| panic!("{name} documents its problem document"));
            assert_eq!(problems.keys().cloned().collect::<Vec<_>>(), keys, "{name}");
            keys
        };
        assert_eq!(key_of("UnknownRoute"), ["NOT_FOUND"]);
        // 405 keeps its status under the entry AssetPay declares for it (`docs/axum.md`).
        assert_eq!(key_of("MethodNotAllowed"), ["UNPROCESSABLE"]);
        // Its problem document says the status it is sent with, not its entry's 422.
        assert_eq!(
            components["MethodNotAllowed"]["content"]["application/problem+json"]["examples"]["UNPROCESSABLE"]
                ["value"]["status"],
            405
        );
        assert_eq!(key_of("Panic"), ["SERVER_ERROR"]);
        assert_eq!(key_of("Plain401"), ["UNAUTHORIZED"]);
        assert_eq!(key_of("Plain503"), ["SERVICE_UNAVAILABLE"]);
        let responses = &document["paths"]["/refunds"]["post"]["responses"];
        assert!(responses.get("404").is_none() && responses.get("500").is_none());
    }
}
