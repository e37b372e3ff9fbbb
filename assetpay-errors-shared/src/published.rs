//! A published catalogue file: the JSON array `cargo run --example catalog -- --json` prints, one
//! object per error. The derive reads it at expansion time for `#[api(published = "…")]`; the
//! runtime's contract report reads older copies of it.
//!
//! `code`, `key` and `status` are required; `retryable` and `deprecated` default to `false`;
//! `description`, `message`, `domain` and `retryAfter` are optional, and other fields are ignored,
//! so a file written by a newer version still reads. Every problem is a [`FileError`]: for JSON
//! that does not parse or has the wrong shape, with the line and column serde_json reports.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

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

/// Why a published file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON, or not an array of error objects: serde_json's message and where it stopped.
    Json {
        /// What serde_json reports, without its position.
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
    let entries: Vec<Entry> = serde_json::from_slice(json).map_err(|error| {
        // serde_json appends " at line L column C" to its message; the position is kept apart.
        let text = error.to_string();
        let suffix = format!(" at line {} column {}", error.line(), error.column());
        FileError::Json {
            message: text.strip_suffix(&suffix).unwrap_or(&text).to_string(),
            line: error.line(),
            column: error.column(),
        }
    })?;
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

/// By hand rather than derived, so neither crate that reads the file needs serde_derive.
impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an error object with `code`, `key` and `status`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
        let mut code = None;
        let mut key = None;
        let mut status = None;
        let mut entry = Entry {
            code: 0,
            key: String::new(),
            status: 0,
            description: None,
            message: None,
            domain: None,
            retryable: false,
            retry_after: None,
            deprecated: false,
        };
        while let Some(field) = map.next_key::<String>()? {
            match field.as_str() {
                "code" => code = Some(map.next_value::<u16>()?),
                "key" => key = Some(map.next_value::<String>()?),
                "status" => status = Some(map.next_value::<u16>()?),
                "description" => entry.description = map.next_value()?,
                "message" => entry.message = map.next_value()?,
                "domain" => entry.domain = map.next_value()?,
                "retryable" => entry.retryable = map.next_value()?,
                "retryAfter" => entry.retry_after = map.next_value()?,
                "deprecated" => entry.deprecated = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        entry.code = code.ok_or_else(|| de::Error::missing_field("code"))?;
        entry.key = key.ok_or_else(|| de::Error::missing_field("key"))?;
        entry.status = status.ok_or_else(|| de::Error::missing_field("status"))?;
        Ok(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_catalog_format_and_ignores_unknown_fields() {
        let json = br#"[
  {"code": 11, "key": "PRICE_CHANGED", "status": 409, "description": "d", "message": "m",
   "domain": "trading", "retryable": true, "retryAfter": 5, "deprecated": true, "later": [1]},
  {"code": 12, "key": "GONE", "status": 410}
]"#;
        let entries = parse(json).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(
            entries[0],
            Entry {
                code: 11,
                key: "PRICE_CHANGED".into(),
                status: 409,
                description: Some("d".into()),
                message: Some("m".into()),
                domain: Some("trading".into()),
                retryable: true,
                retry_after: Some(5),
                deprecated: true,
            }
        );
        assert!(!entries[1].retryable && !entries[1].deprecated);
        assert_eq!(entries[1].description, None);
    }

    #[test]
    fn json_errors_carry_line_and_column() {
        let error =
            parse(b"[\n  {\"code\": 11,\n   \"key\": \"A\" \"status\": 409}\n]").unwrap_err();
        let FileError::Json { line, column, .. } = &error else {
            panic!("{error:?}");
        };
        assert_eq!((*line, *column), (3, 15), "{error}");

        let error = parse(b"[{\"code\": 11, \"key\": \"A\"}]").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("line 1, column 25: missing field `status`"),
            "{error}"
        );
        let error = parse(b"[{\"code\": \"11\", \"key\": \"A\", \"status\": 409}]").unwrap_err();
        assert!(
            error.to_string().contains("invalid type: string"),
            "{error}"
        );
        let error = parse(b"{}").unwrap_err();
        assert!(error.to_string().contains("expected a sequence"), "{error}");
    }

    #[test]
    fn repeated_codes_and_keys_are_refused() {
        let error =
            parse(br#"[{"code":1,"key":"A","status":400},{"code":1,"key":"B","status":400}]"#);
        assert_eq!(
            error,
            Err(FileError::DuplicateCode {
                code: 1,
                first: 0,
                second: 1
            })
        );
        let error =
            parse(br#"[{"code":1,"key":"A","status":400},{"code":2,"key":"A","status":400}]"#);
        assert_eq!(
            error.unwrap_err().to_string(),
            "entries 1 and 2 both have key `A`"
        );
    }
}
