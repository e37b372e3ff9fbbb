//! `whole_number`: integers as JSON Schema counts them, so a server accepts what its OpenAPI
//! document allows.
//!
//! JSON Schema's `integer` is a rule about the value: "any number with a zero fractional part"
//! (draft 2020-12, §6.1.1), so `2`, `2.0` and `2e0` are all integers, and a client or a test
//! generator built from the document may send any of them. serde's integers are a rule about the
//! spelling: serde_json reads `2.0` as a float and refuses it for a `u32` field. A field that
//! the document calls `integer` reads with this module, so the server and the document agree:
//!
//! ```
//! use assetpay_errors::axum::whole_number;
//! use serde::Deserialize;
//!
//! #[derive(Debug, Deserialize)]
//! struct NewOrder {
//!     #[serde(deserialize_with = "whole_number::deserialize")]
//!     quantity: u32,
//! }
//!
//! let read = |json| serde_json::from_str::<NewOrder>(json).map(|order| order.quantity);
//! assert_eq!(read(r#"{"quantity":2}"#).unwrap(), 2);
//! assert_eq!(read(r#"{"quantity":2.0}"#).unwrap(), 2);
//! assert_eq!(read(r#"{"quantity":2e0}"#).unwrap(), 2);
//! // A fraction is the wrong type, a whole number the type cannot hold is out of range: the
//! // extractors answer `INVALID_TYPE` and `OUT_OF_RANGE` violations for them.
//! assert!(read(r#"{"quantity":2.5}"#).unwrap_err().to_string().starts_with("invalid type: floating point `2.5`"));
//! assert!(read(r#"{"quantity":-1}"#).unwrap_err().to_string().starts_with("invalid value: integer `-1`"));
//! let error = read(r#"{"quantity":1e20}"#).unwrap_err().to_string();
//! assert!(error.starts_with("invalid value: floating point `"), "{error}");
//! ```
//!
//! Query strings and path segments are text: read with [`deserialize_param`], `"2"` and `"2.0"`
//! read as 2 there too (a JSON body's `"2"` stays a string, refused). A float is
//! taken only while it holds its value exactly (at most 2^53 in magnitude); past that, serde's
//! own integer parsing is what tells `18446744073709551615` from a float that rounded to it, and
//! a float that large is out of range for an exact id.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;
use serde::de::{Error, Unexpected, Visitor};

/// The largest magnitude an `f64` holds every whole number up to: 2^53.
const EXACT_FLOAT_LIMIT: f64 = 9_007_199_254_740_992.0;

/// Reads an integer of type `T` from any number whose value is whole, as JSON Schema's
/// `integer` does (see the module's docs): `2`, `2.0`, `2e0`, or the text of one in a query
/// string or path.
///
/// # Errors
///
/// `invalid type` for a fraction or anything that is not a number; `invalid value` for a whole
/// number `T` cannot hold; for text that is no number, the integer parser's own error (so the
/// crate's extractors answer `INVALID_TYPE`, `OUT_OF_RANGE` and `INVALID_FORMAT` violations).
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<u64> + TryFrom<i64>,
{
    read(deserializer, false)
}

/// [`deserialize`] for a query string's or a path's parameters, whose values are text: `"2"`,
/// `"2.0"` and `"2e0"` read as 2. In a JSON body a string is not a number, so
/// [`deserialize`] refuses `"2"` (`INVALID_TYPE`); use this one only for parameters.
///
/// # Errors
///
/// As [`deserialize`]; text that spells no number is the integer parser's own error ("invalid
/// digit found in string"), an `INVALID_FORMAT`.
pub fn deserialize_param<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<u64> + TryFrom<i64>,
{
    read(deserializer, true)
}

fn read<'de, D, T>(deserializer: D, text: bool) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<u64> + TryFrom<i64>,
{
    deserializer.deserialize_any(WholeNumber {
        text,
        target: PhantomData,
    })
}

struct WholeNumber<T> {
    /// Whether the value is a parameter's text, which spells a number as a string.
    text: bool,
    target: PhantomData<T>,
}

