//! Issue #26, as a client author sees it: the demo's OpenAPI document, given to
//! openapi-typescript, makes an openapi-fetch client whose `error.error.key` on `POST /trades`
//! is the union of that operation's own keys, under `tsc --strict`. A `switch` over them
//! compiles, one that forgets a key does not, and a key of `CreateTradeError` the route never
//! answers with is a type error.
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

/// A client of `POST /trades` that answers each error key with `cases`.
fn trade_client(cases: &str) -> String {
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
  switch (error.error.key) {{
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

#[test]
fn post_trades_error_keys_are_exactly_its_own_under_strict() {
    let dir = workspace("every-case", &trade_client(EVERY_CASE));
    let output = compile(&dir);
    assert!(output.status.success(), "{}", text(&output));
}

#[test]
fn a_forgotten_key_is_a_compile_error() {
    let only_price = r#"    case "PRICE_CHANGED":
      return "fetch the price again";"#;
    let dir = workspace("forgotten-case", &trade_client(only_price));
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
    let dir = workspace("unsent-case", &trade_client(&with_conflict));
    let output = compile(&dir);
    assert!(!output.status.success(), "tsc accepted CONFLICT");
    let printed = text(&output);
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
