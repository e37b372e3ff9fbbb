//! The two services the layer benchmarks compare, and the requests they are measured with:
//! `with_api_errors(…)` (AssetPay's entries) with a derived error, against what a team would
//! write by hand (tower-http's `SetRequestIdLayer` and `PropagateRequestIdLayer`, and an error
//! type whose `IntoResponse` serializes a `#[derive(Serialize)]` envelope).
//!
//! `http-load` serves them over loopback; `instructions layer-*` calls them in process, so that
//! callgrind counts what each service does for one request apart from the HTTP connection's
//! work, which is the same for both.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

use assetpay_errors::ApiError;
use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::RouterExt as _;
use axum::extract::rejection::JsonRejection;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use http::header::CONTENT_TYPE;
use http::{HeaderValue, Method, Request, StatusCode};
use serde::{Deserialize, Serialize};
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};

// ---- ours ------------------------------------------------------------------------------------

#[derive(Debug, ApiError)]
#[api(range = 1..=2000)]
enum ShopError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Order {
    item_id: u64,
}

/// Ours: the routes below `with_api_errors`, the handler's error derived.
pub fn ours() -> Router {
    Router::new()
        .route("/ok", get(|| async { "ok" }))
        .route(
            "/error",
            get(|| async { Err::<&'static str, _>(ShopError::PriceChanged) }),
        )
        .route("/orders", post(|Json(_): Json<Order>| async { "ok" }))
        .with_api_errors(framework_errors())
}

// ---- by hand ---------------------------------------------------------------------------------

/// The hand-written service's counter: the same series as ours, under a name of its own so that
/// the two counts can be checked apart.
pub const HAND_ERROR_RESPONSES_TOTAL: &str = "hand_error_responses_total";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HandEnvelope<'a> {
    request_id: &'a str,
    success: bool,
    error: HandBody<'a>,
}

#[derive(Serialize)]
struct HandBody<'a> {
    code: u16,
    key: &'a str,
    message: &'a str,
}

/// An error answered as the envelope, with the id of the request it answers.
struct HandError {
    request_id: RequestId,
    status: StatusCode,
    code: u16,
    key: &'static str,
    message: Cow<'static, str>,
}

/// Whether the hand-written service counts its error responses (`--telemetry`).
static COUNTING: AtomicBool = AtomicBool::new(false);

/// Makes the hand-written service count its error responses, as ours does, from now on: for a
/// process that has installed a recorder.
pub fn count_by_hand() {
    COUNTING.store(true, Ordering::Relaxed);
}

impl IntoResponse for HandError {
    fn into_response(self) -> Response {
        if COUNTING.load(Ordering::Relaxed) {
            // What a team writes by hand: the counter, labelled from the error it answers with.
            metrics::counter!(
                HAND_ERROR_RESPONSES_TOTAL,
                "key" => self.key,
                "code" => self.code.to_string(),
                "status" => self.status.as_str().to_owned(),
            )
            .increment(1);
        }
        let envelope = HandEnvelope {
            request_id: self.request_id.header_value().to_str().unwrap_or_default(),
            success: false,
            error: HandBody {
                code: self.code,
                key: self.key,
                message: &self.message,
            },
        };
        let body = serde_json::to_vec(&envelope).expect("an envelope serializes");
        (
            self.status,
            [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
            body,
        )
            .into_response()
    }
}

async fn hand_error(
    Extension(request_id): Extension<RequestId>,
) -> Result<&'static str, HandError> {
    Err(HandError {
        request_id,
        status: StatusCode::CONFLICT,
        code: 11,
        key: "PRICE_CHANGED",
        message: Cow::Borrowed("Price has changed since you last fetched it"),
    })
}

/// axum's rejection answered as ours answers it: `VALIDATION_FAILED`, with the rejection's text
/// after the entry's message.
async fn hand_order(
    Extension(request_id): Extension<RequestId>,
    order: Result<Json<Order>, JsonRejection>,
) -> Result<&'static str, HandError> {
    match order {
        Ok(_) => Ok("ok"),
        Err(rejection) => Err(HandError {
            request_id,
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: 1001,
            key: "VALIDATION_FAILED",
            message: Cow::Owned(format!(
                "The request data is invalid: {}",
                rejection.body_text()
            )),
        }),
    }
}

/// By hand: the same routes with tower-http's request-id layers and a hand-written error.
pub fn by_hand() -> Router {
    Router::new()
        .route("/ok", get(|| async { "ok" }))
        .route("/error", get(hand_error))
        .route("/orders", post(hand_order))
        // The outermost layer runs first: set the id, then propagate it to the response.
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

// ---- the requests ---------------------------------------------------------------------------

/// One kind of request, and the status it must be answered with.
pub struct Case {
    pub name: &'static str,
    pub method: Method,
    pub path: &'static str,
    pub body: &'static str,
    pub status: StatusCode,
}

pub const CASES: [Case; 3] = [
    Case {
        name: "success (200, text)",
        method: Method::GET,
        path: "/ok",
        body: "",
        status: StatusCode::OK,
    },
    Case {
        name: "handler error (409 envelope)",
        method: Method::GET,
        path: "/error",
        body: "",
        status: StatusCode::CONFLICT,
    },
    Case {
        name: "axum rejection: malformed JSON (422 envelope)",
        method: Method::POST,
        path: "/orders",
        body: r#"{"itemId":1,"#,
        status: StatusCode::UNPROCESSABLE_ENTITY,
    },
];

impl Case {
    /// This case's request, with its body as a `B`.
    pub fn request<B: From<&'static str>>(&self) -> Request<B> {
        let mut request = Request::builder()
            .method(self.method.clone())
            .uri(self.path)
            .header(http::header::HOST, "127.0.0.1");
        if !self.body.is_empty() {
            request = request.header(CONTENT_TYPE, "application/json");
        }
        request.body(B::from(self.body)).expect("a request")
    }
}
