//! [`Reserved`]: a code range or key retired with `#[api(reserved(…))]`.

use assetpay_errors_shared::rules;

/// A retired code range or key, which no declaration may use again: listed with
/// `#[api(reserved(1002, 1104..=1107, "OLD_KEY"))]` on the type that retired it, and collected
/// with those of composed types in [`ApiError::RESERVED`](crate::ApiError::RESERVED).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reserved {
    retired: Retired,
    type_name: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Retired {
    Codes { first: u16, last: u16 },
    Key(&'static str),
}

impl Reserved {
    /// The codes `first..=last`, reserved by `type_name`.
    pub const fn codes(first: u16, last: u16, type_name: &'static str) -> Reserved {
        Reserved {
            retired: Retired::Codes { first, last },
            type_name,
        }
    }

    /// The key `key`, reserved by `type_name`.
    pub const fn key(key: &'static str, type_name: &'static str) -> Reserved {
        Reserved {
            retired: Retired::Key(key),
            type_name,
        }
    }

    /// The reserved codes as `(first, last)`, both included, or `None` for a key.
    pub const fn code_range(&self) -> Option<(u16, u16)> {
        match self.retired {
            Retired::Codes { first, last } => Some((first, last)),
            Retired::Key(_) => None,
        }
    }

    /// The reserved key, or `None` for codes.
    pub const fn reserved_key(&self) -> Option<&'static str> {
        match self.retired {
            Retired::Key(key) => Some(key),
            Retired::Codes { .. } => None,
        }
    }

    /// The type whose `#[api(reserved(…))]` lists this.
    pub const fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// Whether `code` is among the reserved codes.
    pub const fn holds_code(&self, code: u16) -> bool {
        match self.retired {
            Retired::Codes { first, last } => rules::reserved_code_reused(first, last, code),
            Retired::Key(_) => false,
        }
    }

    /// Whether `key` is the reserved key.
    pub const fn holds_key(&self, key: &str) -> bool {
        match self.retired {
            Retired::Key(reserved) => rules::reserved_key_reused(reserved, key),
            Retired::Codes { .. } => false,
        }
    }
}

/// Whether any of `reserved` holds `code`.
pub(crate) const fn code_is_reserved(reserved: &[Reserved], code: u16) -> bool {
    let mut index = 0;
    while index < reserved.len() {
        if reserved[index].holds_code(code) {
            return true;
        }
        index += 1;
    }
    false
}

/// Whether any of `reserved` holds `key`.
pub(crate) const fn key_is_reserved(reserved: &[Reserved], key: &str) -> bool {
    let mut index = 0;
    while index < reserved.len() {
        if reserved[index].holds_key(key) {
            return true;
        }
        index += 1;
    }
    false
}
