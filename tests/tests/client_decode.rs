//! The client-side decoder on well-formed envelopes: what it keeps, what it matches, and the
//! rules for envelopes that disagree with the catalogue or with the HTTP status.

use assetpay_errors::assetpay::{GenericError, TradingError};
use assetpay_errors::client::{self, CatalogMatch, Decoder, ErrorResponse};
use assetpay_errors::{ApiError, AssetPayError, Envelope};
use http::StatusCode;
use serde_json::json;

fn decode(status: StatusCode, body: &serde_json::Value) -> ErrorResponse<AssetPayError> {
    let bytes = serde_json::to_vec(body).unwrap();
    client::decode::<AssetPayError>(status, &bytes).unwrap()
}

fn envelope(code: u16, key: &str, message: &str) -> serde_json::Value {
    json!({
        "requestId": "req-1",
        "success": false,
        "error": { "code": code, "key": key, "message": message },
    })
}

#[test]
fn a_known_envelope_yields_its_fields_entry_and_variant() {
    let error = decode(
        StatusCode::CONFLICT,
        &envelope(
            11,
            "PRICE_CHANGED",
            "Price has changed since you last fetched it",
        ),
    );
    assert_eq!(error.status(), StatusCode::CONFLICT);
    assert_eq!(error.request_id(), Some("req-1"));
    assert_eq!(error.code(), 11);
    assert_eq!(error.key(), "PRICE_CHANGED");
    assert_eq!(
        error.message(),
        "Price has changed since you last fetched it"
    );
    assert_eq!(error.spec(), Some(TradingError::PriceChanged.spec()));
    assert_eq!(
        error.catalog_match(),
        CatalogMatch::Known(TradingError::PriceChanged.spec())
    );
    assert_eq!(
        error.variant(),
        Some(AssetPayError::Trading(TradingError::PriceChanged))
    );
    assert!(error.is_known());
    assert!(!error.is_status_mismatch());
    assert!(!error.is_retryable());
}

#[test]
fn a_domain_enum_sees_only_its_own_catalog() {
    let body = serde_json::to_vec(&envelope(11, "PRICE_CHANGED", "Price changed")).unwrap();
    let trading = client::decode::<TradingError>(StatusCode::CONFLICT, &body).unwrap();
    assert_eq!(trading.variant(), Some(TradingError::PriceChanged));

    let generic = client::decode::<GenericError>(StatusCode::CONFLICT, &body).unwrap();
    assert_eq!(generic.catalog_match(), CatalogMatch::Unknown);
    assert_eq!(generic.variant(), None);
}

#[test]
fn every_catalog_entry_decodes_to_its_variant() {
    for spec in AssetPayError::CATALOG {
        let body = Envelope::from_spec("req", spec, spec.message()).to_json_vec();
        let error = client::decode::<AssetPayError>(spec.status(), &body).unwrap();
        let variant = error
            .variant()
            .unwrap_or_else(|| panic!("{} has no variant", spec.key()));
        assert_eq!(variant.spec(), spec);
        assert_eq!(error.is_retryable(), spec.is_retryable());
    }
}

#[test]
fn an_unknown_error_keeps_code_key_and_message() {
    let error = decode(
        StatusCode::BAD_REQUEST,
        &envelope(
            77,
            "BRAND_NEW_ERROR",
            "Something this client has never heard of",
        ),
    );
    assert_eq!(error.catalog_match(), CatalogMatch::Unknown);
    assert_eq!(
        (error.code(), error.key(), error.message()),
        (
            77,
            "BRAND_NEW_ERROR",
            "Something this client has never heard of"
        )
    );
    assert_eq!(error.request_id(), Some("req-1"));
    assert_eq!((error.spec(), error.variant()), (None, None));
    assert!(!error.is_known() && !error.is_retryable() && !error.is_status_mismatch());
    assert_eq!(error.retry_after(), None);
}

#[test]
fn an_envelope_of_defined_members_only_has_no_extra_fields_and_a_clone_keeps_them() {
    let plain = decode(StatusCode::CONFLICT, &envelope(11, "PRICE_CHANGED", "m"));
    assert!(plain.extra_fields().is_empty());
    assert!(plain.extra_envelope_fields().is_empty());
    let mut body = envelope(11, "PRICE_CHANGED", "m");
    body["traceId"] = json!("t-1");
    body["error"]["hint"] = json!({ "retryIn": 5 });
    let extra = decode(StatusCode::CONFLICT, &body).clone();
    assert_eq!(
        extra.extra_fields().get("hint"),
        Some(&json!({ "retryIn": 5 }))
    );
    assert_eq!(
        extra.extra_envelope_fields().get("traceId"),
        Some(&json!("t-1"))
    );
    assert_eq!(extra.extra_fields().len(), 1);
    assert_eq!(extra.extra_envelope_fields().len(), 1);
}

