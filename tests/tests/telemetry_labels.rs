//! No request can create a series: hostile paths, methods, queries, headers and bodies, over real
//! HTTP, against a service counting with the `route` label too. Every label value of the scrape
//! (parsed by the pinned Prometheus parser) is a catalogue entry's key and code, an error status, or a
//! route the router declares, and the counts add up to the error responses sent.
//!
//! The Prometheus recorder is the process's global one, so this binary holds this one test.

mod axum_support;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::ApiErrorLayer;
use assetpay_errors::axum::telemetry::{ERROR_RESPONSES_TOTAL, UNMATCHED_ROUTE};
use assetpay_errors::{ApiError, AssetPayError};
use assetpay_errors_tests::pinned_tools::parse_prometheus_text;
use metrics_exporter_prometheus::PrometheusBuilder;
use reqwest::Method;
use serde_json::Value;

use axum_support::{Answer, Server, ShopError};

/// The routes `axum_support::app()` declares, as axum's `MatchedPath` spells them.
const ROUTES: [&str; 15] = [
    "/orders",
    "/orders/{id}",
    "/trade",
    "/rate-limited",
    "/rate-limited/no-wait",
    "/not-found-with-wait",
    "/warehouse",
    "/reserved/{sku}",
    "/ledger",
    "/internal",
    "/panic",
    "/plain/bad-gateway",
    "/plain/conflict",
    "/plain/forbidden",
    "/converted-elsewhere",
];

/// What a hostile client puts where a label could come from.
const HOSTILE: &str = "EVIL_KEY_9999";

fn hostile_paths() -> Vec<String> {
    let mut paths: Vec<String> = [
        "/orders/not-a-number",
        "/orders/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/orders/%22%7D%0Akey%3D%22EVIL_KEY_9999",
        "/reserved/EVIL_KEY_9999",
        "/EVIL_KEY_9999",
        "/EVIL_KEY_9999/1/2/3/4/5",
        "/caf%C3%A9/%F0%9F%92%A5",
        "/orders/8?key=EVIL_KEY_9999&code=9999&status=299",
        "/plain/forbidden?route=EVIL_KEY_9999",
        "/orders//8",
        "/%00",
    ]
    .map(str::to_owned)
    .into();
    paths.push(format!("/{}", "a".repeat(4000)));
    // Every distinct unknown path would be a series if paths were labels.
    paths.extend((0..50).map(|n| format!("/random/{n}/{HOSTILE}")));
    paths.extend((0..50).map(|n| format!("/orders/{n}0{n}")));
    paths
}

#[tokio::test]
async fn hostile_requests_create_no_series() {
    let handle = PrometheusBuilder::new()
        .install_recorder()
        .expect("the only recorder of this binary");
    let app = axum_support::app().layer(ApiErrorLayer::new(framework_errors()).with_route_label());
    let server = Server::start(app).await;

    let mut errors_sent = 0;
    let mut count = |answer: &Answer| {
        if answer.status.is_client_error() || answer.status.is_server_error() {
            errors_sent += 1;
        }
    };
    for path in hostile_paths() {
        for method in [
            Method::GET,
            Method::DELETE,
            Method::from_bytes(b"PURGE").unwrap(),
        ] {
            let request = server
                .request(method, &path)
                .header("x-error-key", HOSTILE)
                .header("x-request-id", HOSTILE);
            count(&Answer::of(request).await);
        }
        let body = format!(r#"{{"key":"{HOSTILE}","code":9999,"status":299"#);
        count(&server.post(&path, "application/json", body).await);
    }
    for body in [
        format!(r#"{{"itemId":"{HOSTILE}","quantity":1}}"#),
        format!(r#"{{"{HOSTILE}":1}}"#),
        "x".repeat(4096),
    ] {
        count(&server.post("/orders", "application/json", body).await);
    }
    for path in [
        "/ledger",
        "/panic",
        "/plain/bad-gateway",
        "/reserved/%22EVIL_KEY_9999",
    ] {
        count(&server.get(path).await);
    }
    assert!(errors_sent > 400, "{errors_sent}");

    let scrape = handle.render();
    assert!(!scrape.contains(HOSTILE), "{scrape}");
    let parsed = parse_prometheus_text(Path::new(env!("CARGO_TARGET_TMPDIR")), &scrape);
    let samples: Vec<Value> = serde_json::from_str(&parsed).expect("the parser prints JSON");

    let catalogue: HashMap<&str, (String, String)> = AssetPayError::CATALOG
        .iter()
        .chain(ShopError::CATALOG)
        .map(|spec| {
            let labels = (spec.code().to_string(), spec.status().as_u16().to_string());
            (spec.key(), labels)
        })
        .collect();
    let mut total = 0.0;
    let mut series = BTreeSet::new();
    for sample in samples
        .iter()
        .filter(|sample| sample["name"] == ERROR_RESPONSES_TOTAL)
    {
        let labels = &sample["labels"];
        let names: BTreeSet<&str> = labels
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            names,
            BTreeSet::from(["code", "key", "route", "status"]),
            "{sample}"
        );
        let [key, code, status, route] =
            ["key", "code", "status", "route"].map(|name| labels[name].as_str().unwrap());
        // The status is the one sent, which a framework failure keeps (405, 413) under its
        // entry: an error status, never a request's text.
        assert!(
            status
                .parse::<u16>()
                .is_ok_and(|status| (400..=599).contains(&status)),
            "{status} is an error status: {sample}"
        );
        assert_eq!(
            catalogue.get(key).map(|(code, _)| code.as_str()),
            Some(code),
            "{key} with code {code} is a catalogue entry: {sample}"
        );
        assert!(
            route == UNMATCHED_ROUTE || ROUTES.contains(&route),
            "{route} is a declared route: {sample}"
        );
        series.insert((key, route));
        total += sample["value"].as_f64().unwrap();
    }
    assert_eq!(total, f64::from(errors_sent), "{scrape}");
    // A few entries on a few routes, however many distinct requests there were.
    assert!(series.len() < 20, "{series:?}");
    assert!(
        series.contains(&("NOT_FOUND", UNMATCHED_ROUTE)),
        "{series:?}"
    );
    assert!(
        series.contains(&("NOT_FOUND", "/orders/{id}")),
        "{series:?}"
    );
}
