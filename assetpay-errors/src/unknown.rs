//! Errors of the generated `TryFrom<u16>` and `FromStr` impls.

use core::fmt;

/// No variant of the type has this code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownCode(pub u16);

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown error code `{}`", self.0)
    }
}

impl std::error::Error for UnknownCode {}

/// No variant of the type has this key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownKey(pub String);

impl fmt::Display for UnknownKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown error key `{}`", self.0)
    }
}

impl std::error::Error for UnknownKey {}
