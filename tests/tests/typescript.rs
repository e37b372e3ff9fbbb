//! The generated TypeScript module (`cargo run --example catalog -- --typescript`), checked with
//! the real TypeScript compiler and run by node against the demo server.
//!
//! The compiler is the one `tests/typescript/package-lock.json` pins: the first test that needs it
//! installs it with `npm ci` (see `assetpay_errors_tests::pinned_tools`); the machine needs only
//! Node.js with npm.
//!
//! After an intended catalogue change, regenerate the module's snapshot and commit it with the
//! change:
//!
//! ```text
//! UPDATE_SNAPSHOTS=1 cargo test -p assetpay-errors-tests --test typescript
//! ```

mod axum_support;
mod snapshot_support;

// The demo server's own router, served as it is.
#[allow(
    dead_code,
    reason = "the demo's document printer is the openapi example's"
)]
#[path = "../../assetpay-errors/examples/demo/app.rs"]
mod demo_server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::assetpay::{page, reference};
use assetpay_errors::axum::{ApiResult, RouterExt as _};
use assetpay_errors::trade::TradeFailureCode;
use assetpay_errors::{ApiError, AssetPayError, typescript};
use assetpay_errors_tests::pinned_tools::{self, NODE};
use axum::Router;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use serde_json::{Value, json};

use crate::axum_support::Server;
use crate::snapshot_support::assert_matches_snapshot;

/// The flags every compilation uses (shared with the translations' module tests).
const COMPILER_FLAGS: &[&str] = pinned_tools::TSC_STRICT_FLAGS;

/// The TypeScript sources of the test project, copied beside each generated module.
const SOURCES: &[&str] = &["handling.ts", "main.ts", "dump.ts", "params.ts"];

fn project_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("typescript")
}

/// The pinned compiler, installed on first use.
fn tsc() -> &'static Path {
    pinned_tools::typescript_compiler(Path::new(env!("CARGO_TARGET_TMPDIR")))
}

/// A fresh folder holding the test project's sources and `module` as `errors.ts`.
fn workspace(name: &str, module: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("typescript")
        .join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("remove the previous run's folder");
    }
    std::fs::create_dir_all(&dir).expect("create the test folder");
    for source in SOURCES {
        std::fs::copy(project_dir().join(source), dir.join(source))
            .unwrap_or_else(|error| panic!("copy {source}: {error}"));
    }
    std::fs::write(dir.join("errors.ts"), module).expect("write errors.ts");
    dir
}

/// Runs `command`, the compiler or a script, both run by node.
fn run(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|error| panic!("{command:?}: {}", NODE.spawn_error(&error)))
}

/// `tsc` with [`COMPILER_FLAGS`] on `files` in `dir`, emitting JavaScript into `dir/out` unless
/// `no_emit`.
fn compile(dir: &Path, files: &[&str], no_emit: bool) -> Output {
    let mut command = Command::new(tsc());
    command.current_dir(dir).args(COMPILER_FLAGS);
    if no_emit {
        command.arg("--noEmit");
    } else {
        command.args(["--outDir", "out"]);
    }
    run(command.args(files))
}

