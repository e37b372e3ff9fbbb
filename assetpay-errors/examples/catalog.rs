//! Prints AssetPay's error reference, generated from the catalogue declared in
//! `assetpay_errors::assetpay`.
//!
//! ```text
//! cargo run --example catalog            # the reference page, as Markdown
//! cargo run --example catalog -- --json  # the catalogue, as a JSON array
//! cargo run --example catalog -- --typescript  # a TypeScript module for the API's clients
//! cargo run --example catalog --features utoipa -- --openapi  # an OpenAPI 3.1 components document
//! cargo run --example catalog -- --check-against OLD.json     # every change since OLD.json
//! cargo run --example catalog -- --check-clashes A.json B.json  # clashes between services
//! ```
//!
//! `--check-against` prints one line per change with its rule id and `breaking` or
//! `compatible` (see `assetpay_errors::contract`) and exits with 1 when a change is breaking;
//! `--check-clashes` prints one line per code or key two catalogues use with different meanings
//! and exits with 1 when there is one. An unreadable or malformed file exits with 2.

use std::io::Write as _;
use std::process::ExitCode;

use assetpay_errors::AssetPayError;
use assetpay_errors::assetpay::reference;
use assetpay_errors::contract::{self, NamedCatalog};

const USAGE: &str = "usage: catalog [--json | --typescript | --openapi | --check-against OLD.json | --check-clashes A.json B.json …]";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let output = match arguments.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] => reference::markdown(),
        ["--json"] => reference::json(),
        ["--typescript"] => reference::typescript(),
        ["--openapi"] => match openapi() {
            Some(document) => document,
            None => {
                eprintln!("catalog: --openapi needs the `utoipa` feature: add `--features utoipa`");
                return ExitCode::from(2);
            }
        },
        ["--check-against", old] => return check_against(old),
        ["--check-clashes", ref files @ ..] if files.len() >= 2 => return check_clashes(files),
        ["--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    // A closed pipe (`… | head`) is not worth a panic.
    match std::io::stdout().lock().write_all(output.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("catalog: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The whole catalogue as an OpenAPI components document (compact JSON and a newline).
#[cfg(feature = "utoipa")]
fn openapi() -> Option<String> {
    use assetpay_errors::{ApiError as _, AssetPayError};
    let document = assetpay_errors::openapi::catalog_document(
        "AssetPay API errors",
        env!("CARGO_PKG_VERSION"),
        AssetPayError::CATALOG,
    );
    // Through the crate's printer, so each example lists its members as the server sends them.
    let json = assetpay_errors::openapi::to_json(&document)
        .expect("an OpenAPI document serializes to JSON");
    Some(json + "\n")
}

#[cfg(not(feature = "utoipa"))]
fn openapi() -> Option<String> {
    None
}

/// Every change since the published file `old`; failure on a breaking one.
fn check_against(old: &str) -> ExitCode {
    let Some(bytes) = read(old) else {
        return ExitCode::from(2);
    };
    match contract::check_against::<AssetPayError>(&bytes) {
        Ok(report) => {
            print!("{report}");
            if report.is_breaking() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            eprintln!("catalog: {old}: {error}");
            ExitCode::from(2)
        }
    }
}

/// Codes and keys the catalogues `files` use with different meanings; failure on any.
fn check_clashes(files: &[&str]) -> ExitCode {
    let mut catalogs = Vec::new();
    for file in files {
        let Some(bytes) = read(file) else {
            return ExitCode::from(2);
        };
        match contract::parse_published(&bytes) {
            Ok(entries) => catalogs.push(NamedCatalog {
                name: (*file).to_owned(),
                entries,
            }),
            Err(error) => {
                eprintln!("catalog: {file}: {error}");
                return ExitCode::from(2);
            }
        }
    }
    let clashes = contract::clashes(&catalogs);
    for clash in &clashes {
        println!("{clash}");
    }
    if clashes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn read(path: &str) -> Option<Vec<u8>> {
    std::fs::read(path)
        .map_err(|error| eprintln!("catalog: cannot read {path}: {error}"))
        .ok()
}
