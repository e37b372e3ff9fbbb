//! The demo server's `GET /metrics` over real HTTP: a known mix of requests, then the scrape,
//! parsed by a real Prometheus text-format parser (the official Python client's, pinned by
//! `tests/prometheus-parser/requirements.txt` and installed by the test itself), holds exactly
//! one `api_error_responses_total` series per key answered, with the catalogue's code and status
//! as labels and the exact count.
//!
//! The demo installs its Prometheus recorder as the process's global one, so this binary holds
//! this one test: another test's errors would change the counts.

mod axum_support;

#[allow(
    dead_code,
    reason = "the demo's document printer is the openapi example's"
)]
#[path = "../../assetpay-errors/examples/demo/app.rs"]
mod demo_server;

use std::collections::BTreeMap;
use std::path::Path;

use assetpay_errors::axum::telemetry::ERROR_RESPONSES_TOTAL;
use assetpay_errors::{ApiError, AssetPayError};
use assetpay_errors_tests::pinned_tools::parse_prometheus_text;
use axum::http::StatusCode;
use serde_json::Value;

use axum_support::Server;

/// The samples of `api_error_responses_total`: labels (sorted by name) to value.
fn error_counts(samples: &[Value]) -> BTreeMap<Vec<(String, String)>, f64> {
    samples
        .iter()
        .filter(|sample| sample["name"] == ERROR_RESPONSES_TOTAL)
        .map(|sample| {
            assert_eq!(sample["type"], "counter", "{sample}");
            let labels = sample["labels"]
                .as_object()
                .expect("labels are an object")
                .iter()
                .map(|(name, value)| (name.clone(), value.as_str().unwrap().to_owned()))
                .collect::<BTreeMap<_, _>>()
                .into_iter()
                .collect();
            (labels, sample["value"].as_f64().expect("a number"))
        })
        .collect()
}

/// The labels the counter must carry for `key`: the catalogue's code and status for it.
fn labels_of(key: &str) -> Vec<(String, String)> {
    let spec = AssetPayError::CATALOG
        .iter()
        .find(|spec| spec.key() == key)
        .unwrap_or_else(|| panic!("{key} is in the catalogue"));
    vec![
        ("code".to_owned(), spec.code().to_string()),
        ("key".to_owned(), key.to_owned()),
        ("status".to_owned(), spec.status().as_u16().to_string()),
    ]
}

#[tokio::test]
async fn the_scrape_counts_each_key_answered_exactly() {
    let server = Server::start(demo_server::app()).await;
    let stale_trade = r#"{"itemId":42,"expectedPriceCents":1999}"#;
    // (times, method, path, body, status): handler errors, a rejection, an unknown route, a
    // server error, a panic, and successes that are not counted.
    let mix: [(usize, &str, &str, &str, StatusCode); 9] = [
        (3, "GET", "/orders/99", "", StatusCode::NOT_FOUND),
        (2, "GET", "/no/such/route", "", StatusCode::NOT_FOUND),
        (
            4,
            "POST",
            "/orders",
            r#"{"itemId":"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (2, "POST", "/trades", stale_trade, StatusCode::CONFLICT),
        (1, "GET", "/limited", "", StatusCode::TOO_MANY_REQUESTS),
        (1, "GET", "/internal", "", StatusCode::INTERNAL_SERVER_ERROR),
        (1, "GET", "/panic", "", StatusCode::INTERNAL_SERVER_ERROR),
        (3, "GET", "/orders/7", "", StatusCode::OK),
        (2, "GET", "/orders?limit=2", "", StatusCode::OK),
    ];
    for (times, method, path, body, status) in mix {
        for _ in 0..times {
            let answer = if method == "POST" {
                server.post(path, "application/json", body).await
            } else {
                server.get(path).await
            };
            assert_eq!(answer.status, status, "{method} {path}: {answer:?}");
        }
    }

    let scrape = server.get("/metrics").await;
    assert_eq!(scrape.status, StatusCode::OK, "{scrape:?}");
    let parsed = parse_prometheus_text(Path::new(env!("CARGO_TARGET_TMPDIR")), scrape.text());
    let samples: Vec<Value> = serde_json::from_str(&parsed).expect("the parser prints JSON");

    let expected: BTreeMap<Vec<(String, String)>, f64> = [
        ("NOT_FOUND", 5.0),
        ("VALIDATION_FAILED", 4.0),
        ("PRICE_CHANGED", 2.0),
        ("RATE_LIMITED", 1.0),
        ("SERVER_ERROR", 2.0),
    ]
    .into_iter()
    .map(|(key, count)| (labels_of(key), count))
    .collect();
    assert_eq!(error_counts(&samples), expected, "{}", scrape.text());
}
