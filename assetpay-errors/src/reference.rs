//! The reference page of any catalogue, as Markdown: [`markdown`] for a derived type's page as it
//! comes, [`Page`] to add a team's own prose around the same tables.
//!
//! # Guide
//!
//! ```
//! use assetpay_errors::{ApiError, Domain, reference};
//!
//! const PAYMENTS: Domain = Domain::new("payments", "Payments", 3000..=3099);
//!
//! #[derive(Debug, ApiError)]
//! #[api(domain = PAYMENTS)]
//! enum PaymentError {
//!     /// The card was declined
//!     #[api(code = 3001, key = "CARD_DECLINED", status = 402)]
//!     CardDeclined,
//!     /// The card network is busy
//!     #[api(code = 3002, key = "NETWORK_BUSY", status = 503, retryable)]
//!     NetworkBusy,
//! }
//!
//! assert_eq!(
//!     reference::markdown::<PaymentError>(),
//!     concat!(
//!         "# Error codes\n\n",
//!         "Codes are grouped by domain:\n\n",
//!         "| Range | Domain |\n| --- | --- |\n| 3000-3099 | Payments |\n\n",
//!         "## Payments\n\n",
//!         "| Code | Key | HTTP | Description |\n| --- | --- | --- | --- |\n",
//!         "| 3001 | `CARD_DECLINED` | 402 | The card was declined |\n",
//!         "| 3002 | `NETWORK_BUSY` | 503 | The card network is busy |\n\n",
//!         "Only these errors clear without the request changing; retry them later, with \
//!          backoff: `NETWORK_BUSY`.\n\n",
//!         "Telemetry reports each error response's key as `error.type`, on the request's span \
//!          and as the `key` label of `api_error_responses_total`; these are all the values \
//!          it can report: `CARD_DECLINED`, `NETWORK_BUSY`.\n",
//!     )
//! );
//! ```
//!
//! # The page's shape
//!
//! Every catalogue's page has the shape of AssetPay's published page, which is rendered with the
//! same [`Page`]: a range table of the domains (`Range | Domain`), then one
//! `Code | Key | HTTP | Description` table per domain, in the order of the ranges, each listing
//! the domain's errors in catalogue order. Errors declared without a domain follow under "Other
//! errors" (or "Errors", when no error has a domain).
//!
//! An error whose [`doc_url`](crate::ErrorSpec::doc_url) has a fragment gets an anchor of that
//! name in its key cell (`<a id="CARD_DECLINED"></a>`), so a `doc_url` template pointing at the
//! page (`#{key}`) lands on the row.
//!
//! The marks a reader acts on are in the text, not in extra columns, so that one table shape
//! serves every catalogue, the published page's four columns included:
//! - a deprecated error's description starts with "**Deprecated.**";
//! - the retryable errors are listed by key in one closing note ([`RETRY_NOTE`]): they are the
//!   few a client waits out, where every other error fails again until the request changes;
//! - the last note ([`ERROR_TYPES_NOTE`]) lists every key, as the values of `error.type` a
//!   service reports (the `axum` feature's `telemetry` module): OpenTelemetry asks
//!   instrumentations to document the list of errors they report, and dashboards are built from
//!   it. It is the catalogue, because the key of the entry a response answered with is the only
//!   value ever reported.

use core::fmt::Write as _;

use crate::api_error::ApiError;
use crate::domain::Domain;
use crate::spec::ErrorSpec;

/// The start of the retry note, followed by the keys of every retryable error.
pub const RETRY_NOTE: &str = "Only these errors clear without the request changing; retry them \
later, with backoff:";

/// The start of the note listing the `error.type` values, followed by every key.
pub const ERROR_TYPES_NOTE: &str = "Telemetry reports each error response's key as `error.type`, \
on the request's span and as the `key` label of `api_error_responses_total`; these are all the \
values it can report:";

/// The page of `E`'s catalogue, as described in the [module documentation](self): titled "Error
/// codes", with the range table, one table per domain, the retry note and the `error.type` note.
pub fn markdown<E: ApiError>() -> String {
    let mut page = Page::new("Error codes");
    page.catalog(E::CATALOG);
    page.into_markdown()
}

