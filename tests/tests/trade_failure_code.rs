//! `TradeFailureCode` on the wire: the published strings, and codes from newer servers.

use assetpay_errors::trade::TradeFailureCode;
use serde::{Deserialize, Serialize};

/// A trade item as a merchant's client would declare it.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Item {
    status: String,
    error: Option<TradeFailureCode>,
}

#[test]
fn known_codes_serialize_as_the_published_strings() {
    let wire: Vec<String> = TradeFailureCode::KNOWN
        .iter()
        .map(|code| serde_json::to_string(code).unwrap())
        .collect();
    assert_eq!(
        wire,
        [
            r#""LISTING_UNAVAILABLE""#,
            r#""PRICE_CHANGED""#,
            r#""TRADE_URL_INVALID""#,
            r#""STEAM_ACCOUNT_RESTRICTED""#,
            r#""MARKET_UNAVAILABLE""#,
            r#""PURCHASE_FAILED""#,
        ]
    );
    for code in TradeFailureCode::KNOWN {
        let decoded: TradeFailureCode =
            serde_json::from_str(&serde_json::to_string(code).unwrap()).unwrap();
        assert_eq!(&decoded, code);
        assert!(decoded.is_known());
        assert_eq!(code.as_str().parse::<TradeFailureCode>(), Ok(code.clone()));
    }
}

#[test]
fn an_unknown_code_decodes_keeps_its_text_and_reserializes_unchanged() {
    let json = r#"{"status":"failed","error":"ESCROW_HOLD_TOO_LONG"}"#;
    let item: Item = serde_json::from_str(json).unwrap();
    let code = item.error.as_ref().unwrap();
    assert!(!code.is_known());
    assert_eq!(code.as_str(), "ESCROW_HOLD_TOO_LONG");
    assert_eq!(code.to_string(), "ESCROW_HOLD_TOO_LONG");
    assert_eq!(serde_json::to_string(&item).unwrap(), json);
    // Borrowed and owned input take different deserializer paths; both keep the text.
    let from_reader: Item = serde_json::from_reader(json.as_bytes()).unwrap();
    assert_eq!(from_reader, item);
}

#[test]
fn unknown_codes_are_compared_by_their_text_and_never_shadow_known_ones() {
    assert_eq!(
        TradeFailureCode::parse("NEW_REASON"),
        TradeFailureCode::from("NEW_REASON".to_owned())
    );
    assert_ne!(
        TradeFailureCode::parse("NEW_REASON"),
        TradeFailureCode::parse("OTHER_REASON")
    );
    // Matching is exact: a differently cased known code is a code of its own.
    assert!(!TradeFailureCode::parse("price_changed").is_known());
    assert_eq!(
        TradeFailureCode::from("PRICE_CHANGED".to_owned()),
        TradeFailureCode::PriceChanged
    );
}

#[test]
fn non_string_codes_are_rejected() {
    assert!(serde_json::from_str::<TradeFailureCode>("42").is_err());
    assert!(serde_json::from_str::<TradeFailureCode>("null").is_err());
}

#[test]
fn only_market_unavailable_is_retryable() {
    let retryable: Vec<&str> = TradeFailureCode::KNOWN
        .iter()
        .filter(|code| code.is_retryable())
        .map(TradeFailureCode::as_str)
        .collect();
    assert_eq!(retryable, ["MARKET_UNAVAILABLE"]);
    assert!(
        TradeFailureCode::MarketUnavailable
            .guidance()
            .to_lowercase()
            .contains("retry later")
    );
    assert!(!TradeFailureCode::parse("SOMETHING_NEW").is_retryable());
}

#[test]
fn every_code_has_its_own_meaning_and_guidance() {
    let unknown = TradeFailureCode::parse("SOMETHING_NEW");
    let codes: Vec<&TradeFailureCode> = TradeFailureCode::KNOWN.iter().chain([&unknown]).collect();
    for (index, code) in codes.iter().enumerate() {
        for other in &codes[index + 1..] {
            assert_ne!(code.meaning(), other.meaning(), "{code} and {other}");
            assert_ne!(code.guidance(), other.guidance(), "{code} and {other}");
        }
    }
    assert!(unknown.guidance().contains("PURCHASE_FAILED"));
}
