//! AssetPay's code domains: which numeric range belongs to which part of the API.

use core::fmt;
use core::ops::RangeInclusive;

use assetpay_errors_shared::domains as rows;

use crate::compose::str_eq;

/// A named range of error codes, as published on AssetPay's error code page.
///
/// Enums declared with `#[api(domain = "…")]` may only use codes inside their domain's range; the
/// derive rejects anything else at compile time.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Domain {
    name: &'static str,
    label: &'static str,
    first: u16,
    last: u16,
}

macro_rules! domains {
    ($($konst:ident = $index:literal,)*) => {
        impl Domain {
            $(
                #[doc = concat!("Row ", $index, " of the published range table (see [`DOMAINS`]).")]
                pub const $konst: Domain = Domain::from_row(&rows::DOMAINS[$index]);
            )*
        }

        /// Every domain, in the order of the published range table.
        pub const DOMAINS: &[Domain] = &[$(Domain::$konst),*];

        // The rows and the constants above must name the same domains in the same order.
        const _: () = {
            assert!(rows::DOMAINS.len() == DOMAINS.len());
            $(assert!(str_eq(rows::DOMAINS[$index].constant, stringify!($konst)));)*
        };
    };
}

domains! {
    TRADING = 0,
    GENERIC = 1,
    AUTH = 2,
    TWO_FACTOR = 3,
    ACCOUNT = 4,
    USER_SETTINGS = 5,
    IDEMPOTENCY = 6,
    WALLET = 7,
    CALLBACKS = 8,
    EMAIL = 9,
    API_KEYS = 10,
    RISK = 11,
    BOOKING = 12,
    IDENTITY = 13,
    LEDGER = 14,
}

impl Domain {
    const fn from_row(row: &rows::DomainRow) -> Domain {
        Domain {
            name: row.name,
            label: row.label,
            first: row.first,
            last: row.last,
        }
    }
}

impl Domain {
    /// The identifier used in `#[api(domain = "…")]`, such as `"two_factor"`.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The human label from the published range table, such as `"Two-factor / passkeys"`.
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

    /// The domain called `name` (as written in `#[api(domain = "…")]`), if there is one.
    pub fn named(name: &str) -> Option<&'static Domain> {
        DOMAINS.iter().find(|domain| domain.name == name)
    }
}

/// The domain whose range holds `code`, or `None` for codes outside every published range
/// (2000–2099, for instance, belongs to no domain).
pub fn domain_of(code: u16) -> Option<&'static Domain> {
    DOMAINS.iter().find(|domain| domain.contains(code))
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
    fn ranges_are_disjoint_and_ordered() {
        for pair in DOMAINS.windows(2) {
            assert!(
                pair[0].last < pair[1].first,
                "{:?} overlaps {:?}",
                pair[0],
                pair[1]
            );
        }
        assert_eq!(DOMAINS.len(), 15);
    }

    #[test]
    fn domain_of_finds_edges_and_gaps() {
        assert_eq!(domain_of(1), Some(&Domain::TRADING));
        assert_eq!(domain_of(99), Some(&Domain::TRADING));
        assert_eq!(domain_of(100), None);
        assert_eq!(domain_of(0), None);
        assert_eq!(domain_of(1199), Some(&Domain::AUTH));
        assert_eq!(domain_of(2050), None);
        assert_eq!(domain_of(2499), Some(&Domain::LEDGER));
        assert_eq!(domain_of(2500), None);
        assert_eq!(Domain::named("two_factor"), Some(&Domain::TWO_FACTOR));
        assert_eq!(Domain::named("Two_Factor"), None);
    }
}
