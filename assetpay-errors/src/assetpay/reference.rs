//! The error reference, rendered from the catalogue and the [`page`] text: as
//! Markdown shaped like the published page, as a JSON catalogue, and as a TypeScript module for
//! the page's JavaScript and TypeScript clients.
//!
//! `cargo run --example catalog` prints [`markdown`]; `cargo run --example catalog -- --json`
//! prints [`json`]; `cargo run --example catalog -- --typescript` prints [`typescript()`].

use core::fmt::Write as _;

use super::domains::DOMAINS;
use crate::api_error::ApiError;
use crate::envelope::Envelope;
use crate::spec::ErrorSpec;
use crate::trade::TradeFailureCode;
use crate::typescript::{self, string_literal};

use super::AssetPayError;
use super::page::{self, ErrorSection, PagePart};

/// The error reference as Markdown: the envelope, the range table, one table per section
/// (`Code | Key | HTTP | Description`, a deprecated error's description starting with
/// "**Deprecated.**"), the asynchronous failure codes and the handling notes.
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
    crate::contract::catalog_json::<AssetPayError>()
}

/// The TypeScript module for AssetPay's clients: [`typescript::module`] of [`AssetPayError`],
/// followed by the asynchronous trade failure codes.
///
/// The trade failure part exports `TRADE_FAILURE_CODES` (an `as const` object keyed by code, in
/// published order, each with the `meaning` the page gives, the `guidance` and whether it is
/// `retryable`, as [`TradeFailureCode`] has them), the `TradeFailureCode` union of the codes, and
/// `knownTradeFailure(code)`, which gives the code typed when this module knows it and
/// `undefined` for a code from a newer server, to be handled like `PURCHASE_FAILED`, the
/// catch-all. A `switch` on `knownTradeFailure(item.error)` is checked like one on
/// `knownError(body)?.key`.
pub fn typescript() -> String {
    let mut out = typescript::module::<AssetPayError>();
    out.push_str(
        "\n/**\n * Why an accepted withdrawal (or one of its items) failed later, as sent in \
         `Item.error` and\n * `Trade.error`, in published order. Not numeric API errors: they \
         appear on the trade object and\n * in callbacks.\n */\nexport const TRADE_FAILURE_CODES = {\n",
    );
    for code in TradeFailureCode::KNOWN {
        let _ = writeln!(out, "  {}: {{", string_literal(code.as_str()));
        let _ = writeln!(out, "    meaning: {},", string_literal(code.meaning()));
        let _ = writeln!(out, "    guidance: {},", string_literal(code.guidance()));
        let _ = writeln!(out, "    retryable: {},", code.is_retryable());
        out.push_str("  },\n");
    }
    out.push_str(TRADE_FAILURE_TYPES);
    out
}

const TRADE_FAILURE_TYPES: &str = "\
} as const;

/** A trade failure code this module knows. */
export type TradeFailureCode = keyof typeof TRADE_FAILURE_CODES;

/**
 * The code, typed, when this module knows it; undefined for a code from a newer server: handle
 * that like PURCHASE_FAILED, the catch-all, and log it.
 */
export function knownTradeFailure(code: string): TradeFailureCode | undefined {
  return Object.prototype.hasOwnProperty.call(TRADE_FAILURE_CODES, code)
    ? (code as TradeFailureCode)
    : undefined;
}
";

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
                description_cell(spec),
            ]
        }),
    );
}

/// The description, after "**Deprecated.**" for a deprecated error: readers of the page learn
/// that it is going away without a column the published page does not have.
fn description_cell(spec: &ErrorSpec) -> String {
    if spec.is_deprecated() {
        format!("**Deprecated.** {}", cell(spec.description()))
    } else {
        cell(spec.description())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, crate::ApiError)]
    #[allow(dead_code)]
    enum Checkout {
        /// The old checkout | the first one
        #[deprecated]
        #[api(code = 1, key = "OLD_CHECKOUT", status = 400)]
        Old,
        /// The new checkout
        #[api(code = 2, key = "NEW_CHECKOUT", status = 400)]
        New,
    }

    #[test]
    fn the_page_marks_deprecated_errors() {
        let [old, new] = Checkout::CATALOG else {
            panic!("two entries");
        };
        assert_eq!(
            description_cell(old),
            "**Deprecated.** The old checkout \\| the first one"
        );
        assert_eq!(description_cell(new), "The new checkout");
    }
}
