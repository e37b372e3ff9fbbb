//! A published catalogue file: the JSON array `cargo run --example catalog -- --json` prints, one
//! object per error. The derive reads it at expansion time for `#[api(published = "…")]`; the
//! runtime's contract report reads older copies of it.
//!
//! `code`, `key` and `status` are required; `retryable` and `deprecated` default to `false`;
//! `description`, `message`, `domain` and `retryAfter` are optional, and other fields are ignored,
//! so a file written by a newer version still reads. Every problem is a [`FileError`]: for JSON
//! that does not parse or has the wrong shape, with its line and column.
//!
//! # Why a reader of its own, not serde_json
//!
//! The derive reads the file at expansion time, so whatever reads it is compiled again for the
//! host as part of the proc-macro, on the critical path of every clean build of a crate that
//! uses the derive. With serde + serde_json that was a second copy of serde_core, serde,
//! serde_json and memchr, which cargo cannot share with the runtime's (BENCHMARKS.md,
//! "Dependency cost").
//!
//! Small parsers without serde were weighed. `tinyjson` (no dependencies) parses into a tree of
//! `JsonValue`s and reports a line and column for syntax errors only: the tree carries no
//! positions, so a member of the wrong type (`"status": "409"`, which the derive's compile error
//! quotes with its line and column today) could not be located. `nanoserde` reads JSON through
//! its `DeJson` derive, a second proc-macro to build before this one. The catalogue's shape is
//! small and fixed (an array of objects whose members are strings, integers, booleans or `null`,
//! plus unknown members holding any JSON), so the reader is written for exactly that shape, in
//! `published/reader.rs`, with no dependency, and reports every problem where it stands.
//!
//! # What it accepts
//!
//! It accepts and refuses what serde_json reading into [`Entry`] did before it (RFC 8259 JSON,
//! with serde_json's leniency kept: an unknown member's value is checked for syntax only, so its
//! strings may hold lone surrogates and it may nest to any depth). A repeated member counts with
//! its last value. The property test in `published/agreement.rs` checks this against
//! serde_json on generated catalogue-shaped and near-catalogue documents.
//!
//! # Robustness
//!
//! Every problem is a [`FileError::Json`] with its 1-based line and column, never a panic: a
//! malformed byte is reported where it stands, a value of the wrong type where the reader
//! stopped (the last byte of a string, number or literal, the opening bracket of an array or
//! object), a missing member at its object's closing brace, the end of input one column past
//! the last byte. Nothing recurses: unknown values are skipped with an explicit stack of open
//! brackets, so nesting is bounded by the input's length, not by the thread's stack. Numbers are
//! never converted to floating point: a code, status or `retryAfter` must be an integer in
//! range, whatever the number's size, and any other number is only checked for syntax.

mod reader;

#[cfg(test)]
mod agreement;
#[cfg(test)]
mod tests;

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::rules::Terms;

/// How many breaks of one kind the compile-time check records, and so how many checks at the
/// `published` path the derive emits: the runtime's checker and the derive must agree on it.
pub const BREAKS_PER_COMPILE: usize = 8;

/// One published error, as the file has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The numeric code.
    pub code: u16,
    /// The string key.
    pub key: String,
    /// The HTTP status.
    pub status: u16,
    /// The description, when the file has one.
    pub description: Option<String>,
    /// The client message, when the file has one.
    pub message: Option<String>,
    /// The domain's name, when the file has one.
    pub domain: Option<String>,
    /// Whether clients were told they may retry.
    pub retryable: bool,
    /// The published `Retry-After` seconds, if any.
    pub retry_after: Option<u32>,
    /// Whether the error was published as deprecated.
    pub deprecated: bool,
    /// The names of the message's parameters (`params`), empty when the file has none.
    pub params: Vec<String>,
}

impl Entry {
    /// An entry with the defaults of the optional members, before the members are read.
    fn defaults() -> Entry {
        Entry {
            code: 0,
            key: String::new(),
            status: 0,
            description: None,
            message: None,
            domain: None,
            retryable: false,
            retry_after: None,
            deprecated: false,
            params: Vec::new(),
        }
    }

    /// What the contract's breaking [`rules`](crate::rules) compare.
    pub fn terms(&self) -> Terms<'_> {
        Terms {
            code: self.code,
            key: &self.key,
            status: self.status,
            retryable: self.retryable,
        }
    }
}

/// Why a published file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON, or not an array of error objects: what is wrong and where reading stopped.
    Json {
        /// What is wrong, in serde_json's words, without the position.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Two entries share a code, so the file cannot say what the code means.
    DuplicateCode {
        /// The repeated code.
        code: u16,
        /// 0-based index of the first entry with it.
        first: usize,
        /// 0-based index of the repeat.
        second: usize,
    },
    /// Two entries share a key.
    DuplicateKey {
        /// The repeated key.
        key: String,
        /// 0-based index of the first entry with it.
        first: usize,
        /// 0-based index of the repeat.
        second: usize,
    },
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Json {
                message,
                line,
                column,
            } => write!(f, "line {line}, column {column}: {message}"),
            FileError::DuplicateCode {
                code,
                first,
                second,
            } => write!(
                f,
                "entries {} and {} both have code `{code}`",
                first + 1,
                second + 1
            ),
            FileError::DuplicateKey { key, first, second } => write!(
                f,
                "entries {} and {} both have key `{key}`",
                first + 1,
                second + 1
            ),
        }
    }
}

/// The entries of a published file, in file order.
pub fn parse(json: &[u8]) -> Result<Vec<Entry>, FileError> {
    reader::read_entries(json).and_then(refuse_repeats)
}

/// `entries`, unless two share a code or a key.
fn refuse_repeats(entries: Vec<Entry>) -> Result<Vec<Entry>, FileError> {
    for (second, entry) in entries.iter().enumerate() {
        if let Some(first) = entries[..second]
            .iter()
            .position(|other| other.code == entry.code)
        {
            return Err(FileError::DuplicateCode {
                code: entry.code,
                first,
                second,
            });
        }
        if let Some(first) = entries[..second]
            .iter()
            .position(|other| other.key == entry.key)
        {
            return Err(FileError::DuplicateKey {
                key: entry.key.clone(),
                first,
                second,
            });
        }
    }
    Ok(entries)
}
