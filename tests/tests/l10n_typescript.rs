//! The translations' TypeScript module (`l10n::typescript::module`) beside the errors module:
//! checked by the pinned `tsc` under the strict flags, run by node, and rendering what the server
//! renders, fallbacks and plurals included.

mod l10n_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assetpay_errors::l10n::{Translations, typescript};
use assetpay_errors::{ApiError, AssetPayError};
use assetpay_errors_tests::pinned_tools::{self, NODE};
use l10n_support::{CANADIAN, CartError, FRENCH};
use serde_json::{Value, json};

fn translations() -> Translations {
    Translations::new("en")
        .and_then(|t| t.with_locale("fr", FRENCH))
        .and_then(|t| t.with_partial_locale("fr-CA", CANADIAN))
        .expect("parses")
}

const COMPILER_FLAGS: &[&str] = pinned_tools::TSC_STRICT_FLAGS;

/// The errors module the translations import `ERRORS`, `ErrorKey` and `ErrorParams` from.
fn errors_module<E: ApiError>() -> String {
    let module = assetpay_errors::typescript::module::<E>();
    assert!(
        module.contains("export type ErrorParams"),
        "the errors module types the params"
    );
    module
}

fn run(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|error| panic!("{command:?}: {}", NODE.spawn_error(&error)))
}

/// Writes the two modules and `main.ts` into a fresh folder, compiles them and runs `main`.
fn compile_and_run(name: &str, errors: &str, translations: &str, main: &str) -> Value {
    let dir: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("l10n-typescript")
        .join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("remove the previous run");
    }
    std::fs::create_dir_all(&dir).expect("create the folder");
    std::fs::write(dir.join("errors.ts"), errors).expect("write errors.ts");
    std::fs::write(dir.join("translations.ts"), translations).expect("write translations.ts");
    std::fs::write(dir.join("main.ts"), main).expect("write main.ts");
    let tsc = pinned_tools::typescript_compiler(Path::new(env!("CARGO_TARGET_TMPDIR")));
    let output = run(Command::new(tsc)
        .current_dir(&dir)
        .args(COMPILER_FLAGS)
        .args(["--outDir", "out", "main.ts"]));
    assert!(
        output.status.success(),
        "tsc rejected the modules in {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let output = run(NODE.command().current_dir(&dir).arg("out/main.js"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "node failed:\n{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("{error}: {stdout}"))
}

/// A key, its params, and the locale asked for.
type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

#[test]
fn localize_renders_what_the_server_renders_with_the_same_fallbacks() {
    let translations = translations();
    translations.assert_checked::<CartError>();
    let cases: &[Case] = &[
        ("TOO_MANY_ITEMS", &[("max", "1"), ("given", "3")], "fr"),
        ("TOO_MANY_ITEMS", &[("max", "50"), ("given", "51")], "fr-CA"),
        ("TOO_MANY_ITEMS", &[("max", "0"), ("given", "\"x\"")], "FR"),
        ("TOO_MANY_ITEMS", &[("max", "1.0"), ("given", "2")], "fr"),
        ("TOO_MANY_ITEMS", &[("max", "50"), ("given", "51")], "de"),
        ("SOLD_OUT", &[], "fr-CA"),
        ("SOLD_OUT", &[], "fr-CA-x-shop"),
        ("PRICE_CHANGED", &[], "fr-CA"),
        ("PRICE_CHANGED", &[], "en-GB"),
    ];
    let mut calls = String::new();
    let mut expected = Vec::new();
    for (key, params, locale) in cases {
        let object: serde_json::Map<String, Value> = params
            .iter()
            .map(|(name, value)| ((*name).to_owned(), json!(value)))
            .collect();
        calls.push_str(&format!(
            "  localize({key:?}, {}, {locale:?}),\n",
            Value::Object(object)
        ));
        let (tag, message) = match translations.localize(locale, key, params) {
            Some(localized) => (localized.locale.to_owned(), localized.message),
            None => {
                let spec = CartError::CATALOG
                    .iter()
                    .find(|spec| spec.key() == *key)
                    .expect("a key");
                let mut message = spec.message().to_owned();
                for (name, value) in *params {
                    message = message.replace(&format!("{{{name}}}"), value);
                }
                ("en".to_owned(), message)
            }
        };
        expected.push(json!({ "locale": tag, "message": message }));
    }
    let main = format!(
        "import {{ localize }} from \"./translations\";\nconsole.log(JSON.stringify([\n{calls}]));\n"
    );
    let ran = compile_and_run(
        "cart",
        &errors_module::<CartError>(),
        &typescript::module(&translations, "./errors"),
        &main,
    );
    assert_eq!(ran, Value::Array(expected));
    // The cases cover each branch: an exact number, a plural category, the fallbacks, the default.
    assert_eq!(ran[0]["message"], "Au plus 1 objet par requête, reçu « 3 »");
    assert_eq!(
        ran[2]["message"],
        "Aucun objet n’est permis, reçu « \"x\" »"
    );
    assert_eq!(
        ran[4],
        json!({ "locale": "en", "message": "At most 50 items per request, got 51" })
    );
    assert_eq!(ran[5], json!({ "locale": "fr-CA", "message": "Écoulé" }));
    assert_eq!(
        ran[7],
        json!({ "locale": "fr", "message": "Le prix a changé" })
    );
}

#[test]
fn wrong_params_are_a_compile_error() {
    let translations = translations();
    let main = "import { localize } from \"./translations\";\nconsole.log(JSON.stringify(localize(\"TOO_MANY_ITEMS\", { max: \"1\" }, \"fr\")));\n";
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("l10n-typescript")
        .join("wrong");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the folder");
    std::fs::write(dir.join("errors.ts"), errors_module::<CartError>()).expect("write");
    std::fs::write(
        dir.join("translations.ts"),
        typescript::module(&translations, "./errors"),
    )
    .expect("write");
    std::fs::write(dir.join("main.ts"), main).expect("write");
    let tsc = pinned_tools::typescript_compiler(Path::new(env!("CARGO_TARGET_TMPDIR")));
    let output = run(Command::new(tsc)
        .current_dir(&dir)
        .args(COMPILER_FLAGS)
        .args(["--noEmit", "main.ts"]));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !output.status.success(),
        "tsc accepted params without `given`"
    );
    assert!(stdout.contains("given"), "{stdout}");
}

#[test]
fn assetpay_french_module_compiles_and_renders_every_key() {
    let translations = assetpay_errors::assetpay::translations();
    let main = "import { localize } from \"./translations\";\nimport { ERRORS } from \"./errors\";\n\
        console.log(JSON.stringify(Object.keys(ERRORS).map((key) => localize(key as keyof typeof ERRORS, {}, \"fr-FR\"))));\n";
    let ran = compile_and_run(
        "assetpay",
        &errors_module::<AssetPayError>(),
        &typescript::module(translations, "./errors"),
        main,
    );
    let expected: Vec<Value> = AssetPayError::CATALOG
        .iter()
        .map(|spec| {
            let localized = translations
                .localize("fr", spec.key(), &[])
                .expect("complete");
            json!({ "locale": "fr", "message": localized.message })
        })
        .collect();
    assert_eq!(ran, Value::Array(expected));
}
