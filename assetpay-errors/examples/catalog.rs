//! Prints AssetPay's error reference, generated from the catalogue declared in
//! `assetpay_errors::assetpay`.
//!
//! ```text
//! cargo run --example catalog            # the reference page, as Markdown
//! cargo run --example catalog -- --json  # the catalogue, as a JSON array
//! cargo run --example catalog -- --typescript  # a TypeScript module for the API's clients
//! ```

use std::io::Write as _;
use std::process::ExitCode;

use assetpay_errors::assetpay::reference;

const USAGE: &str = "usage: catalog [--json | --typescript]";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let output = match arguments.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] => reference::markdown(),
        ["--json"] => reference::json(),
        ["--typescript"] => reference::typescript(),
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
