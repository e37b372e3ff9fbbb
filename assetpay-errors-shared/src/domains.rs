//! AssetPay's published code domains, as rows: the derive checks `#[api(domain = "…")]` against
//! them and the runtime builds its `Domain` constants from them.

/// One row of the published range table.
pub struct DomainRow {
    /// The identifier used in `#[api(domain = "…")]`.
    pub name: &'static str,
    /// The name of the runtime's `Domain::…` constant.
    pub constant: &'static str,
    /// The label on the published page.
    pub label: &'static str,
    /// The first code of the range.
    pub first: u16,
    /// The last code of the range (inclusive).
    pub last: u16,
}

const fn row(
    name: &'static str,
    constant: &'static str,
    first: u16,
    last: u16,
    label: &'static str,
) -> DomainRow {
    DomainRow {
        name,
        constant,
        label,
        first,
        last,
    }
}

/// Every domain, in the order of the published range table.
pub const DOMAINS: &[DomainRow] = &[
    row("trading", "TRADING", 1, 99, "Trading / marketplace"),
    row("generic", "GENERIC", 1000, 1099, "Generic / infrastructure"),
    row("auth", "AUTH", 1100, 1199, "Authentication / tokens"),
    row(
        "two_factor",
        "TWO_FACTOR",
        1200,
        1299,
        "Two-factor / passkeys",
    ),
    row("account", "ACCOUNT", 1300, 1399, "Account / access control"),
    row(
        "user_settings",
        "USER_SETTINGS",
        1400,
        1499,
        "User settings",
    ),
    row("idempotency", "IDEMPOTENCY", 1500, 1599, "Idempotency"),
    row("wallet", "WALLET", 1600, 1699, "Crypto wallet & funding"),
    row("callbacks", "CALLBACKS", 1700, 1799, "Callbacks / webhooks"),
    row("email", "EMAIL", 1800, 1899, "Email"),
    row("api_keys", "API_KEYS", 1900, 1999, "API keys / secrets"),
    row("risk", "RISK", 2100, 2199, "Risk management"),
    row("booking", "BOOKING", 2200, 2299, "Booking"),
    row("identity", "IDENTITY", 2300, 2399, "Identity verification"),
    row("ledger", "LEDGER", 2400, 2499, "Ledger integrity"),
];
