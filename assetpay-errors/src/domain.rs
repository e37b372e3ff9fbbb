//! AssetPay's code domains: which numeric range belongs to which part of the API.

use core::fmt;
use core::ops::RangeInclusive;

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
    ($($konst:ident = $name:literal, $first:literal ..= $last:literal, $label:literal;)*) => {
        impl Domain {
            $(
                #[doc = concat!("`", $name, "`: ", $label, ", codes ", $first, "–", $last, ".")]
                pub const $konst: Domain = Domain { name: $name, label: $label, first: $first, last: $last };
            )*
        }

        /// Every domain, in the order of the published range table.
        pub const DOMAINS: &[Domain] = &[$(Domain::$konst),*];
    };
}

domains! {
    TRADING = "trading", 1..=99, "Trading / marketplace";
    GENERIC = "generic", 1000..=1099, "Generic / infrastructure";
    AUTH = "auth", 1100..=1199, "Authentication / tokens";
    TWO_FACTOR = "two_factor", 1200..=1299, "Two-factor / passkeys";
    ACCOUNT = "account", 1300..=1399, "Account / access control";
    USER_SETTINGS = "user_settings", 1400..=1499, "User settings";
    IDEMPOTENCY = "idempotency", 1500..=1599, "Idempotency";
    WALLET = "wallet", 1600..=1699, "Crypto wallet & funding";
    CALLBACKS = "callbacks", 1700..=1799, "Callbacks / webhooks";
    EMAIL = "email", 1800..=1899, "Email";
    API_KEYS = "api_keys", 1900..=1999, "API keys / secrets";
    RISK = "risk", 2100..=2199, "Risk management";
    BOOKING = "booking", 2200..=2299, "Booking";
    IDENTITY = "identity", 2300..=2399, "Identity verification";
    LEDGER = "ledger", 2400..=2499, "Ledger integrity";
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
