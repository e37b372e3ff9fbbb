//! The words of a violation: where the value was (`in`) and why it was refused (`reason`).

use std::fmt;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

/// Where a refused value was: the `in` of a violation.
///
/// A word this version does not know (a newer server's) decodes as [`Other`](Self::Other),
/// keeping it as sent; [`Location::from_wire`] never builds `Other` for one of the known words.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Location {
    /// The request body; `field` is a JSON Pointer into it.
    Body,
    /// The query string; `field` is the parameter's name.
    Query,
    /// The path; `field` is the route parameter's name.
    Path,
    /// A header; `field` is its name.
    Header,
    /// A word this version does not know, as sent.
    Other(String),
}

impl Location {
    /// The word as sent: `body`, `query`, `path`, `header`.
    pub fn as_str(&self) -> &str {
        match self {
            Location::Body => "body",
            Location::Query => "query",
            Location::Path => "path",
            Location::Header => "header",
            Location::Other(word) => word,
        }
    }

    /// The location a received word names.
    pub fn from_wire(word: &str) -> Location {
        match word {
            "body" => Location::Body,
            "query" => Location::Query,
            "path" => Location::Path,
            "header" => Location::Header,
            other => Location::Other(other.to_owned()),
        }
    }
}

/// Why a value was refused: the `reason` of a violation, a stable UPPER_SNAKE word clients
/// branch on.
///
/// | reason | meaning |
/// | --- | --- |
/// | `MISSING` | a required value is absent (or `null` where a value is required) |
/// | `INVALID_TYPE` | the value has the wrong JSON type (a string where a number belongs) |
/// | `INVALID_FORMAT` | the value has the right type but not the right form (an email, a date, a number in a path) |
/// | `OUT_OF_RANGE` | a number outside its allowed range |
/// | `TOO_LONG` | a string or list longer than allowed |
/// | `TOO_SHORT` | a string or list shorter than allowed |
/// | `NOT_ALLOWED` | a value outside the allowed set (an unknown enum variant, a content type that is not accepted) |
/// | `UNKNOWN_FIELD` | a member the endpoint does not accept |
/// | `DUPLICATE_FIELD` | a member given twice |
/// | `MALFORMED` | the whole body is not valid syntax (`field` is `""`, the message says where) |
///
/// Any other word (a team's own, a validator's custom code, a newer server's) is
/// [`Other`](Self::Other): [`Reason::from_wire`] never builds `Other` for one of the words
/// above, so comparing with the named variants is reliable.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// `MISSING`.
    Missing,
    /// `INVALID_TYPE`.
    InvalidType,
    /// `INVALID_FORMAT`.
    InvalidFormat,
    /// `OUT_OF_RANGE`.
    OutOfRange,
    /// `TOO_LONG`.
    TooLong,
    /// `TOO_SHORT`.
    TooShort,
    /// `NOT_ALLOWED`.
    NotAllowed,
    /// `UNKNOWN_FIELD`.
    UnknownField,
    /// `DUPLICATE_FIELD`.
    DuplicateField,
    /// `MALFORMED`.
    Malformed,
    /// Any other word, as written.
    Other(String),
}

impl Reason {
    /// The word as sent.
    pub fn as_str(&self) -> &str {
        match self {
            Reason::Missing => "MISSING",
            Reason::InvalidType => "INVALID_TYPE",
            Reason::InvalidFormat => "INVALID_FORMAT",
            Reason::OutOfRange => "OUT_OF_RANGE",
            Reason::TooLong => "TOO_LONG",
            Reason::TooShort => "TOO_SHORT",
            Reason::NotAllowed => "NOT_ALLOWED",
            Reason::UnknownField => "UNKNOWN_FIELD",
            Reason::DuplicateField => "DUPLICATE_FIELD",
            Reason::Malformed => "MALFORMED",
            Reason::Other(word) => word,
        }
    }

    /// The reason a received word names: a documented one, or [`Other`](Self::Other) keeping
    /// the word.
    pub fn from_wire(word: &str) -> Reason {
        match word {
            "MISSING" => Reason::Missing,
            "INVALID_TYPE" => Reason::InvalidType,
            "INVALID_FORMAT" => Reason::InvalidFormat,
            "OUT_OF_RANGE" => Reason::OutOfRange,
            "TOO_LONG" => Reason::TooLong,
            "TOO_SHORT" => Reason::TooShort,
            "NOT_ALLOWED" => Reason::NotAllowed,
            "UNKNOWN_FIELD" => Reason::UnknownField,
            "DUPLICATE_FIELD" => Reason::DuplicateField,
            "MALFORMED" => Reason::Malformed,
            other => Reason::Other(other.to_owned()),
        }
    }

    /// A team's own reason from any code, such as a validator's `"sku_taken"`: `SKU_TAKEN`, in
    /// UPPER_SNAKE like every reason (ASCII letters upper-cased, digits kept, anything else an
    /// underscore). A code that spells a documented reason gives that reason.
    pub fn custom(code: &str) -> Reason {
        let word: String = code
            .chars()
            .map(|c| match c {
                'a'..='z' => c.to_ascii_uppercase(),
                'A'..='Z' | '0'..='9' => c,
                _ => '_',
            })
            .collect();
        Reason::from_wire(&word)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Location {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let word = String::deserialize(deserializer)?;
        Ok(Location::from_wire(&word))
    }
}

impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let word = String::deserialize(deserializer)?;
        Ok(Reason::from_wire(&word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_word_reads_back_as_itself() {
        for reason in [
            Reason::Missing,
            Reason::InvalidType,
            Reason::InvalidFormat,
            Reason::OutOfRange,
            Reason::TooLong,
            Reason::TooShort,
            Reason::NotAllowed,
            Reason::UnknownField,
            Reason::DuplicateField,
            Reason::Malformed,
        ] {
            assert_eq!(Reason::from_wire(reason.as_str()), reason);
        }
        for location in [
            Location::Body,
            Location::Query,
            Location::Path,
            Location::Header,
        ] {
            assert_eq!(Location::from_wire(location.as_str()), location);
        }
    }

    #[test]
    fn unknown_words_are_kept() {
        assert_eq!(
            Reason::from_wire("SKU_TAKEN"),
            Reason::Other("SKU_TAKEN".to_owned())
        );
        assert_eq!(
            Location::from_wire("cookie"),
            Location::Other("cookie".to_owned())
        );
    }

    #[test]
    fn custom_codes_become_upper_snake_words() {
        assert_eq!(
            Reason::custom("sku-taken"),
            Reason::Other("SKU_TAKEN".to_owned())
        );
        assert_eq!(Reason::custom("missing"), Reason::Missing);
        assert_eq!(Reason::custom("é"), Reason::Other("_".to_owned()));
    }
}