fn assert_compiles(dir: &Path, files: &[&str], no_emit: bool) {
    let output = compile(dir, files, no_emit);
    assert!(
        output.status.success(),
        "tsc rejected {files:?} in {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Runs `node out/SCRIPT.js ARGS…` in `dir` and parses the JSON it prints.
fn node(dir: &Path, script: &str, arguments: &[&str]) -> Value {
    let output = run(NODE
        .command()
        .current_dir(dir)
        .arg(format!("out/{script}.js"))
        .args(arguments));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "node {script} {arguments:?} failed:\n{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("{error}: {stdout}"))
}

#[test]
fn module_matches_the_committed_snapshot() {
    let generated = reference::typescript();
    assert_eq!(generated, reference::typescript(), "two runs differ");
    assert_matches_snapshot("assetpay.ts", &generated, "typescript");
}

#[test]
fn page_switch_type_checks_under_strict() {
    let dir = workspace("page-switch", &reference::typescript());
    assert_compiles(&dir, &["handling.ts"], true);
}

#[test]
fn misspelt_case_label_is_a_compile_error() {
    let dir = workspace("misspelt", &reference::typescript());
    let switch = std::fs::read_to_string(dir.join("handling.ts")).expect("read handling.ts");
    assert_eq!(switch.matches(r#"case "PRICE_CHANGED":"#).count(), 1);
    let misspelt = switch.replace(r#"case "PRICE_CHANGED":"#, r#"case "PRICE_CHANGD":"#);
    std::fs::write(dir.join("misspelt.ts"), misspelt).expect("write misspelt.ts");

    let output = compile(&dir, &["misspelt.ts"], true);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "tsc accepted the misspelt label");
    let errors: Vec<&str> = stdout
        .lines()
        .filter(|line| line.contains("error TS"))
        .collect();
    assert_eq!(
        errors.len(),
        1,
        "one error, the misspelt label's:\n{stdout}"
    );
    assert!(
        errors[0].starts_with("misspelt.ts(")
            && errors[0].contains(
                r#"error TS2678: Type '"PRICE_CHANGD"' is not comparable to type '"VALIDATION_FAILED" | "#
            ),
        "{stdout}"
    );
}

/// A switch on a trade failure code, with `label` as its first case.
fn trade_failure_switch(label: &str) -> String {
    format!(
        r#"import {{ knownTradeFailure }} from "./errors";

export function advice(error: string): string {{
  switch (knownTradeFailure(error)) {{
    case "{label}":
      return "refetch the price";
    case "MARKET_UNAVAILABLE":
      return "retry later";
    default:
      return "handle like PURCHASE_FAILED";
  }}
}}
"#
    )
}

#[test]
fn misspelt_trade_failure_label_is_a_compile_error() {
    let dir = workspace("trade-switch", &reference::typescript());
    std::fs::write(dir.join("trade.ts"), trade_failure_switch("PRICE_CHANGED")).unwrap();
    assert_compiles(&dir, &["trade.ts"], true);

    std::fs::write(dir.join("trade.ts"), trade_failure_switch("PRICE_CHANGD")).unwrap();
    let output = compile(&dir, &["trade.ts"], true);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "tsc accepted the misspelt label");
    assert!(
        stdout.contains(
            r#"trade.ts(5,10): error TS2678: Type '"PRICE_CHANGD"' is not comparable to type '"#
        ),
        "{stdout}"
    );
}

/// The labels of the `case` lines of a switch, quoted with `quote`.
fn case_labels(source: &str, quote: char) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| line.trim().strip_prefix("case "))
        .map(|rest| rest.trim_end_matches(':').trim_matches(quote).to_owned())
        .collect()
}

#[test]
fn switch_has_the_pages_case_labels_and_each_is_a_catalog_key() {
    let page_labels = case_labels(page::HANDLING_EXAMPLE, '\'');
    let test_labels = case_labels(
        &std::fs::read_to_string(project_dir().join("handling.ts")).expect("read handling.ts"),
        '"',
    );
    assert_eq!(test_labels, page_labels);
    assert!(page_labels.len() >= 5, "{page_labels:?}");
    for label in &page_labels {
        assert!(AssetPayError::spec_for_key(label).is_some(), "{label}");
    }
}

/// The version `package-lock.json` pins for `package`.
fn pinned_version(package: &str) -> String {
    let lock: Value = serde_json::from_str(
        &std::fs::read_to_string(project_dir().join("package-lock.json"))
            .expect("read package-lock.json"),
    )
    .expect("package-lock.json is JSON");
    lock["packages"][format!("node_modules/{package}")]["version"]
        .as_str()
        .unwrap_or_else(|| panic!("package-lock.json pins {package}"))
        .to_owned()
}

/// Which compiler the tests ran: the copy installed under this checkout, at the pinned version.
#[test]
fn the_pinned_copy_of_tsc_is_the_one_installed_under_this_checkout() {
    pinned_tools::assert_is_the_pinned_copy(
        tsc(),
        &project_dir().join("node_modules"),
        &format!("Version {}", pinned_version("typescript")),
    );
}

/// An error of a server newer than the module: a key and code AssetPay's catalogue lacks.
#[derive(Debug, ApiError)]
#[api(range = 1..=99)]
enum NewerServerError {
    /// The escrow hold did not clear in time
    #[api(code = 99, key = "ESCROW_TIMEOUT", status = 409)]
    EscrowTimeout,
}

async fn newer_server_error() -> ApiResult<(), NewerServerError> {
    Err(NewerServerError::EscrowTimeout.into())
}

const PROXY_PAGE: &str = "<html><body><h1>502 Bad Gateway</h1></body></html>";

async fn proxy_page() -> (
    StatusCode,
    [(axum::http::HeaderName, &'static str); 1],
    &'static str,
) {
    (
        StatusCode::BAD_GATEWAY,
        [(CONTENT_TYPE, "text/html")],
        PROXY_PAGE,
    )
}

async fn null_body() -> (StatusCode, axum::Json<Value>) {
    (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(Value::Null))
}

/// The demo server, plus what the client meets besides it: a newer server's error, and, outside
/// the error layer (which would turn them into `SERVER_ERROR` envelopes), a proxy's HTML page
/// and a `null` body.
fn demo_with_surroundings() -> Router {
    let newer_server = Router::new()
        .route("/newer", get(newer_server_error))
        .with_api_errors(framework_errors());
    let gateway = Router::new()
        .route("/proxy", get(proxy_page))
        .route("/null", get(null_body));
    demo_server::app().merge(newer_server).merge(gateway)
}

#[tokio::test]
async fn node_routes_the_demo_servers_answers_through_the_page_switch() {
    let server = Server::start(demo_with_surroundings()).await;
    let stale_trade = r#"{"itemId":42,"expectedPriceCents":1999}"#;

    // What each answer is, as the Rust decoder sees it: the cases are what they claim to be.
    let known = server
        .post("/trades", "application/json", stale_trade)
        .await
        .assetpay_error(11);
    assert_eq!(known.key(), "PRICE_CHANGED");
    let newer = server.get("/newer").await;
    let newer = assetpay_errors::client::decode::<AssetPayError>(newer.status, &newer.body)
        .expect("a newer server's envelope decodes");
    assert_eq!(
        (newer.key(), newer.catalog_match()),
        (
            "ESCROW_TIMEOUT",
            assetpay_errors::client::CatalogMatch::Unknown
        )
    );
    assert_eq!(server.get("/proxy").await.text(), PROXY_PAGE);
    assert_eq!(server.get("/null").await.text(), "null");

    let dir = workspace("demo-server", &reference::typescript());
    assert_compiles(&dir, &["main.ts"], false);
    let requests = json!([
        {"method": "POST", "path": "/trades", "body": stale_trade},
        {"method": "GET", "path": "/newer"},
        {"method": "GET", "path": "/proxy"},
        {"method": "GET", "path": "/null"},
        {"method": "GET", "path": "/orders/8"},
    ])
    .to_string();
    let base_url = server.base_url();
    let branches =
        tokio::task::spawn_blocking(move || node(&dir, "main", &["fetch", &base_url, &requests]))
            .await
            .expect("node's task does not panic");
    assert_eq!(
        branches,
        json!([
            "refetch inventory and show updated prices",
            "Trade error: ESCROW_TIMEOUT (99)",
            "not JSON (HTTP 502)",
            "not an error envelope (HTTP 500)",
            "Trade error: NOT_FOUND (1003)",
        ])
    );
}

/// Bodies the decoders must agree on, each with a comment on the rule it probes.
const SHAPES: &[&str] = &[
    // Envelopes.
    r#"{"requestId":"r1","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"requestId":null,"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"m","details":[1]},"trace":{}}"#,
    r#"{"error":{"code":0,"key":"ZERO","message":""}}"#,
    r#"{"error":{"code":65535,"key":"TOP","message":"m"}}"#,
    // Envelopes that name no entry: unknown, or a code and a key that disagree.
    r#"{"error":{"code":99,"key":"ESCROW_TIMEOUT","message":"m"}}"#,
    r#"{"error":{"code":12,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"error":{"code":11,"key":"NEW_KEY","message":"m"}}"#,
    r#"{"error":{"code":1,"key":"constructor","message":"m"}}"#,
    r#"{"error":{"code":1,"key":"__proto__","message":"m"}}"#,
    r#"{"error":{"code":1,"key":"toString","message":"m"}}"#,
    r#"{"error":{"code":1,"key":"hasOwnProperty","message":"m"}}"#,
    // Later duplicates win in both parsers.
    r#"{"error":{"code":1,"key":"X","message":"m"},"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#,
    // Not envelopes.
    "null",
    "[]",
    r#""text""#,
    "11",
    r#"{"success":true,"data":{}}"#,
    r#"{"success":true,"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"success":null,"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"success":"false","error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"requestId":7,"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"requestId":"r","error":null}"#,
    r#"{"requestId":"r"}"#,
    r#"{"error":[11,"PRICE_CHANGED","m"]}"#,
    r#"{"error":"PRICE_CHANGED"}"#,
    r#"{"error":{"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"error":{"code":"11","key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"error":{"code":null,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"error":{"code":-1,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"error":{"code":-0,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"error":{"code":65536,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"error":{"code":11.5,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"error":{"code":1e400,"key":"PRICE_CHANGED","message":"m"}}"#,
    r#"{"error":{"code":11,"key":11,"message":"m"}}"#,
    r#"{"error":{"code":11,"message":"m"}}"#,
    r#"{"error":{"code":11,"key":"PRICE_CHANGED","message":null}}"#,
    r#"{"error":{"code":11,"key":"PRICE_CHANGED"}}"#,
];

/// What the Rust decoder makes of `body`: whether it is an envelope, and the key of the entry
/// it names.
fn rust_verdict(body: &str) -> Value {
    match assetpay_errors::client::decode::<AssetPayError>(StatusCode::BAD_REQUEST, body.as_bytes())
    {
        Ok(error) => json!({"envelope": true, "known": error.spec().map(|spec| spec.key())}),
        Err(_) => json!({"envelope": false, "known": null}),
    }
}

/// Envelopes with `details`, well-formed and not: `violations` must read what the Rust decoder
/// reads, and an empty list where it reports the member malformed.
const DETAILS: &[&str] = &[
    r#"{"error":{"code":1001,"key":"VALIDATION_FAILED","message":"m"}}"#,
    r#"{"error":{"code":1001,"key":"VALIDATION_FAILED","message":"m","details":[{"in":"body","field":"/items/0/id","reason":"MISSING","message":"id is required"},{"in":"cookie","field":"a~1b","reason":"NEW_REASON","message":"m","extra":1}]}}"#,
    r#"{"error":{"code":1001,"key":"VALIDATION_FAILED","message":"m","details":[{"in":"body","field":"/a","reason":"MISSING","message":"a"},{"in":"body","field":"/b","message":"b"}]}}"#,
    r#"{"error":{"code":1001,"key":"VALIDATION_FAILED","message":"m","details":{"in":"body"}}}"#,
    r#"{"error":{"code":1001,"key":"VALIDATION_FAILED","message":"m","details":[null]}}"#,
    r#"{"error":{"code":1001,"key":"VALIDATION_FAILED","message":"m","details":[]}}"#,
];

#[test]
fn violations_agree_with_the_rust_decoder() {
    let dir = workspace("violations", &reference::typescript());
    assert_compiles(&dir, &["main.ts"], false);
    let lists = node(
        &dir,
        "main",
        &["violations", &serde_json::to_string(DETAILS).unwrap()],
    );
    let lists = lists.as_array().expect("an array of lists");
    assert_eq!(lists.len(), DETAILS.len());
    for (body, list) in DETAILS.iter().zip(lists) {
        let error = assetpay_errors::client::decode::<AssetPayError>(
            StatusCode::BAD_REQUEST,
            body.as_bytes(),
        )
        .expect("an envelope");
        let expected: Vec<Value> = error
            .violations()
            .iter()
            .map(|v| {
                json!([
                    v.location().as_str(),
                    v.field(),
                    v.reason().as_str(),
                    v.message()
                ])
            })
            .collect();
        assert_eq!(list, &Value::Array(expected), "{body}");
    }
    assert_eq!(lists[1].as_array().map(Vec::len), Some(2));
}

#[test]
fn is_error_envelope_and_known_error_agree_with_the_rust_decoder() {
    let dir = workspace("shapes", &reference::typescript());
    assert_compiles(&dir, &["main.ts"], false);
    let mut bodies: Vec<&str> = SHAPES.to_vec();
    // The one documented difference: after JSON.parse, 11.0 and 1.1e1 are the integer 11.
    let float_codes = [
        r#"{"error":{"code":11.0,"key":"PRICE_CHANGED","message":"m"}}"#,
        r#"{"error":{"code":1.1e1,"key":"PRICE_CHANGED","message":"m"}}"#,
    ];
    bodies.extend(float_codes);
    let verdicts = node(
        &dir,
        "main",
        &["shape", &serde_json::to_string(&bodies).unwrap()],
    );
    let verdicts = verdicts.as_array().expect("an array of verdicts");
    assert_eq!(verdicts.len(), bodies.len());
    for (body, verdict) in SHAPES.iter().zip(verdicts) {
        assert_eq!(verdict, &rust_verdict(body), "{body}");
    }
    let envelopes = SHAPES
        .iter()
        .filter(|body| rust_verdict(body)["envelope"] == true);
    assert_eq!(
        envelopes.count(),
        14,
        "the table holds envelopes and non-envelopes"
    );
    for (body, verdict) in float_codes.iter().zip(&verdicts[SHAPES.len()..]) {
        assert_eq!(
            rust_verdict(body),
            json!({"envelope": false, "known": null})
        );
        assert_eq!(
            verdict,
            &json!({"envelope": true, "known": "PRICE_CHANGED"}),
            "{body}"
        );
    }
}

/// Problem documents the decoders must agree on, each with the rule it probes.
const PROBLEM_SHAPES: &[&str] = &[
    // Problem documents: known, by `title` alone, unknown, a code and a key that disagree, with
    // the envelope's own members and members of another API.
    r#"{"type":"about:blank","title":"t","status":409,"detail":"d","code":11,"key":"PRICE_CHANGED"}"#,
    r#"{"title":"t","code":11,"key":"PRICE_CHANGED"}"#,
    r#"{"status":409,"detail":"d","code":99,"key":"ESCROW_TIMEOUT"}"#,
    r#"{"detail":"d","code":12,"key":"PRICE_CHANGED"}"#,
    r#"{"detail":"d","code":11,"key":"PRICE_CHANGED","requestId":null,"success":false,"x":[1]}"#,
    r#"{"title":null,"detail":"d","code":11,"key":"PRICE_CHANGED"}"#,
    r#"{"detail":"d","code":1001,"key":"VALIDATION_FAILED","errors":[{"detail":"x"}]}"#,
    r#"{"detail":"d","code":1,"key":"__proto__"}"#,
    // Not problem documents, by the decoder's rules: none of RFC 9457's members, no text for the
    // message, mistyped members, the envelope's members mistyped, an `error` member.
    r#"{"code":11,"key":"PRICE_CHANGED"}"#,
    r#"{"instance":"urn:x","code":11,"key":"PRICE_CHANGED"}"#,
    r#"{"status":409,"code":11,"key":"PRICE_CHANGED"}"#,
    r#"{"detail":7,"title":"t","code":11,"key":"PRICE_CHANGED"}"#,
    r#"{"title":5,"code":11,"key":"PRICE_CHANGED"}"#,
    r#"{"detail":"d","code":"11","key":"PRICE_CHANGED"}"#,
    r#"{"detail":"d","code":-1,"key":"PRICE_CHANGED"}"#,
    r#"{"detail":"d","code":65536,"key":"PRICE_CHANGED"}"#,
    r#"{"detail":"d","key":"PRICE_CHANGED"}"#,
    r#"{"detail":"d","code":11}"#,
    r#"{"detail":"d","code":11,"key":7}"#,
    r#"{"detail":"d","code":11,"key":"PRICE_CHANGED","success":true}"#,
    r#"{"detail":"d","code":11,"key":"PRICE_CHANGED","requestId":7}"#,
    r#"{"detail":"d","code":11,"key":"PRICE_CHANGED","error":null}"#,
];

#[test]
fn is_problem_document_and_known_error_agree_with_the_rust_decoder() {
    let dir = workspace("problem-shapes", &reference::typescript());
    assert_compiles(&dir, &["main.ts"], false);
    let verdicts = node(
        &dir,
        "main",
        &[
            "problem-shape",
            &serde_json::to_string(PROBLEM_SHAPES).unwrap(),
        ],
    );
    let verdicts = verdicts.as_array().expect("an array of verdicts");
    assert_eq!(verdicts.len(), PROBLEM_SHAPES.len());
    let mut decoded = 0;
    for (body, verdict) in PROBLEM_SHAPES.iter().zip(verdicts) {
        let rust =
            assetpay_errors::client::decode::<AssetPayError>(StatusCode::CONFLICT, body.as_bytes());
        let expected = match &rust {
            // None of them has an `error` member: what decodes is a problem document.
            Ok(error) => json!({
                "decodes": true,
                "problem": true,
                "known": error.spec().map(|spec| spec.key()),
            }),
            Err(_) => json!({"decodes": false, "problem": false, "known": null}),
        };
        assert_eq!(verdict, &expected, "{body}: {rust:?}");
        decoded += usize::from(rust.is_ok());
    }
    assert_eq!(decoded, 8, "the table holds problem documents and others");
}

/// What node reads from the demo server's problem documents, one request each: a known key, a
/// key the module does not know, field violations in the body and in the query, a 405 kept
/// under its entry, and a body outside the layer that is no error at all.
#[tokio::test]
async fn node_reads_the_demo_servers_problem_documents_as_the_rust_decoder_does() {
    let server = Server::start(demo_with_surroundings()).await;
    let dir = workspace("demo-problems", &reference::typescript());
    assert_compiles(&dir, &["main.ts"], false);
    let requests = json!([
        {"method": "POST", "path": "/trades", "body": r#"{"itemId":42,"expectedPriceCents":1999}"#},
        {"method": "GET", "path": "/newer"},
        {"method": "POST", "path": "/orders", "body": r#"{"itemId":1,"quantity":0}"#},
        {"method": "GET", "path": "/orders?limit=ten"},
        {"method": "DELETE", "path": "/trades"},
        {"method": "GET", "path": "/orders/8"},
        {"method": "GET", "path": "/null"},
    ])
    .to_string();
    let base_url = server.base_url();
    let answers = tokio::task::spawn_blocking(move || {
        node(&dir, "main", &["problems", &base_url, &requests])
    })
    .await
    .expect("node's task does not panic");
    let answers = answers.as_array().expect("an array of answers");
    assert_eq!(answers.len(), 7);

    let mut keys = Vec::new();
    for answer in &answers[..6] {
        let text = answer["text"].as_str().expect("the body's text");
        assert_eq!(answer["contentType"], "application/problem+json", "{text}");
        let status = StatusCode::from_u16(answer["status"].as_u64().unwrap() as u16).unwrap();
        // The very bytes node read, through the Rust decoder.
        let error = assetpay_errors::client::decode::<AssetPayError>(status, text.as_bytes())
            .unwrap_or_else(|error| panic!("{text}: {error}"));
        assert_eq!(answer["problem"], true, "{text}");
        assert_eq!(answer["envelope"], false, "{text}");
        assert_eq!(
            answer["known"],
            json!(error.spec().map(|spec| spec.key())),
            "{text}"
        );
        let violations: Vec<Value> = error
            .violations()
            .iter()
            .map(|violation| {
                let body = violation.location().as_str() == "body";
                json!([
                    body.then(|| format!("#{}", violation.field())),
                    (!body).then(|| violation.location().as_str()),
                    (!body).then(|| violation.field()),
                    violation.reason().as_str(),
                    violation.message(),
                ])
            })
            .collect();
        assert_eq!(answer["errors"], Value::Array(violations), "{text}");
        keys.push(error.key().to_owned());
    }
    assert_eq!(
        keys,
        [
            "PRICE_CHANGED",
            "ESCROW_TIMEOUT",
            "VALIDATION_FAILED",
            "VALIDATION_FAILED",
            "UNPROCESSABLE",
            "NOT_FOUND"
        ]
    );
    // The unknown key is a problem document all the same, which knownError does not name.
    assert_eq!(answers[1]["known"], Value::Null);
    assert_eq!(answers[2]["errors"][0][0], "#/quantity");
    assert_eq!(answers[2]["errors"][0][3], "OUT_OF_RANGE");
    assert_eq!(answers[3]["errors"][0][1], "query");
    assert_eq!(answers[4]["status"], 405);
    let kept: Value = serde_json::from_str(answers[4]["text"].as_str().unwrap()).unwrap();
    assert_eq!(kept["status"], 405);
    // Outside the layer, no negotiation: `null` is neither format, for node and for Rust.
    assert_eq!(answers[6]["text"], "null");
    assert_eq!(
        (&answers[6]["problem"], &answers[6]["envelope"]),
        (&json!(false), &json!(false))
    );
    assert!(
        assetpay_errors::client::decode::<AssetPayError>(
            StatusCode::INTERNAL_SERVER_ERROR,
            b"null"
        )
        .is_err()
    );
}

#[test]
fn assetpay_entries_and_trade_codes_reach_javascript_unchanged() {
    let dir = workspace("assetpay-dump", &reference::typescript());
    assert_compiles(&dir, &["main.ts"], false);
    let dump = node(&dir, "main", &["dump"]);
    assert_entries_are_the_catalog(&dump["errors"], AssetPayError::CATALOG);

    let codes = dump["tradeFailureCodes"].as_object().expect("an object");
    assert_eq!(codes.len(), TradeFailureCode::KNOWN.len());
    for code in TradeFailureCode::KNOWN {
        assert_eq!(
            codes[code.as_str()],
            json!({
                "meaning": code.meaning(),
                "guidance": code.guidance(),
                "retryable": code.is_retryable(),
            }),
            "{code}"
        );
    }
    assert!(
        codes["STEAM_ACCOUNT_RESTRICTED"]["meaning"]
            .as_str()
            .is_some_and(|meaning| meaning.contains("can’t")),
        "curly apostrophes kept"
    );
    let known = node(
        &dir,
        "main",
        &[
            "trade",
            r#"["PRICE_CHANGED","ESCROW_TIMEOUT","constructor","price_changed"]"#,
        ],
    );
    assert_eq!(known, json!(["PRICE_CHANGED", null, null, null]));
}

/// Text that only survives correct escaping.
#[derive(Debug, ApiError)]
#[api(range = 3000..=3099)]
enum AwkwardText {
    /// Quotes "double" and 'single', a backslash \ and \" together, a template $ and a `tick`
    #[api(code = 3000, key = "QUOTES", status = 400)]
    Quotes,
    /// Control characters in the message
    #[api(
        code = 3001,
        key = "CONTROLS",
        status = 400,
        message = "line\nfeed, carriage\rreturn, tab\t, escape \u{1b}, nul \u{0}, del \u{7f}, next \u{85}"
    )]
    Controls,
    /// Separators U+2028 and U+2029 are line terminators to older parsers
    #[api(
        code = 3002,
        key = "SEPARATORS",
        status = 400,
        message = "line\u{2028}separator and paragraph\u{2029}separator"
    )]
    Separators,
    /// Curly apostrophes: don’t ‘quote’ me, “double” ones, the text \u{feff} (not an escape in a doc comment) and 😀
    #[api(code = 3003, key = "CURLY", status = 503, retryable, retry_after = 30)]
    Curly,
}

#[test]
fn any_catalogs_strings_survive_the_compiler() {
    let module = typescript::module::<AwkwardText>();
    let unescaped = |character: char| {
        (character.is_control() && character != '\n')
            || matches!(character, '\u{2028}' | '\u{2029}')
    };
    assert!(
        !module.chars().any(unescaped),
        "a character is written unescaped"
    );
    assert!(
        module.contains(r#"message: "line\nfeed, carriage\rreturn, tab\t, escape \u001b, nul \u0000, del \u007f, next \u0085","#),
        "{module}"
    );
    assert!(
        module.contains("don’t ‘quote’ me"),
        "curly quotes kept as they are"
    );
    let dir = workspace("awkward-text", &module);
    assert_compiles(&dir, &["dump.ts"], false);
    assert_entries_are_the_catalog(&node(&dir, "dump", &[]), AwkwardText::CATALOG);
}

/// `errors`, the `ERRORS` object node printed, holds exactly `catalog`'s entries, each with the
/// fields of the JSON catalogue.
fn assert_entries_are_the_catalog(errors: &Value, catalog: &[assetpay_errors::ErrorSpec]) {
    let errors = errors.as_object().expect("ERRORS is an object");
    assert_eq!(errors.len(), catalog.len());
    for spec in catalog {
        let expected = serde_json::to_value(spec).expect("a spec serializes");
        assert_eq!(errors[spec.key()], expected, "{}", spec.key());
    }
}

/// A catalogue with nothing in it yet.
#[derive(Debug, ApiError)]
enum NoErrorsYet {}

#[test]
fn an_empty_catalog_gives_a_module_that_compiles_and_has_no_entries() {
    assert!(NoErrorsYet::CATALOG.is_empty());
    let dir = workspace("empty", &typescript::module::<NoErrorsYet>());
    assert_compiles(&dir, &["dump.ts"], false);
    assert_eq!(node(&dir, "dump", &[]), json!({}));
}

/// A catalogue whose messages interpolate fields, for the params round trip.
#[derive(Debug, ApiError)]
#[api(range = 1..=99)]
enum ParamsError {
    /// Too many items in a single request
    #[api(
        code = 8,
        key = "TOO_MANY_ITEMS",
        status = 400,
        message = "At most {max} items, not {given}"
    )]
    TooManyItems { max: usize, given: usize },
    /// The price changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
}

