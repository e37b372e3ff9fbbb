//! The generated reference page against the published one (`assetpay-errors/reference/error-codes.txt`,
//! the repository's byte-identical copy of AssetPay's page): every
//! table row for row, section for section, the domain labels, the envelope, the asynchronous
//! failure codes and the prose.
//!
//! The published page is read at run time from the repository's own copy, and a missing file
//! fails the test: skipping would let the catalogue drift unnoticed.

use std::path::PathBuf;

use assetpay_errors::DOMAINS;
use assetpay_errors::assetpay::{page, reference};
use assetpay_errors::trade::TradeFailureCode;

/// One row of a `Code | Key | HTTP | Description` table.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ErrorRow {
    code: u16,
    key: String,
    status: u16,
    description: String,
}

/// A section of numeric errors: heading, the lines between heading and table, rows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ErrorTable {
    title: String,
    intro: Vec<String>,
    rows: Vec<ErrorRow>,
}

fn published_page() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../assetpay-errors/reference/error-codes.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read the published error page at {}: {error}. The repository keeps a copy of \
             AssetPay's page there; this test compares the catalogue with it.",
            path.display()
        )
    })
}

/// The published page is the text of a web page: tables lost their cell borders, so a row is its
/// cells run together (`1001VALIDATION_FAILED422Request body…`).
mod published {
    use super::{ErrorRow, ErrorTable};

    pub const ERROR_TABLE_HEADER: &str = "CodeKeyHTTPDescription";
    pub const RANGE_TABLE_HEADER: &str = "RangeDomain";
    pub const FAILURE_TABLE_HEADER: &str = "errorMeaning";

    /// Every numeric error table, in page order.
    pub fn error_tables(lines: &[&str]) -> Vec<ErrorTable> {
        header_positions(lines, ERROR_TABLE_HEADER)
            .map(|header| {
                let (title, intro) = title_and_intro(lines, header);
                let rows = rows_after(lines, header, |line| {
                    line.starts_with(|c: char| c.is_ascii_digit())
                })
                .map(error_row)
                .collect();
                ErrorTable { title, intro, rows }
            })
            .collect()
    }

