//! `Translations::check`: the `.ftl` files proved against the catalogue, and each misuse refused
//! with a message naming locale, key and line:column.

use assetpay_errors::l10n::{Fallback, Translations, TranslationsError};
use assetpay_errors::{ApiError, AssetPayError};

#[derive(Debug, ApiError)]
#[allow(dead_code, reason = "only the catalogue is read")]
enum CartError {
    /// Too many items
    #[api(
        code = 1,
        key = "TOO_MANY_ITEMS",
        status = 400,
        message = "At most {max} items per request, got {given}"
    )]
    TooManyItems { max: u64, given: u64 },
    /// The price changed
    #[api(
        code = 2,
        key = "PRICE_CHANGED",
        status = 409,
        message = "Price has changed"
    )]
    PriceChanged,
}

const FRENCH: &str = "\
PRICE_CHANGED = Le prix a changé
TOO_MANY_ITEMS = { $max ->
    [one] Au plus { $max } objet par requête, reçu { $given }
   *[other] Au plus { $max } objets par requête, reçu { $given }
}
";

fn problems(ftl: &str) -> Vec<String> {
    let translations = Translations::new("en")
        .and_then(|t| t.with_locale("fr", ftl))
        .expect("parses");
    match translations.check::<CartError>() {
        Ok(coverage) => panic!("expected problems, the check passed with {coverage:?}"),
        Err(report) => report.problems().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn assetpay_french_translates_every_key_with_its_parameters() {
    let coverage = assetpay_errors::assetpay::translations().assert_checked::<AssetPayError>();
    assert!(coverage.fallbacks.is_empty(), "{coverage}");
    assert_eq!(
        assetpay_errors::assetpay::translations()
            .locales()
            .collect::<Vec<_>>(),
        ["en", "fr"]
    );
}

#[test]
fn a_complete_consistent_locale_passes_and_renders_its_plural() {
    let translations = Translations::new("en")
        .and_then(|t| t.with_locale("fr", FRENCH))
        .expect("parses");
    translations.assert_checked::<CartError>();
    assert_eq!(
        translations
            .render("fr", "TOO_MANY_ITEMS", &[("max", "1"), ("given", "3")])
            .as_deref(),
        Some("Au plus 1 objet par requête, reçu 3")
    );
    // Plain text: no bidi isolation marks around the values.
    assert_eq!(
        translations
            .render("fr", "TOO_MANY_ITEMS", &[("max", "50"), ("given", "51")])
            .as_deref(),
        Some("Au plus 50 objets par requête, reçu 51")
    );
}

#[test]
fn a_missing_key_in_a_complete_locale_is_a_problem() {
    assert_eq!(
        problems("PRICE_CHANGED = Le prix a changé\n"),
        ["fr.ftl: no message for `TOO_MANY_ITEMS`, and the locale is registered as complete"]
    );
}

#[test]
fn a_partial_locale_lists_its_fallbacks_instead_of_failing() {
    let translations = Translations::new("en")
        .and_then(|t| t.with_locale("fr", FRENCH))
        .and_then(|t| t.with_partial_locale("fr-CA", "PRICE_CHANGED = Le prix a changé, là\n"))
        .and_then(|t| t.with_partial_locale("de", "PRICE_CHANGED = Der Preis hat sich geändert\n"))
        .expect("parses");
    let coverage = translations.assert_checked::<CartError>();
    let fallback = |locale: &str, from: &str| Fallback {
        locale: locale.to_owned(),
        key: "TOO_MANY_ITEMS",
        from: from.to_owned(),
    };
    assert_eq!(
        coverage.fallbacks,
        [fallback("fr-CA", "fr"), fallback("de", "en")]
    );
    assert_eq!(
        coverage.to_string(),
        "fr-CA: `TOO_MANY_ITEMS` falls back to fr\nde: `TOO_MANY_ITEMS` falls back to en"
    );
    // The lookup follows the same rule: fr-CA's own text, then fr's, then none (the declaration).
    let params = [("max", "2"), ("given", "3")];
    let localized = translations
        .localize("fr-CA", "TOO_MANY_ITEMS", &params)
        .expect("fr has it");
    assert_eq!(
        (localized.locale, localized.message.as_str()),
        ("fr", "Au plus 2 objets par requête, reçu 3")
    );
    assert_eq!(
        translations
            .localize("fr-CA", "PRICE_CHANGED", &[])
            .map(|l| l.locale),
        Some("fr-CA")
    );
    assert_eq!(translations.localize("de", "TOO_MANY_ITEMS", &params), None);
}

#[test]
fn a_key_the_catalogue_lacks_is_a_problem() {
    let ftl = format!("{FRENCH}\nPRICE_CHANGD = Le prix a changé\n");
    assert_eq!(
        problems(&ftl),
        ["fr.ftl:7:1: `PRICE_CHANGD` is not a key of the catalogue"]
    );
}

#[test]
fn a_wrong_parameter_is_a_problem_at_its_place() {
    let ftl = "PRICE_CHANGED = Le prix a changé\nTOO_MANY_ITEMS = Au plus { $maximum } objets, reçu { $given }\n";
    assert_eq!(
        problems(ftl),
        [
            "fr.ftl:2:28: `TOO_MANY_ITEMS` uses `$maximum`, which is not a parameter of its message (its parameters: `$max`, `$given`)",
            "fr.ftl:2:1: `TOO_MANY_ITEMS` does not use `$max`, a parameter of its message",
        ]
    );
}

#[test]
fn a_missing_parameter_is_a_problem_even_if_only_a_variant_lacks_it() {
    // `$given` is used in one variant only: still used, so no problem; `$max` nowhere.
    let ftl = "PRICE_CHANGED = Le prix a changé\nTOO_MANY_ITEMS = { $given ->\n    [one] Un seul objet\n   *[other] { $given } objets\n}\n";
    assert_eq!(
        problems(ftl),
        ["fr.ftl:2:1: `TOO_MANY_ITEMS` does not use `$max`, a parameter of its message"]
    );
}

#[test]
fn an_extra_parameter_on_a_static_message_is_a_problem() {
    let ftl = format!(
        "{}PRICE_CHANGED = Le prix {{ $price }} a changé\n",
        &FRENCH[FRENCH.find("TOO").unwrap()..]
    );
    assert_eq!(
        problems(&ftl),
        [
            "fr.ftl:5:27: `PRICE_CHANGED` uses `$price`, which is not a parameter of its message (it has none)"
        ]
    );
}

#[test]
fn a_parameter_used_only_in_a_selector_inside_a_variant_is_found() {
    let ftl = "PRICE_CHANGED = Le prix a changé\nTOO_MANY_ITEMS = { $max ->\n   *[other] { $oops ->\n       *[other] { $given }\n    }\n}\n";
    assert_eq!(
        problems(ftl),
        [
            "fr.ftl:3:15: `TOO_MANY_ITEMS` uses `$oops`, which is not a parameter of its message (its parameters: `$max`, `$given`)"
        ]
    );
}

#[test]
fn constructs_the_typescript_module_cannot_render_are_refused() {
    let ftl = "-brand = AssetPay\nPRICE_CHANGED = Le prix { -brand } a changé\nTOO_MANY_ITEMS = { NUMBER($max) } { $given }\n";
    assert_eq!(
        problems(ftl),
        [
            "fr.ftl:1:1: `-brand` uses a term, which the typescript module cannot render",
            "fr.ftl:2:1: `PRICE_CHANGED` uses a term reference, which the typescript module cannot render",
            "fr.ftl:3:1: `TOO_MANY_ITEMS` uses a function call, which the typescript module cannot render",
        ]
    );
}

#[test]
fn a_syntax_error_names_the_locale_line_and_column() {
    let error = Translations::new("en")
        .and_then(|t| {
            t.with_locale(
                "fr",
                "PRICE_CHANGED = Le prix a changé\nTOO_MANY_ITEMS = { $max\n",
            )
        })
        .expect_err("unterminated placeable");
    let TranslationsError::Syntax {
        locale, position, ..
    } = &error
    else {
        panic!("{error:?}")
    };
    // Where the parser stopped looking for the closing brace: the end of the file.
    assert_eq!(
        (locale.as_str(), position.line, position.column),
        ("fr", 3, 1)
    );
    assert!(error.to_string().starts_with("fr.ftl:3:1: "), "{error}");
    assert_eq!(
        error.to_string(),
        error.to_string().to_lowercase(),
        "lowercase: {error}"
    );
}

#[test]
fn a_key_defined_twice_and_a_locale_registered_twice_are_refused() {
    let twice = Translations::new("en").and_then(|t| t.with_locale("fr", "A = un\nA = deux\n"));
    assert_eq!(
        twice.expect_err("defined twice").to_string(),
        "fr.ftl:1:1: `A` is defined twice"
    );
    let again = Translations::new("en").and_then(|t| t.with_locale("EN", ""));
    assert_eq!(
        again.expect_err("registered twice").to_string(),
        "locale `EN` is registered twice"
    );
    let tag = Translations::new("en").and_then(|t| t.with_locale("not a tag", ""));
    assert_eq!(
        tag.expect_err("invalid tag").to_string(),
        "`not a tag` is not a language tag"
    );
}

#[test]
fn every_problem_message_is_lowercase_without_a_trailing_period() {
    for message in problems("PRICE_CHANGD = x { $y }\n") {
        assert!(!message.ends_with('.'), "{message}");
        let after_location = message
            .split_once(": ")
            .map_or(message.as_str(), |(_, rest)| rest);
        assert!(!after_location.starts_with(char::is_uppercase), "{message}");
    }
}
