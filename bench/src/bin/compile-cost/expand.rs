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
//!
//! Where `perf` may sample the user's own processes, the group also counts, in the same
//! interleaved way, the CPU time spent inside each proc-macro's shared object during a
//! `cargo check` of its subject (`perf record -e cpu-clock:u`, one sample per millisecond of
//! CPU): the derive's own work (parsing its input with syn, its checks, building its output),
//! without rustc's side of the token bridge or the checking of the output.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use crate::cargo::{Mode, cargo, interleaved, rebuild_times, touch, wrapped};
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
    proc_macro_cpu_report(
        work,
        [
            (ours, "libassetpay_errors_derive-"),
            (thiserror, "libthiserror_impl-"),
        ],
        rounds,
        report,
    );
}

/// The proc-macros' own CPU time, from `perf`, for each `(crate, proc-macro library prefix)`.
fn proc_macro_cpu_report(
    work: &Path,
    subjects: [(&str, &str); 2],
    rounds: usize,
    report: &mut String,
) {
    let _ = writeln!(
        report,
        "
CPU time inside each proc-macro's shared object during `cargo check` of its subject \
         (perf, user space, fastest of {rounds} interleaved rounds; the derive's own work, \
         without rustc's side of the token bridge or the checking of its output):"
    );
    if let Err(why) = perf_available(work) {
        let _ = writeln!(report, "- not measured: {why}");
        return;
    }
    let times = interleaved(subjects.len(), rounds, |at| {
        let (crate_name, library) = subjects[at];
        proc_macro_cpu(work, crate_name, library)
    });
    for ((crate_name, library), time) in subjects.iter().zip(&times) {
        let _ = writeln!(
            report,
            "- {crate_name}, in {library}*.so: {:.3} s",
            time.as_secs_f64()
        );
    }
    let _ = writeln!(
        report,
        "- ours / thiserror, the proc-macro's own CPU time (target <= 1): {:.2}",
        times[0].as_secs_f64() / times[1].as_secs_f64()
    );
}

/// One sample per millisecond of CPU time.
const PERF_RECORD: [&str; 7] = ["record", "-q", "-e", "cpu-clock:u", "-c", "1000000", "-o"];

/// Whether `perf record` runs here, or why not (not installed, or not allowed to sample).
fn perf_available(work: &Path) -> Result<(), String> {
    let data = work.join("target/perf-probe.data");
    let data = data.to_str().expect("a UTF-8 path");
    let mut arguments = PERF_RECORD.to_vec();
    arguments.extend([data, "--"]);
    let output = wrapped("perf", &arguments, &std::process::Command::new("true"))
        .output()
        .map_err(|error| format!("`perf` does not run ({error})"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "`perf record` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// CPU time inside the shared object whose name starts with `library` during one re-check of
/// `crate_name` alone.
fn proc_macro_cpu(work: &Path, crate_name: &str, library: &str) -> Duration {
    let target_dir = work.join("target");
    let data = target_dir.join(format!("perf-{crate_name}.data"));
    let data = data.to_str().expect("a UTF-8 path");
    touch(work, crate_name);
    let mut check = cargo("check", work, &target_dir);
    check.args(["-p", crate_name]);
    let mut arguments = PERF_RECORD.to_vec();
    arguments.extend([data, "--"]);
    let status = wrapped("perf", &arguments, &check)
        .status()
        .expect("run perf record");
    assert!(
        status.success(),
        "perf record of cargo check -p {crate_name} failed"
    );
    let output = std::process::Command::new("perf")
        .args(["report", "-q", "--stdio", "-n", "--sort", "dso", "-i", data])
        .output()
        .expect("run perf report");
    assert!(output.status.success(), "perf report of {data} failed");
    // Lines read `  9.74%  208  libassetpay_errors_derive-f94fdcc78f340029.so`.
    let samples: u64 = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| {
            let mut columns = line.split_whitespace().rev();
            let dso = columns.next()?;
            let samples = columns.next()?;
            dso.starts_with(library)
                .then(|| samples.parse::<u64>().ok())?
        })
        .sum();
    Duration::from_millis(samples)
}
