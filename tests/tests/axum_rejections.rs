//! axum's own failures over real HTTP: rejections, unknown routes and methods, oversized bodies,
//! panics and plain-text error responses all answer with envelopes.

mod axum_support;

use assetpay_errors::ApiError;
use assetpay_errors::assetpay::TradingError;
use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::{ApiErrorLayer, RouterExt as _};
use axum::http::StatusCode;
use http::header::{ALLOW, CONTENT_TYPE};
use reqwest::Method;

use axum_support::{Answer, BODY_LIMIT, SECRET, Server, app};

/// Checks a `VALIDATION_FAILED` answer and returns the detail after the declared message.
fn validation_detail(answer: &Answer) -> String {
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{answer:?}"
    );
    let error = answer.assetpay_error(1001);
    assert_eq!(error.key(), "VALIDATION_FAILED");
    error
        .message()
        .strip_prefix("The request data is invalid: ")
        .unwrap_or_else(|| panic!("no detail in {:?}", error.message()))
        .to_owned()
}

#[tokio::test]
async fn json_body_rejections_are_validation_failures() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let syntax = server
        .post("/orders", "application/json", r#"{"itemId":1,"#)
        .await;
    assert!(validation_detail(&syntax).starts_with("Failed to parse the request body as JSON"));

    let missing = server
        .post("/orders", "application/json", r#"{"itemId":1}"#)
        .await;
    assert!(validation_detail(&missing).contains("missing field `quantity`"));

    let wrong_type = server
        .post(
            "/orders",
            "application/json",
            r#"{"itemId":"one","quantity":1}"#,
        )
        .await;
    assert!(validation_detail(&wrong_type).contains("invalid type"));

    let wrong_content_type = server
        .post("/orders", "text/plain", r#"{"itemId":1,"quantity":1}"#)
        .await;
    assert_eq!(
        validation_detail(&wrong_content_type),
        "Expected request with `Content-Type: application/json`"
    );

    let no_content_type = Answer::of(
        server
            .request(Method::POST, "/orders")
            .body(r#"{"itemId":1,"quantity":1}"#),
    )
    .await;
    assert!(validation_detail(&no_content_type).contains("Content-Type"));
}

#[tokio::test]
async fn a_handler_validation_failure_has_the_declared_message_only() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = server
        .post(
            "/orders",
            "application/json",
            r#"{"itemId":1,"quantity":0}"#,
        )
        .await;

    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.assetpay_error(1001).message(),
        "The request data is invalid"
    );
}

#[tokio::test]
async fn path_and_query_rejections_are_validation_failures() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let path = server.get("/orders/seven").await;
    assert!(validation_detail(&path).contains("Cannot parse `seven`"));

    let query = server.get("/orders?limit=many").await;
    assert!(validation_detail(&query).starts_with("Failed to deserialize query string"));

    let missing_query = server.get("/orders").await;
    assert!(validation_detail(&missing_query).contains("missing field `limit`"));
}

#[tokio::test]
async fn an_oversized_body_keeps_its_413_and_says_why() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;
    let body = format!(
        r#"{{"itemId":1,"quantity":1,"note":"{}"}}"#,
        "x".repeat(BODY_LIMIT)
    );

    let answer = server.post("/orders", "application/json", body).await;

    // Not "the request data is invalid": the data may be fine, the size is not.
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    let error = answer.assetpay_framework_error(1008);
    assert_eq!(error.key(), "UNPROCESSABLE");
    assert_eq!(
        error.message(),
        "Request cannot be processed: Failed to buffer the request body: length limit exceeded"
    );
}

#[tokio::test]
async fn a_catalog_with_a_payload_too_large_entry_answers_oversized_bodies_with_it() {
    #[derive(Debug, ApiError)]
    enum LimitError {
        /// The request body is too large
        #[api(code = 4013, key = "PAYLOAD_TOO_LARGE", status = 413)]
        PayloadTooLarge,
    }
    let errors = framework_errors().with_payload_too_large(LimitError::PayloadTooLarge.spec());
    let server = Server::start(app().layer(ApiErrorLayer::new(errors))).await;

    let answer = server
        .post("/orders", "application/json", vec![b' '; BODY_LIMIT + 1])
        .await;

    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    let error = answer.envelope::<LimitError>();
    assert!(matches!(error.variant(), Some(LimitError::PayloadTooLarge)));
    assert_eq!((error.code(), error.key()), (4013, "PAYLOAD_TOO_LARGE"));
    assert_eq!(
        error.message(),
        "The request body is too large: Failed to buffer the request body: length limit exceeded"
    );
}

#[tokio::test]
async fn an_unknown_route_is_not_found_and_an_unknown_method_keeps_its_405() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let route = server.get("/no/such/route").await;
    assert_eq!(route.status, StatusCode::NOT_FOUND);
    assert_eq!(route.assetpay_error(1003).message(), "Resource not found");

    // RFC 9110 §15.5.6: a 405 with the methods the route has, never a 404 that carries `Allow`.
    let method = Answer::of(server.request(Method::DELETE, "/orders/7")).await;
    assert_eq!(method.status, StatusCode::METHOD_NOT_ALLOWED);
    let error = method.assetpay_framework_error(1008);
    assert_eq!(
        (error.key(), error.message()),
        ("UNPROCESSABLE", "Request cannot be processed")
    );
    assert_eq!(method.headers.get(ALLOW).unwrap(), "GET,HEAD");
}

#[tokio::test]
async fn a_panicking_handler_is_a_server_error() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = Answer::of(
        server
            .request(Method::GET, "/panic")
            .header("x-request-id", "req-panic-1"),
    )
    .await;

    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    let error = answer.assetpay_error(1006);
    assert_eq!(error.message(), "Internal server error");
    assert_eq!(error.request_id(), Some("req-panic-1"));
    assert!(!answer.text().contains(SECRET));
}

#[tokio::test]
async fn a_plain_server_error_is_replaced_and_its_text_dropped() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = server.get("/plain/bad-gateway").await;

    // The envelope is the server error's; the status stays the gateway's.
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY);
    assert_eq!(
        answer.assetpay_framework_error(1006).message(),
        "Internal server error"
    );
    assert!(!answer.text().contains(SECRET));
}

#[tokio::test]
async fn plain_client_errors_use_the_entry_given_for_their_status() {
    let default = Server::start(app().with_api_errors(framework_errors())).await;
    let answer = default.get("/plain/conflict").await;
    assert_eq!(answer.status, StatusCode::CONFLICT);
    // Another middleware's wording is logged, not sent.
    assert_eq!(answer.assetpay_error(1004).message(), "State conflict");

    let errors =
        framework_errors().with_status(StatusCode::CONFLICT, TradingError::PriceChanged.spec());
    let mapped = Server::start(app().with_api_errors(errors)).await;
    let answer = mapped.get("/plain/conflict").await;
    assert_eq!(answer.status, StatusCode::CONFLICT);
    assert_eq!(
        answer.assetpay_error(11).message(),
        "Price has changed since you last fetched it"
    );
}

#[tokio::test]
async fn a_json_error_response_written_on_purpose_is_left_alone() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = server.get("/custom-json-error").await;

    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        answer.headers.get(CONTENT_TYPE).unwrap(),
        "application/json"
    );
    assert_eq!(answer.text(), r#"{"custom":true}"#);
    // The request id is on it all the same.
    assert!(axum_support::is_generated_id(answer.request_id_header()));
}