impl<T: TryFrom<u64> + TryFrom<i64>> WholeNumber<T> {
    fn whole_float<E: Error>(&self, value: f64) -> Result<T, E> {
        if !value.is_finite() || value.fract() != 0.0 {
            return Err(E::invalid_type(Unexpected::Float(value), self));
        }
        if value.abs() > EXACT_FLOAT_LIMIT {
            return Err(E::invalid_value(Unexpected::Float(value), self));
        }
        // Whole and within ±2^53: exact as an i64.
        #[allow(clippy::cast_possible_truncation)]
        self.visit_i64_value(value as i64)
            .map_err(|_: E| E::invalid_value(Unexpected::Float(value), self))
    }

    fn visit_i64_value<E: Error>(&self, value: i64) -> Result<T, E> {
        T::try_from(value).map_err(|_| E::invalid_value(Unexpected::Signed(value), self))
    }
}

impl<T: TryFrom<u64> + TryFrom<i64>> Visitor<'_> for WholeNumber<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "a whole number that fits `{}`",
            std::any::type_name::<T>()
        )
    }

    fn visit_u64<E: Error>(self, value: u64) -> Result<T, E> {
        T::try_from(value).map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i64<E: Error>(self, value: i64) -> Result<T, E> {
        self.visit_i64_value(value)
    }

    fn visit_f64<E: Error>(self, value: f64) -> Result<T, E> {
        self.whole_float(value)
    }

    /// A query string's or a path's text: a number in any spelling, else the integer parser's
    /// own complaint ("invalid digit found in string"), an `INVALID_FORMAT` as before.
    fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
        if !self.text {
            return Err(E::invalid_type(Unexpected::Str(text), &self));
        }
        if let Ok(value) = text.parse::<u64>() {
            return self.visit_u64(value);
        }
        let not_an_integer = match text.parse::<i64>() {
            Ok(value) => return self.visit_i64(value),
            Err(error) => error,
        };
        // Only the spellings of a JSON number: `f64`'s parser would take `inf` and `NaN` too.
        let json_number = !text.is_empty()
            && text.bytes().all(|byte| {
                byte.is_ascii_digit() || matches!(byte, b'-' | b'+' | b'.' | b'e' | b'E')
            });
        match text.parse::<f64>() {
            Ok(value) if json_number => self.whole_float(value),
            _ => Err(E::custom(not_an_integer)),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::de::IntoDeserializer;
    use serde::de::value::Error;

    use super::*;

    fn from_text<T: TryFrom<u64> + TryFrom<i64>>(text: &str) -> Result<T, String> {
        let deserializer: serde::de::value::StrDeserializer<'_, Error> = text.into_deserializer();
        deserialize_param::<_, T>(deserializer).map_err(|error| error.to_string())
    }

    #[test]
    fn a_body_refuses_a_number_spelled_as_a_string() {
        let deserializer: serde::de::value::StrDeserializer<'_, Error> = "7".into_deserializer();
        let error = deserialize::<_, u32>(deserializer).unwrap_err().to_string();
        assert!(error.starts_with("invalid type: string \"7\""), "{error}");
    }

    #[test]
    fn text_reads_whole_numbers_in_any_spelling_and_refuses_the_rest() {
        assert_eq!(from_text::<u32>("7"), Ok(7));
        assert_eq!(from_text::<u32>("7.0"), Ok(7));
        assert_eq!(from_text::<i8>("-1e2"), Ok(-100));
        assert_eq!(from_text::<u64>("18446744073709551615"), Ok(u64::MAX));
        let error = from_text::<u32>("7.5").unwrap_err();
        assert!(
            error.starts_with("invalid type: floating point `7.5`"),
            "{error}"
        );
        for not_a_number in ["inf", "NaN", "seven", "1x"] {
            let error = from_text::<u32>(not_a_number).unwrap_err();
            assert_eq!(error, "invalid digit found in string", "{not_a_number}");
        }
        assert_eq!(
            from_text::<u32>("").unwrap_err(),
            "cannot parse integer from empty string"
        );
        for too_large in ["4294967296", "-1", "1e20", "186260191679765053440"] {
            let error = from_text::<u32>(too_large).unwrap_err();
            assert!(error.starts_with("invalid value: "), "{too_large}: {error}");
        }
    }
}
