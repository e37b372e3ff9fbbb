//! The demo API, shared by `server.rs` (which serves it) and `openapi.rs` (which prints its
//! OpenAPI document): every route is registered and documented in one place, through
//! utoipa-axum's `OpenApiRouter`, so the served routes and the document cannot drift.

use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use assetpay_errors::ApiError;
use assetpay_errors::assetpay::{GenericError, TradingError};
use assetpay_errors::assetpay::{framework_errors, translations};
// This crate's extractors: their rejections say which field failed, and why.
use assetpay_errors::axum::{
    ApiErrorLayer, ApiErrorResponse, ApiResult, Json, Path, Query, ResponseOptions, Valid,
    whole_number,
};
use assetpay_errors::errors;
use assetpay_errors::openapi::{ApiErrors, EnvelopeSchema, document_layer};
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use serde::{Deserialize, Serialize};
use utoipa::openapi::Required;
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{KnownFormat, Object, ObjectBuilder, SchemaFormat, Type};
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use validator::Validate;

// What the server enforces is what the document says: each bound is declared once, as a
// constant that validator checks (`#[validate(range(…))]`) and the document prints (the
// `schema_with` functions below; utoipa's own `minimum`/`maximum` take literals only, so they
// could not share the constant). Integer fields read with `whole_number`, so `2.0`, which JSON
// Schema counts as the integer 2, is read as 2 (docs/axum.md, "Integers").

/// The largest id the demo accepts or hands out, 2^53 − 1: the largest integer every JSON
/// client holds exactly (JavaScript's `Number` included).
pub const MAX_ID: u64 = 9_007_199_254_740_991;
/// The quantities one order may have.
pub const QUANTITY_MIN: u32 = 1;
/// See [`QUANTITY_MIN`].
pub const QUANTITY_MAX: u32 = 100;
/// The most orders one `GET /orders` lists.
pub const MAX_LIMIT: u64 = 100;
/// The most orders the in-memory store keeps; past it, `POST /orders` is a `CONFLICT`.
pub const STORE_CAPACITY: usize = 10_000;

/// An integer schema with the bounds the server enforces.
fn integer_schema(format: KnownFormat, minimum: u64, maximum: u64) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(format)))
        .minimum(Some(minimum))
        .maximum(Some(maximum))
        .build()
}

fn id_schema() -> Object {
    integer_schema(KnownFormat::Int64, 1, MAX_ID)
}

fn price_schema() -> Object {
    integer_schema(KnownFormat::Int64, 0, MAX_ID)
}

fn quantity_schema() -> Object {
    integer_schema(KnownFormat::Int32, QUANTITY_MIN.into(), QUANTITY_MAX.into())
}

fn limit_schema() -> Object {
    integer_schema(KnownFormat::Int64, 0, MAX_LIMIT)
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase")]
pub struct NewOrder {
    #[serde(deserialize_with = "whole_number::deserialize")]
    #[validate(range(min = 1, max = MAX_ID))]
    #[schema(schema_with = id_schema)]
    item_id: u64,
    #[serde(deserialize_with = "whole_number::deserialize")]
    #[validate(range(min = QUANTITY_MIN, max = QUANTITY_MAX))]
    #[schema(schema_with = quantity_schema)]
    quantity: u32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    #[schema(schema_with = id_schema)]
    id: u64,
    #[schema(schema_with = id_schema)]
    item_id: u64,
    #[schema(schema_with = quantity_schema)]
    quantity: u32,
}

// `IntoParams` by hand: utoipa's derive drops `required` and the description of a parameter
// whose schema comes from `schema_with`.
#[derive(Debug, Deserialize, Validate)]
pub struct ListOrders {
    #[serde(deserialize_with = "whole_number::deserialize_param")]
    #[validate(range(max = MAX_LIMIT))]
    limit: u64,
}

impl IntoParams for ListOrders {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        vec![required_parameter(
            "limit",
            ParameterIn::Query,
            "How many orders to list.",
            limit_schema(),
        )]
    }
}

