//! Build-time benchmarks: generates crates holding the 2,000-variant enum (our derive,
//! hand-written, thiserror) and the 20-enum composition, builds each with deps already built,
//! and prints seconds and ratios. Also measures a clean build of a user crate's dependencies.
//!
//! Run: `cargo run --release -p assetpay-errors-bench --bin compile-cost` (about 10 minutes on
//! 2 cores; `ROUNDS=N` sets the rounds, 5 by default). Work files go to `bench/work/` (ignored
//! by git).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use assetpay_errors_bench::generate;

/// Rounds of builds; the minimum of each subject's builds is reported, the least disturbed by
/// other load. Each round builds every subject once, so a burst of load on a shared machine
/// falls on all subjects alike instead of on whichever was being measured. `ROUNDS=N`
/// overrides it.
const ROUNDS: usize = 5;

struct Subject {
    name: &'static str,
    what: &'static str,
    source: String,
    /// Features of `assetpay-errors` the subject turns on.
    features: &'static [&'static str],
    /// `published.json` beside the subject's `Cargo.toml`, for the contract subject.
    published: Option<String>,
}

fn main() {
    let bench_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let runtime = bench_dir
        .join("../assetpay-errors")
        .canonicalize()
        .expect("runtime crate");
    let work = bench_dir.join("work");
    std::fs::create_dir_all(&work).expect("create bench/work");

    let subjects = vec![
        Subject {
            name: "subject_hand_core",
            what: "hand-written code/key/status matches",
            source: generate::handwritten_core("Big"),
            features: &[],
            published: None,
        },
        Subject {
            name: "subject_hand_full",
            what: "hand-written, everything the derive provides",
            source: generate::handwritten_full("Big"),
            features: &[],
            published: None,
        },
        Subject {
            name: "subject_ours",
            what: "#[derive(ApiError)]",
            source: generate::derive_enum("Big", 0, generate::VARIANTS, None),
            features: &[],
            published: None,
        },
        Subject {
            name: "subject_ours_axum",
            what: "#[derive(ApiError)] with the axum feature's IntoResponse impl",
            source: generate::derive_enum("Big", 0, generate::VARIANTS, None),
            features: &["axum"],
            published: None,
        },
        Subject {
            name: "subject_ours_published",
            what: "#[derive(ApiError)] checked against a published file of its 2,000 entries",
            source: generate::derive_enum_published("Big", generate::VARIANTS),
            features: &[],
            // The very declarations of `derive_enum`, so the check finds nothing to report.
            published: Some(big_catalog_json()),
        },
        Subject {
            name: "subject_ours_details",
            what: "#[derive(ApiError)] with field violations in every named-field variant",
            source: generate::derive_enum_with_details("Big", generate::VARIANTS),
            features: &[],
            published: None,
        },
        Subject {
            name: "subject_thiserror",
            what: "#[derive(thiserror::Error)]",
            source: generate::thiserror_enum("Big"),
            features: &[],
            published: None,
        },
        Subject {
            name: "subject_parts_only",
            what: "20 derived enums of 100 variants",
            source: generate::composed(20, 100, false),
            features: &[],
            published: None,
        },
        Subject {
            name: "subject_parts_composed",
            what: "the same 20 enums + one composing them with transparent",
            source: generate::composed(20, 100, true),
            features: &[],
            published: None,
        },
        Subject {
            name: "subject_parts_composed_published",
            what: "the same, the composing enum checked against a published file of its 2,000 entries",
            source: generate::composed_published(20, 100),
            features: &[],
            published: Some(big_catalog_json()),
        },
    ];
    write_workspace(&work, &runtime, &subjects);

    let mut report = String::new();
    let _ = writeln!(report, "| crate | what | debug (s) | release (s) |");
    let _ = writeln!(report, "|---|---|---|---|");
    let rounds = std::env::var("ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(ROUNDS);
    let debug = measure(&work, &subjects, false, rounds);
    let release = measure(&work, &subjects, true, rounds);
    let mut results = Vec::new();
    for ((subject, debug), release) in subjects.iter().zip(debug).zip(release) {
        let _ = writeln!(
            report,
            "| {} | {} | {:.2} | {:.2} |",
            subject.name,
            subject.what,
            debug.as_secs_f64(),
            release.as_secs_f64()
        );
        results.push((subject.name, debug, release));
    }
    let find = |name: &str| {
        results
            .iter()
            .find(|r| r.0 == name)
            .map(|r| (r.1.as_secs_f64(), r.2.as_secs_f64()))
            .expect("measured")
    };
    let _ = writeln!(report, "\nratios (debug / release):");
    for (what, subject, reference) in [
        (
            "ours / hand-written, same functionality",
            "subject_ours",
            "subject_hand_full",
        ),
        (
            "ours / hand-written code/key/status only",
            "subject_ours",
            "subject_hand_core",
        ),
        ("ours / thiserror", "subject_ours", "subject_thiserror"),
    ] {
        let (subject, reference) = (find(subject), find(reference));
        let _ = writeln!(
            report,
            "- {what}: {:.2} / {:.2}",
            subject.0 / reference.0,
            subject.1 / reference.1
        );
    }
    for (what, subject, baseline) in [
        (
            "the published-contract check over 2,000 entries adds",
            "subject_ours_published",
            "subject_ours",
        ),
        (
            "field violations in 667 variants add",
            "subject_ours_details",
            "subject_ours",
        ),
        (
            "the axum feature's IntoResponse impl adds",
            "subject_ours_axum",
            "subject_ours",
        ),
        (
            "composition of 2,000 codes in 20 enums adds",
            "subject_parts_composed",
            "subject_parts_only",
        ),
        (
            "the published-contract check of the composing enum adds",
            "subject_parts_composed_published",
            "subject_parts_composed",
        ),
    ] {
        let (subject, baseline) = (find(subject), find(baseline));
        let _ = writeln!(
            report,
            "- {what}: {:.2} s debug / {:.2} s release",
            subject.0 - baseline.0,
            subject.1 - baseline.1
        );
    }

    let _ = writeln!(
        report,
        "\ndependency cost (clean debug build of a user crate's dependencies):"
    );
    for (name, deps) in [
        (
            "uses_assetpay_errors",
            format!("assetpay-errors = {{ path = {:?} }}\n", runtime),
        ),
        (
            "reference_serde_http_derive",
            "serde = { version = \"1\", features = [\"derive\"] }\nhttp = \"1\"\n".to_owned(),
        ),
    ] {
        let seconds = clean_dependency_build(&work, name, &deps);
        let _ = writeln!(report, "- {name}: {:.2} s", seconds.as_secs_f64());
    }
    let _ = writeln!(
        report,
        "- syn versions in a user's build: {}",
        syn_versions(&work.join("deps_uses_assetpay_errors"))
    );
    println!("{report}");
}

/// The catalogue JSON of the 2,000 declarations every big subject shares: as published, the
/// contract check finds nothing in them, so only its cost is measured.
fn big_catalog_json() -> String {
    assetpay_errors::contract::catalog_json::<assetpay_errors_bench::derived::BigDerive>()
}

fn write_workspace(work: &Path, runtime: &Path, subjects: &[Subject]) {
    let members: Vec<String> = subjects.iter().map(|s| format!("{:?}", s.name)).collect();
    std::fs::write(
        work.join("Cargo.toml"),
        format!("[workspace]\nresolver = \"3\"\nmembers = [{}]\n\n[profile.release]\nincremental = false\n[profile.dev]\nincremental = false\n", members.join(", ")),
    )
    .expect("write workspace manifest");
    for subject in subjects {
        let dir = work.join(subject.name);
        std::fs::create_dir_all(dir.join("src")).expect("create crate dir");
        std::fs::write(
            dir.join("Cargo.toml"),
            format!(
                "[package]\nname = {:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nassetpay-errors = {{ path = {:?}, features = {:?} }}\nhttp = \"1\"\nthiserror = \"2\"\n",
                subject.name, runtime, subject.features
            ),
        )
        .expect("write crate manifest");
        std::fs::write(
            dir.join("src/lib.rs"),
            format!("#![allow(dead_code)]\n{}", subject.source),
        )
        .expect("write lib.rs");
        if let Some(published) = &subject.published {
            std::fs::write(dir.join("published.json"), published).expect("write published.json");
        }
    }
}

/// Seconds to rebuild `crate_name` alone (dependencies already built), minus cargo's own no-op time.
fn measure(work: &Path, subjects: &[Subject], release: bool, rounds: usize) -> Vec<Duration> {
    let build = |crate_name: &str| {
        let mut command = Command::new("cargo");
        command
            .current_dir(work)
            .args(["build", "--quiet", "-p", crate_name])
            .env("CARGO_INCREMENTAL", "0");
        if release {
            command.arg("--release");
        }
        let started = Instant::now();
        let status = command.status().expect("run cargo");
        assert!(status.success(), "cargo build -p {crate_name} failed");
        started.elapsed()
    };
    let mut no_op = vec![Duration::MAX; subjects.len()];
    let mut rebuild = vec![Duration::MAX; subjects.len()];
    for subject in subjects {
        build(subject.name);
    }
    for _ in 0..rounds {
        for (at, subject) in subjects.iter().enumerate() {
            no_op[at] = no_op[at].min(build(subject.name));
            let lib = work.join(subject.name).join("src/lib.rs");
            let source = std::fs::read(&lib).expect("read lib.rs");
            std::fs::write(&lib, source).expect("touch lib.rs");
            rebuild[at] = rebuild[at].min(build(subject.name));
        }
    }
    rebuild
        .into_iter()
        .zip(no_op)
        .map(|(rebuild, no_op)| rebuild.saturating_sub(no_op))
        .collect()
}

/// Seconds for a clean debug build of a crate whose only code is one derive, in its own target
/// directory, so every dependency is compiled.
fn clean_dependency_build(work: &Path, name: &str, dependencies: &str) -> Duration {
    let dir: PathBuf = work.join(format!("deps_{name}"));
    std::fs::create_dir_all(dir.join("src")).expect("create crate dir");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!("[package]\nname = {name:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{dependencies}\n[workspace]\n"),
    )
    .expect("write manifest");
    let source = if name.contains("assetpay") {
        "#[derive(Debug, assetpay_errors::ApiError)]\npub enum E {\n    /// Gone\n    #[api(code = 1, key = \"GONE\", status = 410)]\n    Gone,\n}\n"
    } else {
        "#[derive(Debug, serde::Serialize)]\npub struct E { pub code: u16 }\npub fn status() -> http::StatusCode { http::StatusCode::GONE }\n"
    };
    std::fs::write(dir.join("src/lib.rs"), source).expect("write lib.rs");
    let fetch = Command::new("cargo")
        .current_dir(&dir)
        .args(["fetch", "--quiet"])
        .status()
        .expect("cargo fetch");
    assert!(fetch.success(), "cargo fetch failed in {}", dir.display());
    (0..3)
        .map(|_| {
            let _ = std::fs::remove_dir_all(dir.join("target"));
            let started = Instant::now();
            let status = Command::new("cargo")
                .current_dir(&dir)
                .args(["build", "--quiet", "--offline"])
                .env("CARGO_INCREMENTAL", "0")
                .status()
                .expect("run cargo");
            assert!(status.success(), "clean build of {name} failed");
            started.elapsed()
        })
        .min()
        .expect("runs")
}

fn syn_versions(dir: &Path) -> String {
    let output = Command::new("cargo")
        .current_dir(dir)
        .args([
            "tree",
            "--quiet",
            "--offline",
            "-e",
            "normal,build",
            "-i",
            "syn",
            "--depth",
            "0",
        ])
        .output()
        .expect("cargo tree");
    let text = String::from_utf8_lossy(&output.stdout)
        .trim()
        .replace('\n', "; ");
    if text.is_empty() {
        String::from_utf8_lossy(&output.stderr).trim().to_owned()
    } else {
        text
    }
}
