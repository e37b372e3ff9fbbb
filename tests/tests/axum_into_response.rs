//! Handlers that return `Result<T, YourError>`: with the `axum` feature every derived type is an
//! `IntoResponse`, answering exactly what `ApiErrorResponse::new(error)` answers, over real HTTP.

mod axum_support;

use std::fmt::Debug;
use std::time::Duration;

use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::assetpay::{GenericError, TradingError};
use assetpay_errors::axum::{ApiErrorResponse, RouterExt as _};
use assetpay_errors::{ApiError, AssetPayError};
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::header::RETRY_AFTER;

use axum_support::{CapturedLog, SECRET, Server, ShopError, is_generated_id};

/// A domain function: it knows only its own errors.
fn price_of(item: u64) -> Result<u64, TradingError> {
    if item == 42 {
        Ok(2049)
    } else {
        Err(TradingError::ListingNotFound)
    }
}

/// A handler of the composed type: `?` lifts the domain's error through the derive's `From`.
async fn price(Path(item): Path<u64>) -> Result<String, AssetPayError> {
    let cents = price_of(item)?;
    if cents > 2000 {
        return Err(GenericError::RateLimited.into());
    }
    Ok(cents.to_string())
}

async fn shop(Path(which): Path<String>) -> Result<&'static str, ShopError> {
    match which.as_str() {
        "busy" => Err(ShopError::WarehouseBusy),
        "reserved" => Err(ShopError::ItemReserved {
            sku: "sku-9".to_owned(),
        }),
        _ => Err(ShopError::LedgerFailed {
            connection: SECRET.to_owned(),
        }),
    }
}

/// A generic error type gets the impl, with the bounds it needs.
#[derive(Debug, ApiError)]
#[api(range = 4000..=4099)]
pub enum Wrapped<T: Debug + Send + 'static> {
    /// The upstream refused
    #[api(code = 4001, key = "UPSTREAM_REFUSED", status = 502)]
    UpstreamRefused(T),
}

async fn generic() -> Result<(), Wrapped<u8>> {
    Err(Wrapped::UpstreamRefused(7))
}

/// A team with its own response opts out of the derive's impl and keeps it.
#[derive(Debug, ApiError)]
#[api(into_response = false)]
pub enum TeamError {
    /// The team's own answer
    #[api(code = 4101, key = "TEAM_ERROR", status = 418)]
    Teapot,
}

impl IntoResponse for TeamError {
    fn into_response(self) -> Response {
        (StatusCode::IM_A_TEAPOT, "the team's own body").into_response()
    }
}

async fn team() -> Result<(), TeamError> {
    Err(TeamError::Teapot)
}

/// `ApiErrorResponse` keeps what only it carries.
async fn with_wait() -> Result<(), ApiErrorResponse<AssetPayError>> {
    Err(ApiErrorResponse::new(GenericError::RateLimited.into())
        .with_retry_after(Duration::from_secs(9)))
}

fn app() -> Router {
    Router::new()
        .route("/price/{item}", get(price))
        .route("/shop/{which}", get(shop))
        .route("/generic", get(generic))
        .route("/wait", get(with_wait))
        .with_api_errors(framework_errors())
}