    /// The range table: `(first, last, label)`.
    pub fn ranges(lines: &[&str]) -> Vec<(u16, u16, String)> {
        let header = single_header(lines, RANGE_TABLE_HEADER);
        rows_after(lines, header, |line| {
            line.starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|line| {
            let (first, rest) = split_digits(line);
            let rest = rest
                .strip_prefix('-')
                .unwrap_or_else(|| panic!("range row without `-`: {line:?}"));
            let (last, label) = split_digits(rest);
            (number(first, line), number(last, line), label.to_owned())
        })
        .collect()
    }

    /// The asynchronous failure table: its heading, intro and `(code, meaning)` rows.
    pub fn failure_table(lines: &[&str]) -> (String, Vec<String>, Vec<(String, String)>) {
        let header = single_header(lines, FAILURE_TABLE_HEADER);
        let (title, intro) = title_and_intro(lines, header);
        // The note after the table starts lowercase ("canceled and declined…"), rows uppercase.
        let rows = rows_after(lines, header, |line| {
            line.starts_with(|c: char| c.is_ascii_uppercase())
        })
        .map(failure_row)
        .collect();
        (title, intro, rows)
    }

    /// The lines strictly between the first line equal to `start` and the next equal to `end`.
    pub fn lines_between<'a>(lines: &[&'a str], start: &str, end: &str) -> Vec<&'a str> {
        let from = position(lines, start) + 1;
        let to = from + position(&lines[from..], end);
        lines[from..to].to_vec()
    }

    /// The index of the first line equal to `wanted`.
    pub fn position(lines: &[&str], wanted: &str) -> usize {
        lines
            .iter()
            .position(|line| *line == wanted)
            .unwrap_or_else(|| panic!("the published page has no line {wanted:?}"))
    }

    fn header_positions<'a>(
        lines: &'a [&str],
        header: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        lines
            .iter()
            .enumerate()
            .filter(move |(_, line)| **line == header)
            .map(|(index, _)| index)
    }

    fn single_header(lines: &[&str], header: &str) -> usize {
        let found: Vec<usize> = header_positions(lines, header).collect();
        assert_eq!(
            found.len(),
            1,
            "expected one {header:?} table on the published page"
        );
        found[0]
    }

    /// A heading sits above a blank line; the lines between that blank line and the table
    /// header are the intro.
    fn title_and_intro(lines: &[&str], header: usize) -> (String, Vec<String>) {
        let blank = (0..header)
            .rev()
            .find(|&index| lines[index].trim().is_empty())
            .unwrap_or_else(|| panic!("no blank line above table header at line {}", header + 1));
        assert!(
            blank > 0 && !lines[blank - 1].trim().is_empty(),
            "no heading above line {}",
            blank + 1
        );
        let intro = lines[blank + 1..header]
            .iter()
            .map(|line| line.to_string())
            .collect();
        (lines[blank - 1].to_owned(), intro)
    }

    fn rows_after<'a>(
        lines: &[&'a str],
        header: usize,
        is_row: impl Fn(&str) -> bool,
    ) -> impl Iterator<Item = &'a str> {
        lines[header + 1..]
            .iter()
            .copied()
            .take_while(move |line| is_row(line))
    }

    /// `<code digits><KEY><3-digit status><description>`.
    ///
    /// The cells are told apart by character class, which assumes keys are made of `A`–`Z` and
    /// `_` only and descriptions do not start with a digit. A key ending in digits (or a
    /// description starting with one) would run into the status; the parser then sees more than
    /// three digits and fails rather than guess where the key ends.
    fn error_row(line: &str) -> ErrorRow {
        let (code, rest) = split_digits(line);
        let key_len = rest
            .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
            .unwrap_or(rest.len());
        let (key, rest) = rest.split_at(key_len);
        let (status, description) = split_digits(rest);
        assert!(!key.is_empty(), "no key in row {line:?}");
        assert_eq!(
            status.len(),
            3,
            "row {line:?}: expected a 3-digit HTTP status after the key {key:?}; a key ending in \
             digits or a description starting with one makes the row ambiguous"
        );
        assert!(!description.is_empty(), "no description in row {line:?}");
        ErrorRow {
            code: number(code, line),
            key: key.to_owned(),
            status: number(status, line),
            description: description.to_owned(),
        }
    }

    /// `<CODE><Meaning>`: the meaning starts with a capitalised word, so the code ends before the
    /// last capital of the leading run of capitals and underscores, which must be followed by a
    /// lowercase letter. A meaning starting with an acronym would fail here rather than split
    /// wrongly.
    fn failure_row(line: &str) -> (String, String) {
        let run = line
            .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
            .unwrap_or(line.len());
        assert!(
            run >= 2 && line[run..].starts_with(|c: char| c.is_lowercase()),
            "row {line:?}: expected CODE followed by a capitalised meaning"
        );
        let (code, meaning) = line.split_at(run - 1);
        (code.to_owned(), meaning.to_owned())
    }

    fn split_digits(text: &str) -> (&str, &str) {
        text.split_at(
            text.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(text.len()),
        )
    }

    fn number(digits: &str, line: &str) -> u16 {
        digits
            .parse()
            .unwrap_or_else(|error| panic!("bad number {digits:?} in {line:?}: {error}"))
    }
}

/// Just enough of Markdown to read back what the renderer writes: headings, paragraphs, fenced
/// code blocks and pipe tables.
mod markdown {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Block {
        Heading(usize, String),
        Paragraph(String),
        Code {
            language: String,
            text: String,
        },
        Table {
            header: Vec<String>,
            rows: Vec<Vec<String>>,
        },
    }

