//! The integrations' impls (`IntoResponse` for axum, `From<…> for tonic::Status`): emitted only when the build has the
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
    let integrations = Integrations { axum, tonic: false };
    derive_with(input.parse().unwrap(), integrations).to_string()
}

fn with_tonic(input: &str) -> String {
    let integrations = Integrations {
        axum: false,
        tonic: true,
    };
    derive_with(input.parse().unwrap(), integrations).to_string()
}

#[test]
fn the_status_conversion_appears_only_with_the_feature() {
    assert!(!expansion(INPUT, true).contains("grpc"));
    let with = with_tonic(INPUT);
    assert!(
        with.contains(
            "From < TradingError > for :: assetpay_errors :: __private :: grpc :: Status"
        ),
        "{with}"
    );
    // `into_response = false` is about axum's trait only.
    let opted_out = INPUT.replace("range = 1..=99", "range = 1..=99, into_response = false");
    assert!(with_tonic(&opted_out).contains("grpc :: Status"));
    // A declaration with errors keeps it too, like `IntoResponse`.
    let broken = INPUT.replace("status = 409", "status = 200");
    assert!(with_tonic(&broken).contains("grpc :: status_of"));
}

#[test]
fn a_grpc_override_wraps_only_its_own_entry() {
    let plain = expansion(INPUT, false);
    assert!(!plain.contains("with_grpc_code"), "{plain}");
    let overridden = INPUT.replace(
        "status = 409",
        "status = 409, grpc = \"FAILED_PRECONDITION\"",
    );
    let expansion = expansion(&overridden, false);
    assert!(expansion.contains("with_grpc_code (9u8"), "{expansion}");
    assert!(!expansion.contains("compile_error"), "{expansion}");
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
