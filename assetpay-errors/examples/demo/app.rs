//! The demo API, shared by `server.rs` (which serves it) and `openapi.rs` (which prints its
//! OpenAPI document): every route is registered and documented in one place, through
//! utoipa-axum's `OpenApiRouter`, so the served routes and the document cannot drift.

use std::io;
use std::time::Duration;

use assetpay_errors::ApiError;
use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::assetpay::{GenericError, TradingError};
// This crate's extractors: their rejections say which field failed, and why.
use assetpay_errors::axum::{
    ApiErrorResponse, ApiResult, Json, Path, Query, RouterExt as _, Valid,
};
use assetpay_errors::openapi::{ApiErrors, EnvelopeSchema};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use validator::Validate;

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase")]
pub struct NewOrder {
    item_id: u64,
    #[validate(range(min = 1, max = 100))]
    quantity: u32,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    id: u64,
    item_id: u64,
    quantity: u32,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListOrders {
    /// How many orders to list.
    limit: usize,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewTrade {
    item_id: u64,
    expected_price_cents: u64,
}

/// Everything `POST /trades` can answer with: AssetPay's trading errors, and its general ones
/// (the layer answers a malformed body with `VALIDATION_FAILED`, a panic with `SERVER_ERROR`).
/// The handler returns this type, and the document lists exactly its catalogue.
#[derive(Debug, ApiError)]
pub enum CreateTradeError {
    /// General errors.
    #[api(transparent)]
    Generic(GenericError),
    /// Trading errors.
    #[api(transparent)]
    Trading(TradingError),
}

/// What every item costs now; clients that quote another price get `PRICE_CHANGED`.
pub const CURRENT_PRICE_CENTS: u64 = 2049;

/// Place an order.
#[utoipa::path(post, path = "/orders", request_body = NewOrder, responses(
    (status = 201, description = "The order was placed", body = Order),
    ApiErrors<GenericError>,
))]
// Handlers return their error type itself: with the `axum` feature every derived error is an
// `IntoResponse`, answered as an envelope with the request's id. `Valid` has validator check the
// order first: a quantity of 0 is `VALIDATION_FAILED` with an `OUT_OF_RANGE` violation.
async fn create_order(
    Valid(Json(order)): Valid<Json<NewOrder>>,
) -> Result<(StatusCode, Json<Order>), GenericError> {
    Ok((
        StatusCode::CREATED,
        Json(Order {
            id: 8,
            item_id: order.item_id,
            quantity: order.quantity,
        }),
    ))
}

/// Find an order by its id.
#[utoipa::path(get, path = "/orders/{id}", params(("id" = u64, Path, description = "The order's id")), responses(
    (status = 200, description = "The order", body = Order),
    ApiErrors<GenericError>,
))]
async fn find_order(Path(id): Path<u64>) -> Result<Json<Order>, GenericError> {
    if id != 7 {
        return Err(GenericError::NotFound);
    }
    Ok(Json(Order {
        id,
        item_id: 42,
        quantity: 1,
    }))
}

/// List the first orders.
#[utoipa::path(get, path = "/orders", params(ListOrders), responses(
    (status = 200, description = "The first `limit` orders", body = Vec<Order>),
    ApiErrors<GenericError>,
))]
async fn list_orders(Query(list): Query<ListOrders>) -> Json<Vec<Order>> {
    let orders = (1..=7).map(|id| Order {
        id,
        item_id: 42,
        quantity: 1,
    });
    Json(orders.take(list.limit).collect())
}

/// Trade an item at the price the client last fetched.
#[utoipa::path(post, path = "/trades", request_body = NewTrade, responses(
    (status = 201, description = "The trade was created"),
    ApiErrors<CreateTradeError>,
))]
async fn create_trade(Json(trade): Json<NewTrade>) -> Result<StatusCode, CreateTradeError> {
    // `?` lifts the domain's error into the handler's composed type (the derive's `From`).
    check_price(&trade)?;
    Ok(StatusCode::CREATED)
}

