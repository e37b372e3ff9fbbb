//! Prints AssetPay's error reference, generated from the catalogue declared in
//! `assetpay_errors::assetpay`.
//!
//! ```text
//! cargo run --example catalog            # the reference page, as Markdown
//! cargo run --example catalog -- --json  # the catalogue, as a JSON array
//! cargo run --example catalog -- --typescript  # a TypeScript module for the API's clients
//! cargo run --example catalog --features utoipa -- --openapi  # an OpenAPI 3.1 components document
//! ```

use std::io::Write as _;
use std::process::ExitCode;

use assetpay_errors::assetpay::reference;

const USAGE: &str = "usage: catalog [--json | --typescript | --openapi]";

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
    let json = document
        .to_json()
        .expect("an OpenAPI document serializes to JSON");
    Some(json + "\n")
}

#[cfg(not(feature = "utoipa"))]
fn openapi() -> Option<String> {
    None
}
