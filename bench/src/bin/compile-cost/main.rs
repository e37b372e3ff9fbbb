//! Build-time benchmarks, in three groups:
//!
//! - `rebuild`: generates crates holding the 2,000-variant enum (our derive, hand-written,
//!   thiserror) and the 20-enum composition, rebuilds each with its dependencies already built,
//!   and prints seconds and ratios (about 7 minutes on 2 cores);
//! - `deps`: the clean debug build of a crate using serde, serde_json and http, alone, plus
//!   thiserror, and plus `assetpay-errors`: the marginal cost against thiserror's (a few
//!   minutes), and the crates the proc-macros build for the host;
//! - `expand`: `cargo check` of the 2,000-variant enum without a derive, with ours and with
//!   thiserror's: each derive's expansion plus the checking of its generated code (a minute).
//!
//! Run: `cargo run --release -p assetpay-errors-bench --bin compile-cost [GROUP…]` (every group
//! if none is named; `ONLY=deps,expand` also selects). `ROUNDS=N` sets the interleaved rounds,
//! 5 by default. Work files go to `bench/work/` (ignored by git); the cargo it runs builds into
//! `bench/work/`, whatever `CARGO_TARGET_DIR` says.

mod cargo;
mod deps;
mod expand;
mod workspace;

use std::fmt::Write as _;
use std::path::Path;

use assetpay_errors_bench::generate;

use cargo::{Mode, rebuild_times, rounds};
use workspace::{Subject, write_workspace};

/// The groups, in the order they run.
const GROUPS: [&str; 3] = ["rebuild", "deps", "expand"];

/// The rebuild group's subjects the `expand` group compares with its baseline.
const OURS: &str = "subject_ours";
const THISERROR: &str = "subject_thiserror";

fn main() {
    let selected = selected_groups();
    let bench_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let runtime = bench_dir
        .join("../assetpay-errors")
        .canonicalize()
        .expect("runtime crate");
    let work = bench_dir.join("work");
    std::fs::create_dir_all(&work).expect("create bench/work");
    let rounds = rounds();

    let subjects = rebuild_subjects();
    let plain = expand::plain_subject();
    let members: Vec<&Subject> = subjects.iter().chain([&plain]).collect();
    write_workspace(&work, &runtime, &members);

    let mut report = String::new();
    for group in selected {
        match group {
            "rebuild" => rebuild(&work, &subjects, rounds, &mut report),
            "deps" => deps::run(&work, &runtime, rounds, &mut report),
            "expand" => expand::run(&work, OURS, THISERROR, rounds, &mut report),
            _ => unreachable!("selected_groups names only GROUPS"),
        }
    }
    println!("{report}");
}

/// The groups named as arguments or in `ONLY` (comma-separated), every group if none is.
fn selected_groups() -> Vec<&'static str> {
    let named: Vec<String> = std::env::args()
        .skip(1)
        .chain(
            std::env::var("ONLY")
                .ok()
                .into_iter()
                .flat_map(|only| only.split(',').map(str::to_owned).collect::<Vec<_>>()),
        )
        .map(|group| group.trim().to_owned())
        .filter(|group| !group.is_empty())
        .collect();
    if let Some(unknown) = named.iter().find(|group| !GROUPS.contains(&group.as_str())) {
        eprintln!(
            "compile-cost: unknown group `{unknown}`; the groups are {}",
            GROUPS.join(", ")
        );
        std::process::exit(2);
    }
    GROUPS
        .into_iter()
        .filter(|group| named.is_empty() || named.iter().any(|named| named == group))
        .collect()
}

fn rebuild_subjects() -> Vec<Subject> {
    vec![
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
            name: OURS,
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
            name: THISERROR,
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
    ]
}

/// The `rebuild` group: each subject rebuilt alone in debug and in release.
fn rebuild(work: &Path, subjects: &[Subject], rounds: usize, report: &mut String) {
    let _ = writeln!(
        report,
        "rebuild of each crate alone, dependencies built (fastest of {rounds} interleaved rounds, no-op subtracted):"
    );
    let _ = writeln!(report, "| crate | what | debug (s) | release (s) |");
    let _ = writeln!(report, "|---|---|---|---|");
    let crates: Vec<&str> = subjects.iter().map(|subject| subject.name).collect();
    let debug = rebuild_times(work, &crates, Mode::Debug, rounds);
    let release = rebuild_times(work, &crates, Mode::Release, rounds);
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
            OURS,
            "subject_hand_full",
        ),
        (
            "ours / hand-written code/key/status only",
            OURS,
            "subject_hand_core",
        ),
        ("ours / thiserror", OURS, THISERROR),
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
            OURS,
        ),
        (
            "field violations in 667 variants add",
            "subject_ours_details",
            OURS,
        ),
        (
            "the axum feature's IntoResponse impl adds",
            "subject_ours_axum",
            OURS,
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
}

/// The catalogue JSON of the 2,000 declarations every big subject shares: as published, the
/// contract check finds nothing in them, so only its cost is measured.
fn big_catalog_json() -> String {
    assetpay_errors::contract::catalog_json::<assetpay_errors_bench::derived::BigDerive>()
}
