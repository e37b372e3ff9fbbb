//! The tools of other ecosystems that the integration tests run, each a pinned copy the tests
//! install themselves on first use, so `cargo test --workspace` passes on a fresh clone with
//! nothing installed by hand:
//!
//! - the TypeScript compiler pinned by `tests/typescript/package-lock.json`, installed with
//!   `npm ci` into `tests/typescript/node_modules`;
//! - the OpenAPI validator pinned by `tests/openapi-validator/requirements.txt`, installed with
//!   pip into a virtual environment in the target directory (`<target>/tmp/openapi-validator`,
//!   so `cargo clean` removes it);
//! - Schemathesis pinned by `tests/schemathesis/requirements.txt`, installed the same way into
//!   `<target>/tmp/schemathesis`;
//! - the Prometheus text-format parser pinned by `tests/prometheus-parser/requirements.txt` (the
//!   official Python client's), installed the same way into `<target>/tmp/prometheus-parser`.
//!
//! The machine provides only the interpreters, Node.js with npm and Python 3; when one is missing,
//! the tests that need it fail with one line naming what to install. A `tsc` or
//! `openapi-spec-validator` on the `PATH` is never used: every run checks against the versions
//! the repository pins.
//!
//! An installation counts as complete when its folder holds a copy of the pins it was installed
//! from, written only after the installer succeeded: an interrupted install leaves no copy and is
//! done again from scratch rather than half used, and a change to the pins installs them again.
//! The test threads of one binary share one attempt through a `OnceLock`; test binaries running
//! at the same time take turns through a file lock in the target directory, so one installs and
//! the others wait, then find the installation complete.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// An interpreter the machine must provide, and what to install when it is missing.
#[derive(Debug, Clone, Copy)]
pub struct Interpreter {
    /// The program, looked up on the `PATH`.
    pub program: &'static str,
    /// What to install, named in the one-line failure when the program is missing.
    pub install: &'static str,
}

/// npm, which installs the TypeScript compiler.
pub const NPM: Interpreter = Interpreter {
    program: "npm",
    install: "Node.js with npm (https://nodejs.org)",
};

/// Node.js, which runs the TypeScript compiler and the compiled scripts.
pub const NODE: Interpreter = Interpreter {
    program: "node",
    install: "Node.js with npm (https://nodejs.org)",
};

/// Python 3, whose `venv` module makes the OpenAPI validator's environment.
pub const PYTHON3: Interpreter = Interpreter {
    program: "python3",
    install: "Python 3 with its venv module (https://www.python.org; on Debian and Ubuntu, the python3-venv package)",
};

impl Interpreter {
    /// A command running this interpreter.
    pub fn command(&self) -> Command {
        Command::new(self.program)
    }

    /// Why a command of this interpreter could not start: when the program is missing, one line
    /// naming what to install.
    pub fn spawn_error(&self, error: &io::Error) -> String {
        if error.kind() == io::ErrorKind::NotFound {
            format!(
                "`{}` is not on the PATH: install {} and run the tests again",
                self.program, self.install
            )
        } else {
            format!("cannot run `{}`: {error}", self.program)
        }
    }

    /// Runs `command`, an installer step of this interpreter, to its end; `Err` with the
    /// installer's own output when it fails.
    pub fn run(&self, command: &mut Command) -> Result<(), String> {
        let output = command.output().map_err(|error| self.spawn_error(&error))?;
        if output.status.success() {
            return Ok(());
        }
        Err(format!(
            "{command:?} failed ({}). Its output:\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The file, inside an installation's folder, holding a copy of the pins it was installed from.
const PINS_COPY: &str = ".assetpay-errors-pins";

/// A tool installed into a folder of its own from a file of pins.
#[derive(Debug)]
pub struct Installation<'a> {
    /// The file pinning what is installed (a `package-lock.json`, a `requirements.txt`).
    pub pins: &'a Path,
    /// The folder the installer fills; removed before each install.
    pub folder: &'a Path,
    /// The program the tests run, inside `folder`.
    pub program: &'a Path,
    /// The lock file every process installing into `folder` takes first.
    pub lock: &'a Path,
}

/// What [`Installation::ensure`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum Provisioned {
    /// The folder already held a complete installation of the current pins.
    Reused,
    /// The installer ran and succeeded.
    Installed,
}

impl Installation<'_> {
    /// Makes the folder a complete installation of the current pins: waits for the lock, then
    /// runs `install` (into an emptied folder) unless the folder already is one.
    pub fn ensure(
        &self,
        install: impl FnOnce() -> Result<(), String>,
    ) -> Result<Provisioned, String> {
        let pins = fs::read(self.pins)
            .map_err(|error| format!("cannot read {}: {error}", self.pins.display()))?;
        let _lock = self.wait_for_lock()?;
        if self.is_complete(&pins) {
            return Ok(Provisioned::Reused);
        }
        match fs::remove_dir_all(self.folder) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => {
                return Err(format!(
                    "cannot remove the incomplete installation {}: {error}",
                    self.folder.display()
                ));
            }
            _ => {}
        }
        install()?;
        if !self.program.is_file() {
            return Err(format!(
                "the installer succeeded but {} is missing",
                self.program.display()
            ));
        }
        let copy = self.folder.join(PINS_COPY);
        fs::write(&copy, &pins)
            .map_err(|error| format!("cannot write {}: {error}", copy.display()))?;
        Ok(Provisioned::Installed)
    }