/// A Markdown page being written, block by block: headings, paragraphs, code blocks and tables,
/// with a blank line between blocks.
///
/// The catalogue's own blocks are [`catalog`](Self::catalog) (everything [`markdown`] shows
/// below the title), or, to title and order the sections yourself,
/// [`domain_ranges`](Self::domain_ranges), [`errors`](Self::errors) and
/// [`retry_note`](Self::retry_note).
///
/// ```
/// use assetpay_errors::{ApiError, reference::Page};
///
/// #[derive(Debug, ApiError)]
/// enum ShopError {
///     /// The basket is empty
///     #[api(code = 501, key = "EMPTY_BASKET", status = 422)]
///     EmptyBasket,
/// }
///
/// let mut page = Page::new("Shop errors");
/// page.paragraph("Every error body carries one of these codes.")
///     .errors("Checkout", Some("Returned by `POST /checkout`."), ShopError::CATALOG);
/// let page = page.into_markdown();
/// assert!(page.starts_with("# Shop errors\n\nEvery error body"));
/// assert!(page.ends_with("| 501 | `EMPTY_BASKET` | 422 | The basket is empty |\n"));
/// ```
#[derive(Debug, Clone)]
pub struct Page {
    out: String,
}

impl Page {
    /// A page whose first line is the level-1 heading `title`.
    pub fn new(title: &str) -> Page {
        let mut page = Page {
            out: String::with_capacity(16 * 1024),
        };
        page.block(format_args!("# {title}\n"));
        page
    }

    /// A level-2 heading.
    pub fn heading(&mut self, title: &str) -> &mut Self {
        self.block(format_args!("## {title}\n"))
    }

    /// A paragraph of `text`, as it is.
    pub fn paragraph(&mut self, text: &str) -> &mut Self {
        self.block(format_args!("{text}\n"))
    }

    /// A fenced code block in `language`.
    pub fn code_block(&mut self, language: &str, code: &str) -> &mut Self {
        self.block(format_args!("```{language}\n{code}\n```\n"))
    }

    /// A table with the `header` row, then one row per item of `rows`. A `|` in a cell is
    /// escaped, so it cannot end the cell early.
    pub fn table<R>(&mut self, header: &[&str], rows: R) -> &mut Self
    where
        R: IntoIterator,
        R::Item: IntoIterator,
        <R::Item as IntoIterator>::Item: AsRef<str>,
    {
        self.separate_block();
        self.row(header.iter());
        self.row(header.iter().map(|_| "---"));
        for cells in rows {
            self.row(cells.into_iter());
        }
        self
    }

    /// The `Range | Domain` table of `domains`, in the order given (`first-last`, label).
    pub fn domain_ranges(&mut self, domains: &[Domain]) -> &mut Self {
        self.table(
            &["Range", "Domain"],
            domains.iter().map(|domain| {
                [
                    format!("{}-{}", domain.first(), domain.last()),
                    domain.label().to_owned(),
                ]
            }),
        )
    }

    /// A section of errors: the heading `title`, the `intro` paragraph when there is one, and
    /// the `Code | Key | HTTP | Description` table of `errors` in the order given, a deprecated
    /// error's description starting with "**Deprecated.**".
    pub fn errors(&mut self, title: &str, intro: Option<&str>, errors: &[ErrorSpec]) -> &mut Self {
        self.heading(title);
        if let Some(intro) = intro {
            self.paragraph(intro);
        }
        self.table(
            &["Code", "Key", "HTTP", "Description"],
            errors.iter().map(|spec| {
                [
                    spec.code().to_string(),
                    key_cell(spec),
                    spec.status().as_u16().to_string(),
                    description_cell(spec),
                ]
            }),
        )
    }

    /// The paragraph `lead`, followed by the keys of the retryable errors among `errors`; nothing
    /// when none is retryable.
    pub fn retry_note(&mut self, lead: &str, errors: &[ErrorSpec]) -> &mut Self {
        let retryable: Vec<String> = errors
            .iter()
            .filter(|spec| spec.is_retryable())
            .map(|spec| format!("`{}`", spec.key()))
            .collect();
        if retryable.is_empty() {
            return self;
        }
        self.paragraph(&format!("{lead} {}.", retryable.join(", ")))
    }