    pub fn parse(text: &str) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            if line.trim().is_empty() {
                continue;
            }
            if let Some(language) = line.strip_prefix("```") {
                let mut body = Vec::new();
                for line in lines.by_ref() {
                    if line == "```" {
                        break;
                    }
                    body.push(line);
                }
                blocks.push(Block::Code {
                    language: language.to_owned(),
                    text: body.join("\n"),
                });
            } else if line.starts_with('#') {
                let level = line.chars().take_while(|&c| c == '#').count();
                blocks.push(Block::Heading(level, line[level..].trim().to_owned()));
            } else if line.starts_with('|') {
                let header = cells(line);
                let separator = lines.next().map(cells).unwrap_or_default();
                assert!(
                    separator.len() == header.len()
                        && separator
                            .iter()
                            .all(|cell| cell.chars().all(|c| c == '-' || c == ':')),
                    "table {header:?} has no separator row"
                );
                let mut rows = Vec::new();
                while let Some(row) = lines.next_if(|line| line.starts_with('|')) {
                    let row = cells(row);
                    assert_eq!(
                        row.len(),
                        header.len(),
                        "row {row:?} does not fit header {header:?}"
                    );
                    rows.push(row);
                }
                blocks.push(Block::Table { header, rows });
            } else {
                let mut paragraph = vec![line];
                while let Some(line) = lines.next_if(|line| !line.trim().is_empty()) {
                    paragraph.push(line);
                }
                blocks.push(Block::Paragraph(paragraph.join(" ")));
            }
        }
        blocks
    }

    /// The cells of `| a | b \| c |`, trimmed, with `\|` unescaped.
    fn cells(line: &str) -> Vec<String> {
        let inner = line
            .trim()
            .strip_prefix('|')
            .and_then(|line| line.strip_suffix('|'));
        let inner = inner.unwrap_or_else(|| panic!("table row not enclosed in pipes: {line:?}"));
        let mut cells = vec![String::new()];
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('|') => cells.last_mut().unwrap().push('|'),
                    Some(other) => cells.last_mut().unwrap().extend(['\\', other]),
                    None => cells.last_mut().unwrap().push('\\'),
                },
                '|' => cells.push(String::new()),
                c => cells.last_mut().unwrap().push(c),
            }
        }
        cells.iter().map(|cell| cell.trim().to_owned()).collect()
    }

    /// A key cell of AssetPay's page: the anchor its `doc_url` (`…/errors#{key}`) points to,
    /// named by the key, then the key as code: `` <a id="KEY"></a>`KEY` ``. The key is what the
    /// published page's row has; the anchor must name it, one per key.
    pub fn anchored_key(cell: &str) -> &str {
        let rest = cell
            .strip_prefix("<a id=\"")
            .unwrap_or_else(|| panic!("expected an anchor before the key, got {cell:?}"));
        let (anchor, rest) = rest
            .split_once("\"></a>")
            .unwrap_or_else(|| panic!("unclosed anchor in {cell:?}"));
        let key = unquote(rest);
        assert_eq!(anchor, key, "the anchor of {key} must be the key");
        key
    }

    /// A key cell is written as code: `` `KEY` ``.
    pub fn unquote(cell: &str) -> &str {
        cell.strip_prefix('`')
            .and_then(|cell| cell.strip_suffix('`'))
            .unwrap_or_else(|| panic!("expected a `code` cell, got {cell:?}"))
    }
}

use markdown::Block;

fn generated() -> Vec<Block> {
    markdown::parse(&reference::markdown())
}

/// The generated sections with a `Code | Key | HTTP | Description` table: heading, the
/// paragraphs between heading and table, rows.
fn generated_error_tables(blocks: &[Block]) -> Vec<ErrorTable> {
    let mut tables = Vec::new();
    let mut section: Option<(String, Vec<String>)> = None;
    for block in blocks {
        match block {
            Block::Heading(_, title) => section = Some((title.clone(), Vec::new())),
            Block::Paragraph(text) => {
                if let Some((_, intro)) = &mut section {
                    intro.push(text.clone());
                }
            }
            Block::Table { header, rows } if header == &["Code", "Key", "HTTP", "Description"] => {
                let (title, intro) = section.take().expect("error table under a heading");
                let rows = rows
                    .iter()
                    .map(|row| ErrorRow {
                        code: row[0]
                            .parse()
                            .unwrap_or_else(|_| panic!("bad code in {row:?}")),
                        key: markdown::anchored_key(&row[1]).to_owned(),
                        status: row[2]
                            .parse()
                            .unwrap_or_else(|_| panic!("bad status in {row:?}")),
                        description: row[3].clone(),
                    })
                    .collect();
                tables.push(ErrorTable { title, intro, rows });
            }
            Block::Table { .. } | Block::Code { .. } => section = None,
        }
    }
    tables
}

fn table_with_header<'b>(blocks: &'b [Block], wanted: &[&str]) -> &'b [Vec<String>] {
    let found: Vec<&Vec<Vec<String>>> = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Table { header, rows } if header == wanted => Some(rows),
            _ => None,
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one generated table with header {wanted:?}"
    );
    found[0]
}

#[test]
fn error_tables_equal_the_published_ones_row_for_row() {
    let page = published_page();
    let lines: Vec<&str> = page.lines().collect();
    let published = published::error_tables(&lines);
    let generated = generated_error_tables(&generated());
    assert!(
        !published.is_empty(),
        "no {:?} table found on the published page",
        published::ERROR_TABLE_HEADER
    );

    let titles = |tables: &[ErrorTable]| {
        tables
            .iter()
            .map(|table| table.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&generated), titles(&published), "sections differ");
    for (generated, published) in generated.iter().zip(&published) {
        assert_eq!(
            generated.intro, published.intro,
            "intro of {:?}",
            published.title
        );
        for (index, (generated_row, published_row)) in
            generated.rows.iter().zip(&published.rows).enumerate()
        {
            assert_eq!(
                generated_row,
                published_row,
                "row {} of {:?}",
                index + 1,
                published.title
            );
        }
        assert_eq!(
            generated.rows.len(),
            published.rows.len(),
            "row count of {:?}",
            published.title
        );
    }
}

