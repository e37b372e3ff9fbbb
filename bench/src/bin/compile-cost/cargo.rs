//! Timed cargo invocations shared by every group: the interleaved rounds, the rebuild of one
//! crate with its dependencies already built, and the clean build of a crate's whole graph.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Rounds of builds; the minimum of each subject's builds is reported, the least disturbed by
/// other load. Each round builds every subject once, so a burst of load on a shared machine
/// falls on all subjects alike instead of on whichever was being measured. `ROUNDS=N`
/// overrides it.
const ROUNDS: usize = 5;

/// The rounds to run: `ROUNDS=N`, or [`ROUNDS`].
pub fn rounds() -> usize {
    std::env::var("ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(ROUNDS)
}

/// What a rebuild runs.
#[derive(Clone, Copy)]
pub enum Mode {
    /// `cargo build`, debug profile.
    Debug,
    /// `cargo build --release`.
    Release,
    /// `cargo check`: parsing, expansion and analysis, no code generation.
    Check,
}

/// `cargo SUBCOMMAND` in `dir`, writing to `target_dir` whatever `CARGO_TARGET_DIR` the caller
/// of the benchmark exported (each helper's shell exports one, and a clean build must clean
/// what it builds into), without incremental compilation.
pub fn cargo(subcommand: &str, dir: &Path, target_dir: &Path) -> Command {
    let mut command = Command::new("cargo");
    command
        .current_dir(dir)
        .args([subcommand, "--quiet", "--target-dir"])
        .arg(target_dir)
        .env_remove("CARGO_TARGET_DIR")
        .env("CARGO_INCREMENTAL", "0");
    command
}

/// Wall-clock time of `command`, which must succeed.
pub fn timed(mut command: Command) -> Duration {
    let started = Instant::now();
    let status = command.status().expect("run cargo");
    assert!(status.success(), "{command:?} failed");
    started.elapsed()
}

/// The fastest of `rounds` measurements of each of `subjects` subjects, measured one after
/// another in each round.
pub fn interleaved(
    subjects: usize,
    rounds: usize,
    mut measure: impl FnMut(usize) -> Duration,
) -> Vec<Duration> {
    let mut fastest = vec![Duration::MAX; subjects];
    for _ in 0..rounds {
        for (subject, fastest) in fastest.iter_mut().enumerate() {
            *fastest = (*fastest).min(measure(subject));
        }
    }
    fastest
}

/// Seconds to rebuild each of `crates` of the workspace in `work` alone (dependencies already
/// built), minus cargo's own no-op time, measured the same way.
pub fn rebuild_times(work: &Path, crates: &[&str], mode: Mode, rounds: usize) -> Vec<Duration> {
    let run = |crate_name: &str| {
        let (subcommand, release) = match mode {
            Mode::Debug => ("build", false),
            Mode::Release => ("build", true),
            Mode::Check => ("check", false),
        };
        let mut command = cargo(subcommand, work, &work.join("target"));
        command.args(["-p", crate_name]);
        if release {
            command.arg("--release");
        }
        timed(command)
    };
    for crate_name in crates {
        run(crate_name);
    }
    let mut no_op = vec![Duration::MAX; crates.len()];
    let rebuild = interleaved(crates.len(), rounds, |at| {
        no_op[at] = no_op[at].min(run(crates[at]));
        touch(work, crates[at]);
        run(crates[at])
    });
    rebuild
        .into_iter()
        .zip(no_op)
        .map(|(rebuild, no_op)| rebuild.saturating_sub(no_op))
        .collect()
}

/// Rewrites the `src/lib.rs` of `crate_name` of the workspace in `work` unchanged, so that
/// cargo rebuilds that crate and nothing else.
pub fn touch(work: &Path, crate_name: &str) {
    let lib = work.join(crate_name).join("src/lib.rs");
    let source = std::fs::read(&lib).expect("read lib.rs");
    std::fs::write(&lib, source).expect("touch lib.rs");
}

/// `command` run under `program` with `arguments` before it (`perf record … -- cargo …`), in
/// the same directory and environment.
pub fn wrapped(program: &str, arguments: &[&str], command: &Command) -> Command {
    let mut wrapped = Command::new(program);
    wrapped
        .args(arguments)
        .arg(command.get_program())
        .args(command.get_args());
    if let Some(dir) = command.get_current_dir() {
        wrapped.current_dir(dir);
    }
    for (name, value) in command.get_envs() {
        match value {
            Some(value) => wrapped.env(name, value),
            None => wrapped.env_remove(name),
        };
    }
    wrapped
}

/// Seconds for a clean debug build of `crate_name` of the workspace in `work` and its whole
/// dependency graph (only that crate's graph, so the features of other members do not leak
/// into it), offline: registry sources must be downloaded already.
pub fn clean_build_time(work: &Path, crate_name: &str) -> Duration {
    let target_dir = work.join("target");
    match std::fs::remove_dir_all(&target_dir) {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => panic!("remove {}: {error}", target_dir.display()),
    }
    let mut command = cargo("build", work, &target_dir);
    command.args(["--offline", "-p", crate_name]);
    timed(command)
}
