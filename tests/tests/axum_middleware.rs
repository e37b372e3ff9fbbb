//! Other middleware's plain error responses behind `with_api_errors(…)`, over real HTTP: each keeps
//! its status's meaning, the headers that carry meaning, and its retryability as this crate's
//! client decoder reads it; a plain response whose body stalls is answered at once.

mod axum_support;

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::{FrameworkEntries, FrameworkErrors, RouterExt as _};
use assetpay_errors::{ApiError, AssetPayError};
use axum::body::{Body, Bytes};
use axum::error_handling::HandleErrorLayer;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{BoxError, Router};
use http::header::{AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use http_body::Frame;
use reqwest::Method;
use tokio::sync::Notify;
use tower::ServiceBuilder;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use auth_checks::{basic_check, bearer_check};
use axum_support::{Answer, CapturedLog, Server};

/// Long enough for any answer on a loaded 2-core machine, short enough that a hang fails fast.
const ANSWER_DEADLINE: Duration = Duration::from_secs(10);

/// tower-http's authentication checks. tower-http 0.6.11 deprecates them as too basic for real
/// applications; what they answer (a bare 401, or a 401 with a `Basic` challenge) is what real
/// authentication layers answer, and that answer is what is under test.
#[expect(deprecated, reason = "see the module's documentation")]
mod auth_checks {
    use axum::body::Body;
    use tower_http::auth::require_authorization::{Basic, Bearer};
    use tower_http::validate_request::ValidateRequestHeaderLayer;

    /// The bearer check, as a service guarding an account page installs it.
    pub fn bearer_check() -> ValidateRequestHeaderLayer<Bearer<Body>> {
        ValidateRequestHeaderLayer::bearer("let-me-in")
    }

    /// The basic-auth check, which challenges with `WWW-Authenticate: Basic`.
    pub fn basic_check() -> ValidateRequestHeaderLayer<Basic<Body>> {
        ValidateRequestHeaderLayer::basic("admin", "hunter2")
    }
}

async fn hello() -> &'static str {
    "hello"
}

/// `GET path` with `ANSWER_DEADLINE`: a missing answer fails the test instead of hanging it.
async fn get_promptly(server: &Server, path: &str) -> Answer {
    tokio::time::timeout(ANSWER_DEADLINE, server.get(path))
        .await
        .unwrap_or_else(|_| panic!("no answer to GET {path} within {ANSWER_DEADLINE:?}"))
}

/// What the client decoder says a response means.
#[derive(Debug, PartialEq, Eq)]
struct Decoded {
    status: u16,
    code: u16,
    retryable: bool,
    retry_after: Option<Duration>,
}

impl Decoded {
    fn of(answer: &Answer) -> Decoded {
        let error = answer.framework_envelope::<AssetPayError>();
        Decoded {
            status: error.status().as_u16(),
            code: error.code(),
            retryable: error.is_retryable(),
            retry_after: error.retry_after(),
        }
    }
}

fn decoded(status: u16, code: u16, retryable: bool, retry_after: Option<u64>) -> Decoded {
    Decoded {
        status,
        code,
        retryable,
        retry_after: retry_after.map(Duration::from_secs),
    }
}

#[tokio::test]
async fn a_bearer_layer_401_is_unauthorized() {
    let app = Router::new()
        .route("/account", get(hello))
        .layer(bearer_check())
        .with_api_errors(framework_errors());
    let server = Server::start(app).await;

    let refused = get_promptly(&server, "/account").await;
    assert_eq!(Decoded::of(&refused), decoded(401, 1100, false, None));
    assert_eq!(
        refused.envelope::<AssetPayError>().message(),
        "Authentication required"
    );

    let admitted = Answer::of(
        server
            .request(Method::GET, "/account")
            .header(AUTHORIZATION, "Bearer let-me-in"),
    )
    .await;
    assert_eq!(
        (admitted.status, admitted.text()),
        (StatusCode::OK, "hello")
    );
}

#[tokio::test]
async fn a_basic_auth_401_keeps_its_www_authenticate_challenge() {
    let app = Router::new()
        .route("/admin", get(hello))
        .layer(basic_check())
        .with_api_errors(framework_errors());
    let server = Server::start(app).await;

    let answer = get_promptly(&server, "/admin").await;

    assert_eq!(Decoded::of(&answer), decoded(401, 1100, false, None));
    assert_eq!(answer.headers.get(WWW_AUTHENTICATE).unwrap(), "Basic");
}

