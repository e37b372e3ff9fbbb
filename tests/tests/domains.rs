//! Domains are values: AssetPay's are constants of the runtime crate (`Domain::TRADING` …, listed
//! in `assetpay_errors::DOMAINS`), and a user crate declares its own the same way. One enum per
//! AssetPay domain declares the first and the last code of its range (codes just outside are
//! compile errors, see `tests/ui/code-outside-domain.rs`); each spec must carry the constant the
//! attribute named. `catalog_spec.rs` checks the labels against the published page.

use assetpay_errors::{ApiError, DOMAINS, Domain, ErrorSpec, domain_of};

macro_rules! domain_enum {
    ($name:ident, $domain:path, $first:literal, $last:literal) => {
        #[doc = concat!("Errors of `", stringify!($domain), "`.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, ApiError)]
        #[api(domain = $domain)]
        pub enum $name {
            /// The first code of the range
            #[api(code = $first, key = "FIRST", status = 400)]
            First,
            /// The last code of the range
            #[api(code = $last, key = "LAST", status = 599)]
            Last,
        }
    };
}

domain_enum!(TradingDomain, Domain::TRADING, 1, 99);
domain_enum!(GenericDomain, Domain::GENERIC, 1000, 1099);
domain_enum!(AuthDomain, Domain::AUTH, 1100, 1199);
domain_enum!(TwoFactorDomain, Domain::TWO_FACTOR, 1200, 1299);
domain_enum!(AccountDomain, Domain::ACCOUNT, 1300, 1399);
domain_enum!(UserSettingsDomain, Domain::USER_SETTINGS, 1400, 1499);
domain_enum!(IdempotencyDomain, Domain::IDEMPOTENCY, 1500, 1599);
domain_enum!(WalletDomain, Domain::WALLET, 1600, 1699);
domain_enum!(CallbacksDomain, Domain::CALLBACKS, 1700, 1799);
domain_enum!(EmailDomain, Domain::EMAIL, 1800, 1899);
domain_enum!(ApiKeysDomain, Domain::API_KEYS, 1900, 1999);
domain_enum!(RiskDomain, Domain::RISK, 2100, 2199);
domain_enum!(BookingDomain, Domain::BOOKING, 2200, 2299);
domain_enum!(IdentityDomain, Domain::IDENTITY, 2300, 2399);
domain_enum!(LedgerDomain, Domain::LEDGER, 2400, 2499);

/// Each domain's enum: its catalogue, and the runtime constant its declaration must resolve to.
fn declared() -> Vec<(&'static [ErrorSpec], &'static Domain)> {
    vec![
        (TradingDomain::CATALOG, &Domain::TRADING),
        (GenericDomain::CATALOG, &Domain::GENERIC),
        (AuthDomain::CATALOG, &Domain::AUTH),
        (TwoFactorDomain::CATALOG, &Domain::TWO_FACTOR),
        (AccountDomain::CATALOG, &Domain::ACCOUNT),
        (UserSettingsDomain::CATALOG, &Domain::USER_SETTINGS),
        (IdempotencyDomain::CATALOG, &Domain::IDEMPOTENCY),
        (WalletDomain::CATALOG, &Domain::WALLET),
        (CallbacksDomain::CATALOG, &Domain::CALLBACKS),
        (EmailDomain::CATALOG, &Domain::EMAIL),
        (ApiKeysDomain::CATALOG, &Domain::API_KEYS),
        (RiskDomain::CATALOG, &Domain::RISK),
        (BookingDomain::CATALOG, &Domain::BOOKING),
        (IdentityDomain::CATALOG, &Domain::IDENTITY),
        (LedgerDomain::CATALOG, &Domain::LEDGER),
    ]
}

#[test]
fn every_runtime_domain_has_a_declaring_enum() {
    let declared = declared();
    assert_eq!(declared.len(), DOMAINS.len());
    for (domain, (_, constant)) in DOMAINS.iter().zip(&declared) {
        assert_eq!(domain, *constant, "the runtime's order differs");
    }
}

#[test]
fn specs_carry_the_runtime_domain_with_the_same_bounds() {
    for (catalog, constant) in declared() {
        let [first, last] = catalog else {
            panic!("expected two rows for {}", constant.name());
        };
        for spec in [first, last] {
            let domain = spec
                .domain()
                .unwrap_or_else(|| panic!("{} has no domain", spec.type_name()));
            assert_eq!(domain, constant);
            assert_eq!(Domain::named(domain.name()), Some(domain));
            assert_eq!(domain_of(spec.code()), Some(domain), "code {}", spec.code());
        }
        assert_eq!(
            first.code(),
            constant.first(),
            "first code of `{}`",
            constant.name()
        );
        assert_eq!(
            last.code(),
            constant.last(),
            "last code of `{}`",
            constant.name()
        );
        assert_eq!(
            first.domain().unwrap().range(),
            constant.first()..=constant.last()
        );
        // The enum's name is the domain's, which is the name the attribute used.
        let expected_type: String = constant
            .name()
            .split('_')
            .map(|part| part[..1].to_uppercase() + &part[1..])
            .chain(["Domain".to_owned()])
            .collect();
        assert_eq!(first.type_name(), expected_type);
    }
}

