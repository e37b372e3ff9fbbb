//! The domain table as the derive needs it: names, ranges and the runtime constant to name.
//!
//! It mirrors `assetpay_errors::DOMAINS`; the expansion names `Domain::<CONST>` of the runtime
//! crate, so a domain missing there fails to compile, and `tests/tests/domains.rs` declares a
//! variant at both ends of every range to catch a range that differs.

pub(crate) struct DomainInfo {
    pub(crate) name: &'static str,
    pub(crate) constant: &'static str,
    pub(crate) first: u16,
    pub(crate) last: u16,
}

pub(crate) const DOMAINS: &[DomainInfo] = &[
    domain("trading", "TRADING", 1, 99),
    domain("generic", "GENERIC", 1000, 1099),
    domain("auth", "AUTH", 1100, 1199),
    domain("two_factor", "TWO_FACTOR", 1200, 1299),
    domain("account", "ACCOUNT", 1300, 1399),
    domain("user_settings", "USER_SETTINGS", 1400, 1499),
    domain("idempotency", "IDEMPOTENCY", 1500, 1599),
    domain("wallet", "WALLET", 1600, 1699),
    domain("callbacks", "CALLBACKS", 1700, 1799),
    domain("email", "EMAIL", 1800, 1899),
    domain("api_keys", "API_KEYS", 1900, 1999),
    domain("risk", "RISK", 2100, 2199),
    domain("booking", "BOOKING", 2200, 2299),
    domain("identity", "IDENTITY", 2300, 2399),
    domain("ledger", "LEDGER", 2400, 2499),
];

const fn domain(name: &'static str, constant: &'static str, first: u16, last: u16) -> DomainInfo {
    DomainInfo {
        name,
        constant,
        first,
        last,
    }
}

pub(crate) fn find(name: &str) -> Option<&'static DomainInfo> {
    DOMAINS.iter().find(|domain| domain.name == name)
}

/// "`trading`, `generic`, …" for error messages.
pub(crate) fn list_names() -> String {
    let names: Vec<String> = DOMAINS.iter().map(|d| format!("`{}`", d.name)).collect();
    names.join(", ")
}