/// A quota of one request, answered the way tower_governor answers a spent quota: 429 with the
/// wait in `x-ratelimit-after` and `retry-after`, and a plain-text body.
async fn one_request_quota(
    State(quota): State<Arc<AtomicU32>>,
    request: Request,
    next: Next,
) -> Response {
    if quota
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |left| {
            left.checked_sub(1)
        })
        .is_ok()
    {
        return next.run(request).await;
    }
    (
        StatusCode::TOO_MANY_REQUESTS,
        [("x-ratelimit-after", "7"), ("retry-after", "7")],
        "Too Many Requests! Wait for 7s",
    )
        .into_response()
}

#[tokio::test]
async fn a_rate_limiter_429_is_rate_limited_and_keeps_retry_after() {
    let quota = Arc::new(AtomicU32::new(1));
    let app = Router::new()
        .route("/quotes", get(hello))
        .layer(middleware::from_fn_with_state(quota, one_request_quota))
        .with_api_errors(framework_errors());
    let server = Server::start(app).await;

    assert_eq!(
        get_promptly(&server, "/quotes").await.status,
        StatusCode::OK
    );
    let limited = get_promptly(&server, "/quotes").await;

    assert_eq!(Decoded::of(&limited), decoded(429, 1005, true, Some(7)));
    assert_eq!(limited.headers.get(RETRY_AFTER).unwrap(), "7");
    assert_eq!(limited.headers.get("x-ratelimit-after").unwrap(), "7");
    assert_eq!(
        limited.envelope::<AssetPayError>().message(),
        "Too many requests"
    );
}

#[tokio::test]
async fn load_shedding_503_is_a_retryable_service_unavailable() {
    let started = Arc::new(Notify::new());
    let release = Arc::new(Notify::new());
    let slow = {
        let (started, release) = (Arc::clone(&started), Arc::clone(&release));
        move || async move {
            started.notify_one();
            release.notified().await;
            "done"
        }
    };
    let app = Router::new()
        .route("/report", get(slow))
        // Turns the handler into a service now: layered before, axum would build the layer, and
        // a fresh concurrency limit, for every request.
        .with_state(())
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(|_: BoxError| async {
                    (StatusCode::SERVICE_UNAVAILABLE, [(RETRY_AFTER, "2")])
                }))
                .load_shed()
                .concurrency_limit(1),
        )
        .with_api_errors(framework_errors());
    let server = Arc::new(Server::start(app).await);

    let first = tokio::spawn({
        let server = Arc::clone(&server);
        async move { get_promptly(&server, "/report").await }
    });
    tokio::time::timeout(ANSWER_DEADLINE, started.notified())
        .await
        .expect("the first request reaches the handler");
    let shed = get_promptly(&server, "/report").await;
    release.notify_one();

    assert_eq!(Decoded::of(&shed), decoded(503, 1009, true, Some(2)));
    assert_eq!(shed.headers.get(RETRY_AFTER).unwrap(), "2");
    let first = first.await.expect("the first request completes");
    assert_eq!((first.status, first.text()), (StatusCode::OK, "done"));
}

async fn never_done() -> &'static str {
    tokio::time::sleep(Duration::from_secs(3600)).await;
    "too late"
}

#[tokio::test]
async fn a_timeout_layer_408_or_504_is_a_retryable_service_unavailable() {
    for status in [StatusCode::REQUEST_TIMEOUT, StatusCode::GATEWAY_TIMEOUT] {
        let app = Router::new()
            .route("/slow", get(never_done))
            .layer(TimeoutLayer::with_status_code(
                status,
                Duration::from_millis(50),
            ))
            .with_api_errors(framework_errors());
        let server = Server::start(app).await;

        let answer = get_promptly(&server, "/slow").await;

        // The timeout's own status, under the retryable entry.
        assert_eq!(
            Decoded::of(&answer),
            decoded(status.as_u16(), 1009, true, None),
            "{status}"
        );
    }
}

