//! Retry guidance from a decoded error: the catalogue's `retryable` and `retry_after`, and the
//! response's `Retry-After` header in both of its forms, capped.

use std::time::Duration;

use assetpay_errors::assetpay::GenericError;
use assetpay_errors::client::{self, DecodeError, Decoder, MAX_RETRY_AFTER, retry_after};
use assetpay_errors::{ApiError, AssetPayError, Envelope};
use http::header::RETRY_AFTER;
use http::{HeaderMap, HeaderValue, StatusCode};

#[derive(Debug, Clone, Copy, PartialEq, ApiError)]
enum QuotaError {
    /// Slow down
    #[api(
        code = 12,
        key = "SLOW_DOWN",
        status = 429,
        retryable,
        retry_after = 30
    )]
    SlowDown,
    /// Come back tomorrow
    #[api(
        code = 13,
        key = "DAILY_QUOTA",
        status = 429,
        retryable,
        retry_after = 86400
    )]
    DailyQuota,
    /// Forbidden
    #[api(code = 14, key = "FORBIDDEN", status = 403)]
    Forbidden,
}

fn body_of(error: &impl ApiError) -> Vec<u8> {
    Envelope::new("req-1", error).to_json_vec()
}

fn headers(retry_after: &'static str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(RETRY_AFTER, HeaderValue::from_static(retry_after));
    headers
}

fn decode_with(
    retry_after: &'static str,
    error: &QuotaError,
) -> assetpay_errors::client::ErrorResponse<QuotaError> {
    Decoder::new()
        .decode_with_headers::<QuotaError>(error.status(), &headers(retry_after), &body_of(error))
        .unwrap()
}

#[test]
fn retryable_comes_from_the_catalog() {
    let rate_limited = body_of(&GenericError::RateLimited);
    let error =
        client::decode::<AssetPayError>(StatusCode::TOO_MANY_REQUESTS, &rate_limited).unwrap();
    assert!(error.is_retryable());
    // AssetPay's catalogue declares no waits, and no header was given.
    assert_eq!(error.retry_after(), None);

    let forbidden =
        client::decode::<QuotaError>(StatusCode::FORBIDDEN, &body_of(&QuotaError::Forbidden))
            .unwrap();
    assert!(!forbidden.is_retryable());
    assert_eq!(forbidden.retry_after(), None);
}

#[test]
fn the_catalog_wait_applies_without_a_header_and_is_capped() {
    let slow = client::decode::<QuotaError>(
        StatusCode::TOO_MANY_REQUESTS,
        &body_of(&QuotaError::SlowDown),
    )
    .unwrap();
    assert_eq!(slow.retry_after(), Some(Duration::from_secs(30)));

    let daily = client::decode::<QuotaError>(
        StatusCode::TOO_MANY_REQUESTS,
        &body_of(&QuotaError::DailyQuota),
    )
    .unwrap();
    assert_eq!(
        daily.spec().unwrap().retry_after(),
        Some(Duration::from_secs(86_400))
    );
    assert_eq!(daily.retry_after(), Some(MAX_RETRY_AFTER));
}

#[test]
fn a_retry_after_header_in_seconds_wins_over_the_catalog() {
    assert_eq!(
        decode_with("5", &QuotaError::SlowDown).retry_after(),
        Some(Duration::from_secs(5))
    );
    assert_eq!(
        decode_with("0", &QuotaError::SlowDown).retry_after(),
        Some(Duration::ZERO)
    );
    assert_eq!(
        decode_with("999999", &QuotaError::SlowDown).retry_after(),
        Some(MAX_RETRY_AFTER)
    );
}

#[test]
fn a_retry_after_header_as_an_http_date() {
    // Past dates mean "now"; dates beyond the cap are capped.
    let past = decode_with("Sun, 06 Nov 1994 08:49:37 GMT", &QuotaError::SlowDown);
    assert_eq!(past.retry_after(), Some(Duration::ZERO));
    let far = decode_with("Fri, 31 Dec 9999 23:59:59 GMT", &QuotaError::SlowDown);
    assert_eq!(far.retry_after(), Some(MAX_RETRY_AFTER));
}

#[test]
fn an_unreadable_header_is_ignored_in_favour_of_the_catalog() {
    for garbage in ["soon", "-1", "30s", "Sun, 99 Nov 1994 08:49:37 GMT", ""] {
        let error = decode_with(garbage, &QuotaError::SlowDown);
        assert_eq!(
            error.retry_after(),
            Some(Duration::from_secs(30)),
            "{garbage:?}"
        );
    }
    assert_eq!(
        decode_with("soon", &QuotaError::Forbidden).retry_after(),
        None
    );
}

#[test]
fn the_header_is_reported_even_for_errors_the_client_does_not_know() {
    let body =
        br#"{"requestId":"r","success":false,"error":{"code":99,"key":"NEW","message":"m"}}"#;
    let error = Decoder::new()
        .decode_with_headers::<QuotaError>(StatusCode::TOO_MANY_REQUESTS, &headers("12"), body)
        .unwrap();
    assert!(!error.is_known());
    assert!(!error.is_retryable());
    assert_eq!(error.retry_after(), Some(Duration::from_secs(12)));
}

#[test]
fn a_proxy_page_gets_its_guidance_from_the_status_and_the_header() {
    let headers = headers("120");
    let error = Decoder::new()
        .decode_with_headers::<QuotaError>(
            StatusCode::SERVICE_UNAVAILABLE,
            &headers,
            b"<html>down</html>",
        )
        .unwrap_err();
    assert!(matches!(error, DecodeError::Html { .. }));
    assert!(error.is_retryable());
    assert_eq!(
        retry_after(&headers, std::time::SystemTime::now()),
        Some(Duration::from_secs(120))
    );
}