#[derive(Debug, Deserialize, Validate)]
pub struct OrderId {
    #[serde(deserialize_with = "whole_number::deserialize_param")]
    #[validate(range(min = 1, max = MAX_ID))]
    id: u64,
}

impl IntoParams for OrderId {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        vec![required_parameter(
            "id",
            ParameterIn::Path,
            "The order's id.",
            id_schema(),
        )]
    }
}

fn required_parameter(
    name: &str,
    parameter_in: ParameterIn,
    description: &str,
    schema: Object,
) -> Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(parameter_in)
        .required(Required::True)
        .description(Some(description))
        .schema(Some(schema))
        .build()
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(rename_all = "camelCase")]
pub struct NewTrade {
    #[serde(deserialize_with = "whole_number::deserialize")]
    #[validate(range(min = 1, max = MAX_ID))]
    #[schema(schema_with = id_schema)]
    item_id: u64,
    #[serde(deserialize_with = "whole_number::deserialize")]
    #[validate(range(max = MAX_ID))]
    #[schema(schema_with = price_schema)]
    expected_price_cents: u64,
}

/// The demo's orders, in memory: what `POST /orders` creates, `GET /orders/{id}` finds and
/// `GET /orders` lists. It starts with orders 1 to 7 (item 42, quantity 1), so new ones are 8 on.
#[derive(Debug, Clone)]
pub struct OrderStore {
    orders: Arc<Mutex<Vec<Order>>>,
}

impl OrderStore {
    fn seeded() -> Self {
        let orders = (1..=7)
            .map(|id| Order {
                id,
                item_id: 42,
                quantity: 1,
            })
            .collect();
        OrderStore {
            orders: Arc::new(Mutex::new(orders)),
        }
    }

    fn orders(&self) -> std::sync::MutexGuard<'_, Vec<Order>> {
        // A panic elsewhere never leaves the list half-written: each change is one push.
        self.orders
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Stores a new order under the next id; `None` when the store is full.
    fn create(&self, item_id: u64, quantity: u32) -> Option<Order> {
        let mut orders = self.orders();
        if orders.len() >= STORE_CAPACITY {
            return None;
        }
        let id = orders.last().map_or(1, |last| last.id + 1);
        let order = Order {
            id,
            item_id,
            quantity,
        };
        orders.push(order.clone());
        Some(order)
    }

    fn find(&self, id: u64) -> Option<Order> {
        self.orders().iter().find(|order| order.id == id).cloned()
    }

    fn first(&self, limit: u64) -> Vec<Order> {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        self.orders().iter().take(limit).cloned().collect()
    }
}

/// Everything `POST /trades` can answer with: AssetPay's trading errors, and its general ones
/// (the layer answers a malformed body with `VALIDATION_FAILED`, a panic with `SERVER_ERROR`).
/// The handler returns this type; the document lists the one entry it can answer with.
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
// The handler's own error is a full store; what the body's extractor refuses is added from
// `request_body` by `document_layer` (see `documented`).
#[utoipa::path(post, path = "/orders", request_body = NewOrder, responses(
    (status = 201, description = "The order was placed", body = Order),
    ApiErrors<errors![GenericError::Conflict]>,
))]
// Handlers return their error type itself: with the `axum` feature every derived error is an
// `IntoResponse`, answered as an envelope with the request's id. `Valid` has validator check the
// order first: a quantity of 0 is `VALIDATION_FAILED` with an `OUT_OF_RANGE` violation.
async fn create_order(
    State(store): State<OrderStore>,
    Valid(Json(order)): Valid<Json<NewOrder>>,
) -> Result<(StatusCode, Json<Order>), GenericError> {
    let order = store
        .create(order.item_id, order.quantity)
        .ok_or(GenericError::Conflict)?;
    Ok((StatusCode::CREATED, Json(order)))
}

