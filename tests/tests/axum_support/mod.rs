//! What the axum tests share: a demo service, a server on an ephemeral loopback port, and
//! responses read with reqwest and decoded with the crate's client decoder.

#![allow(dead_code)] // Each test binary uses its own part of the support.

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use assetpay_errors::assetpay::{GenericError, TradingError};
use assetpay_errors::axum::{ApiErrorResponse, ApiResult, REQUEST_ID_HEADER};
use assetpay_errors::client::{Decoder, ErrorResponse};
use assetpay_errors::{ApiError, AssetPayError};
use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use http::HeaderMap;
use http::header::CONTENT_TYPE;
use serde::Deserialize;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tracing::subscriber::DefaultGuard;

/// Errors of the demo service beyond AssetPay's: a retryable error that declares its wait, an
/// interpolated message and a server error holding something secret.
#[derive(Debug, ApiError)]
pub enum ShopError {
    /// The warehouse is busy, retry shortly
    #[api(
        code = 3001,
        key = "WAREHOUSE_BUSY",
        status = 503,
        retryable,
        retry_after = 7
    )]
    WarehouseBusy,
    /// An item is reserved by another order
    #[api(
        code = 3002,
        key = "ITEM_RESERVED",
        status = 409,
        message = "Item {sku} is reserved"
    )]
    ItemReserved { sku: String },
    /// The ledger failed
    #[api(code = 3003, key = "LEDGER_FAILED", status = 500)]
    LedgerFailed { connection: String },
}

/// What a test plants in server errors and panics; it must reach the log and never a body.
pub const SECRET: &str = "s3cr3t-db-password";

/// The largest request body the demo service accepts.
pub const BODY_LIMIT: usize = 1024;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewOrder {
    item_id: u64,
    quantity: u32,
}

#[derive(Debug, Deserialize)]
struct Page {
    limit: u32,
}

async fn create_order(Json(order): Json<NewOrder>) -> ApiResult<StatusCode, AssetPayError> {
    if order.quantity == 0 || order.item_id == 0 {
        return Err(AssetPayError::Generic(GenericError::ValidationFailed).into());
    }
    Ok(StatusCode::CREATED)
}

async fn find_order(Path(id): Path<u64>) -> ApiResult<String, GenericError> {
    if id == 7 {
        return Ok("order 7".to_owned());
    }
    Err(GenericError::NotFound.into())
}

async fn list_orders(Query(page): Query<Page>) -> String {
    format!("{} orders", page.limit)
}

async fn trade() -> ApiResult<(), AssetPayError> {
    Err(AssetPayError::Trading(TradingError::PriceChanged).into())
}

async fn rate_limited() -> ApiResult<(), GenericError> {
    Err(ApiErrorResponse::new(GenericError::RateLimited).with_retry_after(Duration::from_secs(30)))
}

async fn rate_limited_without_wait() -> ApiResult<(), GenericError> {
    Err(GenericError::RateLimited.into())
}

async fn not_found_with_wait() -> ApiResult<(), GenericError> {
    Err(ApiErrorResponse::new(GenericError::NotFound).with_retry_after(Duration::from_secs(30)))
}

async fn warehouse_busy() -> ApiResult<(), ShopError> {
    Err(ShopError::WarehouseBusy.into())
}

async fn reserved(Path(sku): Path<String>) -> ApiResult<(), ShopError> {
    Err(ShopError::ItemReserved { sku }.into())
}

async fn ledger() -> ApiResult<(), ShopError> {
    let connection = format!("postgres://payments:{SECRET}@ledger-db.internal/ledger");
    Err(ShopError::LedgerFailed { connection }.into())
}

async fn internal() -> ApiResult<(), GenericError> {
    let cause = std::io::Error::other(format!("authentication failed for password {SECRET}"));
    Err(ApiErrorResponse::new(GenericError::ServerError).with_source(cause))
}

