//! A demo API whose every error is an AssetPay envelope: `cargo run --example server --features axum,utoipa,validator`,
//! then try the `curl` lines of the demo in the `assetpay_errors::axum` docs
//! (`assetpay-errors/docs/axum.md`). It listens on 127.0.0.1:3000.
//!
//! | route | answers |
//! | --- | --- |
//! | `POST /orders` with `{"itemId":1,"quantity":2}` | 201 with the stored order, or `VALIDATION_FAILED` with `details` for a quantity outside 1..=100 (`OUT_OF_RANGE`, from validator), bad JSON (`MALFORMED`), a missing field (`MISSING`), a wrong type (`INVALID_TYPE`) or content type; `UNPROCESSABLE` under 413 for a body over 4 KiB |
//! | `GET /orders/{id}` | the stored order (1 to 7, and those created since), `NOT_FOUND` for others, `VALIDATION_FAILED` with `details` for a non-numeric id |
//! | `GET /orders?limit=N` | the first N orders, `VALIDATION_FAILED` with `details` for a non-numeric limit |
//! | `POST /trades` with `{"itemId":42,"expectedPriceCents":1999}` | `PRICE_CHANGED`: the price is now 2049 |
//! | `GET /limited` | `RATE_LIMITED` with `Retry-After: 30` |
//! | `GET /internal` | `SERVER_ERROR`; the cause is in the server's log only |
//! | `GET /panic` | `SERVER_ERROR` from a panicking handler |
//! | `GET /metrics` | `api_error_responses_total` by key, code and status, in Prometheus's text format |
//! | `GET /openapi.json` | the OpenAPI 3.1 document of the routes above (`cargo run --example openapi --features utoipa` prints it) |
//! | another method on a known route | `UNPROCESSABLE` under 405, with `Allow` |
//! | anything else | `NOT_FOUND` |
//!
//! The routes and their documentation live in `demo/app.rs`, shared with the `openapi` example.

#[path = "demo/app.rs"]
mod demo;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt().with_target(false).init();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    tracing::info!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, demo::app()).await
}