#[test]
fn extra_fields_are_sorted_maps_and_duplicates_keep_their_last_value() {
    let body = br#"{"zeta":1,"error":{"z":1,"code":1,"a":2,"key":"NOPE","m":3,"message":"first",
        "message":"second","a":4},"alpha":2,"success":true,"requestId":"x","mid":3,"success":false}"#;
    let error = client::decode::<AssetPayError>(StatusCode::BAD_REQUEST, body).unwrap();
    assert_eq!(
        (error.code(), error.key(), error.message()),
        (1, "NOPE", "second")
    );
    // serde_json's `Map` sorts its members by name: nothing in this build turns on
    // `preserve_order`, which would keep the order they came in (`z`, `a`, `m`).
    let names: Vec<&str> = error.extra_fields().keys().map(String::as_str).collect();
    assert_eq!(names, ["a", "m", "z"]);
    let names: Vec<&str> = error
        .extra_envelope_fields()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(names, ["alpha", "mid", "zeta"]);
    assert_eq!(error.extra_fields().get("a"), Some(&json!(4)));
}

#[test]
fn extra_fields_are_tolerated_and_kept() {
    let body = br#"{
        "error": {"message": "The request data is invalid", "details": [{"field": "amount"}],
                  "key": "VALIDATION_FAILED", "code": 1001},
        "timestamp": "2025-01-01T00:00:00Z",
        "success": false,
        "requestId": "req-9",
        "debug": {"trace": [1, 2, 3]}
    }"#;
    let error = client::decode::<AssetPayError>(StatusCode::UNPROCESSABLE_ENTITY, body).unwrap();
    assert_eq!(
        error.variant(),
        Some(AssetPayError::Generic(GenericError::ValidationFailed))
    );
    assert_eq!(
        error.extra_fields().get("details"),
        Some(&json!([{"field": "amount"}]))
    );
    assert_eq!(error.extra_fields().len(), 1);
    assert_eq!(
        error.extra_envelope_fields().get("timestamp"),
        Some(&json!("2025-01-01T00:00:00Z"))
    );
    assert_eq!(
        error.extra_envelope_fields().get("debug"),
        Some(&json!({"trace": [1, 2, 3]}))
    );
    assert_eq!(error.extra_envelope_fields().len(), 2);
}

#[test]
fn a_missing_or_null_request_id_and_a_missing_success_are_accepted() {
    let error = decode(
        StatusCode::NOT_FOUND,
        &json!({"success": false, "error": {"code": 1003, "key": "NOT_FOUND", "message": "Resource not found"}}),
    );
    assert_eq!(error.request_id(), None);
    assert_eq!(
        error.variant(),
        Some(AssetPayError::Generic(GenericError::NotFound))
    );

    let error = decode(
        StatusCode::NOT_FOUND,
        &json!({"requestId": null, "error": {"code": 1003, "key": "NOT_FOUND", "message": "Resource not found"}}),
    );
    assert_eq!(error.request_id(), None);
    assert!(error.is_known());
}

#[test]
fn escaped_and_non_ascii_text_comes_back_verbatim() {
    let body = br#"{"requestId":"r\"\\\u0001\u00e9\ud83d\ude00","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"line\nbreak \u2028 \"quoted\""}}"#;
    let error = client::decode::<AssetPayError>(StatusCode::UNPROCESSABLE_ENTITY, body).unwrap();
    assert_eq!(error.request_id(), Some("r\"\\\u{1}é😀"));
    assert_eq!(error.message(), "line\nbreak \u{2028} \"quoted\"");
}

#[test]
fn a_byte_order_mark_before_the_json_is_ignored() {
    let mut body = b"\xEF\xBB\xBF".to_vec();
    body.extend(serde_json::to_vec(&envelope(1003, "NOT_FOUND", "Resource not found")).unwrap());
    let error = client::decode::<AssetPayError>(StatusCode::NOT_FOUND, &body).unwrap();
    assert!(error.is_known());
}

// Mismatch rule 1: an entry is trusted only when the code and the key both name it.

#[test]
fn a_code_and_a_key_naming_different_entries_are_a_conflict() {
    let error = decode(
        StatusCode::CONFLICT,
        &envelope(11, "RATE_LIMITED", "Price changed"),
    );
    assert_eq!(
        error.catalog_match(),
        CatalogMatch::Conflict {
            by_code: Some(TradingError::PriceChanged.spec()),
            by_key: Some(GenericError::RateLimited.spec()),
        }
    );
    // Neither entry is acted on: no spec, no variant, and not retryable although RATE_LIMITED is.
    assert_eq!((error.spec(), error.variant()), (None, None));
    assert!(!error.is_retryable());
    // What came is kept as it came.
    assert_eq!((error.code(), error.key()), (11, "RATE_LIMITED"));
}

