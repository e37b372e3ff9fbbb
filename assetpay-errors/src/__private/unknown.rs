//! What the generated `FromStr` impls build their error with.

use crate::UnknownKey;

/// The error of a generated `FromStr`, owning the key it could not find.
pub fn unknown_key(key: &str) -> UnknownKey {
    UnknownKey(key.to_owned())
}
