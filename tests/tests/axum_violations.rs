//! Field violations over real HTTP: this crate's `Json`, `Query`, `Path` and `Valid` extractors
//! reject with `VALIDATION_FAILED` whose `details` say where and why, the demo server answers as
//! the issue's "done when" asks, and the Rust decoder reads it all back typed.

mod axum_support;

// The demo server's own router, served as it is.
#[allow(
    dead_code,
    reason = "the demo's document printer is the openapi example's"
)]
#[path = "../../assetpay-errors/examples/demo/app.rs"]
mod demo_server;

use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::{
    ApiResult, Form, FrameworkEntries, FrameworkErrors, InvalidRequest, Json, Path, Query,
    RouterExt as _, Valid,
};
use assetpay_errors::client::ErrorResponse;
use assetpay_errors::violation::{FieldViolation, Location, Reason};
use assetpay_errors::{ApiError, AssetPayError};
use axum::Router;
use axum::http::StatusCode;
use axum::routing::{get, post};
use reqwest::Method;
use serde::Deserialize;
use validator::Validate;

use axum_support::{Answer, Server};

/// Checks a `VALIDATION_FAILED` answer carrying violations: the catalogue's message alone, no
/// serde text appended, and returns the decoded error.
fn rejected(answer: &Answer) -> ErrorResponse<AssetPayError> {
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{answer:?}"
    );
    let error = answer.assetpay_error(1001);
    assert_eq!(error.key(), "VALIDATION_FAILED");
    assert_eq!(error.message(), "The request data is invalid", "{answer:?}");
    assert_eq!(error.details_error(), None, "{answer:?}");
    error
}

/// The one violation of a rejection, as (in, field, reason).
fn only_violation(answer: &Answer) -> (Location, String, Reason) {
    let error = rejected(answer);
    let [violation] = error.violations() else {
        panic!("not one violation: {answer:?}");
    };
    (
        violation.location().clone(),
        violation.field().to_owned(),
        violation.reason().clone(),
    )
}

fn body(field: &str, reason: Reason) -> (Location, String, Reason) {
    (Location::Body, field.to_owned(), reason)
}