    fn is_complete(&self, pins: &[u8]) -> bool {
        self.program.is_file()
            && fs::read(self.folder.join(PINS_COPY)).is_ok_and(|copy| copy == pins)
    }

    /// The lock file, opened and locked; closing it (dropping the `File`) releases the lock.
    fn wait_for_lock(&self) -> Result<File, String> {
        let failed = |error: io::Error| format!("cannot lock {}: {error}", self.lock.display());
        if let Some(parent) = self.lock.parent() {
            fs::create_dir_all(parent).map_err(failed)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.lock)
            .map_err(failed)?;
        file.lock().map_err(failed)?;
        Ok(file)
    }
}

/// The folder of this crate (`tests/`).
fn tests_crate() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Where the lock of the tool `name` lives in the target directory.
fn lock_file(target_tmpdir: &Path, name: &str) -> PathBuf {
    target_tmpdir
        .join("pinned-tools")
        .join(format!("{name}.lock"))
}

/// The path of a provisioned tool, or the test's failure with the reason.
fn installed(outcome: &'static Result<PathBuf, String>) -> &'static Path {
    match outcome {
        Ok(program) => program,
        Err(reason) => panic!("{reason}"),
    }
}

/// Says which copy of `tool` the tests run, on the process's standard error itself rather than
/// through `eprintln!`, which the test harness captures: every run shows it, `.ci/run`'s
/// included, which checks that the copies are the clone's own.
fn report(tool: &str, outcome: &Provisioned, program: &Path) {
    let outcome = match outcome {
        Provisioned::Installed => "installed now",
        Provisioned::Reused => "installed before",
    };
    // A test must not fail because its standard error is closed.
    let _ = writeln!(
        io::stderr(),
        "pinned tools: {tool} ({outcome}): {}",
        program.display()
    );
}

/// The pinned TypeScript compiler, `tests/typescript/node_modules/.bin/tsc`, installed by
/// `npm ci` from `tests/typescript/package-lock.json` when it is missing or the lock changed.
/// `target_tmpdir` is the test's `CARGO_TARGET_TMPDIR`, where the install lock lives, like cargo's
/// own build lock: runs of one checkout with two target directories at the same time (which
/// cargo does not serialize either) could both install.
///
/// # Panics
///
/// When npm is missing or `npm ci` fails, with what to install or npm's own output.
pub fn typescript_compiler(target_tmpdir: &Path) -> &'static Path {
    static COMPILER: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    installed(COMPILER.get_or_init(|| {
        npm_tool(
            target_tmpdir,
            NpmTool {
                name: "the TypeScript compiler",
                folder: "typescript",
                program: "tsc",
            },
        )
    }))
}

/// A Node.js tool pinned by `tests/<folder>/package-lock.json`, installed by `npm ci` there.
struct NpmTool {
    /// What the tool is, in the line saying which copy the tests run.
    name: &'static str,
    /// The npm project's folder in this crate.
    folder: &'static str,
    /// The program the tests run, in the project's `node_modules/.bin`.
    program: &'static str,
}

