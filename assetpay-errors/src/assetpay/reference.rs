//! The error reference, rendered from the catalogue and the [`page`] text: as
//! Markdown shaped like the published page, and as a JSON catalogue.
//!
//! `cargo run --example catalog` prints [`markdown`]; `cargo run --example catalog -- --json`
//! prints [`json`].

use core::fmt::Write as _;

use super::domains::DOMAINS;
use crate::api_error::ApiError;
use crate::envelope::Envelope;
use crate::spec::ErrorSpec;
use crate::trade::TradeFailureCode;

use super::AssetPayError;
use super::page::{self, ErrorSection, PagePart};

/// The error reference as Markdown: the envelope, the range table, one table per section
/// (`Code | Key | HTTP | Description`), the asynchronous failure codes and the handling notes.
pub fn markdown() -> String {
    let mut out = String::with_capacity(16 * 1024);
    heading(&mut out, 1, page::PAGE_TITLE);
    paragraph(&mut out, page::ENVELOPE_INTRO);
    code_block(&mut out, "json", &envelope_example());
    paragraph(&mut out, page::RANGES_INTRO);
    table(
        &mut out,
        &["Range", "Domain"],
        DOMAINS.iter().map(|domain| {
            vec![
                format!("{}-{}", domain.first(), domain.last()),
                cell(domain.label()),
            ]
        }),
    );
    for part in page::PARTS {
        match part {
            PagePart::Errors(section) => error_section(&mut out, section),
            PagePart::TradeFailures => trade_failures_section(&mut out),
        }
    }
    handling_section(&mut out);
    out
}

/// The catalogue as a pretty-printed JSON array, one object per error in
/// [`AssetPayError::CATALOG`](crate::ApiError::CATALOG) order, with the fields of
/// [`ErrorSpec`]'s `Serialize` impl, and a final newline.
pub fn json() -> String {
    let mut out = serde_json::to_string_pretty(AssetPayError::CATALOG)
        .expect("a catalogue of static strings and numbers always serializes");
    out.push('\n');
    out
}

fn envelope_example() -> String {
    let error = page::ENVELOPE_EXAMPLE_ERROR;
    let envelope = Envelope::new(page::ENVELOPE_EXAMPLE_REQUEST_ID, &error);
    serde_json::to_string_pretty(&envelope).expect("an envelope always serializes")
}

fn error_section(out: &mut String, section: &ErrorSection) {
    heading(out, 2, section.title);
    if let Some(intro) = section.intro {
        paragraph(out, intro);
    }
    table(
        out,
        &["Code", "Key", "HTTP", "Description"],
        section.errors.iter().map(|spec: &ErrorSpec| {
            vec![
                spec.code().to_string(),
                format!("`{}`", spec.key()),
                spec.status().as_u16().to_string(),
                cell(spec.description()),
            ]
        }),
    );
}

fn trade_failures_section(out: &mut String) {
    heading(out, 2, page::TRADE_FAILURES_TITLE);
    paragraph(out, page::TRADE_FAILURES_INTRO);
    table(
        out,
        &["error", "Meaning"],
        TradeFailureCode::KNOWN
            .iter()
            .map(|code| vec![format!("`{}`", code.as_str()), cell(code.meaning())]),
    );
    paragraph(out, page::TRADE_FAILURES_NOTE);
}

fn handling_section(out: &mut String) {
    heading(out, 2, page::HANDLING_TITLE);
    paragraph(out, page::HANDLING_INTRO);
    code_block(out, "js", page::HANDLING_EXAMPLE);
    let retryable: Vec<String> = AssetPayError::CATALOG
        .iter()
        .filter(|spec| spec.is_retryable())
        .map(|spec| format!("`{}`", spec.key()))
        .collect();
    paragraph(
        out,
        &format!("{} {}.", page::RETRY_NOTE, retryable.join(", ")),
    );
    paragraph(out, page::SUPPORT_NOTE);
}

fn heading(out: &mut String, level: usize, title: &str) {
    separate_block(out);
    let _ = writeln!(out, "{} {title}", "#".repeat(level));
}

fn paragraph(out: &mut String, text: &str) {
    separate_block(out);
    out.push_str(text);
    out.push('\n');
}

fn code_block(out: &mut String, language: &str, code: &str) {
    separate_block(out);
    let _ = writeln!(out, "```{language}\n{code}\n```");
}

fn table(out: &mut String, header: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    separate_block(out);
    row(out, header.iter().copied());
    row(out, header.iter().map(|_| "---"));
    for cells in rows {
        row(out, cells.iter().map(String::as_str));
    }
}

fn row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    out.push('|');
    for cell in cells {
        let _ = write!(out, " {cell} |");
    }
    out.push('\n');
}

/// Markdown blocks need a blank line between them.
fn separate_block(out: &mut String) {
    if !out.is_empty() {
        out.push('\n');
    }
}

/// Text as a table cell: a `|` would end the cell early.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
