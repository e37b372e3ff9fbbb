//! Property: whatever a server renders through `Envelope`, the client decodes back to the same
//! code, key, message and request id, for any request id and any interpolated text.

use assetpay_errors::client::{self, CatalogMatch};
use assetpay_errors::{ApiError, AssetPayError, Envelope, ErrorSpec};
use proptest::prelude::*;

#[derive(Debug, ApiError)]
enum FieldError {
    /// A field is invalid
    #[api(
        code = 1,
        key = "INVALID_FIELD",
        status = 422,
        message = "Field {field} is invalid: {reason}"
    )]
    InvalidField { field: String, reason: String },
    /// Too many items
    #[api(
        code = 2,
        key = "TOO_MANY",
        status = 400,
        message = "At most {max} per request, got \"{got}\""
    )]
    TooMany { max: u64, got: String },
}

/// Text that JSON must escape or that is easy to mangle: quotes, backslashes, every control
/// character, line and paragraph separators, non-ASCII and astral characters, and anything else.
fn hostile_text() -> impl Strategy<Value = String> {
    let hostile_char = prop_oneof![
        Just('"'),
        Just('\\'),
        Just('/'),
        (0u8..0x20).prop_map(char::from),
        Just('\u{7f}'),
        Just('\u{85}'),
        Just('\u{2028}'),
        Just('\u{2029}'),
        Just('\u{feff}'),
        Just('é'),
        Just('😀'),
        any::<char>(),
    ];
    prop::collection::vec(hostile_char, 0..48).prop_map(String::from_iter)
}

/// Both renderings a server may use: serde and the pre-rendered fast path.
fn renderings(envelope: &Envelope<'_>) -> [Vec<u8>; 2] {
    let via_serde = serde_json::to_vec(envelope).unwrap();
    let via_write_json = envelope.to_json_vec();
    [via_serde, via_write_json]
}

proptest! {
    #[test]
    fn every_catalog_entry_round_trips(
        index in 0..AssetPayError::CATALOG.len(),
        request_id in hostile_text(),
    ) {
        let spec: &'static ErrorSpec = &AssetPayError::CATALOG[index];
        let envelope = Envelope::from_spec(&request_id, spec, spec.message());
        for body in renderings(&envelope) {
            let decoded = client::decode::<AssetPayError>(spec.status(), &body).unwrap();
            prop_assert_eq!(decoded.request_id(), Some(request_id.as_str()));
            prop_assert_eq!(decoded.code(), spec.code());
            prop_assert_eq!(decoded.key(), spec.key());
            prop_assert_eq!(decoded.message(), spec.message());
            prop_assert_eq!(decoded.catalog_match(), CatalogMatch::Known(spec));
            prop_assert_eq!(decoded.variant().map(|variant| variant.spec()), Some(spec));
            prop_assert!(!decoded.is_status_mismatch());
        }
    }

    #[test]
    fn catalog_entries_round_trip_with_any_message(
        index in 0..AssetPayError::CATALOG.len(),
        request_id in hostile_text(),
        message in hostile_text(),
    ) {
        let spec: &'static ErrorSpec = &AssetPayError::CATALOG[index];
        let envelope = Envelope::from_spec(&request_id, spec, message.as_str());
        for body in renderings(&envelope) {
            let decoded = client::decode::<AssetPayError>(spec.status(), &body).unwrap();
            prop_assert_eq!(decoded.request_id(), Some(request_id.as_str()));
            prop_assert_eq!((decoded.code(), decoded.key()), (spec.code(), spec.key()));
            prop_assert_eq!(decoded.message(), message.as_str());
        }
    }

    #[test]
    fn interpolated_fields_round_trip(
        request_id in hostile_text(),
        field in hostile_text(),
        reason in hostile_text(),
        max in any::<u64>(),
        got in hostile_text(),
    ) {
        for error in [FieldError::InvalidField { field: field.clone(), reason: reason.clone() }, FieldError::TooMany { max, got: got.clone() }] {
            let envelope = Envelope::new(&request_id, &error);
            for body in renderings(&envelope) {
                let decoded = client::decode::<FieldError>(error.status(), &body).unwrap();
                prop_assert_eq!(decoded.request_id(), Some(request_id.as_str()));
                prop_assert_eq!(decoded.code(), error.code());
                prop_assert_eq!(decoded.key(), error.key());
                let expected = error.message();
                prop_assert_eq!(decoded.message(), expected.as_ref());
                prop_assert_eq!(decoded.spec(), Some(error.spec()));
            }
        }
    }
}
