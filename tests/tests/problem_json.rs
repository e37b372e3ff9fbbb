//! RFC 9457 problem documents over real HTTP: the same handler error answered as the envelope or
//! as `application/problem+json` depending on `Accept`, both decoded by the client to the same
//! value; violations and the 5xx redaction in both; `Vary: Accept`; the team's default and the
//! opt-in error-code header and `docUrl`. Every problem document is validated against a JSON
//! Schema of RFC 9457 written here from the RFC (section 3) with the pinned Python `jsonschema`.

mod axum_support;

use std::path::PathBuf;
use std::process::Command;

use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::{ApiErrorLayer, Json, Query, ResponseOptions};
use assetpay_errors::client::{Decoder, ErrorResponse};
use assetpay_errors::violation::{Location, Reason};
use assetpay_errors::{ApiError, AssetPayError};
use assetpay_errors_tests::pinned_tools;
use axum_support::{Answer, SECRET, Server, ShopError, app};
use http::HeaderName;
use http::header::{ACCEPT, CONTENT_TYPE, VARY};

const PROBLEM: &str = "application/problem+json";

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Basket {
    item_id: u64,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Search {
    page: u32,
}

/// The demo service, with routes whose extractors (this crate's) answer with field violations.
async fn server(options: ResponseOptions) -> Server {
    let extracting = axum::Router::new()
        .route(
            "/basket",
            axum::routing::post(|Json(_): Json<Basket>| async { "ok" }),
        )
        .route(
            "/search",
            axum::routing::get(|Query(_): Query<Search>| async { "ok" }),
        );
    let app = app().merge(extracting);
    Server::start(app.layer(ApiErrorLayer::new(framework_errors()).with_options(options))).await
}

async fn get(server: &Server, path: &str, accept: Option<&str>) -> Answer {
    // One id for every request, so two answers to the same request compare equal.
    let mut request = server
        .request(reqwest::Method::GET, path)
        .header("x-request-id", "req-24");
    if let Some(accept) = accept {
        request = request.header(ACCEPT, accept);
    }
    Answer::of(request).await
}

fn decoded<E: ApiError>(answer: &Answer) -> ErrorResponse<E> {
    Decoder::new()
        .decode_with_headers::<E>(answer.status, &answer.headers, &answer.body)
        .unwrap_or_else(|failure| panic!("not decodable: {failure}; {answer:?}"))
}

fn content_type(answer: &Answer) -> &str {
    answer.headers[CONTENT_TYPE].to_str().unwrap()
}

fn varies_by_accept(answer: &Answer) -> bool {
    answer
        .headers
        .get_all(VARY)
        .iter()
        .any(|value| value.to_str().unwrap().eq_ignore_ascii_case("accept"))
}

/// What a client relies on, the same whichever format carried it.
fn seen<E>(error: &ErrorResponse<E>) -> impl PartialEq + std::fmt::Debug {
    (
        error.status(),
        error.request_id().map(str::to_owned),
        error.code(),
        error.key().to_owned(),
        error.message().to_owned(),
        error.violations().to_vec(),
        error.violations_omitted(),
        error.retry_after(),
        error.spec().map(|spec| spec.key()),
    )
}

fn json(answer: &Answer) -> serde_json::Value {
    serde_json::from_slice(&answer.body).unwrap()
}

#[tokio::test]
async fn the_same_error_is_an_envelope_or_a_problem_document_by_accept() {
    let server = server(ResponseOptions::new()).await;
    let envelope = get(&server, "/orders/404", None).await;
    let problem = get(&server, "/orders/404", Some(PROBLEM)).await;
    assert_eq!(content_type(&envelope), "application/json");
    assert_eq!(content_type(&problem), PROBLEM);
    assert!(varies_by_accept(&envelope) && varies_by_accept(&problem));
    assert_eq!(envelope.status, problem.status);
    let (from_envelope, from_problem) = (
        decoded::<AssetPayError>(&envelope),
        decoded::<AssetPayError>(&problem),
    );
    assert!(from_problem.is_known());
    assert_eq!(seen(&from_envelope), seen(&from_problem));
    let document = json(&problem);
    let id = problem.request_id_header();
    assert_eq!(document["requestId"], id);
    assert_eq!(document["instance"], format!("urn:request-id:{id}"));
    assert_eq!(document["status"], 404);
    assert_eq!(document["key"], "NOT_FOUND");
    assert_eq!(
        document["type"],
        "https://docs.assetpay.gg/errors#NOT_FOUND"
    );
    assert_eq!(
        from_problem.doc_url(),
        Some("https://docs.assetpay.gg/errors#NOT_FOUND")
    );
    // The envelope stays the published one: no `docUrl` unless the team opts in.
    assert_eq!(from_envelope.doc_url(), None);
    assert!(!envelope.text().contains("docUrl"));
    validate(std::slice::from_ref(&problem.body));
    // The schema is not vacuous: a document without `instance`, or with a relative `type`, fails.
    let mut broken = document.clone();
    broken.as_object_mut().unwrap().remove("instance");
    assert!(try_validate(&[serde_json::to_vec(&broken).unwrap()]).is_err());
    let mut broken = document;
    broken["type"] = "/errors#NOT_FOUND".into();
    assert!(try_validate(&[serde_json::to_vec(&broken).unwrap()]).is_err());
}

#[tokio::test]
async fn violations_a_redacted_server_error_and_an_interpolated_message_agree_in_both() {
    let server = server(ResponseOptions::new()).await;
    let mut documents = Vec::new();
    for (path, body) in [
        ("/basket", Some(r#"{"itemId":"seven"}"#)),
        ("/search?page=x", None),
        ("/ledger", None),
        ("/internal", None),
        ("/reserved/SKU-1", None),
        ("/warehouse", None),
        ("/panic", None),
        ("/no-such-route", None),
    ] {
        let request = |accept: &'static str| {
            let request = match body {
                Some(body) => server
                    .request(reqwest::Method::POST, path)
                    .header(CONTENT_TYPE, "application/json")
                    .body(body),
                None => server.request(reqwest::Method::GET, path),
            };
            request
                .header(ACCEPT, accept)
                .header("x-request-id", "same-id")
        };
        let envelope = Answer::of(request("application/json")).await;
        let problem = Answer::of(request("application/problem+json, application/json;q=0.5")).await;
        assert_eq!(content_type(&problem), PROBLEM, "{path}");
        assert!(
            varies_by_accept(&problem) && varies_by_accept(&envelope),
            "{path}"
        );
        assert_eq!(
            problem.headers.get("retry-after"),
            envelope.headers.get("retry-after"),
            "{path}"
        );
        assert!(
            !problem.text().contains(SECRET),
            "{path}: {}",
            problem.text()
        );
        let (from_envelope, from_problem) = (
            decoded::<ShopErrorOrAssetPay>(&envelope),
            decoded::<ShopErrorOrAssetPay>(&problem),
        );
        assert_eq!(seen(&from_envelope), seen(&from_problem), "{path}");
        if path == "/search?page=x" {
            let [violation] = from_problem.violations() else {
                panic!("one violation: {}", problem.text());
            };
            assert_eq!(violation.location(), &Location::Query);
            assert_eq!(json(&problem)["errors"][0]["parameter"], "page");
        }
        if path == "/basket" {
            let [violation] = from_problem.violations() else {
                panic!("one violation: {}", problem.text());
            };
            assert_eq!(violation.location(), &Location::Body);
            assert_eq!(violation.field(), "/itemId");
            assert_eq!(violation.reason(), &Reason::InvalidType);
            assert_eq!(json(&problem)["errors"][0]["pointer"], "#/itemId");
        }
        if from_problem.status().is_server_error() {
            assert!(json(&problem).get("errors").is_none(), "{path}");
        }
        documents.push(problem.body);
    }
    validate(&documents);
}

/// A 405 keeps its status under the entry AssetPay declares for it (`UNPROCESSABLE`, a 422):
/// the document's `status` is the response's, as RFC 9457 (section 3.1.2) asks, not the entry's.
#[tokio::test]
async fn a_kept_status_is_the_documents_status() {
    let server = server(ResponseOptions::new()).await;
    let answer = Answer::of(
        server
            .request(reqwest::Method::DELETE, "/orders/404")
            .header(ACCEPT, PROBLEM),
    )
    .await;
    assert_eq!(answer.status, 405);
    assert_eq!(content_type(&answer), PROBLEM);
    let document = json(&answer);
    assert_eq!(document["key"], "UNPROCESSABLE");
    assert_eq!(document["status"], 405);
    assert_eq!(decoded::<AssetPayError>(&answer).status(), 405);
    validate(std::slice::from_ref(&answer.body));
}

/// AssetPay's catalogue and the demo's own errors, for the decoder.
#[derive(Debug, ApiError)]
#[allow(dead_code)]
enum ShopErrorOrAssetPay {
    #[api(transparent)]
    AssetPay(AssetPayError),
    #[api(transparent)]
    Shop(ShopError),
}

#[tokio::test]
async fn a_team_may_default_to_problem_documents_and_add_the_code_header_and_doc_url() {
    let options = ResponseOptions::new()
        .problem_json_by_default()
        .with_error_code_header(HeaderName::from_static("x-error-code"))
        .with_doc_url_member();
    let server = server(options).await;
    for accept in [None, Some("*/*"), Some("application/*")] {
        let answer = get(&server, "/orders/404", accept).await;
        assert_eq!(content_type(&answer), PROBLEM, "{accept:?}");
        assert_eq!(answer.headers["x-error-code"], "NOT_FOUND");
    }
    let envelope = get(&server, "/orders/404", Some("application/json")).await;
    assert_eq!(content_type(&envelope), "application/json");
    assert_eq!(envelope.headers["x-error-code"], "NOT_FOUND");
    assert_eq!(
        json(&envelope)["error"]["docUrl"],
        "https://docs.assetpay.gg/errors#NOT_FOUND"
    );
    let decoded = decoded::<AssetPayError>(&envelope);
    assert_eq!(
        decoded.doc_url(),
        Some("https://docs.assetpay.gg/errors#NOT_FOUND")
    );
    // Successful responses are left alone.
    let ok = get(&server, "/orders/7", Some(PROBLEM)).await;
    assert!(ok.status.is_success() && ok.headers.get("x-error-code").is_none());
}

/// Validates every document against `tests/problem-json/problem.schema.json` (RFC 9457,
/// section 3, with this crate's extension members) with the pinned `jsonschema`.
fn validate(documents: &[Vec<u8>]) {
    if let Err(output) = try_validate(documents) {
        panic!("{output}");
    }
}

fn try_validate(documents: &[Vec<u8>]) -> Result<(), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmpdir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    // The OpenAPI validator's environment holds the pinned `jsonschema`.
    let python = pinned_tools::openapi_validator(tmpdir)
        .parent()
        .expect("the validator is in the environment's bin")
        .join("python");
    let schema = root.join("problem-json/problem.schema.json");
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = tmpdir.join(format!("problem-json-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        let path = dir.join(format!("{index}.json"));
        std::fs::write(&path, document).unwrap();
        paths.push(path);
    }
    let output = Command::new(python)
        .arg(root.join("problem-json/validate.py"))
        .arg(&schema)
        .args(&paths)
        .output()
        .expect("python runs");
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    ))
}
