//! The JSON catalogue (`cargo run --example catalog -- --json`): its content, and a byte-for-byte
//! snapshot so any change to it is deliberate.
//!
//! After an intended change, regenerate the snapshot and commit it with the change:
//!
//! ```text
//! UPDATE_SNAPSHOTS=1 cargo test -p assetpay-errors-tests --test catalog_json
//! ```

use std::path::PathBuf;

use assetpay_errors::assetpay::reference;
use assetpay_errors::{ApiError, AssetPayError};
use serde_json::Value;

fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("snapshots/catalog.json")
}

#[test]
fn json_matches_the_committed_snapshot() {
    let generated = reference::json();
    let path = snapshot_path();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|value| value == "1") {
        std::fs::write(&path, &generated)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read the snapshot {}: {error}; create it with \
             UPDATE_SNAPSHOTS=1 cargo test -p assetpay-errors-tests --test catalog_json",
            path.display()
        )
    });
    if generated != committed {
        let first_difference = generated
            .lines()
            .zip(committed.lines())
            .position(|(generated, committed)| generated != committed)
            .map_or_else(
                || "one is a prefix of the other".to_owned(),
                |index| {
                    format!(
                        "line {}: generated {:?}, snapshot {:?}",
                        index + 1,
                        generated.lines().nth(index).unwrap_or_default(),
                        committed.lines().nth(index).unwrap_or_default()
                    )
                },
            );
        panic!(
            "the JSON catalogue differs from {} ({first_difference}). If the change is intended, \
             run UPDATE_SNAPSHOTS=1 cargo test -p assetpay-errors-tests --test catalog_json and \
             commit the snapshot with it.",
            path.display()
        );
    }
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
