//! The demo server conforms to its own OpenAPI document under generated tests: Schemathesis
//! (pinned in `tests/schemathesis/requirements.txt`, installed by the test itself, see
//! `assetpay_errors_tests::pinned_tools`) reads `GET /openapi.json` from the demo, served over
//! loopback, and runs every phase with every check against it.
//!
//! The run is bounded so it fits CI: at most `MAX_EXAMPLES` cases per operation and phase,
//! `MAX_TIME` for the whole run by Schemathesis's own clock, and `DEADLINE` after which the test
//! kills it and fails. A fixed seed makes every run generate the same requests, so a failure
//! reproduces; set `ASSETPAY_SCHEMATHESIS_SEED` to explore others.
//!
//! The committed baseline, `tests/schemathesis/baseline.json` (Schemathesis's own `--baseline`
//! format), lists the failures that are there by design, each with its reason: only the demo's
//! routes that answer 500 on purpose. Any other failure fails the test.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assetpay_errors_tests::pinned_tools;
use serde_json::Value;

// The demo server's routes and document, exactly as the `server` example serves them.
#[allow(dead_code)]
#[path = "../../assetpay-errors/examples/demo/app.rs"]
mod demo;

/// What `schemathesis --version` prints for the pinned copy.
const VERSION: &str = "schemathesis, version 4.32.5";
/// Cases per operation and phase.
const MAX_EXAMPLES: &str = "30";
/// Schemathesis's own budget for the whole run, in seconds.
const MAX_TIME: &str = "60";
/// When the test stops waiting, kills the run and fails.
const DEADLINE: Duration = Duration::from_secs(150);
/// The seed of the generated requests, unless `ASSETPAY_SCHEMATHESIS_SEED` gives another.
const SEED: &str = "23";

fn tests_crate() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn baseline_path() -> PathBuf {
    tests_crate().join("schemathesis/baseline.json")
}

/// The demo, served on a free loopback port by a runtime of its own for as long as it lives.
struct DemoServer {
    runtime: tokio::runtime::Runtime,
    address: std::net::SocketAddr,
}

impl DemoServer {
    fn start() -> DemoServer {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("a free loopback port");
        let address = listener.local_addr().expect("the bound address");
        runtime.spawn(async move { axum::serve(listener, demo::app()).await });
        DemoServer { runtime, address }
    }
}

/// Runs `command` to its end or `deadline`, whichever is first; its exit and all it printed.
fn run_with_deadline(mut command: Command, deadline: Duration) -> (bool, String) {
    let started = Instant::now();
    let mut child: Child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run {command:?}: {error}"));
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("the run's status") {
            break Some(status);
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let printed = format!(
        "{}{}",
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default()
    );
    match status {
        Some(status) => (status.success(), printed),
        None => (
            false,
            format!("killed after {deadline:?}, past its deadline\n{printed}"),
        ),
    }
}

#[test]
fn the_demo_conforms_to_its_own_document_under_every_check() {
    let target_tmpdir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let schemathesis = pinned_tools::schemathesis(target_tmpdir);
    pinned_tools::assert_is_the_pinned_copy(
        schemathesis,
        &target_tmpdir.join("schemathesis"),
        VERSION,
    );
    // Hypothesis keeps a database of examples in the working directory: the target's, not the
    // repository's.
    let workdir = target_tmpdir.join("schemathesis-run");
    std::fs::create_dir_all(&workdir).expect("a working directory");
    let seed = std::env::var("ASSETPAY_SCHEMATHESIS_SEED").unwrap_or_else(|_| SEED.to_owned());

    let server = DemoServer::start();
    let mut command = Command::new(schemathesis);
    command
        .current_dir(&workdir)
        .env("NO_COLOR", "1")
        .arg("--config-file")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("schemathesis/schemathesis.toml"))
        .arg("run")
        .arg(format!("http://{}/openapi.json", server.address))
        .args(["--checks", "all"])
        .args(["--max-examples", MAX_EXAMPLES])
        .args(["--max-time", MAX_TIME])
        .args(["--seed", &seed])
        .args(["--workers", "1"])
        .args(["--request-timeout", "10"])
        .arg("--baseline")
        .arg(baseline_path());
    let (passed, printed) = run_with_deadline(command, DEADLINE);
    drop(server.runtime);

    println!("{printed}");
    assert!(
        passed,
        "Schemathesis found failures outside tests/schemathesis/baseline.json (seed {seed}):\n{printed}"
    );
}

/// The by-design failures: each route the demo makes answer 500 on purpose, and why.
const BY_DESIGN: [(&str, &str); 2] = [
    (
        "GET /internal",
        "the demo's handler answers SERVER_ERROR on purpose",
    ),
    ("GET /panic", "the demo's handler panics on purpose"),
];

#[test]
fn the_baseline_lists_only_the_by_design_server_errors_with_their_reasons() {
    let text = std::fs::read_to_string(baseline_path()).expect("the committed baseline");
    let baseline: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(baseline["format_version"], 1);
    let entries = baseline["entries"].as_array().expect("a list of entries");
    let mut listed: Vec<&str> = Vec::new();
    for entry in entries {
        let operation = entry["operation"].as_str().expect("an operation");
        assert_eq!(entry["check"], "not_a_server_error", "{entry}");
        assert_eq!(entry["failure"], "ServerError", "{entry}");
        let reason = entry["reason"].as_str().unwrap_or_default();
        let expected = BY_DESIGN
            .iter()
            .find(|(route, _)| *route == operation)
            .unwrap_or_else(|| panic!("{operation} is not a by-design server error: {entry}"));
        assert!(
            reason.starts_with(expected.1),
            "{operation}: the reason must say why, starting with {:?}: {entry}",
            expected.1
        );
        listed.push(operation);
    }
    listed.sort_unstable();
    let expected: Vec<&str> = BY_DESIGN.iter().map(|(route, _)| *route).collect();
    assert_eq!(listed, expected);
}
