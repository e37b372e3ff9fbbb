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
use crate::reference::Page;
use crate::trade::TradeFailureCode;
use crate::typescript::{self, string_literal};

use super::AssetPayError;
use super::page::{self, PagePart};

/// The error reference as Markdown: the generic [`Page`] of AssetPay's
/// catalogue with AssetPay's own prose ([`page`]): the envelope, the range table of every
/// published domain, one table per section (`Code | Key | HTTP | Description`, a deprecated
/// error's description starting with "**Deprecated.**"), the asynchronous failure codes and the
/// handling notes, ending with the retry note.
pub fn markdown() -> String {
    let mut out = Page::new(page::PAGE_TITLE);
    out.paragraph(page::ENVELOPE_INTRO)
        .code_block("json", &envelope_example())
        .paragraph(page::RANGES_INTRO)
        .domain_ranges(DOMAINS);
    for part in page::PARTS {
        match part {
            PagePart::Errors(section) => {
                out.errors(section.title, section.intro, section.errors);
            }
            PagePart::TradeFailures => {
                out.heading(page::TRADE_FAILURES_TITLE)
                    .paragraph(page::TRADE_FAILURES_INTRO)
                    .table(
                        &["error", "Meaning"],
                        TradeFailureCode::KNOWN.iter().map(|code| {
                            [format!("`{}`", code.as_str()), code.meaning().to_owned()]
                        }),
                    )
                    .paragraph(page::TRADE_FAILURES_NOTE);
            }
        }
    }
    out.heading(page::HANDLING_TITLE)
        .paragraph(page::HANDLING_INTRO)
        .code_block("js", page::HANDLING_EXAMPLE)
        .retry_note(page::RETRY_NOTE, AssetPayError::CATALOG)
        .paragraph(page::SUPPORT_NOTE);
    out.into_markdown()
}

/// The catalogue as a pretty-printed JSON array, one object per error in
/// [`AssetPayError::CATALOG`](crate::ApiError::CATALOG) order, with the fields of
/// [`ErrorSpec`](crate::ErrorSpec)'s `Serialize` impl, and a final newline.
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