    /// The paragraph `lead`, followed by the key of every error of `errors`: the `error.type`
    /// values a service answering from them reports. Nothing when `errors` is empty.
    pub fn error_types_note(&mut self, lead: &str, errors: &[ErrorSpec]) -> &mut Self {
        if errors.is_empty() {
            return self;
        }
        let keys: Vec<String> = errors
            .iter()
            .map(|spec| format!("`{}`", spec.key()))
            .collect();
        self.paragraph(&format!("{lead} {}.", keys.join(", ")))
    }

    /// Everything [`markdown`] shows below its title: the range table of the domains `errors`
    /// use (ordered by range), a section per domain titled with its label, "Other errors" for
    /// errors without a domain (or one "Errors" section when none has one), the [`RETRY_NOTE`]
    /// and the [`ERROR_TYPES_NOTE`].
    pub fn catalog(&mut self, errors: &[ErrorSpec]) -> &mut Self {
        let mut domains: Vec<Domain> = Vec::new();
        for domain in errors.iter().filter_map(ErrorSpec::domain) {
            if !domains.contains(domain) {
                domains.push(*domain);
            }
        }
        domains.sort_by_key(Domain::first);
        let of = |domain: Option<&Domain>| -> Vec<ErrorSpec> {
            errors
                .iter()
                .filter(|spec| spec.domain() == domain)
                .copied()
                .collect()
        };
        if !domains.is_empty() {
            self.paragraph("Codes are grouped by domain:")
                .domain_ranges(&domains);
        }
        for domain in &domains {
            self.errors(domain.label(), None, &of(Some(domain)));
        }
        let without_domain = of(None);
        if !without_domain.is_empty() {
            let title = if domains.is_empty() {
                "Errors"
            } else {
                "Other errors"
            };
            self.errors(title, None, &without_domain);
        }
        self.retry_note(RETRY_NOTE, errors)
            .error_types_note(ERROR_TYPES_NOTE, errors)
    }

    /// The Markdown written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// The page, as Markdown.
    pub fn into_markdown(self) -> String {
        self.out
    }

    /// Writes `block` after a blank line (Markdown blocks need one between them).
    fn block(&mut self, block: core::fmt::Arguments<'_>) -> &mut Self {
        self.separate_block();
        let _ = self.out.write_fmt(block);
        self
    }

    fn separate_block(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    fn row(&mut self, cells: impl Iterator<Item = impl AsRef<str>>) {
        self.out.push('|');
        for cell in cells {
            let _ = write!(self.out, " {} |", cell.as_ref().replace('|', "\\|"));
        }
        self.out.push('\n');
    }
}

/// The key as code, after an anchor named by the fragment of the error's
/// [`doc_url`](ErrorSpec::doc_url) when it has one: a template that points at this page
/// (`https://docs.example.com/errors#{key}`) lands on the error's own row.
fn key_cell(spec: &ErrorSpec) -> String {
    let anchor = spec.doc_url().and_then(|url| url.split_once('#'));
    match anchor {
        // A fragment holds only URI characters (the derive checks `doc_url`), none of which
        // ends the attribute's quotes.
        Some((_, fragment)) => format!("<a id=\"{fragment}\"></a>`{}`", spec.key()),
        None => format!("`{}`", spec.key()),
    }
}

/// The description, after "**Deprecated.**" for a deprecated error: readers of the page learn
/// that it is going away without a column the published page does not have.
fn description_cell(spec: &ErrorSpec) -> String {
    if spec.is_deprecated() {
        format!("**Deprecated.** {}", spec.description())
    } else {
        spec.description().to_owned()
    }
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
        let mut page = Page::new("T");
        page.errors("S", None, &[*old, *new]);
        let page = page.into_markdown();
        assert!(
            page.contains("| **Deprecated.** The old checkout \\| the first one |"),
            "{page}"
        );
        assert!(page.contains("| The new checkout |"), "{page}");
    }