#[test]
fn range_table_and_domain_labels_equal_the_published_ones() {
    let page = published_page();
    let lines: Vec<&str> = page.lines().collect();
    let published = published::ranges(&lines);
    let declared: Vec<(u16, u16, String)> = DOMAINS
        .iter()
        .map(|domain| (domain.first(), domain.last(), domain.label().to_owned()))
        .collect();
    assert_eq!(
        declared, published,
        "DOMAINS differ from the published range table"
    );

    let blocks = generated();
    let generated: Vec<(String, String)> = table_with_header(&blocks, &["Range", "Domain"])
        .iter()
        .map(|row| (row[0].clone(), row[1].clone()))
        .collect();
    let published: Vec<(String, String)> = published
        .into_iter()
        .map(|(first, last, label)| (format!("{first}-{last}"), label))
        .collect();
    assert_eq!(generated, published);
}

#[test]
fn trade_failure_codes_equal_the_published_table() {
    let page = published_page();
    let lines: Vec<&str> = page.lines().collect();
    let (title, intro, published) = published::failure_table(&lines);
    assert_eq!(page::TRADE_FAILURES_TITLE, title);
    assert_eq!(vec![page::TRADE_FAILURES_INTRO.to_owned()], intro);

    let declared: Vec<(String, String)> = TradeFailureCode::KNOWN
        .iter()
        .map(|code| (code.as_str().to_owned(), code.meaning().to_owned()))
        .collect();
    assert_eq!(
        declared, published,
        "TradeFailureCode differs from the published table"
    );

    let blocks = generated();
    let generated: Vec<(String, String)> = table_with_header(&blocks, &["error", "Meaning"])
        .iter()
        .map(|row| (markdown::unquote(&row[0]).to_owned(), row[1].clone()))
        .collect();
    assert_eq!(generated, published);
}

#[test]
fn envelope_example_equals_the_published_one() {
    let page = published_page();
    let lines: Vec<&str> = page.lines().collect();
    let published =
        published::lines_between(&lines, page::ENVELOPE_INTRO, page::RANGES_INTRO).join("\n");

    let blocks = generated();
    let generated = blocks.iter().find_map(|block| match block {
        Block::Code { language, text } if language == "json" => Some(text.as_str()),
        _ => None,
    });
    assert_eq!(generated, Some(published.as_str()));
}

#[test]
fn handling_example_equals_the_published_one() {
    let page = published_page();
    let lines: Vec<&str> = page.lines().collect();
    let published =
        published::lines_between(&lines, page::HANDLING_INTRO, page::SUPPORT_NOTE).join("\n");
    assert_eq!(page::HANDLING_EXAMPLE, published);

    let blocks = generated();
    let generated = blocks.iter().find_map(|block| match block {
        Block::Code { language, text } if language == "js" => Some(text.as_str()),
        _ => None,
    });
    assert_eq!(generated, Some(published.as_str()));
}

/// Every heading and every paragraph of the generated page is a line of the published page, in
/// the same order, except the retry note, which the published page does not have.
#[test]
fn headings_and_prose_follow_the_published_page_in_order() {
    let page = published_page();
    let lines: Vec<&str> = page.lines().collect();
    let mut after = 0;
    for block in generated() {
        let text = match &block {
            Block::Heading(_, text) => text,
            Block::Paragraph(text) if text.starts_with(page::RETRY_NOTE) => continue,
            Block::Paragraph(text) => text,
            Block::Code { .. } | Block::Table { .. } => continue,
        };
        let found = lines[after..]
            .iter()
            .position(|line| line == text)
            .unwrap_or_else(|| panic!("{text:?} is not on the published page after line {after}"));
        after += found + 1;
    }
}

#[test]
fn retry_note_lists_exactly_the_retryable_errors() {
    use assetpay_errors::{ApiError, AssetPayError};

    let note = generated()
        .into_iter()
        .find_map(|block| match block {
            Block::Paragraph(text) => text.strip_prefix(page::RETRY_NOTE).map(str::to_owned),
            _ => None,
        })
        .expect("the generated page has a retry note");
    let listed: Vec<&str> = note
        .trim()
        .trim_end_matches('.')
        .split(", ")
        .map(markdown::unquote)
        .collect();
    let retryable: Vec<&str> = AssetPayError::CATALOG
        .iter()
        .filter(|spec| spec.is_retryable())
        .map(|spec| spec.key())
        .collect();
    assert_eq!(listed, retryable);
}
