//! Handlers' errors over real HTTP: status, content type, envelope, request ids and
//! `Retry-After`, with `ApiErrorLayer` installed and without it.

mod axum_support;

use std::collections::HashSet;
use std::time::Duration;

use assetpay_errors::assetpay::GenericError;
use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::{MAX_REQUEST_ID_LEN, RouterExt as _};
use assetpay_errors::client::CatalogMatch;
use axum::http::StatusCode;
use http::HeaderValue;
use http::header::RETRY_AFTER;
use reqwest::Method;

use axum_support::{Answer, Server, ShopError, app, is_generated_id};

#[tokio::test]
async fn a_handler_error_answers_with_its_status_and_an_envelope_carrying_the_request_id() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = server.get("/orders/8").await;

    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let error = answer.assetpay_error(1003);
    assert_eq!(error.key(), "NOT_FOUND");
    assert_eq!(error.message(), "Resource not found");
    assert!(is_generated_id(answer.request_id_header()), "{answer:?}");
    assert_eq!(
        answer.text(),
        format!(
            r#"{{"requestId":"{}","success":false,"error":{{"code":1003,"key":"NOT_FOUND","message":"Resource not found"}}}}"#,
            answer.request_id_header()
        ),
    );
}

#[tokio::test]
async fn errors_of_composed_and_custom_types_carry_their_own_entries() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let price = server.post("/trade", "application/json", "{}").await;
    assert_eq!(price.status, StatusCode::CONFLICT);
    assert_eq!(price.assetpay_error(11).key(), "PRICE_CHANGED");

    let reserved = server.get("/reserved/SKU-%229%22").await;
    assert_eq!(reserved.status, StatusCode::CONFLICT);
    let error = reserved.envelope::<ShopError>();
    assert_eq!((error.code(), error.key()), (3002, "ITEM_RESERVED"));
    assert_eq!(error.message(), r#"Item SKU-"9" is reserved"#);
}

#[tokio::test]
async fn successful_responses_carry_the_request_id_too() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = server.get("/orders/7").await;

    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.text(), "order 7");
    assert!(is_generated_id(answer.request_id_header()));
}

#[tokio::test]
async fn a_valid_incoming_request_id_is_kept_in_header_and_body() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;
    let longest = "a".repeat(MAX_REQUEST_ID_LEN);
    let ids = [
        "0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f",
        "req_7f3a:retry.1",
        "X",
        longest.as_str(),
    ];

    for id in ids {
        let errored = Answer::of(
            server
                .request(Method::GET, "/orders/8")
                .header("x-request-id", id),
        )
        .await;
        assert_eq!(errored.request_id_header(), id);
        assert_eq!(errored.assetpay_error(1003).request_id(), Some(id));

        let succeeded = Answer::of(
            server
                .request(Method::GET, "/orders/7")
                .header("x-request-id", id),
        )
        .await;
        assert_eq!(succeeded.request_id_header(), id);
    }
}

#[tokio::test]
async fn an_invalid_incoming_request_id_is_replaced_by_a_fresh_one() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;
    let too_long = "a".repeat(MAX_REQUEST_ID_LEN + 1);
    let invalid: [&[u8]; 8] = [
        b"",
        b"two words",
        b"\"quoted\"",
        b"semi;colon",
        b"tab\there",
        b"back\\slash",
        b"caf\xe9",
        too_long.as_bytes(),
    ];

    let mut seen = HashSet::new();
    for id in invalid {
        let answer = Answer::of(
            server
                .request(Method::GET, "/orders/8")
                .header("x-request-id", HeaderValue::from_bytes(id).unwrap()),
        )
        .await;
        let error = answer.assetpay_error(1003);
        let sent = error.request_id().unwrap();
        assert!(is_generated_id(sent), "{id:?} answered with {sent:?}");
        assert!(seen.insert(sent.to_owned()), "{sent} was generated twice");
    }

    // Two ids leave no way to tell which one the client meant.
    let answer = Answer::of(
        server
            .request(Method::GET, "/orders/8")
            .header("x-request-id", "first")
            .header("x-request-id", "second"),
    )
    .await;
    assert!(is_generated_id(
        answer.assetpay_error(1003).request_id().unwrap()
    ));
}

#[tokio::test]
async fn retryable_errors_that_say_how_long_to_wait_send_retry_after() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    // Declared on the variant with `retry_after = 7`.
    let busy = server.get("/warehouse").await;
    assert_eq!(busy.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(busy.headers.get(RETRY_AFTER).unwrap(), "7");
    let error = busy.envelope::<ShopError>();
    assert!(error.is_retryable());
    assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));

    // Given by the handler, for an error the catalogue declares retryable.
    let limited = server.get("/rate-limited").await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.headers.get(RETRY_AFTER).unwrap(), "30");
    assert_eq!(
        limited.assetpay_error(1005).retry_after(),
        Some(Duration::from_secs(30))
    );

    // Retryable, but nobody said how long to wait.
    let unknown_wait = server.get("/rate-limited/no-wait").await;
    assert_eq!(unknown_wait.assetpay_error(1005).key(), "RATE_LIMITED");
    assert_eq!(unknown_wait.headers.get(RETRY_AFTER), None);

    // A wait given for an error that is not retryable is not sent.
    let not_retryable = server.get("/not-found-with-wait").await;
    assert_eq!(not_retryable.assetpay_error(1003).key(), "NOT_FOUND");
    assert_eq!(not_retryable.headers.get(RETRY_AFTER), None);
}

#[tokio::test]
async fn an_error_turned_into_a_response_outside_the_request_task_gets_the_request_id() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = Answer::of(
        server
            .request(Method::GET, "/converted-elsewhere")
            .header("x-request-id", "req-elsewhere-1"),
    )
    .await;

    assert_eq!(answer.status, StatusCode::CONFLICT);
    assert_eq!(
        answer.assetpay_error(1004).request_id(),
        Some("req-elsewhere-1")
    );
}

#[tokio::test]
async fn without_the_layer_a_handler_error_is_still_a_complete_envelope() {
    let server = Server::start(app()).await;

    let first = server.get("/orders/8").await;
    let second = server.get("/warehouse").await;

    assert_eq!(first.status, StatusCode::NOT_FOUND);
    let first_id = first.assetpay_error(1003).request_id().unwrap().to_owned();
    assert!(is_generated_id(&first_id));
    assert_eq!(second.headers.get(RETRY_AFTER).unwrap(), "7");
    let second_id = second
        .envelope::<ShopError>()
        .request_id()
        .unwrap()
        .to_owned();
    assert!(is_generated_id(&second_id));
    assert_ne!(first_id, second_id);
}

#[tokio::test]
async fn the_decoder_matches_every_handler_error_to_its_variant() {
    let server = Server::start(app().with_api_errors(framework_errors())).await;

    let answer = server.get("/orders/8").await;

    let error = answer.envelope::<GenericError>();
    assert_eq!(error.variant(), Some(GenericError::NotFound));
    assert!(matches!(error.catalog_match(), CatalogMatch::Known(_)));
}