async fn panics() -> &'static str {
    panic!("wallet invariant broken, key {SECRET}");
}

async fn plain_bad_gateway() -> (StatusCode, String) {
    (StatusCode::BAD_GATEWAY, format!("upstream said: {SECRET}"))
}

async fn plain_conflict() -> (StatusCode, &'static str) {
    (StatusCode::CONFLICT, "order already exists")
}

/// A plain 403 as a policy middleware might word it, naming what it should not.
async fn plain_forbidden() -> (StatusCode, String) {
    (
        StatusCode::FORBIDDEN,
        format!("policy engine at {SECRET} denied"),
    )
}

async fn custom_json_error() -> (StatusCode, Json<serde_json::Value>) {
    (
        StatusCode::BAD_REQUEST,
        Json(serde_json::json!({"custom": true})),
    )
}

/// An error turned into a response in another task, where the request's id is not in scope.
async fn converted_elsewhere() -> axum::response::Response {
    tokio::spawn(async { ApiErrorResponse::new(GenericError::Conflict).into_response() })
        .await
        .expect("the conversion task does not panic")
}

/// The demo service, without [`ApiErrorLayer`](assetpay_errors::axum::ApiErrorLayer).
pub fn app() -> Router {
    Router::new()
        .route("/orders", post(create_order).get(list_orders))
        .route("/orders/{id}", get(find_order))
        .route("/trade", post(trade))
        .route("/rate-limited", get(rate_limited))
        .route("/rate-limited/no-wait", get(rate_limited_without_wait))
        .route("/not-found-with-wait", get(not_found_with_wait))
        .route("/warehouse", get(warehouse_busy))
        .route("/reserved/{sku}", get(reserved))
        .route("/ledger", get(ledger))
        .route("/internal", get(internal))
        .route("/panic", get(panics))
        .route("/plain/bad-gateway", get(plain_bad_gateway))
        .route("/plain/conflict", get(plain_conflict))
        .route("/plain/forbidden", get(plain_forbidden))
        .route("/custom-json-error", get(custom_json_error))
        .route("/converted-elsewhere", get(converted_elsewhere))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

/// A server on an ephemeral loopback port, stopped when dropped.
pub struct Server {
    address: SocketAddr,
    task: JoinHandle<()>,
    client: reqwest::Client,
}

impl Server {
    /// Serves `app` on 127.0.0.1, on a port the system picks.
    pub async fn start(app: Router) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let address = listener.local_addr().expect("the bound address");
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .await
                .expect("the test server runs");
        });
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("a reqwest client");
        Server {
            address,
            task,
            client,
        }
    }

    /// `http://127.0.0.1:PORT`, for clients other than [`request`](Self::request)'s.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// A request to `path` on this server.
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, format!("{}{path}", self.base_url()))
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Answer {
        Answer::of(self.request(reqwest::Method::GET, path)).await
    }

    /// `POST path` with a body and its content type.
    pub async fn post(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> Answer {
        Answer::of(
            self.request(reqwest::Method::POST, path)
                .header(CONTENT_TYPE, content_type)
                .body(body),
        )
        .await
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    /// Sends `request` and reads the response.
    pub async fn of(request: reqwest::RequestBuilder) -> Answer {
        let response = request
            .send()
            .await
            .expect("the request reaches the test server");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.expect("the body is read").to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }

    /// The body as text.
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("the body is UTF-8")
    }

    /// The `x-request-id` header, which must be there exactly once.
    pub fn request_id_header(&self) -> &str {
        assert_eq!(
            self.headers.get_all(REQUEST_ID_HEADER).iter().count(),
            1,
            "{self:?}"
        );
        self.headers
            .get(REQUEST_ID_HEADER)
            .unwrap_or_else(|| panic!("no x-request-id header on {self:?}"))
            .to_str()
            .expect("the request id header is text")
    }

    /// The body decoded with the client decoder against `E`'s catalogue, after checking what
    /// every envelope response must hold: `content-type: application/json`, a known code and
    /// key sent with the status the catalogue declares, and the same request id in the header
    /// and the body.
    pub fn envelope<E: ApiError>(&self) -> ErrorResponse<E> {
        let error = self.framework_envelope::<E>();
        assert!(
            !error.is_status_mismatch(),
            "sent with {}: {self:?}",
            self.status
        );
        error
    }

    /// [`envelope`](Self::envelope) for a framework failure, which keeps the status the plain
    /// response had (`FrameworkErrors::status_for`: a 405, a 413, a 502 under the entry that
    /// answers it), so its status may differ from the one the catalogue declares for the entry.
    pub fn framework_envelope<E: ApiError>(&self) -> ErrorResponse<E> {
        let error = Decoder::new()
            .decode_with_headers::<E>(self.status, &self.headers, &self.body)
            .unwrap_or_else(|failure| panic!("not an envelope: {failure}; {self:?}"));
        assert_eq!(
            self.headers
                .get(CONTENT_TYPE)
                .map(|value| value.to_str().unwrap()),
            Some("application/json"),
            "{self:?}",
        );
        assert!(
            error.is_known(),
            "{} ({}) is not in the catalogue",
            error.key(),
            error.code()
        );
        assert_eq!(error.status(), self.status, "{self:?}");
        assert_eq!(
            error.request_id(),
            Some(self.request_id_header()),
            "{self:?}"
        );
        error
    }

    /// [`envelope`](Self::envelope) against AssetPay's catalogue, checking the code too.
    pub fn assetpay_error(&self, code: u16) -> ErrorResponse<AssetPayError> {
        let error = self.envelope::<AssetPayError>();
        assert_eq!(error.code(), code, "{self:?}");
        error
    }

    /// [`framework_envelope`](Self::framework_envelope) against AssetPay's catalogue, checking
    /// the code too.
    pub fn assetpay_framework_error(&self, code: u16) -> ErrorResponse<AssetPayError> {
        let error = self.framework_envelope::<AssetPayError>();
        assert_eq!(error.code(), code, "{self:?}");
        error
    }
}