#[tokio::test]
async fn params_round_trip_from_the_server_to_a_typed_front_end_rendering() {
    let module = typescript::module::<ParamsError>();
    assert!(
        module.contains(r#"    params: ["max", "given"],"#),
        "{module}"
    );
    let dir = workspace("params", &module);
    assert_compiles(&dir, &["params.ts"], false);

    let app = Router::new()
        .route(
            "/items",
            get(|| async { Err::<(), _>(ParamsError::TooManyItems { max: 50, given: 51 }) }),
        )
        .route(
            "/price",
            get(|| async { Err::<(), _>(ParamsError::PriceChanged) }),
        )
        .layer(
            assetpay_errors::axum::ApiErrorLayer::new(framework_errors())
                .with_options(assetpay_errors::axum::ResponseOptions::new().with_params_member()),
        );
    let server = Server::start(app).await;
    let mut bodies = Vec::new();
    for (path, accept) in [
        ("/items", "application/json"),
        ("/items", "application/problem+json"),
        ("/price", "application/json"),
    ] {
        let answer = axum_support::Answer::of(
            server
                .request(reqwest::Method::GET, path)
                .header("accept", accept),
        )
        .await;
        bodies.push(answer.text().to_owned());
    }
    // A body without some of the key's parameters: no typed rendering, never a partial one.
    bodies.push(
        r#"{"success":false,"error":{"code":8,"key":"TOO_MANY_ITEMS","message":"m","params":{"max":"5"}}}"#
            .to_owned(),
    );
    let arguments: Vec<&str> = bodies.iter().map(String::as_str).collect();
    let rendered = node(&dir, "params", &arguments);
    let expected_params = json!({"max": "50", "given": "51"});
    assert_eq!(
        rendered,
        json!([
            {"key": "TOO_MANY_ITEMS", "params": expected_params, "rendered": "Höchstens 50 Artikel, nicht 51"},
            {"key": "TOO_MANY_ITEMS", "params": expected_params, "rendered": "Höchstens 50 Artikel, nicht 51"},
            {"key": "PRICE_CHANGED", "params": {}, "rendered": null},
            {"key": "TOO_MANY_ITEMS", "params": {"max": "5"}, "rendered": null},
        ])
    );
    // The Rust decoder reads the same values from the same bodies.
    for body in &bodies[..2] {
        let decoded = assetpay_errors::client::decode::<ParamsError>(
            StatusCode::BAD_REQUEST,
            body.as_bytes(),
        )
        .expect("an error body");
        assert_eq!(
            (decoded.param("max"), decoded.param("given")),
            (Some("50"), Some("51"))
        );
    }
}

#[test]
fn a_misspelt_param_is_a_compile_error() {
    let dir = workspace("params-misspelt", &typescript::module::<ParamsError>());
    let source = std::fs::read_to_string(dir.join("params.ts")).expect("read params.ts");
    let misspelt = source.replace(
        "render(params)",
        "render({ max: params.maxx, given: params.given })",
    );
    assert_ne!(misspelt, source);
    std::fs::write(dir.join("params.ts"), misspelt).expect("write params.ts");
    let output = compile(&dir, &["params.ts"], true);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "tsc accepted `params.maxx`");
    assert!(stdout.contains("maxx"), "{stdout}");
    assert_eq!(stdout.matches("error TS").count(), 1, "{stdout}");
}