/// A function of the trading domain: it knows only the trading errors.
fn check_price(trade: &NewTrade) -> Result<(), TradingError> {
    if trade.expected_price_cents != CURRENT_PRICE_CENTS {
        tracing::info!(item_id = trade.item_id, "quoted price is stale");
        return Err(TradingError::PriceChanged);
    }
    Ok(())
}

// `ApiErrorResponse` carries what only it can: a wait the catalogue does not declare, or the
// source of a server error for the log.

/// Always rate-limited, with `Retry-After: 30`.
#[utoipa::path(get, path = "/limited", responses(ApiErrors<GenericError>))]
async fn limited() -> ApiResult<&'static str, GenericError> {
    // AssetPay's catalogue declares no wait for RATE_LIMITED; the limiter knows it.
    Err(ApiErrorResponse::new(GenericError::RateLimited).with_retry_after(Duration::from_secs(30)))
}

/// Always a server error; the cause goes to the log only.
#[utoipa::path(get, path = "/internal", responses(ApiErrors<GenericError>))]
async fn internal() -> ApiResult<&'static str, GenericError> {
    let cause = io::Error::new(
        io::ErrorKind::ConnectionRefused,
        "ledger database at ledger-db.internal:5432 refused user payments_rw",
    );
    Err(ApiErrorResponse::new(GenericError::ServerError).with_source(cause))
}

/// Always panics; the layer answers with a server error.
#[utoipa::path(get, path = "/panic", responses(ApiErrors<GenericError>))]
async fn panics() -> &'static str {
    panic!("invariant broken: wallet 7731 has a negative balance");
}

/// The document's own fields; utoipa-axum adds the paths.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "AssetPay errors demo",
        description = "The demo server of assetpay-errors: every error response is an envelope."
    ),
    // The one line `ApiErrors` needs: its responses reference this schema.
    components(schemas(EnvelopeSchema))
)]
struct ApiDoc;

/// The documented routes and the OpenAPI document describing them.
fn documented() -> (Router, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(create_order, list_orders))
        .routes(routes!(find_order))
        .routes(routes!(create_trade))
        .routes(routes!(limited))
        .routes(routes!(internal))
        .routes(routes!(panics))
        .split_for_parts()
}

/// The OpenAPI 3.1 document, as compact JSON: what `GET /openapi.json` serves and
/// `cargo run --example openapi --features utoipa` prints.
pub fn openapi_json() -> String {
    // Through the crate's printer, so each example lists its members as the server sends them.
    assetpay_errors::openapi::to_json(&documented().1)
        .expect("an OpenAPI document serializes to JSON")
}

// ---- `GET /metrics` --------------------------------------------------------------------------

/// The process's Prometheus recorder, installed as the `metrics` facade's global recorder the
/// first time the demo is built: every error response the layer answers is counted in
/// `api_error_responses_total` (the `metrics` feature).
fn prometheus() -> &'static metrics_exporter_prometheus::PrometheusHandle {
    static HANDLE: std::sync::OnceLock<metrics_exporter_prometheus::PrometheusHandle> =
        std::sync::OnceLock::new();
    HANDLE.get_or_init(|| {
        metrics_exporter_prometheus::PrometheusBuilder::new()
            .install_recorder()
            .expect("the demo is the only recorder of its process")
    })
}

/// `GET /metrics`: the counters in Prometheus's text exposition format (version 0.0.4).
fn metrics_route(routes: Router) -> Router {
    let handle = prometheus();
    routes.route(
        "/metrics",
        get(move || async move {
            (
                [(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
                handle.render(),
            )
        }),
    )
}

/// The demo service: the documented routes, `GET /openapi.json`, `GET /metrics`, a 4 KiB body
/// limit and every error as an envelope.
pub fn app() -> Router {
    let (routes, _) = documented();
    // The very function the `openapi` example prints with, so the two cannot differ.
    let document = openapi_json();
    let routes = metrics_route(routes);
    routes
        .route(
            "/openapi.json",
            get(move || async move { ([(CONTENT_TYPE, "application/json")], document) }),
        )
        .layer(DefaultBodyLimit::max(4096))
        .with_api_errors(framework_errors())
}