/// Find an order by its id.
#[utoipa::path(get, path = "/orders/{id}", params(OrderId), responses(
    (status = 200, description = "The order", body = Order),
    ApiErrors<errors![GenericError::NotFound]>,
))]
async fn find_order(
    State(store): State<OrderStore>,
    Valid(Path(order)): Valid<Path<OrderId>>,
) -> Result<Json<Order>, GenericError> {
    store.find(order.id).map(Json).ok_or(GenericError::NotFound)
}

/// List the first orders.
#[utoipa::path(get, path = "/orders", params(ListOrders), responses(
    (status = 200, description = "The first `limit` orders", body = Vec<Order>),
))]
async fn list_orders(
    State(store): State<OrderStore>,
    Valid(Query(list)): Valid<Query<ListOrders>>,
) -> Json<Vec<Order>> {
    Json(store.first(list.limit))
}

/// Trade an item at the price the client last fetched.
// The one error the handler returns, named in its composed type's parts: the type could answer
// with 35 keys, the handler with one.
#[utoipa::path(post, path = "/trades", request_body = NewTrade, responses(
    (status = 201, description = "The trade was created"),
    ApiErrors<errors![TradingError::PriceChanged]>,
))]
async fn create_trade(
    Valid(Json(trade)): Valid<Json<NewTrade>>,
) -> Result<StatusCode, CreateTradeError> {
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
#[utoipa::path(get, path = "/limited", responses(ApiErrors<errors![GenericError::RateLimited]>))]
async fn limited() -> ApiResult<&'static str, GenericError> {
    // AssetPay's catalogue declares no wait for RATE_LIMITED; the limiter knows it.
    Err(ApiErrorResponse::new(GenericError::RateLimited).with_retry_after(Duration::from_secs(30)))
}

/// Always a server error; the cause goes to the log only.
#[utoipa::path(get, path = "/internal", responses(ApiErrors<errors![GenericError::ServerError]>))]
async fn internal() -> ApiResult<&'static str, GenericError> {
    let cause = io::Error::new(
        io::ErrorKind::ConnectionRefused,
        "ledger database at ledger-db.internal:5432 refused user payments_rw",
    );
    Err(ApiErrorResponse::new(GenericError::ServerError).with_source(cause))
}

/// Always panics; the layer answers with a server error.
// A panic anywhere is the layer's answer, documented once as `#/components/responses/Panic`;
// this route panics every time, so its operation lists the answer too (a client, and
// Schemathesis, read an operation's own responses).
#[utoipa::path(get, path = "/panic", responses(
    (status = 200, description = "Never sent: the handler panics"),
    ApiErrors<errors![GenericError::ServerError]>,
))]
async fn panics() -> &'static str {
    panic!("invariant broken: wallet 7731 has a negative balance");
}

/// The document's own fields; utoipa-axum adds the paths.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "AssetPay errors demo",
        description = "The demo server of assetpay-errors: every error response is an envelope, or an RFC 9457 problem document for a request whose Accept prefers application/problem+json."
    ),
    // The one line `ApiErrors` needs: its responses reference this schema and the problem
    // document's, which it registers beside itself.
    components(schemas(EnvelopeSchema))
)]
struct ApiDoc;

/// The documented routes and the OpenAPI document describing them.
fn documented() -> (Router, utoipa::openapi::OpenApi) {
    let (routes, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(create_order, list_orders))
        .routes(routes!(find_order))
        .routes(routes!(create_trade))
        .routes(routes!(limited))
        .routes(routes!(internal))
        .routes(routes!(panics))
        .split_for_parts();
    // What the extractors and the layer `app` installs answer with, from the same entries.
    document_layer(&mut document, &framework_errors());
    // A fresh store for each app, so every server (and every test) starts from the same orders.
    (routes.with_state(OrderStore::seeded()), document)
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
/// limit and every error as an envelope, in English or French by `Accept-Language`.
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
        .layer(
            ApiErrorLayer::new(framework_errors())
                .with_options(ResponseOptions::new().with_translations(translations())),
        )
}
