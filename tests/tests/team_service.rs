//! A service that is not AssetPay: a lending library with its own domains and its own generic
//! errors naming the framework failures, served through the axum layer over real HTTP. Every
//! failure, a handler's or not, answers with the library's own entries and never with an
//! AssetPay code or key; the library's reference page renders from its own catalogue.

mod axum_support;

use assetpay_errors::axum::{FrameworkEntries, FrameworkErrors, RouterExt as _};
use assetpay_errors::{ApiError, AssetPayError, Domain, reference};
use axum::extract::{DefaultBodyLimit, Path, Request};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use http::header::{ALLOW, RETRY_AFTER};
use reqwest::Method;
use serde::Deserialize;

use axum_support::{Answer, Server};

/// The library's platform codes: what any endpoint may answer with.
const PLATFORM: Domain = Domain::new("platform", "Platform", 7000..=7099);
/// The library's loan codes.
const LOANS: Domain = Domain::new("loans", "Library loans", 7100..=7199);

/// The library's generic errors, among them one for each failure no handler returns.
#[derive(Debug, Clone, Copy, ApiError)]
#[api(domain = PLATFORM)]
enum PlatformError {
    /// The request is not well formed
    #[api(code = 7001, key = "MALFORMED_REQUEST", status = 400)]
    MalformedRequest,
    /// No such endpoint
    #[api(code = 7002, key = "NO_SUCH_ENDPOINT", status = 404)]
    NoSuchEndpoint,
    /// The endpoint does not take this method
    #[api(code = 7003, key = "METHOD_REFUSED", status = 405)]
    MethodRefused,
    /// The request body is too large
    #[api(code = 7004, key = "BODY_TOO_LARGE", status = 413)]
    BodyTooLarge,
    /// Sign in to continue
    #[api(code = 7005, key = "SIGN_IN_REQUIRED", status = 401)]
    SignInRequired,
    /// Too many requests; slow down
    #[api(
        code = 7006,
        key = "SLOW_DOWN",
        status = 429,
        retryable,
        retry_after = 7
    )]
    SlowDown,
    /// The library is briefly offline
    #[api(code = 7007, key = "BRIEFLY_OFFLINE", status = 503, retryable)]
    BrieflyOffline,
    /// Something failed on our side
    #[api(code = 7008, key = "INTERNAL_FAILURE", status = 500)]
    InternalFailure,
}

/// The loan desk's errors.
#[derive(Debug, ApiError)]
#[api(domain = LOANS)]
enum LoanError {
    /// The book is already on loan
    #[api(code = 7101, key = "BOOK_ON_LOAN", status = 409)]
    BookOnLoan,
    /// Renewals by phone are going away
    #[deprecated]
    #[api(code = 7102, key = "PHONE_RENEWAL", status = 400)]
    PhoneRenewal,
}

/// Every error the library's API answers with.
#[derive(Debug, ApiError)]
enum LibraryError {
    /// Platform errors (7000–7099).
    #[api(transparent)]
    Platform(PlatformError),
    /// Loan errors (7100–7199).
    #[api(transparent)]
    Loans(LoanError),
}

/// The library's framework-failure entries: its own, every role named.
fn library_errors() -> FrameworkErrors {
    FrameworkErrors::new(FrameworkEntries {
        not_found: PlatformError::NoSuchEndpoint,
        method_not_allowed: PlatformError::MethodRefused,
        validation: PlatformError::MalformedRequest,
        payload_too_large: PlatformError::BodyTooLarge,
        server_error: PlatformError::InternalFailure,
    })
}

const BODY_LIMIT: usize = 64;

#[derive(Deserialize)]
#[allow(dead_code)]
struct Loan {
    book: u64,
}

async fn book(Path(id): Path<u64>) -> Result<String, LibraryError> {
    match id {
        1 => Err(LoanError::BookOnLoan.into()),
        id => Ok(format!("book {id}")),
    }
}

async fn lend(Json(_): Json<Loan>) -> &'static str {
    "lent"
}

async fn shelf() -> String {
    panic!("the shelf collapsed")
}

/// Another middleware's plain answer, as an authentication layer, a rate limiter or load
/// shedding sends it: a bare status with text, and `Retry-After` where the status carries one.
async fn refuse_with(status: StatusCode, _: Request, _: Next) -> Response {
    let refusal = format!("refused by the gate: {}", status.as_u16());
    match status {
        StatusCode::TOO_MANY_REQUESTS => (status, [(RETRY_AFTER, "2")], refusal).into_response(),
        status => (status, refusal).into_response(),
    }
}

fn library() -> Router {
    let gate = |status: StatusCode| {
        middleware::from_fn(move |request: Request, next: Next| refuse_with(status, request, next))
    };
    Router::new()
        .route("/books/{id}", get(book))
        .route("/loans", post(lend))
        .route("/shelf", get(shelf))
        .route(
            "/account",
            get(|| async { "account" }).layer(gate(StatusCode::UNAUTHORIZED)),
        )
        .route(
            "/search",
            get(|| async { "search" }).layer(gate(StatusCode::TOO_MANY_REQUESTS)),
        )
        .route(
            "/catalogue",
            get(|| async { "catalogue" }).layer(gate(StatusCode::SERVICE_UNAVAILABLE)),
        )
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_api_errors(library_errors())
}

