//! The JSON catalogue (`cargo run --example catalog -- --json`): its content, and a byte-for-byte
//! snapshot so any change to it is deliberate.
//!
//! After an intended change, regenerate the snapshot and commit it with the change:
//!
//! ```text
//! UPDATE_SNAPSHOTS=1 cargo test -p assetpay-errors-tests --test catalog_json
//! ```

mod snapshot_support;

use assetpay_errors::assetpay::reference;
use assetpay_errors::{ApiError, AssetPayError};
use serde_json::Value;

use snapshot_support::assert_matches_snapshot;

#[test]
fn json_matches_the_committed_snapshot() {
    assert_matches_snapshot("catalog.json", &reference::json(), "catalog_json");
}

#[test]
fn json_has_one_object_per_error_with_the_documented_fields() {
    let rows: Vec<Value> = serde_json::from_str(&reference::json()).expect("valid JSON array");
    assert_eq!(rows.len(), AssetPayError::CATALOG.len());
    for (row, spec) in rows.iter().zip(AssetPayError::CATALOG) {
        assert_eq!(row["code"], spec.code(), "{row}");
        assert_eq!(row["key"], spec.key(), "{row}");
        assert_eq!(row["status"], spec.status().as_u16(), "{row}");
        assert_eq!(row["description"], spec.description(), "{row}");
        assert_eq!(row["message"], spec.message(), "{row}");
        assert_eq!(
            row["domain"],
            spec.domain()
                .expect("every AssetPay error has a domain")
                .name(),
            "{row}"
        );
        assert_eq!(row["retryable"], spec.is_retryable(), "{row}");
    }
}

#[test]
fn json_keeps_curly_apostrophes_unescaped() {
    let json = reference::json();
    assert!(json.contains(r#""description": "You don’t have permission to access this resource""#));
}

#[test]
fn json_gives_each_entrys_error_type_which_is_its_key() {
    let rows: Vec<Value> = serde_json::from_str(&reference::json()).expect("valid JSON array");
    for (row, spec) in rows.iter().zip(AssetPayError::CATALOG) {
        assert_eq!(row["errorType"], spec.key(), "{row}");
    }
}