/// Runs `npm ci` in `tests/<folder>` when its `node_modules` is missing or its lock changed;
/// the path of the tool's program.
fn npm_tool(target_tmpdir: &Path, tool: NpmTool) -> Result<PathBuf, String> {
    let project = tests_crate().join(tool.folder);
    let node_modules = project.join("node_modules");
    let program = node_modules.join(".bin").join(tool.program);
    let installation = Installation {
        pins: &project.join("package-lock.json"),
        folder: &node_modules,
        program: &program,
        lock: &lock_file(target_tmpdir, tool.folder),
    };
    let outcome = installation.ensure(|| {
        NPM.run(
            NPM.command()
                .current_dir(&project)
                .args(["ci", "--no-audit", "--no-fund"]),
        )
    })?;
    report(tool.name, &outcome, &program);
    Ok(program)
}

/// The pinned OpenAPI client generator and typed fetch client, installed by `npm ci` from
/// `tests/openapi-typescript/package-lock.json` into `tests/openapi-typescript/node_modules`
/// (openapi-typescript, openapi-fetch and the TypeScript compiler they are checked with) when
/// they are missing or the lock changed. Returns that `node_modules` folder; its `.bin` holds
/// `openapi-typescript` and `tsc`. `target_tmpdir` is as for [`typescript_compiler`].
///
/// # Panics
///
/// When npm is missing or `npm ci` fails, with what to install or npm's own output.
pub fn openapi_typescript(target_tmpdir: &Path) -> &'static Path {
    static NODE_MODULES: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    installed(NODE_MODULES.get_or_init(|| {
        let generator = npm_tool(
            target_tmpdir,
            NpmTool {
                name: "openapi-typescript and openapi-fetch",
                folder: "openapi-typescript",
                program: "openapi-typescript",
            },
        )?;
        // `node_modules/.bin/openapi-typescript` → `node_modules`.
        generator
            .parent()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .ok_or_else(|| format!("{} has no node_modules folder", generator.display()))
    }))
}

/// The pinned OpenAPI validator, `openapi-spec-validator` in the virtual environment
/// `<target>/tmp/openapi-validator`, created with `python3 -m venv` and filled by pip from
/// `tests/openapi-validator/requirements.txt` when it is missing or the requirements changed.
/// `target_tmpdir` is the test's `CARGO_TARGET_TMPDIR`, which cargo sets to a folder of the
/// target directory for integration tests: unlike a path worked out from the test executable's,
/// it stays right with `--target`, a separate build directory or a moved binary.
///
/// # Panics
///
/// When Python 3 is missing or the environment cannot be made, with what to install or the
/// installer's own output.
pub fn openapi_validator(target_tmpdir: &Path) -> &'static Path {
    static VALIDATOR: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    installed(VALIDATOR.get_or_init(|| {
        pip_tool(
            target_tmpdir,
            PipTool {
                name: "the OpenAPI validator",
                folder: "openapi-validator",
                program: "openapi-spec-validator",
            },
        )
    }))
}

/// Schemathesis, `schemathesis` in the virtual environment `<target>/tmp/schemathesis`, made
/// and filled like [`openapi_validator`]'s from `tests/schemathesis/requirements.txt` when it is
/// missing or the requirements changed.
///
/// # Panics
///
/// When Python 3 is missing or the environment cannot be made, with what to install or the
/// installer's own output.
pub fn schemathesis(target_tmpdir: &Path) -> &'static Path {
    static SCHEMATHESIS: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    installed(SCHEMATHESIS.get_or_init(|| {
        pip_tool(
            target_tmpdir,
            PipTool {
                name: "Schemathesis",
                folder: "schemathesis",
                program: "schemathesis",
            },
        )
    }))
}

/// A Python tool pinned by `tests/<folder>/requirements.txt` (the whole tree, `==` pins).
struct PipTool {
    /// What the tool is, in the line saying which copy the tests run.
    name: &'static str,
    /// The folder of its pins in this crate, and of its virtual environment in the target's.
    folder: &'static str,
    /// The program the tests run, in the environment's `bin`.
    program: &'static str,
}

/// Installs `tool` with pip into the virtual environment `<target_tmpdir>/<folder>` when it is
/// missing or its pins changed; the path of its program.
fn pip_tool(target_tmpdir: &Path, tool: PipTool) -> Result<PathBuf, String> {
    let venv = target_tmpdir.join(tool.folder);
    let program = venv.join("bin").join(tool.program);
    let installation = Installation {
        pins: &tests_crate().join(tool.folder).join("requirements.txt"),
        folder: &venv,
        program: &program,
        lock: &lock_file(target_tmpdir, tool.folder),
    };
    let outcome = installation.ensure(|| {
        PYTHON3.run(PYTHON3.command().args(["-m", "venv"]).arg(&venv))?;
        PYTHON3.run(
            Command::new(venv.join("bin/python"))
                .args(["-m", "pip", "install", "--no-input"])
                .args(["--disable-pip-version-check", "--require-virtualenv", "-r"])
                .arg(installation.pins),
        )
    })?;
    report(tool.name, &outcome, &program);
    Ok(program)
}

