//! The declared AssetPay catalogue: its size and order, naming, the message and retry rules, the
//! domains, and the lookups the derive generates from it.

use std::collections::BTreeSet;

use assetpay_errors::assetpay::page::{self, PagePart};
use assetpay_errors::assetpay::{
    AccountError, ApiKeyError, AuthError, CallbackError, GenericError, IdentityError, RiskError,
    TradingError, WalletError,
};
use assetpay_errors::{ApiError, AssetPayError, DOMAINS, Domain, Envelope, ErrorSpec, UnknownCode};

/// The catalogue of each domain enum, in the order `AssetPayError` composes them.
fn domain_catalogs() -> [(&'static Domain, &'static [ErrorSpec]); 9] {
    [
        (&Domain::GENERIC, GenericError::CATALOG),
        (&Domain::AUTH, AuthError::CATALOG),
        (&Domain::ACCOUNT, AccountError::CATALOG),
        (&Domain::API_KEYS, ApiKeyError::CATALOG),
        (&Domain::TRADING, TradingError::CATALOG),
        (&Domain::WALLET, WalletError::CATALOG),
        (&Domain::CALLBACKS, CallbackError::CATALOG),
        (&Domain::RISK, RiskError::CATALOG),
        (&Domain::IDENTITY, IdentityError::CATALOG),
    ]
}

#[test]
fn catalog_has_all_74_published_codes_in_page_order() {
    assert_eq!(AssetPayError::CATALOG.len(), 74);
    let concatenated: Vec<ErrorSpec> = domain_catalogs()
        .iter()
        .flat_map(|(_, catalog)| catalog.iter().copied())
        .collect();
    assert_eq!(AssetPayError::CATALOG, concatenated.as_slice());
}

#[test]
fn page_sections_cover_the_catalog_in_order() {
    let on_page: Vec<ErrorSpec> = page::PARTS
        .iter()
        .filter_map(|part| match part {
            PagePart::Errors(section) => Some(section.errors),
            PagePart::TradeFailures => None,
        })
        .flatten()
        .copied()
        .collect();
    assert_eq!(on_page.as_slice(), AssetPayError::CATALOG);
}

#[test]
fn every_error_lies_in_its_enums_domain() {
    for (domain, catalog) in domain_catalogs() {
        for spec in catalog {
            assert_eq!(spec.domain(), Some(domain), "{spec:?}");
            assert!(domain.contains(spec.code()), "{spec:?}");
        }
    }
}

#[test]
fn domains_without_codes_still_exist() {
    let used: BTreeSet<&str> = AssetPayError::CATALOG
        .iter()
        .filter_map(|spec| spec.domain())
        .map(Domain::name)
        .collect();
    let unused: Vec<(&str, &str)> = DOMAINS
        .iter()
        .filter(|domain| !used.contains(domain.name()))
        .map(|domain| (domain.name(), domain.label()))
        .collect();
    assert_eq!(
        unused,
        [
            ("two_factor", "Two-factor / passkeys"),
            ("user_settings", "User settings"),
            ("idempotency", "Idempotency"),
            ("email", "Email"),
            ("booking", "Booking"),
            ("ledger", "Ledger integrity"),
        ]
    );
}

#[test]
fn variants_are_named_after_their_keys() {
    for spec in AssetPayError::CATALOG {
        let camel: String = spec
            .key()
            .split('_')
            .map(|word| word[..1].to_owned() + &word[1..].to_ascii_lowercase())
            .collect();
        assert_eq!(spec.variant(), camel, "{spec:?}");
    }
}

#[test]
fn message_is_the_description_except_for_validation_failed() {
    for spec in AssetPayError::CATALOG {
        if spec.key() == "VALIDATION_FAILED" {
            assert_eq!(spec.message(), "The request data is invalid");
            assert_eq!(
                spec.description(),
                "Request body or query params failed validation"
            );
        } else {
            assert_eq!(spec.message(), spec.description(), "{spec:?}");
        }
        assert!(!spec.is_interpolated(), "{spec:?}");
    }
}

#[test]
fn exactly_the_errors_the_page_calls_temporary_are_retryable() {
    let retryable: Vec<&str> = AssetPayError::CATALOG
        .iter()
        .filter(|spec| spec.is_retryable())
        .map(ErrorSpec::key)
        .collect();
    assert_eq!(
        retryable,
        [
            "RATE_LIMITED",
            "SYSTEM_MAINTENANCE",
            "SERVICE_UNAVAILABLE",
            "FLEET_DEGRADED",
            "STEAM_UNAVAILABLE",
            "STEAM_RATE_LIMITED",
            "INSTANT_DEPOSITS_DISABLED",
        ]
    );
    assert!(
        AssetPayError::CATALOG
            .iter()
            .all(|spec| spec.retry_after_secs().is_none())
    );
    assert!(AssetPayError::Trading(TradingError::SteamRateLimited).is_retryable());
    assert!(!AssetPayError::Trading(TradingError::TooManyActiveTrades).is_retryable());
}

#[test]
fn composed_errors_answer_with_their_own_row() {
    let error = AssetPayError::Trading(TradingError::PriceChanged);
    assert_eq!(
        (error.code(), error.key(), error.status().as_u16()),
        (11, "PRICE_CHANGED", 409)
    );
    assert_eq!(
        error.message(),
        "Price has changed since you last fetched it"
    );
    assert_eq!(error.spec().type_name(), "TradingError");

    let forbidden = AssetPayError::Account(AccountError::Forbidden);
    assert_eq!(
        forbidden.message(),
        "You don’t have permission to access this resource"
    );
}

#[test]
fn validation_failed_envelope_is_the_published_example() {
    let error = AssetPayError::Generic(GenericError::ValidationFailed);
    assert_eq!(
        serde_json::to_string(&Envelope::new("...", &error)).unwrap(),
        r#"{"requestId":"...","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"The request data is invalid"}}"#
    );
}

#[test]
fn codes_and_keys_decode_to_the_composed_variant() {
    assert_eq!(
        AssetPayError::try_from(31),
        Ok(AssetPayError::Trading(TradingError::SteamUnavailable))
    );
    assert_eq!(
        AssetPayError::try_from(2309),
        Ok(AssetPayError::Identity(
            IdentityError::VerificationWebhookSignatureInvalid
        ))
    );
    assert_eq!(AssetPayError::try_from(1002), Err(UnknownCode(1002)));
    assert_eq!(
        "NO_API_SECRET_CONFIGURED".parse::<AssetPayError>(),
        Ok(AssetPayError::ApiKeys(ApiKeyError::NoApiSecretConfigured))
    );
    assert!("no_api_secret_configured".parse::<AssetPayError>().is_err());
    for spec in AssetPayError::CATALOG {
        let by_code = AssetPayError::try_from(spec.code()).expect("every catalogued code decodes");
        assert_eq!(by_code.spec(), spec);
        assert_eq!(spec.key().parse::<AssetPayError>(), Ok(by_code));
        assert_eq!(AssetPayError::spec_for_code(spec.code()), Some(spec));
        assert_eq!(AssetPayError::spec_for_key(spec.key()), Some(spec));
    }
}