/// The answer's entry, checked to be the library's and never AssetPay's: a known code and key of
/// the library's catalogue, sent with its status, and neither code nor key in AssetPay's.
fn library_entry(answer: &Answer) -> (StatusCode, &'static str) {
    let error = answer.envelope::<LibraryError>();
    let body: serde_json::Value = serde_json::from_slice(&answer.body).expect("a JSON body");
    let code = body["error"]["code"].as_u64().expect("a numeric code");
    let key = body["error"]["key"].as_str().expect("a key");
    assert_eq!((code, key), (u64::from(error.code()), error.key()));
    for assetpay in AssetPayError::CATALOG {
        assert_ne!(
            code,
            u64::from(assetpay.code()),
            "an AssetPay code: {answer:?}"
        );
        assert_ne!(key, assetpay.key(), "an AssetPay key: {answer:?}");
    }
    let spec = LibraryError::spec_for_key(error.key()).expect("the library's own entry");
    (answer.status, spec.key())
}

#[test]
fn the_library_shares_no_code_or_key_with_assetpay() {
    for spec in LibraryError::CATALOG {
        assert!(
            AssetPayError::spec_for_code(spec.code()).is_none(),
            "{}",
            spec.code()
        );
        assert!(
            AssetPayError::spec_for_key(spec.key()).is_none(),
            "{}",
            spec.key()
        );
    }
}

#[tokio::test]
async fn every_failure_answers_with_the_librarys_own_entries() {
    let server = Server::start(library()).await;
    let oversized = format!(r#"{{"book":1,"note":"{}"}}"#, "x".repeat(BODY_LIMIT));
    let answers = [
        // A handler's own error.
        (
            server.get("/books/1").await,
            StatusCode::CONFLICT,
            "BOOK_ON_LOAN",
        ),
        // Unknown route, and a known route with another method.
        (
            server.get("/nowhere").await,
            StatusCode::NOT_FOUND,
            "NO_SUCH_ENDPOINT",
        ),
        (
            Answer::of(server.request(Method::DELETE, "/books/1")).await,
            StatusCode::METHOD_NOT_ALLOWED,
            "METHOD_REFUSED",
        ),
        // axum's rejections: a path parameter that does not parse, a JSON syntax error.
        (
            server.get("/books/one").await,
            StatusCode::BAD_REQUEST,
            "MALFORMED_REQUEST",
        ),
        (
            server
                .post("/loans", "application/json", r#"{"book":"#)
                .await,
            StatusCode::BAD_REQUEST,
            "MALFORMED_REQUEST",
        ),
        // A body over the limit.
        (
            server.post("/loans", "application/json", oversized).await,
            StatusCode::PAYLOAD_TOO_LARGE,
            "BODY_TOO_LARGE",
        ),
        // A panic.
        (
            server.get("/shelf").await,
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL_FAILURE",
        ),
        // Other middleware's plain statuses.
        (
            server.get("/account").await,
            StatusCode::UNAUTHORIZED,
            "SIGN_IN_REQUIRED",
        ),
        (
            server.get("/search").await,
            StatusCode::TOO_MANY_REQUESTS,
            "SLOW_DOWN",
        ),
        (
            server.get("/catalogue").await,
            StatusCode::SERVICE_UNAVAILABLE,
            "BRIEFLY_OFFLINE",
        ),
    ];
    for (answer, status, key) in &answers {
        assert_eq!(library_entry(answer), (*status, *key), "{answer:?}");
        assert!(!answer.text().contains("refused by the gate"), "{answer:?}");
        assert!(!answer.text().contains("shelf collapsed"), "{answer:?}");
    }
    let [_, _, method_refused, .., limited, unavailable] = &answers;
    assert_eq!(method_refused.0.headers[ALLOW], "GET,HEAD");
    // The rate limiter's own wait is kept; the 503 has none and its entry declares none.
    assert_eq!(limited.0.headers[RETRY_AFTER], "2");
    assert!(!unavailable.0.headers.contains_key(RETRY_AFTER));
    // A success is untouched.
    let ok = server.get("/books/2").await;
    assert_eq!((ok.status, ok.text()), (StatusCode::OK, "book 2"));
}

#[test]
fn the_librarys_reference_page_renders_its_own_catalogue() {
    assert_eq!(
        reference::markdown::<LibraryError>(),
        "# Error codes

Codes are grouped by domain:

| Range | Domain |
| --- | --- |
| 7000-7099 | Platform |
| 7100-7199 | Library loans |

## Platform

| Code | Key | HTTP | Description |
| --- | --- | --- | --- |
| 7001 | `MALFORMED_REQUEST` | 400 | The request is not well formed |
| 7002 | `NO_SUCH_ENDPOINT` | 404 | No such endpoint |
| 7003 | `METHOD_REFUSED` | 405 | The endpoint does not take this method |
| 7004 | `BODY_TOO_LARGE` | 413 | The request body is too large |
| 7005 | `SIGN_IN_REQUIRED` | 401 | Sign in to continue |
| 7006 | `SLOW_DOWN` | 429 | Too many requests; slow down |
| 7007 | `BRIEFLY_OFFLINE` | 503 | The library is briefly offline |
| 7008 | `INTERNAL_FAILURE` | 500 | Something failed on our side |

## Library loans

| Code | Key | HTTP | Description |
| --- | --- | --- | --- |
| 7101 | `BOOK_ON_LOAN` | 409 | The book is already on loan |
| 7102 | `PHONE_RENEWAL` | 400 | **Deprecated.** Renewals by phone are going away |

Only these errors clear without the request changing; retry them later, with backoff: \
`SLOW_DOWN`, `BRIEFLY_OFFLINE`.

Telemetry reports each error response's key as `error.type`, on the request's span and as the \
`key` label of `api_error_responses_total`; these are all the values it can report: \
`MALFORMED_REQUEST`, `NO_SUCH_ENDPOINT`, `METHOD_REFUSED`, `BODY_TOO_LARGE`, `SIGN_IN_REQUIRED`, \
`SLOW_DOWN`, `BRIEFLY_OFFLINE`, `INTERNAL_FAILURE`, `BOOK_ON_LOAN`, `PHONE_RENEWAL`.
"
    );
}