#[tokio::test]
async fn a_request_body_limit_413_keeps_its_status_and_says_why() {
    let app = Router::new()
        .route("/notes", post(|body: String| async move { body }))
        .layer(RequestBodyLimitLayer::new(16))
        .with_api_errors(framework_errors());
    let server = Server::start(app).await;

    let answer = tokio::time::timeout(
        ANSWER_DEADLINE,
        server.post("/notes", "text/plain", "x".repeat(100)),
    )
    .await
    .expect("an answer");

    assert_eq!(Decoded::of(&answer), decoded(413, 1008, false, None));
    assert_eq!(
        answer.framework_envelope::<AssetPayError>().message(),
        "Request cannot be processed: length limit exceeded"
    );
}

/// A plain response with `code` as its status, a `Retry-After: 3` and a text body, as any
/// middleware might answer.
async fn plain_status(Path(code): Path<u16>) -> Response {
    let status = StatusCode::from_u16(code).expect("a valid status");
    (status, [(RETRY_AFTER, "3")], format!("plain {code}")).into_response()
}

/// The whole mapping, each row over HTTP and through the decoder: the status survives (but for
/// axum's rejections of a malformed request, 400 and 415, sent as the 422 of `VALIDATION_FAILED`),
/// so do the class and the retryability, and `Retry-After` is kept exactly where the entry is
/// retryable.
#[tokio::test]
async fn every_plain_status_decodes_with_its_meaning_and_retryability() {
    let app = Router::new()
        .route("/plain/{code}", get(plain_status))
        .with_api_errors(framework_errors());
    let server = Server::start(app).await;
    let table = [
        (400, decoded(422, 1001, false, None)),
        (401, decoded(401, 1100, false, None)),
        (403, decoded(403, 1300, false, None)),
        (404, decoded(404, 1003, false, None)),
        (405, decoded(405, 1008, false, None)),
        (408, decoded(408, 1009, true, Some(3))),
        (409, decoded(409, 1004, false, None)),
        (410, decoded(410, 1003, false, None)),
        (413, decoded(413, 1008, false, None)),
        (415, decoded(422, 1001, false, None)),
        (418, decoded(418, 1001, false, None)),
        (422, decoded(422, 1001, false, None)),
        (429, decoded(429, 1005, true, Some(3))),
        (500, decoded(500, 1006, false, None)),
        (501, decoded(501, 1006, false, None)),
        (502, decoded(502, 1006, false, None)),
        (503, decoded(503, 1009, true, Some(3))),
        (504, decoded(504, 1009, true, Some(3))),
    ];
    for (plain, expected) in table {
        let answer = get_promptly(&server, &format!("/plain/{plain}")).await;
        assert_eq!(Decoded::of(&answer), expected, "plain {plain}");
        assert_eq!(
            answer.headers.contains_key(RETRY_AFTER),
            expected.retryable,
            "plain {plain}"
        );
    }
}

/// A team's own generic errors: two 503 entries, neither named after the status.
#[derive(Debug, ApiError)]
enum ShopError {
    /// The request is invalid
    #[api(code = 5001, key = "INVALID", status = 400)]
    Invalid,
    /// Sign in first
    #[api(code = 5002, key = "SIGN_IN", status = 401)]
    SignIn,
    /// Slow down
    #[api(
        code = 5003,
        key = "SLOW_DOWN",
        status = 429,
        retryable,
        retry_after = 5
    )]
    SlowDown,
    /// Something broke
    #[api(code = 5004, key = "BROKEN", status = 500)]
    Broken,
    /// Back after the upgrade
    #[api(code = 5005, key = "UPGRADING", status = 503, retryable)]
    Upgrading,
    /// The shop is closed
    #[api(code = 5006, key = "CLOSED", status = 503)]
    Closed,
}

