//! A bounded load test over real HTTP: 10,000 error responses at concurrency 64, each a
//! well-formed envelope (read with the client decoder) whose request id equals the header's and
//! is unique across the run.
//!
//! It asserts correctness only; the time it took is printed (`--nocapture`), and the time limit
//! is there to stop a hung run, not to measure speed.

mod axum_support;

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::RouterExt as _;
use axum::http::StatusCode;
use http::header::{CONTENT_TYPE, RETRY_AFTER};
use reqwest::Method;
use tokio::task::JoinSet;

use axum_support::{Answer, Server, app, is_generated_id};

const REQUESTS: usize = 10_000;
const CONCURRENCY: usize = 64;
/// Far above what the run takes on a 2-core machine in a debug build; only a hang reaches it.
const TIME_LIMIT: Duration = Duration::from_secs(180);

/// One kind of request in the mix, and the error it must be answered with.
struct Case {
    method: Method,
    path: &'static str,
    json_body: Option<&'static str>,
    status: StatusCode,
    code: u16,
    retry_after: Option<&'static str>,
}

fn case(
    method: Method,
    path: &'static str,
    json_body: Option<&'static str>,
    status: u16,
    code: u16,
) -> Case {
    Case {
        method,
        path,
        json_body,
        status: StatusCode::from_u16(status).unwrap(),
        code,
        retry_after: None,
    }
}

/// Handler errors of every kind, axum's rejections and an unknown route.
fn cases() -> Vec<Case> {
    vec![
        case(Method::GET, "/orders/8", None, 404, 1003),
        case(Method::POST, "/trade", Some("{}"), 409, 11),
        Case {
            retry_after: Some("30"),
            ..case(Method::GET, "/rate-limited", None, 429, 1005)
        },
        case(Method::GET, "/internal", None, 500, 1006),
        case(Method::POST, "/orders", Some(r#"{"itemId":1,"#), 422, 1001),
        case(Method::POST, "/orders", Some(r#"{"itemId":1}"#), 422, 1001),
        case(Method::GET, "/orders/seven", None, 422, 1001),
        case(Method::GET, "/no/such/route", None, 404, 1003),
    ]
}

/// Every third request brings its own id, which must come back as sent.
fn client_id(index: usize) -> Option<String> {
    index.is_multiple_of(3).then(|| format!("load-{index}"))
}

/// Sends requests until the shared counter passes [`REQUESTS`], checking each answer; returns
/// the request ids it saw.
async fn worker(server: Arc<Server>, cases: Arc<Vec<Case>>, next: Arc<AtomicUsize>) -> Vec<String> {
    let mut ids = Vec::new();
    loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        if index >= REQUESTS {
            return ids;
        }
        let case = &cases[index % cases.len()];
        let mut request = server.request(case.method.clone(), case.path);
        if let Some(body) = case.json_body {
            request = request.header(CONTENT_TYPE, "application/json").body(body);
        }
        if let Some(id) = client_id(index) {
            request = request.header("x-request-id", id);
        }
        let answer = Answer::of(request).await;

        assert_eq!(
            answer.status, case.status,
            "{} {}: {answer:?}",
            case.method, case.path
        );
        let error = answer.assetpay_error(case.code);
        assert_eq!(
            answer
                .headers
                .get(RETRY_AFTER)
                .map(|value| value.to_str().unwrap()),
            case.retry_after,
        );
        let id = error
            .request_id()
            .expect("every envelope carries a request id");
        match client_id(index) {
            Some(sent) => assert_eq!(id, sent),
            None => assert!(is_generated_id(id), "{id}"),
        }
        ids.push(id.to_owned());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_concurrent_error_responses_are_envelopes_with_unique_request_ids() {
    let server = Arc::new(Server::start(app().with_api_errors(framework_errors())).await);
    let cases = Arc::new(cases());
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();

    let mut workers = JoinSet::new();
    for _ in 0..CONCURRENCY {
        workers.spawn(worker(
            Arc::clone(&server),
            Arc::clone(&cases),
            Arc::clone(&next),
        ));
    }
    let ids = tokio::time::timeout(TIME_LIMIT, async {
        let mut ids = Vec::with_capacity(REQUESTS);
        while let Some(seen) = workers.join_next().await {
            ids.extend(seen.expect("a worker's checks failed"));
        }
        ids
    })
    .await
    .unwrap_or_else(|_| panic!("the run did not finish within {TIME_LIMIT:?}"));
    let elapsed = started.elapsed();

    assert_eq!(ids.len(), REQUESTS);
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), REQUESTS, "request ids repeat");
    println!(
        "{REQUESTS} error responses at concurrency {CONCURRENCY} in {:.2} s ({:.0} requests/s)",
        elapsed.as_secs_f64(),
        REQUESTS as f64 / elapsed.as_secs_f64(),
    );
}