#[test]
fn names_and_bounds_match_the_published_table() {
    let table: Vec<(&str, u16, u16)> = DOMAINS
        .iter()
        .map(|domain| (domain.name(), domain.first(), domain.last()))
        .collect();
    assert_eq!(
        table,
        [
            ("trading", 1, 99),
            ("generic", 1000, 1099),
            ("auth", 1100, 1199),
            ("two_factor", 1200, 1299),
            ("account", 1300, 1399),
            ("user_settings", 1400, 1499),
            ("idempotency", 1500, 1599),
            ("wallet", 1600, 1699),
            ("callbacks", 1700, 1799),
            ("email", 1800, 1899),
            ("api_keys", 1900, 1999),
            ("risk", 2100, 2199),
            ("booking", 2200, 2299),
            ("identity", 2300, 2399),
            ("ledger", 2400, 2499),
        ]
    );
}

#[test]
fn values_answer_with_their_domain() {
    assert_eq!(TradingDomain::First.spec().domain(), Some(&Domain::TRADING));
    assert_eq!(LedgerDomain::Last.code(), 2499);
    assert_eq!(TwoFactorDomain::try_from(1299), Ok(TwoFactorDomain::Last));
    assert_eq!(
        ApiKeysDomain::spec_for_code(1900).and_then(ErrorSpec::domain),
        Some(&Domain::API_KEYS)
    );
}

/// A team that is not AssetPay names its own domains: constants of its own crate, used by path.
mod own_domains {
    use assetpay_errors::{ApiError, Domain};

    pub mod domains {
        use assetpay_errors::Domain;

        pub const PAYMENTS: Domain = Domain::new("payments", "Payments", 3000..=3099);
        pub const PAYOUTS: Domain = Domain::new("payouts", "Payouts / settlements", 3100..=3199);
        pub const ALL: &[Domain] = &[PAYMENTS, PAYOUTS];
    }

    #[derive(Debug, ApiError)]
    #[api(domain = domains::PAYMENTS)]
    pub enum PaymentError {
        /// The card was declined
        #[api(code = 3000, key = "CARD_DECLINED", status = 402)]
        CardDeclined,
        /// The payment was already captured
        #[api(code = 3099, key = "ALREADY_CAPTURED", status = 409)]
        AlreadyCaptured,
    }

    #[derive(Debug, ApiError)]
    #[api(domain = self::domains::PAYOUTS, code = 3150, key = "PAYOUT_HELD", status = 423)]
    /// The payout is held for review
    pub struct PayoutHeld;

    #[test]
    fn specs_carry_the_crate_s_own_domain() {
        for spec in PaymentError::CATALOG {
            assert_eq!(spec.domain(), Some(&domains::PAYMENTS));
        }
        let domain = PayoutHeld.spec().domain().unwrap();
        assert_eq!(
            (domain.name(), domain.label()),
            ("payouts", "Payouts / settlements")
        );
        assert_eq!(domain.range(), 3100..=3199);
        // AssetPay's lookup knows only AssetPay's table.
        assert_eq!(assetpay_errors::domain_of(3000), None);
        assert!(!domains::PAYMENTS.overlaps(&domains::PAYOUTS));
        assert_eq!(domains::ALL.len(), 2);
        let json = serde_json::to_value(PaymentError::CATALOG).unwrap();
        assert_eq!(json[0]["domain"], "payments");
    }

    #[test]
    fn a_domain_is_a_plain_value() {
        const COPY: Domain = domains::PAYMENTS;
        assert_eq!(COPY, domains::PAYMENTS);
        assert_ne!(COPY, Domain::TRADING);
        assert!(COPY.contains(3000) && COPY.contains(3099) && !COPY.contains(3100));
        assert_eq!(
            format!("{COPY} {COPY:?}"),
            "payments Domain(payments 3000..=3099)"
        );
    }
}

#[test]
fn assetpay_ranges_are_disjoint() {
    for (index, left) in DOMAINS.iter().enumerate() {
        for right in &DOMAINS[index + 1..] {
            assert!(!left.overlaps(right), "{left:?} overlaps {right:?}");
            assert!(left.range().all(|code| !right.contains(code)));
        }
    }
}