/// Whether `id` looks like the ids the service generates: a hyphenated lowercase UUID v4.
pub fn is_generated_id(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    groups.iter().map(|group| group.len()).eq([8, 4, 4, 4, 12])
        && id
            .bytes()
            .all(|byte| byte == b'-' || byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte))
        && groups[2].starts_with('4')
}

/// Everything the subscriber writes, shared with the test.
#[derive(Clone, Default)]
pub struct CapturedLog(Arc<Mutex<Vec<u8>>>);

impl CapturedLog {
    /// Captures this thread's events until the guard is dropped.
    pub fn install() -> (CapturedLog, DefaultGuard) {
        let log = CapturedLog::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .finish();
        (log, tracing::subscriber::set_default(subscriber))
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }

    /// Captures every thread's events for the rest of the test binary, the same log for every
    /// caller: for a test whose events come from tasks a thread-local subscriber may miss. Read
    /// it with [`lines_about`](Self::lines_about), since other tests' lines are there too.
    pub fn install_global() -> CapturedLog {
        static GLOBAL: std::sync::OnceLock<CapturedLog> = std::sync::OnceLock::new();
        GLOBAL
            .get_or_init(|| {
                let log = CapturedLog::default();
                let writer = log.clone();
                let subscriber = tracing_subscriber::fmt()
                    .with_writer(move || writer.clone())
                    .finish();
                tracing::subscriber::set_global_default(subscriber)
                    .expect("no other global subscriber in this test binary");
                log
            })
            .clone()
    }

    /// The logged lines that mention `request_id`.
    pub fn lines_about(&self, request_id: &str) -> Vec<String> {
        self.text()
            .lines()
            .filter(|line| line.contains(request_id))
            .map(str::to_owned)
            .collect()
    }
}

impl io::Write for CapturedLog {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
