//! Server errors over real HTTP: what went wrong is logged through `tracing` with the request id,
//! and never reaches the body.
//!
//! Each test runs server and client on one thread (`current_thread`), so a subscriber set as
//! that thread's default sees every event the server logs.

mod axum_support;

use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::RouterExt as _;
use axum::http::StatusCode;
use reqwest::Method;

use axum_support::{Answer, CapturedLog, SECRET, Server, ShopError, app};

/// Requests `path` with the request id `request_id`.
async fn get_with_id(server: &Server, path: &str, request_id: &str) -> Answer {
    Answer::of(
        server
            .request(Method::GET, path)
            .header("x-request-id", request_id),
    )
    .await
}

/// The one ERROR line logged for `request_id`.
fn error_line(log: &CapturedLog, request_id: &str) -> String {
    let lines: Vec<String> = log
        .lines_about(request_id)
        .into_iter()
        .filter(|line| line.contains("ERROR"))
        .collect();
    assert_eq!(lines.len(), 1, "log:\n{}", log.text());
    lines.into_iter().next().unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn an_attached_source_is_logged_with_the_request_id_and_not_sent() {
    let (log, _guard) = CapturedLog::install();
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = get_with_id(&server, "/internal", "req-source-1").await;

    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        answer.assetpay_error(1006).message(),
        "Internal server error"
    );
    assert!(!answer.text().contains(SECRET), "{}", answer.text());
    let line = error_line(&log, "req-source-1");
    assert!(
        line.contains(&format!("authentication failed for password {SECRET}")),
        "{line}"
    );
    assert!(
        line.contains("code=1006") && line.contains("SERVER_ERROR"),
        "{line}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn the_error_value_itself_is_logged_and_not_sent() {
    let (log, _guard) = CapturedLog::install();
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = get_with_id(&server, "/ledger", "req-ledger-1").await;

    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    let error = answer.envelope::<ShopError>();
    assert_eq!(
        (error.key(), error.message()),
        ("LEDGER_FAILED", "The ledger failed")
    );
    assert!(!answer.text().contains(SECRET), "{}", answer.text());
    let line = error_line(&log, "req-ledger-1");
    assert!(line.contains("LedgerFailed"), "{line}");
    assert!(line.contains(SECRET), "{line}");
}

#[tokio::test(flavor = "current_thread")]
async fn a_panic_message_is_logged_and_not_sent() {
    let (log, _guard) = CapturedLog::install();
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = get_with_id(&server, "/panic", "req-panic-2").await;

    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        answer.assetpay_error(1006).request_id(),
        Some("req-panic-2")
    );
    assert!(!answer.text().contains(SECRET), "{}", answer.text());
    let line = error_line(&log, "req-panic-2");
    assert!(
        line.contains(&format!("wallet invariant broken, key {SECRET}")),
        "{line}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_plain_server_error_text_is_logged_and_not_sent() {
    let (log, _guard) = CapturedLog::install();
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = get_with_id(&server, "/plain/bad-gateway", "req-plain-1").await;

    // The gateway's status is kept, under the server error's envelope.
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY);
    assert_eq!(answer.assetpay_framework_error(1006).key(), "SERVER_ERROR");
    assert!(!answer.text().contains(SECRET), "{}", answer.text());
    let line = error_line(&log, "req-plain-1");
    assert!(line.contains(&format!("upstream said: {SECRET}")), "{line}");
    assert!(line.contains("status=502"), "{line}");
}

#[tokio::test(flavor = "current_thread")]
async fn another_middleware_client_error_text_is_logged_and_not_sent() {
    let (log, _guard) = CapturedLog::install();
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = get_with_id(&server, "/plain/forbidden", "req-forbidden-1").await;

    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let error = answer.assetpay_error(1300);
    assert_eq!(
        error.message(),
        "You don\u{2019}t have permission to access this resource"
    );
    assert!(!answer.text().contains(SECRET), "{}", answer.text());
    let lines = log.lines_about("req-forbidden-1");
    assert_eq!(lines.len(), 1, "log:\n{}", log.text());
    assert!(lines[0].contains(" INFO "), "{}", lines[0]);
    assert!(
        lines[0].contains(&format!("policy engine at {SECRET} denied")),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("status=403") && lines[0].contains("FORBIDDEN"),
        "{}",
        lines[0]
    );
}

#[tokio::test(flavor = "current_thread")]
async fn client_errors_log_no_error() {
    let (log, _guard) = CapturedLog::install();
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = get_with_id(&server, "/orders/8", "req-client-1").await;

    assert_eq!(answer.assetpay_error(1003).key(), "NOT_FOUND");
    assert!(!log.text().contains("ERROR"), "log:\n{}", log.text());
}

#[tokio::test(flavor = "current_thread")]
async fn without_the_layer_a_server_error_is_logged_with_the_id_it_was_sent_with() {
    let (log, _guard) = CapturedLog::install();
    let server = Server::start(app()).await;

    let answer = server.get("/internal").await;

    let error = answer.assetpay_error(1006);
    assert!(!answer.text().contains(SECRET));
    let line = error_line(&log, error.request_id().unwrap());
    assert!(line.contains(SECRET), "{line}");
}
