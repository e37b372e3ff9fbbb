//! The `deps` group: what depending on `assetpay-errors` adds to a clean build, against what
//! thiserror adds, in a crate that already uses serde, serde_json and http (issue #22's figure).
//!
//! Three crates of one workspace in `bench/work/deps/` (one lock file, so all three build the
//! same versions): the base, the base plus a small `#[derive(thiserror::Error)]` enum, and the
//! base plus a small `#[derive(ApiError)]` enum in a domain of its own, `assetpay-errors` with
//! its default features. Each round cleans the target directory and builds each crate's graph
//! alone, offline, with cargo's default jobs.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use crate::cargo::{clean_build_time, interleaved};

const BASE: &str = "base_serde_json_http";
const WITH_THISERROR: &str = "with_thiserror";
const WITH_ASSETPAY: &str = "with_assetpay_errors";

/// What the base crate does with its dependencies: enough to use each of them.
const BASE_SOURCE: &str = r#"//! A crate that already uses serde, serde_json and http.

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Order {
    pub id: u64,
    pub status: u16,
}

pub fn encode(order: &Order) -> String {
    serde_json::to_string(order).expect("an order serializes")
}

pub fn status() -> http::StatusCode {
    http::StatusCode::GONE
}
"#;

const THISERROR_SOURCE: &str = r#"
#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("the card was declined")]
    CardDeclined,
    #[error("payment {0} was already captured")]
    AlreadyCaptured(u64),
}
"#;

const ASSETPAY_SOURCE: &str = r#"
pub const PAYMENTS: assetpay_errors::Domain =
    assetpay_errors::Domain::new("payments", "Payments", 3000..=3099);

#[derive(Debug, assetpay_errors::ApiError)]
#[api(domain = PAYMENTS)]
pub enum PaymentError {
    /// The card was declined
    #[api(code = 3000, key = "CARD_DECLINED", status = 402)]
    CardDeclined,
    /// Generated.
    #[api(code = 3001, key = "ALREADY_CAPTURED", status = 409, message = "Payment {0} was already captured")]
    AlreadyCaptured(u64),
}
"#;

/// Measures the group and appends its report to `report`.
pub fn run(bench_work: &Path, runtime: &Path, rounds: usize, report: &mut String) {
    let work = bench_work.join("deps");
    let base_dependencies =
        "serde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\nhttp = \"1\"\n";
    let crates = [
        (BASE, String::new(), String::new()),
        (
            WITH_THISERROR,
            "thiserror = \"2\"\n".to_owned(),
            THISERROR_SOURCE.to_owned(),
        ),
        (
            WITH_ASSETPAY,
            format!("assetpay-errors = {{ path = {runtime:?} }}\n"),
            ASSETPAY_SOURCE.to_owned(),
        ),
    ];
    let members: Vec<String> = crates.iter().map(|c| format!("{:?}", c.0)).collect();
    write(
        &work.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{}]\n\n[profile.dev]\nincremental = false\n",
            members.join(", ")
        ),
    );
    for (name, dependencies, source) in &crates {
        write(
            &work.join(name).join("Cargo.toml"),
            &format!(
                "[package]\nname = {name:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{base_dependencies}{dependencies}"
            ),
        );
        write(
            &work.join(name).join("src/lib.rs"),
            &format!("{BASE_SOURCE}{source}"),
        );
    }
    fetch(&work);

    let times = interleaved(crates.len(), rounds, |at| {
        clean_build_time(&work, crates[at].0)
    });
    let [base, thiserror, assetpay] = [0, 1, 2].map(|at| times[at].as_secs_f64());
    let _ = writeln!(
        report,
        "\nclean debug build, dependencies included, of a crate using serde (derive) + serde_json + http \
         (fastest of {rounds} interleaved rounds, cargo's default jobs):"
    );
    let _ = writeln!(report, "| crate | clean build (s) | added (s) |");
    let _ = writeln!(report, "|---|---|---|");
    let _ = writeln!(report, "| {BASE} | {base:.2} | |");
    let _ = writeln!(
        report,
        "| {WITH_THISERROR} | {thiserror:.2} | {:+.2} |",
        thiserror - base
    );
    let _ = writeln!(
        report,
        "| {WITH_ASSETPAY} (default features) | {assetpay:.2} | {:+.2} |",
        assetpay - base
    );
    let _ = writeln!(
        report,
        "- assetpay-errors' marginal cost / thiserror's (target <= 2): {:.2}",
        (assetpay - base) / (thiserror - base)
    );

    for (subject, proc_macro) in [
        (WITH_THISERROR, "thiserror-impl"),
        (WITH_ASSETPAY, "assetpay-errors-derive"),
    ] {
        let host = packages(&work, proc_macro, "normal");
        let target = packages(&work, subject, "normal,no-proc-macro");
        let twice: Vec<&str> = host.intersection(&target).map(String::as_str).collect();
        let _ = writeln!(
            report,
            "- {proc_macro}'s dependency graph (built for the host): {}",
            host.iter().cloned().collect::<Vec<_>>().join(", ")
        );
        let _ = writeln!(
            report,
            "  of which {subject} also builds for the target (so compiled twice): {}",
            if twice.is_empty() {
                "none".to_owned()
            } else {
                twice.join(", ")
            }
        );
    }
    let _ = writeln!(
        report,
        "\n`cargo tree -e normal -p assetpay-errors-derive` in {}:\n{}",
        work.display(),
        tree(&work, &["-e", "normal", "-p", "assetpay-errors-derive"])
    );
}

fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().expect("a file in a directory")).expect("create dir");
    std::fs::write(path, contents)
        .unwrap_or_else(|error| panic!("write {}: {error}", path.display()));
}

/// Downloads whatever the lock file names and the registry cache lacks, so that the measured
/// builds run offline: from the cache if it has everything, else from the registry.
fn fetch(work: &Path) {
    let quiet_fetch = |offline: bool| {
        let mut command = Command::new("cargo");
        command.current_dir(work).args(["fetch", "--quiet"]);
        if offline {
            command.arg("--offline");
        }
        command.status().expect("cargo fetch").success()
    };
    assert!(
        quiet_fetch(true) || quiet_fetch(false),
        "cargo fetch failed in {}",
        work.display()
    );
}

/// `cargo tree ARGS` in `work`.
fn tree(work: &Path, args: &[&str]) -> String {
    let output = Command::new("cargo")
        .current_dir(work)
        .args(["tree", "--quiet", "--offline"])
        .args(args)
        .output()
        .expect("cargo tree");
    assert!(
        output.status.success(),
        "cargo tree {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Every package in the graph of `root` along `edges`, but `root` itself, as `name vX.Y.Z`.
fn packages(work: &Path, root: &str, edges: &str) -> BTreeSet<String> {
    tree(
        work,
        &[
            "-p", root, "-e", edges, "--prefix", "none", "--format", "{p}",
        ],
    )
    .lines()
    .skip(1)
    .map(|line| {
        // `name vX.Y.Z (path)` for path dependencies, `(*)` where cargo tree abbreviates.
        line.split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    })
    .filter(|package| !package.is_empty())
    .collect()
}
