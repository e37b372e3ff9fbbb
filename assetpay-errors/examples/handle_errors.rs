//! The "Handling Errors" switch from AssetPay's error code page, in Rust.
//!
//! The page's JavaScript checks `success`, then switches on `error.key`. Here the decoder does
//! both and hands back the variant of [`AssetPayError`], so a misspelt key is a compile error
//! and a proxy's HTML page or an empty body is a typed value rather than a JSON exception.
//!
//! Canned responses stand in for the network: `cargo run -p assetpay-errors --example handle_errors`.

use std::time::SystemTime;

use assetpay_errors::AssetPayError;
use assetpay_errors::assetpay::TradingError;
use assetpay_errors::client::{DecodeError, Decoder, retry_after};
use http::header::RETRY_AFTER;
use http::{HeaderMap, HeaderValue, StatusCode};

/// What the deposit flow does after a failed `POST /client/trading/deposit`.
fn handle_deposit_failure(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> String {
    let error = match Decoder::new().decode_with_headers::<AssetPayError>(status, headers, body) {
        Ok(error) => error,
        Err(DecodeError::NotAnError { .. }) => return "deposit accepted".to_owned(),
        // No envelope at all: the gateway in front of the API answered, or the body broke.
        Err(failure) if failure.is_retryable() => {
            let wait = retry_after(headers, SystemTime::now());
            return format!("gateway trouble, retry after {wait:?}: {failure}");
        }
        Err(failure) => return format!("unreadable response: {failure}"),
    };

    use AssetPayError::Trading;
    use TradingError::{
        DepositInProgress, ItemsUnavailable, MerchantBalanceLow, PriceChanged, TooManyActiveTrades,
    };
    match error.variant() {
        Some(Trading(PriceChanged)) => "refetch inventory and show updated prices".to_owned(),
        Some(Trading(ItemsUnavailable)) => "remove unavailable items from selection".to_owned(),
        Some(Trading(TooManyActiveTrades | DepositInProgress)) => {
            "tell user to wait for current deposit to finish".to_owned()
        }
        Some(Trading(MerchantBalanceLow)) => "withdrawal can't proceed, notify user".to_owned(),
        // Every other error, known or not: the key, code and message are always there, and the
        // request id is what support asks for.
        _ => {
            let mut line = format!(
                "trade error: {} ({}), request {}",
                error.key(),
                error.code(),
                error.request_id().unwrap_or("-"),
            );
            if error.is_retryable() {
                line += &format!(", retryable after {:?}", error.retry_after());
            }
            line
        }
    }
}

fn main() {
    let envelope = |code: u16, key: &str, message: &str| {
        format!(
            r#"{{"requestId":"req-{code}","success":false,"error":{{"code":{code},"key":"{key}","message":"{message}"}}}}"#
        )
        .into_bytes()
    };
    let no_headers = HeaderMap::new();
    let mut retry_in_30 = HeaderMap::new();
    retry_in_30.insert(RETRY_AFTER, HeaderValue::from_static("30"));

    let responses: [(StatusCode, &HeaderMap, Vec<u8>); 9] = [
        (
            StatusCode::CONFLICT,
            &no_headers,
            envelope(
                11,
                "PRICE_CHANGED",
                "Price has changed since you last fetched it",
            ),
        ),
        (
            StatusCode::BAD_REQUEST,
            &no_headers,
            envelope(
                9,
                "ITEMS_UNAVAILABLE",
                "Selected items not found or no longer available",
            ),
        ),
        (
            StatusCode::TOO_MANY_REQUESTS,
            &no_headers,
            envelope(
                6,
                "TOO_MANY_ACTIVE_TRADES",
                "User has too many pending trades",
            ),
        ),
        (
            StatusCode::CONFLICT,
            &no_headers,
            envelope(
                19,
                "DEPOSIT_IN_PROGRESS",
                "A deposit is already processing for this user",
            ),
        ),
        (
            StatusCode::BAD_REQUEST,
            &no_headers,
            envelope(
                12,
                "MERCHANT_BALANCE_LOW",
                "Merchant balance is too low for this withdrawal",
            ),
        ),
        (
            StatusCode::TOO_MANY_REQUESTS,
            &retry_in_30,
            envelope(1005, "RATE_LIMITED", "Too many requests"),
        ),
        (
            StatusCode::BAD_REQUEST,
            &no_headers,
            envelope(
                42,
                "ERROR_FROM_THE_FUTURE",
                "A code this client has never seen",
            ),
        ),
        (
            StatusCode::BAD_GATEWAY,
            &retry_in_30,
            b"<html><head><title>502 Bad Gateway</title></head></html>".to_vec(),
        ),
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            &no_headers,
            br#"{"requestId":"req-cut","success":fal"#.to_vec(),
        ),
    ];
    for (status, headers, body) in responses {
        println!(
            "{status}: {}",
            handle_deposit_failure(status, headers, &body)
        );
    }
}
