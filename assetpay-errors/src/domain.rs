//! Code domains: named ranges of error codes, each owned by one part of an API.
//!
//! # Guide
//!
//! A [`Domain`] is a value. Declare the ones your API publishes as constants, and name one in
//! `#[api(domain = PATH)]`: every code the type declares must then lie in that domain's range,
//! which the compiler checks at each code literal.
//!
//! ```
//! use assetpay_errors::{ApiError, Domain};
//!
//! /// Codes of the payments service.
//! pub const PAYMENTS: Domain = Domain::new("payments", "Payments", 3000..=3099);
//!
//! #[derive(Debug, ApiError)]
//! #[api(domain = PAYMENTS)]
//! pub enum PaymentError {
//!     /// The card was declined
//!     #[api(code = 3001, key = "CARD_DECLINED", status = 402)]
//!     CardDeclined,
//! }
//!
//! assert_eq!(PaymentError::CardDeclined.spec().domain(), Some(&PAYMENTS));
//! assert_eq!(PAYMENTS.range(), 3000..=3099);
//! ```
//!
//! A code outside the range does not compile:
//!
//! ```compile_fail
//! use assetpay_errors::{ApiError, Domain};
//!
//! pub const PAYMENTS: Domain = Domain::new("payments", "Payments", 3000..=3099);
//!
//! #[derive(Debug, ApiError)]
//! #[api(domain = PAYMENTS)]
//! pub enum PaymentError {
//!     /// The card was declined
//!     #[api(code = 4001, key = "CARD_DECLINED", status = 402)] // code `4001` is outside domain `payments`, which owns 3000..=3099
//!     CardDeclined,
//! }
//! ```
//!
//! AssetPay's own fifteen domains are the constants `Domain::TRADING` … `Domain::LEDGER`, listed
//! in [`DOMAINS`](crate::DOMAINS) in the order of the published range table (see
//! [`assetpay`](crate::assetpay)).

use core::fmt;
use core::ops::RangeInclusive;

/// A named range of error codes.
///
/// Build one with [`Domain::new`] in a `const`; `#[api(domain = PATH)]` takes a path to it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Domain {
    name: &'static str,
    label: &'static str,
    first: u16,
    last: u16,
}

impl Domain {
    /// The domain `name` (an identifier in `lower_snake_case`, as catalogues and clients show
    /// it), described to people as `label`, owning the codes `codes`.
    ///
    /// # Panics
    ///
    /// When `name` is not `lower_snake_case` (`[a-z][a-z0-9_]*`, not ending in `_`), `label` is
    /// empty, or `codes` is empty or starts at 0 (codes start at 1). Called in a `const`, as it
    /// is meant to be, the panic is a compile error: a domain is checked before any code uses it.
    ///
    /// ```
    /// use assetpay_errors::Domain;
    ///
    /// const PAYMENTS: Domain = Domain::new("payments", "Payments", 3000..=3099);
    /// assert_eq!((PAYMENTS.name(), PAYMENTS.first(), PAYMENTS.last()), ("payments", 3000, 3099));
    /// ```
    pub const fn new(
        name: &'static str,
        label: &'static str,
        codes: RangeInclusive<u16>,
    ) -> Domain {
        let (first, last) = (*codes.start(), *codes.end());
        if let Err(problem) = Domain::check(name, label, first, last) {
            panic!("{}", problem);
        }
        Domain {
            name,
            label,
            first,
            last,
        }
    }

    /// Why [`new`](Self::new) refuses these parts, if it does.
    const fn check(name: &str, label: &str, first: u16, last: u16) -> Result<(), &'static str> {
        if !is_lower_snake(name.as_bytes()) {
            return Err("a domain name is lower_snake_case: `[a-z][a-z0-9_]*`, not ending in `_`");
        }
        if label.is_empty() {
            return Err("a domain needs a label, the name people read");
        }
        if first == 0 {
            return Err("a domain's range starts at 1 or above, code 0 is not allowed");
        }
        if first > last {
            return Err("a domain's range is empty, its first code exceeds its last");
        }
        Ok(())
    }

    /// The identifier, such as `"two_factor"`: what catalogues and clients show.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The human label, such as `"Two-factor / passkeys"`.
    pub const fn label(&self) -> &'static str {
        self.label
    }

    /// The first code of the range.
    pub const fn first(&self) -> u16 {
        self.first
    }

    /// The last code of the range (inclusive).
    pub const fn last(&self) -> u16 {
        self.last
    }

    /// The codes this domain owns.
    pub const fn range(&self) -> RangeInclusive<u16> {
        self.first..=self.last
    }

    /// Whether `code` lies in this domain's range.
    pub const fn contains(&self, code: u16) -> bool {
        self.first <= code && code <= self.last
    }

    /// Whether the two domains share a code.
    pub const fn overlaps(&self, other: &Domain) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

const fn is_lower_snake(name: &[u8]) -> bool {
    let [first, .., last] = name else {
        return matches!(name, [b'a'..=b'z']);
    };
    if !first.is_ascii_lowercase() || *last == b'_' {
        return false;
    }
    let mut index = 0;
    while index < name.len() {
        let byte = name[index];
        if !(byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'_') {
            return false;
        }
        index += 1;
    }
    true
}

impl fmt::Debug for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Domain({} {}..={})", self.name, self.first, self.last)
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl serde::Serialize for Domain {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_refuses_what_no_domain_can_be() {
        assert_eq!(Domain::check("payments", "Payments", 3000, 3099), Ok(()));
        assert_eq!(Domain::check("p", "P", 1, 1), Ok(()));
        assert_eq!(Domain::check("two_factor2", "2FA", 1, 1), Ok(()));
        for name in [
            "",
            "Payments",
            "2fa",
            "pay-ments",
            "payments_",
            "_payments",
            "P",
        ] {
            assert!(Domain::check(name, "x", 1, 2).is_err(), "{name:?}");
        }
        assert!(Domain::check("payments", "", 1, 2).is_err());
        assert!(Domain::check("payments", "Payments", 0, 2).is_err());
        assert!(Domain::check("payments", "Payments", 3, 2).is_err());
    }
}