#[tokio::test]
async fn a_team_catalog_answers_by_status_from_its_own_enum() {
    let app = |errors: FrameworkErrors| {
        Router::new()
            .route("/plain/{code}", get(plain_status))
            .route("/account", get(hello).layer(bearer_check()))
            .route(
                "/limited",
                get(|| async { (StatusCode::TOO_MANY_REQUESTS, "slow down") }),
            )
            .with_api_errors(errors)
    };
    let errors = FrameworkErrors::new(FrameworkEntries {
        not_found: ShopError::Invalid,
        method_not_allowed: ShopError::Invalid,
        validation: ShopError::Invalid,
        payload_too_large: ShopError::Invalid,
        server_error: ShopError::Broken,
    });
    let server = Server::start(app(errors.clone())).await;
    let decode = |answer: &Answer| {
        let error = answer.framework_envelope::<ShopError>();
        (
            error.key().to_owned(),
            error.is_retryable(),
            error.retry_after(),
        )
    };

    let unauthorized = get_promptly(&server, "/account").await;
    assert_eq!(decode(&unauthorized), ("SIGN_IN".to_owned(), false, None));
    // No Retry-After from the middleware: the wait the entry declares.
    let limited = get_promptly(&server, "/limited").await;
    assert_eq!(
        decode(&limited),
        ("SLOW_DOWN".to_owned(), true, Some(Duration::from_secs(5)))
    );
    assert_eq!(limited.headers.get(RETRY_AFTER).unwrap(), "5");
    // No single 503 entry: a server error, not retryable, its Retry-After dropped.
    let unavailable = get_promptly(&server, "/plain/503").await;
    assert_eq!(decode(&unavailable), ("BROKEN".to_owned(), false, None));
    assert!(!unavailable.headers.contains_key(RETRY_AFTER));
    // No 403 entry: still a client error.
    let forbidden = get_promptly(&server, "/plain/403").await;
    assert_eq!(decode(&forbidden), ("INVALID".to_owned(), false, None));

    let overridden =
        errors.with_status(StatusCode::SERVICE_UNAVAILABLE, ShopError::Upgrading.spec());
    let server = Server::start(app(overridden)).await;
    let unavailable = get_promptly(&server, "/plain/503").await;
    assert_eq!(
        decode(&unavailable),
        ("UPGRADING".to_owned(), true, Some(Duration::from_secs(3)))
    );
    let timed_out = get_promptly(&server, "/plain/504").await;
    assert_eq!(decode(&timed_out).0, "UPGRADING");
}

/// A body that sends `start` and then nothing, ever: an upstream that stalled mid-body.
struct StalledBody {
    start: Option<Bytes>,
}

impl http_body::Body for StalledBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        match self.start.take() {
            Some(start) => Poll::Ready(Some(Ok(Frame::data(start)))),
            None => Poll::Pending,
        }
    }
}

async fn stalled_bad_gateway() -> Response {
    let body = StalledBody {
        start: Some(Bytes::from_static(b"upstream ledger said: conn")),
    };
    Response::builder()
        .status(StatusCode::BAD_GATEWAY)
        .header(CONTENT_TYPE, "text/plain")
        .body(Body::new(body))
        .expect("a response")
}

fn stalled_app() -> Router {
    Router::new().route("/stalled", get(stalled_bad_gateway))
}

#[tokio::test]
async fn without_the_layer_the_stalled_body_never_ends() {
    let server = Server::start(stalled_app()).await;

    let response = server
        .request(Method::GET, "/stalled")
        .send()
        .await
        .expect("the status line arrives");
    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    let read = tokio::time::timeout(Duration::from_millis(300), response.bytes()).await;
    assert!(read.is_err(), "the body ended: {read:?}");
}

#[tokio::test(flavor = "current_thread")]
async fn a_stalled_502_is_answered_promptly_with_what_had_arrived_logged() {
    // Global: a thread-local subscriber missed the layer's event now and then (tracing's
    // callsite interest is shared by the test threads).
    let log = CapturedLog::install_global();
    let server = Server::start(stalled_app().with_api_errors(framework_errors())).await;

    let started = Instant::now();
    let answer = Answer::of(
        server
            .request(Method::GET, "/stalled")
            .header("x-request-id", "req-stalled-1"),
    );
    let answer = tokio::time::timeout(ANSWER_DEADLINE, answer)
        .await
        .expect("the layer answers without waiting for the stalled body");

    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(Decoded::of(&answer), decoded(502, 1006, false, None));
    assert!(!answer.text().contains("ledger"), "{}", answer.text());
    let lines = log.lines_about("req-stalled-1");
    assert!(
        lines
            .iter()
            .any(|line| line.contains("ERROR") && line.contains("upstream ledger said: conn")),
        "log:\n{}",
        lines.join("\n")
    );
}