#[tokio::test]
async fn the_demo_answers_a_missing_quantity_and_a_zero_quantity_with_typed_details() {
    let server = Server::start(demo_server::app()).await;

    let missing = server
        .post("/orders", "application/json", r#"{"itemId":1}"#)
        .await;
    let text = missing.text();
    assert!(
        text.contains(r#""details":[{"in":"body","field":"/quantity","reason":"MISSING","message":"quantity is required"}]"#),
        "{text}"
    );
    assert_eq!(only_violation(&missing), body("/quantity", Reason::Missing));

    let zero = server
        .post(
            "/orders",
            "application/json",
            r#"{"itemId":1,"quantity":0}"#,
        )
        .await;
    assert_eq!(only_violation(&zero), body("/quantity", Reason::OutOfRange));
    assert_eq!(
        rejected(&zero).violations()[0].message(),
        "quantity must be between 1 and 100"
    );
    let too_many = server
        .post(
            "/orders",
            "application/json",
            r#"{"itemId":1,"quantity":101}"#,
        )
        .await;
    assert_eq!(
        only_violation(&too_many),
        body("/quantity", Reason::OutOfRange)
    );

    let accepted = server
        .post(
            "/orders",
            "application/json",
            r#"{"itemId":1,"quantity":2}"#,
        )
        .await;
    assert_eq!(accepted.status, StatusCode::CREATED);
    assert_eq!(accepted.text(), r#"{"id":8,"itemId":1,"quantity":2}"#);
}

#[tokio::test]
async fn json_bodies_that_do_not_fit_name_the_member_and_the_reason() {
    let server = Server::start(demo_server::app()).await;
    let post = |body: &'static str| server.post("/orders", "application/json", body);

    assert_eq!(
        only_violation(&post(r#"{"itemId":"one","quantity":1}"#).await),
        body("/itemId", Reason::InvalidType)
    );
    assert_eq!(
        only_violation(&post(r#"{"itemId":1,"quantity":-1}"#).await),
        body("/quantity", Reason::OutOfRange)
    );
    let syntax = post(r#"{"itemId":1,"#).await;
    assert_eq!(only_violation(&syntax), body("", Reason::Malformed));
    assert_eq!(
        rejected(&syntax).violations()[0].message(),
        "the body is not valid JSON (line 1, column 12)"
    );
    assert_eq!(
        only_violation(&post(r#"{"itemId":1,"quantity":1} trailing"#).await),
        body("", Reason::Malformed)
    );

    let wrong_type = server
        .post("/orders", "text/plain", r#"{"itemId":1,"quantity":1}"#)
        .await;
    let header = |reason| (Location::Header, "content-type".to_owned(), reason);
    assert_eq!(only_violation(&wrong_type), header(Reason::NotAllowed));
    let no_type = Answer::of(
        server
            .request(Method::POST, "/orders")
            .body(r#"{"itemId":1,"quantity":1}"#),
    )
    .await;
    assert_eq!(only_violation(&no_type), header(Reason::Missing));

    // A body over the limit is axum's own rejection: its 413 is kept, and its text says why.
    let oversized = server
        .post("/orders", "application/json", "a".repeat(5000))
        .await;
    assert_eq!(oversized.status, StatusCode::PAYLOAD_TOO_LARGE);
    let error = oversized.assetpay_framework_error(1008);
    assert!(error.violations().is_empty());
    assert_eq!(
        error.message(),
        "Request cannot be processed: Failed to buffer the request body: length limit exceeded"
    );
}

#[tokio::test]
async fn path_and_query_parameters_are_named() {
    let server = Server::start(demo_server::app()).await;
    assert_eq!(
        only_violation(&server.get("/orders/abc").await),
        (Location::Path, "id".to_owned(), Reason::InvalidFormat)
    );
    assert_eq!(
        only_violation(&server.get("/orders?limit=many").await),
        (Location::Query, "limit".to_owned(), Reason::InvalidFormat)
    );
    assert_eq!(
        only_violation(&server.get("/orders").await),
        (Location::Query, "limit".to_owned(), Reason::Missing)
    );
    assert_eq!(server.get("/orders?limit=2").await.status, StatusCode::OK);
    assert_eq!(server.get("/orders/7").await.status, StatusCode::OK);
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Basket {
    #[validate(nested)]
    items: Vec<Line>,
}

#[derive(Debug, Deserialize, Validate)]
struct Line {
    #[allow(dead_code)]
    id: u64,
    #[validate(range(min = 1, max = 9))]
    quantity: u8,
}

#[derive(Debug, Deserialize, Validate)]
struct Search {
    #[validate(length(min = 3))]
    q: String,
}

async fn basket(Valid(Json(basket)): Valid<Json<Basket>>) -> String {
    format!("{} lines", basket.items.len())
}

async fn search(Valid(Query(search)): Valid<Query<Search>>) -> String {
    search.q
}

#[derive(Debug, Deserialize, Validate)]
struct Signup {
    #[validate(email)]
    email: String,
    #[allow(dead_code)]
    age: u8,
}

async fn signup(Valid(Form(signup)): Valid<Form<Signup>>) -> String {
    signup.email
}

async fn shelf(Path((shop, item)): Path<(u32, u32)>) -> String {
    format!("{shop}/{item}")
}

/// A handler's own error with violations, sent through the derive's `IntoResponse`.
#[derive(Debug, ApiError)]
enum StockError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed {
        #[api(details)]
        violations: Vec<FieldViolation>,
    },
}

async fn reserve() -> ApiResult<(), StockError> {
    Err(StockError::ValidationFailed {
        violations: vec![FieldViolation::body(
            assetpay_errors::violation::JsonPointer::root().key("sku"),
            Reason::Other("SKU_TAKEN".to_owned()),
            "the SKU is reserved",
        )],
    }
    .into())
}

async fn refuse() -> InvalidRequest {
    InvalidRequest::new(vec![FieldViolation::header(
        "if-match",
        Reason::Missing,
        "if-match is required",
    )])
}

fn shop() -> Router {
    Router::new()
        .route("/baskets", post(basket))
        .route("/search", get(search))
        .route("/signups", post(signup))
        .route("/shops/{shop}/items/{item}", get(shelf))
        .route("/reserve", post(reserve))
        .route("/refuse", get(refuse))
}

#[tokio::test]
async fn nested_values_get_full_pointers_from_serde_and_from_validator() {
    let server = Server::start(shop().with_api_errors(framework_errors())).await;
    let post = |body: &'static str| server.post("/baskets", "application/json", body);
    assert_eq!(
        only_violation(&post(r#"{"items":[{"id":1,"quantity":1},{"id":"x","quantity":1}]}"#).await),
        body("/items/1/id", Reason::InvalidType)
    );
    assert_eq!(
        only_violation(&post(r#"{"items":[{"id":1,"quantity":1},{"id":2,"quantity":0}]}"#).await),
        body("/items/1/quantity", Reason::OutOfRange)
    );
    assert_eq!(
        only_violation(&post(r#"{"items":[{"id":1}]}"#).await),
        body("/items/0/quantity", Reason::Missing)
    );
    assert_eq!(post(r#"{"items":[]}"#).await.text(), "0 lines");

    assert_eq!(
        only_violation(&server.get("/search?q=ab").await),
        (Location::Query, "q".to_owned(), Reason::TooShort)
    );
    assert_eq!(
        only_violation(&server.get("/shops/1/items/x").await),
        (Location::Path, "item".to_owned(), Reason::InvalidFormat)
    );
    assert_eq!(server.get("/shops/1/items/2").await.text(), "1/2");
}

#[tokio::test]
async fn form_bodies_name_the_field_as_a_pointer() {
    let server = Server::start(shop().with_api_errors(framework_errors())).await;
    let form = "application/x-www-form-urlencoded";
    let post = |body: &'static str| server.post("/signups", form, body);
    assert_eq!(
        only_violation(&post("email=a%40b.example").await),
        body("/age", Reason::Missing)
    );
    assert_eq!(
        only_violation(&post("email=a%40b.example&age=old").await),
        body("/age", Reason::InvalidFormat)
    );
    assert_eq!(
        only_violation(&post("email=nobody&age=30").await),
        body("/email", Reason::InvalidFormat)
    );
    let json = server
        .post("/signups", "application/json", r#"{"email":"a@b.example"}"#)
        .await;
    assert_eq!(
        only_violation(&json),
        (
            Location::Header,
            "content-type".to_owned(),
            Reason::NotAllowed
        )
    );
    assert_eq!(
        post("email=a%40b.example&age=30").await.text(),
        "a@b.example"
    );
}

#[tokio::test]
async fn hostile_member_names_come_back_escaped_and_equal() {
    let server = Server::start(shop().with_api_errors(framework_errors())).await;
    let member = "a\"b\\c/d~e\u{1}\u{7f}é";
    let json = serde_json::json!({ "items": [], member: 1 }).to_string();
    let answer = server.post("/baskets", "application/json", json).await;
    serde_json::from_slice::<serde_json::Value>(&answer.body).expect("a valid JSON body");
    assert_eq!(
        only_violation(&answer),
        body("/a\"b\\c~1d~0e\u{1}\u{7f}é", Reason::UnknownField)
    );
}

#[tokio::test]
async fn handlers_send_violations_of_their_own() {
    let server = Server::start(shop().with_api_errors(framework_errors())).await;
    let answer = server.post("/reserve", "application/json", "{}").await;
    let error = rejected(&answer);
    assert_eq!(error.violations()[0].reason().as_str(), "SKU_TAKEN");
    let answer = server.get("/refuse").await;
    assert_eq!(
        only_violation(&answer),
        (Location::Header, "if-match".to_owned(), Reason::Missing)
    );
}

#[tokio::test]
async fn the_teams_own_validation_entry_carries_the_violations() {
    #[derive(Debug, ApiError)]
    enum ShopError {
        /// Your input needs fixing
        #[api(code = 4000, key = "BAD_INPUT", status = 400)]
        BadInput,
        /// Something broke
        #[api(code = 5000, key = "BROKEN", status = 500)]
        Broken,
    }
    let errors = FrameworkErrors::new(FrameworkEntries {
        not_found: ShopError::BadInput,
        method_not_allowed: ShopError::BadInput,
        validation: ShopError::BadInput,
        payload_too_large: ShopError::BadInput,
        server_error: ShopError::Broken,
    });
    let server = Server::start(shop().with_api_errors(errors)).await;
    let answer = server.get("/search?q=ab").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let error = answer.envelope::<ShopError>();
    assert_eq!(
        (error.key(), error.message()),
        ("BAD_INPUT", "Your input needs fixing")
    );
    assert_eq!(error.violations()[0].field(), "q");
}

#[tokio::test]
async fn without_the_layer_a_rejection_is_plain_text_naming_the_field() {
    let server = Server::start(shop()).await;
    let answer = server.get("/search?q=ab").await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.text(),
        "query `q`: TOO_SHORT (q must have a length of at least 3)"
    );
}

#[test]
fn a_rejections_text_is_capped_like_its_envelope() {
    let many: Vec<FieldViolation> = (0..500)
        .map(|index| FieldViolation::query(format!("p{index}"), Reason::Missing, "required"))
        .collect();
    let text = InvalidRequest::new(many).to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), assetpay_errors::violation::MAX_DETAILS + 1);
    assert_eq!(lines[0], "query `p0`: MISSING (required)");
    let more = format!("and {} more", 500 - assetpay_errors::violation::MAX_DETAILS);
    assert_eq!(lines.last().copied(), Some(more.as_str()));
}