#[tokio::test]
async fn a_plain_result_answers_with_the_envelope_and_the_request_id() {
    let server = Server::start(app()).await;

    let answer = server.get("/price/7").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let error = answer.assetpay_error(14);
    assert_eq!(error.key(), "LISTING_NOT_FOUND");
    assert!(is_generated_id(answer.request_id_header()), "{answer:?}");
    assert_eq!(
        answer.text(),
        format!(
            r#"{{"requestId":"{}","success":false,"error":{{"code":14,"key":"LISTING_NOT_FOUND","message":"Marketplace listing not found"}}}}"#,
            answer.request_id_header()
        )
    );

    let answer = server
        .request(reqwest::Method::GET, "/price/42")
        .header("x-request-id", "client-id-1")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(answer.headers()["x-request-id"], "client-id-1");
    let body = answer.text().await.unwrap();
    assert!(body.starts_with(r#"{"requestId":"client-id-1","success":false,"error":{"code":1005,"key":"RATE_LIMITED""#), "{body}");
}

#[tokio::test]
async fn the_derived_impl_answers_what_api_error_response_answers() {
    let log = CapturedLog::install_global();
    for error in [
        ShopError::WarehouseBusy,
        ShopError::ItemReserved {
            sku: "sku-9".to_owned(),
        },
        ShopError::LedgerFailed {
            connection: SECRET.to_owned(),
        },
    ] {
        let derived = error_parts(ShopErrorClone::of(&error).into_response()).await;
        let through_wrapper = error_parts(ApiErrorResponse::new(error).into_response()).await;
        // The ids differ (no layer here: each gets a fresh one); everything else is the same.
        assert_eq!(derived.0, through_wrapper.0);
        assert_eq!(derived.1, through_wrapper.1);
        assert_eq!(
            derived.2.replace(&derived.3, "ID"),
            through_wrapper.2.replace(&through_wrapper.3, "ID")
        );
    }
    let server = Server::start(app()).await;
    let busy = server.get("/shop/busy").await;
    assert_eq!(busy.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(busy.headers[RETRY_AFTER], "7");
    let reserved = server.get("/shop/reserved").await;
    assert_eq!(
        reserved.envelope::<ShopError>().message(),
        "Item sku-9 is reserved"
    );
    let failed = server.get("/shop/ledger").await;
    assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!failed.text().contains(SECRET), "{}", failed.text());
    let logged = log.lines_about(failed.request_id_header()).join("\n");
    assert!(
        logged.contains(SECRET),
        "the 5xx detail is logged: {logged}"
    );
}

/// Status, `Retry-After`, body and the body's request id of a response.
async fn error_parts(response: Response) -> (StatusCode, Option<String>, String, String) {
    let status = response.status();
    let retry_after = response
        .headers()
        .get(RETRY_AFTER)
        .map(|value| value.to_str().unwrap().to_owned());
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (
        status,
        retry_after,
        String::from_utf8(bytes.to_vec()).unwrap(),
        id,
    )
}

/// `ShopError` holds a `String`, so a test that answers the same error twice rebuilds it.
struct ShopErrorClone;

impl ShopErrorClone {
    fn of(error: &ShopError) -> ShopError {
        match error {
            ShopError::WarehouseBusy => ShopError::WarehouseBusy,
            ShopError::ItemReserved { sku } => ShopError::ItemReserved { sku: sku.clone() },
            ShopError::LedgerFailed { connection } => ShopError::LedgerFailed {
                connection: connection.clone(),
            },
        }
    }
}

#[tokio::test]
async fn generic_types_opt_outs_and_the_wrapper_each_answer_their_own_way() {
    let server = Server::start(app()).await;

    let generic = server.get("/generic").await;
    assert_eq!(generic.status, StatusCode::BAD_GATEWAY);
    assert_eq!(generic.envelope::<Wrapped<u8>>().key(), "UPSTREAM_REFUSED");

    // The team's own impl answers, not the derive's: no envelope, its own body.
    let team = team().await.into_response();
    assert_eq!(team.status(), StatusCode::IM_A_TEAPOT);
    let body = axum::body::to_bytes(team.into_body(), usize::MAX)
        .await
        .unwrap();
    assert_eq!(&body[..], b"the team's own body");

    let wait = server.get("/wait").await;
    assert_eq!(wait.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(wait.headers[RETRY_AFTER], "9");
}

#[test]
fn transparent_variants_convert_with_from() {
    fn lift(error: TradingError) -> AssetPayError {
        error.into()
    }
    assert_eq!(
        lift(TradingError::PriceChanged),
        AssetPayError::Trading(TradingError::PriceChanged)
    );
    assert_eq!(AssetPayError::from(GenericError::NotFound).code(), 1003);
}

/// The feature asks no `Debug` of a derived type: one without it still answers, and its server
/// errors are logged by code and key.
#[derive(ApiError)]
pub enum NoDebug {
    /// The vault is sealed
    #[api(code = 4201, key = "VAULT_SEALED", status = 500)]
    VaultSealed { vault: String },
}

#[tokio::test]
async fn a_type_without_debug_answers_and_logs_without_its_debug_form() {
    let log = CapturedLog::install_global();
    let vault = format!("vault-{SECRET}");
    let response = NoDebug::VaultSealed { vault }.into_response();
    let (status, _, body, id) = error_parts(response).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        body.contains(r#""key":"VAULT_SEALED","message":"The vault is sealed""#),
        "{body}"
    );
    let logged = log.lines_about(&id).join("\n");
    assert!(logged.contains("VAULT_SEALED"), "{logged}");
    assert!(
        !logged.contains(SECRET),
        "nothing but the code and key is known: {logged}"
    );
}
