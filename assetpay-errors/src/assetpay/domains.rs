//! AssetPay's published code domains, as [`Domain`] constants: `Domain::TRADING` …
//! `Domain::LEDGER`, and [`DOMAINS`], all of them in the order of the published range table.

use crate::domain::Domain;

/// Declares each domain once: its constant, and its place in [`DOMAINS`].
macro_rules! published_domains {
    ($($konst:ident = ($name:literal, $label:literal, $codes:expr),)*) => {
        impl Domain {
            $(
                #[doc = concat!("AssetPay's `", $name, "` domain: ", $label, ", codes ", stringify!($codes), ".")]
                pub const $konst: Domain = Domain::new($name, $label, $codes);
            )*
        }

        /// AssetPay's domains, in the order of the published range table.
        pub const DOMAINS: &[Domain] = &[$(Domain::$konst),*];
    };
}

published_domains! {
    TRADING = ("trading", "Trading / marketplace", 1..=99),
    GENERIC = ("generic", "Generic / infrastructure", 1000..=1099),
    AUTH = ("auth", "Authentication / tokens", 1100..=1199),
    TWO_FACTOR = ("two_factor", "Two-factor / passkeys", 1200..=1299),
    ACCOUNT = ("account", "Account / access control", 1300..=1399),
    USER_SETTINGS = ("user_settings", "User settings", 1400..=1499),
    IDEMPOTENCY = ("idempotency", "Idempotency", 1500..=1599),
    WALLET = ("wallet", "Crypto wallet & funding", 1600..=1699),
    CALLBACKS = ("callbacks", "Callbacks / webhooks", 1700..=1799),
    EMAIL = ("email", "Email", 1800..=1899),
    API_KEYS = ("api_keys", "API keys / secrets", 1900..=1999),
    RISK = ("risk", "Risk management", 2100..=2199),
    BOOKING = ("booking", "Booking", 2200..=2299),
    IDENTITY = ("identity", "Identity verification", 2300..=2399),
    LEDGER = ("ledger", "Ledger integrity", 2400..=2499),
}

impl Domain {
    /// AssetPay's domain called `name`, such as `"two_factor"`, if there is one.
    pub fn named(name: &str) -> Option<&'static Domain> {
        DOMAINS.iter().find(|domain| domain.name() == name)
    }
}

/// AssetPay's domain whose range holds `code`, or `None` for codes outside every published range
/// (2000–2099, for instance, belongs to no domain).
pub fn domain_of(code: u16) -> Option<&'static Domain> {
    DOMAINS.iter().find(|domain| domain.contains(code))
}

// The published ranges never share a code, so `domain_of` has one answer.
const _: () = {
    let mut left = 0;
    while left < DOMAINS.len() {
        let mut right = left + 1;
        while right < DOMAINS.len() {
            assert!(
                !DOMAINS[left].overlaps(&DOMAINS[right]),
                "AssetPay's domains overlap"
            );
            right += 1;
        }
        left += 1;
    }
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_ordered_as_published() {
        for pair in DOMAINS.windows(2) {
            assert!(
                pair[0].last() < pair[1].first(),
                "{:?} before {:?}",
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
