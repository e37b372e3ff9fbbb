//! Prints the demo server's OpenAPI 3.1 document (compact JSON, one line), the same bytes its
//! `GET /openapi.json` serves: `cargo run --example openapi --features utoipa`.

// The server half of the demo (`app()`) is not run here.
#[allow(dead_code)]
#[path = "demo/app.rs"]
mod demo;

use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let document = demo::openapi_json();
    // A closed pipe (`… | head`) is not worth a panic.
    match writeln!(std::io::stdout().lock(), "{document}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("openapi: {error}");
            ExitCode::FAILURE
        }
    }
}
