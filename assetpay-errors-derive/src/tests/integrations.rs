//! The integrations' impls (`IntoResponse` for axum): emitted only when the build has the
//! integration, unless the type opts out, and emitted for a declaration with errors too.

use crate::derive_with;
use crate::emit::Integrations;

const INPUT: &str = r#"
    #[api(range = 1..=99)]
    enum TradingError {
        /// Price has changed since you last fetched it
        #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
        PriceChanged,
    }
"#;

fn expansion(input: &str, axum: bool) -> String {
    derive_with(input.parse().unwrap(), Integrations { axum }).to_string()
}

#[test]
fn axum_appears_only_with_the_feature() {
    assert!(!expansion(INPUT, false).contains("axum"));
    let with = expansion(INPUT, true);
    assert!(with.contains("IntoResponse for TradingError"), "{with}");
}

#[test]
fn into_response_false_opts_out() {
    let opted_out = INPUT.replace("range = 1..=99", "range = 1..=99, into_response = false");
    assert!(!expansion(&opted_out, true).contains("IntoResponse"));
    let opted_in = INPUT.replace("range = 1..=99", "range = 1..=99, into_response = true");
    assert!(expansion(&opted_in, true).contains("IntoResponse"));
}

#[test]
fn a_declaration_with_errors_still_gets_the_impl() {
    let broken = INPUT.replace("status = 409", "status = 200");
    let expansion = expansion(&broken, true);
    assert!(expansion.contains("compile_error"), "{expansion}");
    assert!(
        expansion.contains("IntoResponse for TradingError"),
        "{expansion}"
    );
}
