//! A published catalogue file: the JSON array `cargo run --example catalog -- --json` prints, one
//! object per error. The derive reads it at expansion time for `#[api(published = "…")]`; the
//! runtime's contract report reads older copies of it.
//!
//! `code`, `key` and `status` are required; `retryable` and `deprecated` default to `false`;
//! `description`, `message`, `domain` and `retryAfter` are optional, and other fields are ignored,
//! so a file written by a newer version still reads. Every problem is a [`FileError`]: for JSON
//! that does not parse or has the wrong shape, with its line and column.
//!
//! The file is read by [`reader`], written for exactly this shape so that the proc-macro builds
//! no serde or serde_json; its rustdoc gives the reasons and what it accepts.

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
