//! The `expand` group: what `#[derive(ApiError)]` costs `cargo check` on the 2,000-variant
//! enum beyond the enum itself, against what `#[derive(thiserror::Error)]` costs.
//!
//! Rustc's own account of expansion (`-Z time-passes`, `-Z self-profile`) is nightly-only, and
//! a proc-macro crate cannot be linked into a timing harness, so this group measures on stable
//! what a user's `cargo check` pays: the same enum with no derive but `Debug`, with our derive,
//! and with thiserror's, each re-checked alone (dependencies already checked, cargo's no-op time
//! subtracted), in interleaved rounds. Each derive's figure is its expansion **plus** the
//! parsing of its attributes and the type- and borrow-checking of the code it generated: both
//! derives generate different code, so this is not expansion alone.

use std::fmt::Write as _;
use std::path::Path;

use crate::cargo::{Mode, rebuild_times};
use crate::workspace::Subject;

/// The enum without a derive: the baseline.
pub const PLAIN: &str = "subject_plain";

/// The group's subjects besides `ours` and `thiserror`, which the rebuild group measures too.
pub fn plain_subject() -> Subject {
    Subject {
        name: PLAIN,
        what: "the same enum, #[derive(Debug)] only",
        source: assetpay_errors_bench::generate::plain_enum("Big"),
        features: &[],
        published: None,
    }
}

/// Measures the group on the workspace in `work`, which holds [`PLAIN`], `ours` and
/// `thiserror`, and appends its report to `report`.
pub fn run(work: &Path, ours: &str, thiserror: &str, rounds: usize, report: &mut String) {
    let crates = [PLAIN, ours, thiserror];
    let times = rebuild_times(work, &crates, Mode::Check, rounds);
    let [plain, ours_time, thiserror_time] = [0, 1, 2].map(|at| times[at].as_secs_f64());
    let _ = writeln!(
        report,
        "\n`cargo check` of the 2,000-variant enum (fastest of {rounds} interleaved rounds, no-op subtracted):"
    );
    let _ = writeln!(
        report,
        "| crate | cargo check (s) | expansion + checking of the generated code (s) |"
    );
    let _ = writeln!(report, "|---|---|---|");
    let _ = writeln!(report, "| {PLAIN} (no derive) | {plain:.2} | |");
    for (name, time) in [(ours, ours_time), (thiserror, thiserror_time)] {
        let _ = writeln!(report, "| {name} | {time:.2} | {:+.2} |", time - plain);
    }
    let _ = writeln!(
        report,
        "- ours / thiserror, expansion + checking of the generated code (target <= 1): {:.2}",
        (ours_time - plain) / (thiserror_time - plain)
    );
}