/// The pinned Prometheus text-format parser: the Python of the virtual environment
/// `<target>/tmp/prometheus-parser`, made and filled like [`openapi_validator`]'s from
/// `tests/prometheus-parser/requirements.txt` (`prometheus-client`) when it is missing or the
/// requirements changed. [`parse_prometheus_text`] runs it.
///
/// # Panics
///
/// When Python 3 is missing or the environment cannot be made, with what to install or the
/// installer's own output.
pub fn prometheus_parser(target_tmpdir: &Path) -> &'static Path {
    static PARSER: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    installed(PARSER.get_or_init(|| {
        pip_tool(
            target_tmpdir,
            PipTool {
                name: "the Prometheus text parser",
                folder: "prometheus-parser",
                program: "python",
            },
        )
    }))
}

/// `scrape`, a body in Prometheus's text exposition format, parsed by the pinned parser
/// ([`prometheus_parser`], run on `tests/prometheus-parser/parse.py`): the JSON array of its
/// samples, each `{"family", "type", "name", "labels", "value"}`.
///
/// # Panics
///
/// When the parser cannot be installed or run, or rejects the scrape (with its own message).
pub fn parse_prometheus_text(target_tmpdir: &Path, scrape: &str) -> String {
    use std::process::Stdio;

    let python = prometheus_parser(target_tmpdir);
    let script = tests_crate().join("prometheus-parser/parse.py");
    let mut child = Command::new(python)
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", python.display()));
    child
        .stdin
        .take()
        .expect("a piped standard input")
        .write_all(scrape.as_bytes())
        .expect("the parser reads the scrape");
    let output = child.wait_with_output().expect("the parser finishes");
    assert!(
        output.status.success(),
        "the Prometheus parser rejected the scrape ({}): {}\n--- scrape ---\n{scrape}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the parser prints UTF-8 JSON")
}

/// Asserts that `program` is the copy installed in `folder` and that its `--version` prints
/// `version`, the pinned one, and prints both (shown with `--show-output`): which copy of a tool
/// the tests ran, never one that happens to be on the `PATH`.
///
/// # Panics
///
/// When `program` lies outside `folder`, cannot run, or prints another version.
pub fn assert_is_the_pinned_copy(program: &Path, folder: &Path, version: &str) {
    println!("the tests run {}", program.display());
    assert!(
        program.starts_with(folder),
        "{} is not in {}",
        program.display(),
        folder.display()
    );
    let output = Command::new(program)
        .arg("--version")
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", program.display()));
    let printed = String::from_utf8_lossy(&output.stdout);
    println!("{}", printed.trim_end());
    assert!(output.status.success(), "{output:?}");
    assert_eq!(printed.trim_end(), version, "{}", program.display());
}