    const STOCK: Domain = Domain::new("stock", "Stock", 200..=299);
    const BASKET: Domain = Domain::new("basket", "Basket", 100..=199);

    #[derive(Debug, crate::ApiError)]
    #[allow(dead_code)]
    #[api(domain = STOCK)]
    enum StockError {
        /// Out of stock
        #[api(code = 201, key = "OUT_OF_STOCK", status = 409, retryable)]
        OutOfStock,
    }

    #[derive(Debug, crate::ApiError)]
    #[allow(dead_code)]
    #[api(domain = BASKET)]
    enum BasketError {
        /// The basket is empty
        #[api(code = 101, key = "EMPTY_BASKET", status = 422)]
        Empty,
    }

    #[derive(Debug, crate::ApiError)]
    #[allow(dead_code)]
    enum ShopError {
        #[api(transparent)]
        Stock(StockError),
        #[api(transparent)]
        Basket(BasketError),
        /// Something broke
        #[api(code = 900, key = "BROKEN", status = 500)]
        Broken,
    }

    #[test]
    fn domains_are_ordered_by_range_with_errors_without_one_last() {
        assert_eq!(
            markdown::<ShopError>(),
            "# Error codes\n\n\
             Codes are grouped by domain:\n\n\
             | Range | Domain |\n| --- | --- |\n| 100-199 | Basket |\n| 200-299 | Stock |\n\n\
             ## Basket\n\n\
             | Code | Key | HTTP | Description |\n| --- | --- | --- | --- |\n\
             | 101 | `EMPTY_BASKET` | 422 | The basket is empty |\n\n\
             ## Stock\n\n\
             | Code | Key | HTTP | Description |\n| --- | --- | --- | --- |\n\
             | 201 | `OUT_OF_STOCK` | 409 | Out of stock |\n\n\
             ## Other errors\n\n\
             | Code | Key | HTTP | Description |\n| --- | --- | --- | --- |\n\
             | 900 | `BROKEN` | 500 | Something broke |\n\n\
             Only these errors clear without the request changing; retry them later, with \
             backoff: `OUT_OF_STOCK`.\n\n\
             Telemetry reports each error response's key as `error.type`, on the request's span \
             and as the `key` label of `api_error_responses_total`; these are all the values it \
             can report: `OUT_OF_STOCK`, `EMPTY_BASKET`, `BROKEN`.\n"
        );
    }

    #[derive(Debug, crate::ApiError)]
    #[allow(dead_code)]
    #[api(doc_url = "https://docs.example.com/errors#{key}")]
    enum Documented {
        /// Linked to its row
        #[api(code = 1, key = "ON_THIS_PAGE", status = 400)]
        OnThisPage,
        /// Linked elsewhere, without a fragment
        #[api(
            code = 2,
            key = "ELSEWHERE",
            status = 400,
            doc_url = "https://docs.example.com/elsewhere"
        )]
        Elsewhere,
    }

    #[test]
    fn a_row_carries_the_anchor_its_doc_url_points_to() {
        let page = markdown::<Documented>();
        assert!(
            page.contains(
                "| 1 | <a id=\"ON_THIS_PAGE\"></a>`ON_THIS_PAGE` | 400 | Linked to its row |\n"
            ),
            "{page}"
        );
        assert!(page.contains("| 2 | `ELSEWHERE` | 400 |"), "{page}");
    }

    #[test]
    fn a_catalogue_without_domains_is_one_section_and_no_retry_note_without_retryable_errors() {
        assert_eq!(
            markdown::<Checkout>(),
            "# Error codes\n\n## Errors\n\n\
             | Code | Key | HTTP | Description |\n| --- | --- | --- | --- |\n\
             | 1 | `OLD_CHECKOUT` | 400 | **Deprecated.** The old checkout \\| the first one |\n\
             | 2 | `NEW_CHECKOUT` | 400 | The new checkout |\n\n\
             Telemetry reports each error response's key as `error.type`, on the request's span \
             and as the `key` label of `api_error_responses_total`; these are all the values it \
             can report: `OLD_CHECKOUT`, `NEW_CHECKOUT`.\n"
        );
    }
}
