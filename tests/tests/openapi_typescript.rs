//! Issue #26, as a client author sees it: the demo's OpenAPI document, given to
//! openapi-typescript, makes an openapi-fetch client whose `error.error.key` on `POST /trades`
//! is the union of that operation's own keys, under `tsc --strict`. A `switch` over them
//! compiles, one that forgets a key does not, and a key of `CreateTradeError` the route never
//! answers with is a type error.
//!
//! Issue #24: each error response documents both media types, so openapi-fetch's `error` is an
//! envelope or a problem document; the client tells them apart by `error` (which only the
//! envelope has), and the problem document's `key` is the same exact union.
//!
//! The tools are pinned by `tests/openapi-typescript/package-lock.json` (openapi-typescript
//! 7.13.0, openapi-fetch 0.17.0, TypeScript 5.9.3); the first test that needs them installs them
//! with `npm ci` (see `assetpay_errors_tests::pinned_tools`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assetpay_errors_tests::pinned_tools::{self, NODE};

#[allow(dead_code)]
#[path = "../../assetpay-errors/examples/demo/app.rs"]
mod demo;

/// The pinned `node_modules`, installed on first use.
fn node_modules() -> &'static Path {
    pinned_tools::openapi_typescript(Path::new(env!("CARGO_TARGET_TMPDIR")))
}

fn run(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|error| panic!("{command:?}: {}", NODE.spawn_error(&error)))
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A fresh folder holding `schema.d.ts`, generated from the demo's document, and `client.ts`,
/// with the pinned `node_modules` beside them.
fn workspace(name: &str, client: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("openapi-typescript")
        .join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("remove the previous run's folder");
    }
    std::fs::create_dir_all(&dir).expect("create the test folder");
    std::os::unix::fs::symlink(node_modules(), dir.join("node_modules"))
        .expect("link node_modules");
    std::fs::write(dir.join("openapi.json"), demo::openapi_json()).expect("write the document");
    let generated = run(Command::new(node_modules().join(".bin/openapi-typescript"))
        .current_dir(&dir)
        .args(["openapi.json", "--output", "schema.d.ts"]));
    assert!(generated.status.success(), "{}", text(&generated));
    std::fs::write(dir.join("client.ts"), client).expect("write client.ts");
    dir
}

/// `tsc --strict` on `client.ts`.
fn compile(dir: &Path) -> Output {
    run(Command::new(node_modules().join(".bin/tsc"))
        .current_dir(dir)
        .args([
            "--strict",
            "--noEmit",
            "--noImplicitReturns",
            "--module",
            "nodenext",
            "--moduleResolution",
            "nodenext",
            "--target",
            "es2022",
            "--lib",
            "es2022,dom",
            "client.ts",
        ]))
}

/// A client of `POST /trades` that answers each error key with `cases`, switching on `key`, an
/// expression over `error` (the envelope or the problem document the route answered with).
fn trade_client(key: &str, cases: &str) -> String {
    format!(
        r#"import createClient from "openapi-fetch";
import type {{ paths }} from "./schema.js";

const client = createClient<paths>({{ baseUrl: "http://localhost:3000" }});

export async function trade(): Promise<string> {{
  const {{ error }} = await client.POST("/trades", {{
    body: {{ itemId: 42, expectedPriceCents: 2049 }},
  }});
  if (error === undefined) {{
    return "created";
  }}
  switch ({key}) {{
{cases}
  }}
}}
"#
    )
}

const EVERY_CASE: &str = r#"    case "PRICE_CHANGED":
      return "fetch the price again";
    case "UNPROCESSABLE":
      return "send a smaller body";
    case "VALIDATION_FAILED":
      return "fix the request";"#;

/// The key of either format: the envelope's `error.key`, a problem document's `key`.
const EITHER_KEY: &str = r#""error" in error ? error.error.key : error.key"#;

/// The key of a problem document; `undefined` for an envelope, which the switch then does not
/// handle, so only the problem document's own keys count.
const PROBLEM_KEY: &str = r#""error" in error ? undefined : error.key"#;

/// The case of an envelope in a switch over [`PROBLEM_KEY`].
const ENVELOPE_CASE: &str = "    case undefined:\n      return \"an envelope\";";

#[test]
fn post_trades_error_keys_are_exactly_its_own_under_strict() {
    let dir = workspace("every-case", &trade_client(EITHER_KEY, EVERY_CASE));
    let output = compile(&dir);
    assert!(output.status.success(), "{}", text(&output));
}

#[test]
fn a_forgotten_key_is_a_compile_error() {
    let only_price = r#"    case "PRICE_CHANGED":
      return "fetch the price again";"#;
    let dir = workspace("forgotten-case", &trade_client(EITHER_KEY, only_price));
    let output = compile(&dir);
    assert!(
        !output.status.success(),
        "tsc accepted a switch without VALIDATION_FAILED"
    );
    // TS2366: the function can end without a return, because a key is left unhandled.
    assert!(text(&output).contains("TS2366"), "{}", text(&output));
}

#[test]
fn a_key_of_the_handlers_type_the_route_never_sends_is_a_compile_error() {
    // `CONFLICT` is in `CreateTradeError`, which `POST /trades` returns, but the handler never
    // answers with it, and the document does not list it.
    let with_conflict =
        format!("{EVERY_CASE}\n    case \"CONFLICT\":\n      return \"unreachable\";");
    let dir = workspace("unsent-case", &trade_client(EITHER_KEY, &with_conflict));
    let output = compile(&dir);
    assert!(!output.status.success(), "tsc accepted CONFLICT");
    let printed = text(&output);
    assert!(
        printed.contains("TS2678") && printed.contains("\"CONFLICT\""),
        "{printed}"
    );
}

/// The problem document's `key` alone is the operation's union too: a complete switch compiles,
/// a forgotten key and a key the route never sends do not.
#[test]
fn a_problem_documents_key_is_exactly_the_operations_own() {
    let every_case = format!("{ENVELOPE_CASE}\n{EVERY_CASE}");
    let dir = workspace(
        "problem-every-case",
        &trade_client(PROBLEM_KEY, &every_case),
    );
    let output = compile(&dir);
    assert!(output.status.success(), "{}", text(&output));

    let forgotten = every_case.replace(
        "    case \"UNPROCESSABLE\":\n      return \"send a smaller body\";\n",
        "",
    );
    assert_ne!(forgotten, every_case);
    let dir = workspace(
        "problem-forgotten-case",
        &trade_client(PROBLEM_KEY, &forgotten),
    );
    let output = compile(&dir);
    assert!(text(&output).contains("TS2366"), "{}", text(&output));

    let with_conflict =
        format!("{every_case}\n    case \"CONFLICT\":\n      return \"unreachable\";");
    let dir = workspace(
        "problem-unsent-case",
        &trade_client(PROBLEM_KEY, &with_conflict),
    );
    let printed = text(&compile(&dir));
    assert!(
        printed.contains("TS2678") && printed.contains("\"CONFLICT\""),
        "{printed}"
    );
}

#[test]
fn the_pinned_generator_is_the_one_installed_under_this_checkout() {
    let generator = node_modules().join(".bin/openapi-typescript");
    assert!(
        generator.starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi-typescript"))
    );
    let output = run(Command::new(&generator).arg("--version"));
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains("7.13.0"), "{}", text(&output));
}