/// The flags every compilation of a generated TypeScript module uses: `--strict` and the stricter
/// checks a client may turn on, which generated modules must satisfy too.
pub const TSC_STRICT_FLAGS: &[&str] = &[
    "--strict",
    "--noUncheckedIndexedAccess",
    "--exactOptionalPropertyTypes",
    "--noPropertyAccessFromIndexSignature",
    "--noUnusedLocals",
    "--noUnusedParameters",
    "--noImplicitReturns",
    "--noFallthroughCasesInSwitch",
    "--target",
    "es2022",
    "--module",
    "commonjs",
    "--lib",
    "es2022,dom",
];

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    /// An empty folder of its own for the test `name`.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("assetpay-pinned-tools-{}", std::process::id()))
            .join(name);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create the scratch folder");
        dir
    }

    /// An installer writing `folder/bin/tool`, as a real one would.
    fn install_into(folder: &Path) -> Result<(), String> {
        fs::create_dir_all(folder.join("bin")).map_err(|error| error.to_string())?;
        fs::write(folder.join("bin/tool"), "tool").map_err(|error| error.to_string())
    }

    #[test]
    fn an_interrupted_install_is_redone_a_complete_one_reused_and_new_pins_installed() {
        let dir = scratch("interrupted");
        let (pins, folder) = (dir.join("pins.txt"), dir.join("tool"));
        let (program, lock) = (folder.join("bin/tool"), dir.join("tool.lock"));
        let installation = Installation {
            pins: &pins,
            folder: &folder,
            program: &program,
            lock: &lock,
        };
        fs::write(&pins, "tool==1").unwrap();

        let interrupted = installation.ensure(|| {
            install_into(&folder)?;
            Err("the installer was stopped".to_owned())
        });
        assert_eq!(interrupted, Err("the installer was stopped".to_owned()));
        assert!(program.is_file(), "the half-done folder is left as it was");

        fs::write(folder.join("left-over"), "").unwrap();
        assert_eq!(
            installation.ensure(|| install_into(&folder)),
            Ok(Provisioned::Installed)
        );
        assert!(
            !folder.join("left-over").exists(),
            "installed into an emptied folder"
        );
        assert_eq!(
            installation.ensure(|| panic!("a complete installation is reused")),
            Ok(Provisioned::Reused)
        );

        fs::write(&pins, "tool==2").unwrap();
        assert_eq!(
            installation.ensure(|| install_into(&folder)),
            Ok(Provisioned::Installed)
        );
        fs::remove_file(&program).unwrap();
        assert_eq!(
            installation.ensure(|| install_into(&folder)),
            Ok(Provisioned::Installed),
            "a folder that lost its program is installed again"
        );
    }

    #[test]
    fn an_installer_that_leaves_no_program_fails() {
        let dir = scratch("no-program");
        let (pins, folder) = (dir.join("pins.txt"), dir.join("tool"));
        fs::write(&pins, "tool==1").unwrap();
        let installation = Installation {
            pins: &pins,
            folder: &folder,
            program: &folder.join("bin/tool"),
            lock: &dir.join("tool.lock"),
        };
        let failure = installation.ensure(|| Ok(())).expect_err("no program");
        assert!(failure.contains("bin/tool is missing"), "{failure}");
    }

    #[test]
    fn concurrent_callers_install_once_and_the_others_wait_for_it() {
        let dir = scratch("concurrent");
        let (pins, folder) = (dir.join("pins.txt"), dir.join("tool"));
        let (program, lock) = (folder.join("bin/tool"), dir.join("tool.lock"));
        fs::write(&pins, "tool==1").unwrap();
        let installs = AtomicUsize::new(0);
        let outcomes: Vec<Provisioned> = std::thread::scope(|scope| {
            let callers: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(|| {
                        // Each caller opens the lock file itself, as another process would.
                        let installation = Installation {
                            pins: &pins,
                            folder: &folder,
                            program: &program,
                            lock: &lock,
                        };
                        installation.ensure(|| {
                            installs.fetch_add(1, Ordering::SeqCst);
                            std::thread::sleep(Duration::from_millis(200));
                            install_into(&folder)
                        })
                    })
                })
                .collect();
            callers
                .into_iter()
                .map(|caller| caller.join().unwrap().unwrap())
                .collect()
        });
        assert_eq!(installs.load(Ordering::SeqCst), 1);
        assert_eq!(
            outcomes
                .iter()
                .filter(|outcome| **outcome == Provisioned::Installed)
                .count(),
            1
        );
    }

    #[test]
    fn a_missing_interpreter_fails_with_one_line_naming_what_to_install() {
        let missing = Interpreter {
            program: "assetpay-errors-no-such-interpreter",
            install: "Example Runtime 9",
        };
        let failure = missing
            .run(&mut missing.command())
            .expect_err("not installed");
        assert_eq!(
            failure,
            "`assetpay-errors-no-such-interpreter` is not on the PATH: install Example Runtime 9 \
             and run the tests again"
        );
        for interpreter in [NPM, NODE, PYTHON3] {
            let line = interpreter.spawn_error(&io::Error::from(io::ErrorKind::NotFound));
            assert!(!line.contains('\n'), "{line}");
            assert!(line.contains(interpreter.install), "{line}");
        }
    }

    #[test]
    fn a_failed_installer_shows_its_own_output() {
        let shell = Interpreter {
            program: "sh",
            install: "a POSIX shell",
        };
        let failure = shell
            .run(shell.command().args([
                "-c",
                "echo resolving pins; echo no matching version >&2; exit 3",
            ]))
            .expect_err("the installer failed");
        assert!(failure.contains("exit status: 3"), "{failure}");
        assert!(
            failure.ends_with("Its output:\nresolving pins\nno matching version\n"),
            "{failure}"
        );
    }
}