#[test]
fn a_known_code_with_an_unknown_key_is_a_conflict() {
    let error = decode(
        StatusCode::CONFLICT,
        &envelope(11, "PRICE_MOVED", "Price changed"),
    );
    assert_eq!(
        error.catalog_match(),
        CatalogMatch::Conflict {
            by_code: Some(TradingError::PriceChanged.spec()),
            by_key: None
        }
    );
    assert_eq!(error.variant(), None);
}

#[test]
fn a_known_key_with_an_unknown_code_is_a_conflict() {
    let error = decode(
        StatusCode::CONFLICT,
        &envelope(98, "PRICE_CHANGED", "Price changed"),
    );
    assert_eq!(
        error.catalog_match(),
        CatalogMatch::Conflict {
            by_code: None,
            by_key: Some(TradingError::PriceChanged.spec())
        }
    );
    assert_eq!(error.variant(), None);
}

#[test]
fn the_server_message_is_kept_even_when_it_differs_from_the_catalog() {
    let error = decode(
        StatusCode::CONFLICT,
        &envelope(11, "PRICE_CHANGED", "Le prix a changé"),
    );
    assert!(error.is_known());
    assert_eq!(error.message(), "Le prix a changé");
}

// Mismatch rule 2: the body identifies the error; a differing HTTP status is flagged, not fatal.

#[test]
fn an_http_status_that_differs_from_the_catalog_is_flagged_but_decoded() {
    let error = decode(
        StatusCode::BAD_GATEWAY,
        &envelope(11, "PRICE_CHANGED", "Price changed"),
    );
    assert_eq!(
        error.variant(),
        Some(AssetPayError::Trading(TradingError::PriceChanged))
    );
    assert_eq!(error.status(), StatusCode::BAD_GATEWAY);
    assert!(error.is_status_mismatch());
    assert_eq!(error.spec().unwrap().status(), StatusCode::CONFLICT);
}

#[test]
fn an_error_envelope_under_a_success_status_is_still_an_error() {
    let error = decode(
        StatusCode::OK,
        &envelope(1005, "RATE_LIMITED", "Too many requests"),
    );
    assert_eq!(
        error.variant(),
        Some(AssetPayError::Generic(GenericError::RateLimited))
    );
    assert!(error.is_status_mismatch());
}

#[test]
fn the_default_decoder_and_the_free_function_agree() {
    let body = serde_json::to_vec(&envelope(11, "PRICE_CHANGED", "Price changed")).unwrap();
    let decoder = Decoder::default();
    assert_eq!(decoder, Decoder::new());
    assert_eq!(decoder.max_body_bytes(), 64 * 1024);
    let by_decoder = decoder
        .decode::<AssetPayError>(StatusCode::CONFLICT, &body)
        .unwrap();
    let by_function = client::decode::<AssetPayError>(StatusCode::CONFLICT, &body).unwrap();
    assert_eq!(format!("{by_decoder:?}"), format!("{by_function:?}"));
}

#[test]
fn display_is_one_sanitized_line_for_logs() {
    let error = decode(
        StatusCode::CONFLICT,
        &json!({"requestId": "req\n7", "success": false,
                "error": {"code": 11, "key": "PRICE_CHANGED", "message": "Price\r\nchanged\u{1b}[31m\u{202e}"}}),
    );
    assert_eq!(
        error.to_string(),
        "`PRICE_CHANGED` (code 11, HTTP 409, request req 7): Price  changed\u{FFFD}[31m\u{FFFD}"
    );
    // The accessors still give the text exactly as sent.
    assert_eq!(error.message(), "Price\r\nchanged\u{1b}[31m\u{202e}");

    let anonymous = decode(
        StatusCode::CONFLICT,
        &json!({"error": {"code": 1, "key": "K", "message": "m"}}),
    );
    assert_eq!(anonymous.to_string(), "`K` (code 1, HTTP 409): m");
}

#[test]
fn an_error_response_is_a_std_error_for_question_mark() {
    fn deposit() -> Result<(), Box<dyn std::error::Error>> {
        let body = serde_json::to_vec(&envelope(19, "DEPOSIT_IN_PROGRESS", "Busy")).unwrap();
        Err(client::decode::<AssetPayError>(StatusCode::CONFLICT, &body)?.into())
    }
    let error = deposit().unwrap_err();
    let response = error
        .downcast_ref::<ErrorResponse<AssetPayError>>()
        .unwrap();
    assert_eq!(
        response.variant(),
        Some(AssetPayError::Trading(TradingError::DepositInProgress))
    );
}
