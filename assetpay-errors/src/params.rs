//! A message's parameters as data: the values an interpolated message fills in, by field name,
//! for clients that render the message themselves (in their own language, say).
//!
//! # On the wire
//!
//! Opted into by the server, the envelope's `error` object ends with `params`, an object of
//! strings by name, and a problem document carries the same object as its `params` extension
//! member:
//!
//! ```json
//! {"requestId":"r1","success":false,"error":{"code":8,"key":"TOO_MANY_ITEMS","message":"At most 50 items per request","params":{"max":"50"}}}
//! ```
//!
//! - The names are [`ErrorSpec::params`](crate::ErrorSpec::params): the fields the declared
//!   template names, in the order it first names them. They join the published contract with
//!   the key: renaming or removing one breaks every client that renders it
//!   ([`contract`](crate::contract)).
//! - Every value is a string, formatted as the message formats it (`{price:.2}` gives `"12.50"`).
//!   That is what AIP-193's `ErrorInfo.metadata` does, for the same reason: the value a client
//!   puts into its translation is then exactly the one the server's own message shows, whatever
//!   the field's Rust type and its `Display`; a number a client wants to compute with is parsed
//!   from the text it would show anyway.
//! - An error whose message interpolates nothing has no `params` member at all, opted in or not.
//! - Opt-in, like `docUrl`: the envelope AssetPay publishes has no such member, and a client
//!   comparing bodies byte for byte keeps seeing exactly that by default.
//!
//! ```
//! use assetpay_errors::{ApiError, Envelope, Params};
//!
//! #[derive(ApiError)]
//! enum TradingError {
//!     /// Too many items in a single request
//!     #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400, message = "At most {max} items per request")]
//!     TooManyItems { max: usize },
//! }
//!
//! let error = TradingError::TooManyItems { max: 50 };
//! let params = Params::of(&error);
//! assert_eq!(params.get("max"), Some("50"));
//! let envelope = Envelope::new("r1", &error).with_params(&params);
//! assert_eq!(
//!     String::from_utf8(envelope.to_json_vec()).unwrap(),
//!     r#"{"requestId":"r1","success":false,"error":{"code":8,"key":"TOO_MANY_ITEMS","message":"At most 50 items per request","params":{"max":"50"}}}"#,
//! );
//! ```

use std::fmt;

use assetpay_errors_shared::json::write_escaped;
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::api_error::ApiError;

/// The values one error's message interpolates, each by its field's name, in the order the
/// message first names them ([`ApiError::message_fields`]).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Params {
    entries: Vec<(&'static str, String)>,
}

impl Params {
    /// The parameters of `error`'s message: none for a message that interpolates nothing, which
    /// then allocates nothing.
    pub fn of<E: ApiError + ?Sized>(error: &E) -> Params {
        let mut entries = Vec::new();
        if error.spec().is_interpolated() {
            error.message_fields(&mut |name, value| entries.push((name, value.to_string())));
        }
        Params { entries }
    }

    /// The value of the parameter `name`, if the message has one of that name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(own, _)| *own == name)
            .map(|(_, value)| value.as_str())
    }

    /// Each parameter's name and value, in the order the message first names them.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&'static str, &str)> {
        self.entries
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
    }

    /// How many parameters there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the message interpolates nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Appends the object's members, `"max":"50","given":"51"`, without its braces: what
    /// `serde_json` writes for them.
    pub(crate) fn write_members(&self, out: &mut Vec<u8>) {
        for (index, (name, value)) in self.entries.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            out.push(b'"');
            write_escaped(out, name);
            out.extend_from_slice(b"\":\"");
            write_escaped(out, value);
            out.push(b'"');
        }
    }
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A JSON object of strings, in the message's order.
impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (name, value) in &self.entries {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_written_as_serde_json_writes_them() {
        let params = Params {
            entries: vec![("max", "5\"0".to_owned()), ("given", "\u{1}".to_owned())],
        };
        let mut out = b"{".to_vec();
        params.write_members(&mut out);
        out.push(b'}');
        assert_eq!(out, serde_json::to_vec(&params).unwrap());
        assert_eq!(params.get("given"), Some("\u{1}"));
        assert_eq!(params.get("missing"), None);
    }
}
