//! A demo API whose every error is an AssetPay envelope: `cargo run --example server --features axum,validator`,
//! then try the `curl` lines in the README's "axum integration" section. It listens on 127.0.0.1:3000.
//!
//! | route | answers |
//! | --- | --- |
//! | `POST /orders` with `{"itemId":1,"quantity":2}` | 201, or `VALIDATION_FAILED` with `details` for a quantity outside 1..=100 (`OUT_OF_RANGE`, from validator), bad JSON (`MALFORMED`), a missing field (`MISSING`), a wrong type (`INVALID_TYPE`) or content type; a body over 4 KiB |
//! | `GET /orders/{id}` | order 7, `NOT_FOUND` for others, `VALIDATION_FAILED` with `details` for a non-numeric id |
//! | `GET /orders?limit=N` | the first N orders, `VALIDATION_FAILED` with `details` for a non-numeric limit |
//! | `POST /trades` with `{"itemId":42,"expectedPriceCents":1999}` | `PRICE_CHANGED`: the price is now 2049 |
//! | `GET /limited` | `RATE_LIMITED` with `Retry-After: 30` |
//! | `GET /internal` | `SERVER_ERROR`; the cause is in the server's log only |
//! | `GET /panic` | `SERVER_ERROR` from a panicking handler |
//! | anything else | `NOT_FOUND` |

use std::io;
use std::time::Duration;

use assetpay_errors::AssetPayError;
use assetpay_errors::assetpay::{GenericError, TradingError};
// This crate's extractors: their rejections say which field failed, and why.
use assetpay_errors::axum::{
    ApiErrorResponse, ApiResult, Json, Path, Query, RouterExt as _, Valid,
};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use validator::Validate;

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct NewOrder {
    item_id: u64,
    #[validate(range(min = 1, max = 100))]
    quantity: u32,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Order {
    id: u64,
    item_id: u64,
    quantity: u32,
}

#[derive(Debug, Deserialize)]
struct ListOrders {
    limit: usize,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewTrade {
    item_id: u64,
    expected_price_cents: u64,
}

/// What every item costs now; clients that quote another price get `PRICE_CHANGED`.
const CURRENT_PRICE_CENTS: u64 = 2049;

// Handlers return their error type itself: with the `axum` feature every derived error is an
// `IntoResponse`, answered as an envelope with the request's id. `Valid` has validator check the
// order first: a quantity of 0 is `VALIDATION_FAILED` with an `OUT_OF_RANGE` violation.
async fn create_order(
    Valid(Json(order)): Valid<Json<NewOrder>>,
) -> Result<(StatusCode, Json<Order>), AssetPayError> {
    Ok((
        StatusCode::CREATED,
        Json(Order {
            id: 8,
            item_id: order.item_id,
            quantity: order.quantity,
        }),
    ))
}

async fn find_order(Path(id): Path<u64>) -> Result<Json<Order>, AssetPayError> {
    // `?` lifts the domain's error into the composed type (the derive's `From` impls).
    let order = load_order(id)?;
    Ok(Json(order))
}

/// A function of the domain layer: it knows only the generic errors.
fn load_order(id: u64) -> Result<Order, GenericError> {
    if id != 7 {
        return Err(GenericError::NotFound);
    }
    Ok(Order {
        id,
        item_id: 42,
        quantity: 1,
    })
}

async fn list_orders(Query(list): Query<ListOrders>) -> Json<Vec<Order>> {
    let orders = (1..=7).map(|id| Order {
        id,
        item_id: 42,
        quantity: 1,
    });
    Json(orders.take(list.limit).collect())
}

async fn create_trade(Json(trade): Json<NewTrade>) -> Result<StatusCode, AssetPayError> {
    if trade.expected_price_cents != CURRENT_PRICE_CENTS {
        tracing::info!(item_id = trade.item_id, "quoted price is stale");
        return Err(TradingError::PriceChanged.into());
    }
    Ok(StatusCode::CREATED)
}

// `ApiErrorResponse` carries what only it can: a wait the catalogue does not declare, or the
// source of a server error for the log.
async fn limited() -> ApiResult<&'static str, AssetPayError> {
    // AssetPay's catalogue declares no wait for RATE_LIMITED; the limiter knows it.
    Err(
        ApiErrorResponse::new(AssetPayError::Generic(GenericError::RateLimited))
            .with_retry_after(Duration::from_secs(30)),
    )
}

async fn internal() -> ApiResult<&'static str, AssetPayError> {
    let cause = io::Error::new(
        io::ErrorKind::ConnectionRefused,
        "ledger database at ledger-db.internal:5432 refused user payments_rw",
    );
    Err(ApiErrorResponse::new(AssetPayError::Generic(GenericError::ServerError)).with_source(cause))
}

async fn panics() -> &'static str {
    panic!("invariant broken: wallet 7731 has a negative balance");
}

/// The demo API's router. The `typescript` integration test includes this file and serves it,
/// so the generated TypeScript module is checked against these very answers.
pub fn app() -> Router {
    Router::new()
        .route("/orders", post(create_order).get(list_orders))
        .route("/orders/{id}", get(find_order))
        .route("/trades", post(create_trade))
        .route("/limited", get(limited))
        .route("/internal", get(internal))
        .route("/panic", get(panics))
        .layer(DefaultBodyLimit::max(4096))
        .with_api_errors()
}

#[tokio::main]
async fn main() -> io::Result<()> {
    tracing_subscriber::fmt().with_target(false).init();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    tracing::info!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app()).await
}
