//! The published contract (`assetpay_errors::contract`): a type checked against its published
//! file compiles when it keeps the rules, the reservations flatten through composition, the
//! JSON carries `deprecated`, and the report and clash listing on hand-made files in
//! `tests/contract/`. The compile errors are the `contract-*` cases of `tests/ui/`.

#![allow(deprecated)]

use std::path::PathBuf;

use assetpay_errors::contract::{
    self, NamedCatalog, PublishedEntry, Report, Reserved, Rule, catalog_json, check_against,
    clashes, compare, parse_published,
};
use assetpay_errors::{ApiError, AssetPayError};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("contract")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn entries(name: &str) -> Vec<PublishedEntry> {
    parse_published(&fixture(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn lines(report: &Report) -> Vec<String> {
    report.changes.iter().map(ToString::to_string).collect()
}

/// Keeps `shop-v1.json`: 11 and 12 as published, the deprecated 13 still declared, 14 retired
/// with its code and key reserved, 20 added. Compiling this is the test of the compile-time
/// rules' "compatible" side.
#[derive(Debug, ApiError)]
#[api(published = "contract/shop-v1.json", reserved(14, "CART_FULL"))]
pub enum ShopError {
    /// Price has changed since you last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// The item is gone
    #[api(code = 12, key = "ITEM_GONE", status = 410, retryable)]
    ItemGone,
    /// The old checkout flow
    #[deprecated = "use the new checkout"]
    #[api(code = 13, key = "OLD_CHECKOUT", status = 400)]
    OldCheckout,
    /// Out of stock
    #[api(code = 20, key = "OUT_OF_STOCK", status = 409)]
    OutOfStock,
}

/// Keeps `shop-v1.json` too, with a published variant behind a `#[cfg]` that keeps it: the
/// derive cannot tell which variants a `#[cfg]` keeps, so this type's removals are checked during
/// constant evaluation, and compiling it is the test that the check finds the entry there.
#[derive(Debug, ApiError)]
#[api(published = "contract/shop-v1.json", reserved(14, "CART_FULL"))]
pub enum ConfiguredShopError {
    /// Price has changed since you last fetched it
    #[cfg(test)]
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// The item is gone
    #[api(code = 12, key = "ITEM_GONE", status = 410, retryable)]
    ItemGone,
    /// The old checkout flow
    #[api(code = 13, key = "OLD_CHECKOUT", status = 400)]
    OldCheckout,
}

#[derive(Debug, ApiError)]
#[api(range = 40..=49, reserved(40..=42))]
pub enum LegacyError {
    /// Legacy
    #[api(code = 43, key = "LEGACY", status = 400)]
    Legacy,
}

#[derive(Debug, ApiError)]
#[api(reserved("RETIRED"))]
pub enum StoreError {
    #[api(transparent)]
    Shop(ShopError),
    #[api(transparent)]
    Legacy(LegacyError),
}

#[derive(Debug, ApiError)]
pub enum PlatformError {
    #[api(transparent)]
    Store(StoreError),
}

#[test]
fn reservations_flatten_through_composition_in_declaration_order() {
    assert_eq!(
        ShopError::RESERVED,
        [
            Reserved::codes(14, 14, "ShopError"),
            Reserved::key("CART_FULL", "ShopError")
        ]
    );
    assert_eq!(
        StoreError::RESERVED,
        [
            Reserved::key("RETIRED", "StoreError"),
            Reserved::codes(14, 14, "ShopError"),
            Reserved::key("CART_FULL", "ShopError"),
            Reserved::codes(40, 42, "LegacyError"),
        ]
    );
    assert_eq!(PlatformError::RESERVED, StoreError::RESERVED);
    assert!(StoreError::RESERVED[3].holds_code(41));
    assert_eq!(StoreError::RESERVED[3].code_range(), Some((40, 42)));
    assert_eq!(StoreError::RESERVED[0].reserved_key(), Some("RETIRED"));
    assert_eq!(
        ConfiguredShopError::CATALOG
            .iter()
            .map(|spec| spec.code())
            .collect::<Vec<_>>(),
        [11, 12, 13]
    );
    // A type that neither reserves nor composes has none.
    assert!(AssetPayError::RESERVED.is_empty());
}

#[test]
fn deprecated_variants_are_marked_in_the_spec_and_the_json() {
    assert!(ShopError::OldCheckout.spec().is_deprecated());
    assert!(!ShopError::PriceChanged.spec().is_deprecated());
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&catalog_json::<ShopError>()).expect("a JSON array");
    assert_eq!(rows[2]["key"], "OLD_CHECKOUT");
    assert_eq!(rows[2]["deprecated"], true);
    // Left out when false, so files published before the field existed stay as they were.
    assert!(rows[0].get("deprecated").is_none(), "{}", rows[0]);
    // The generic function is what AssetPay's `--json` prints.
    assert_eq!(
        catalog_json::<AssetPayError>(),
        assetpay_errors::assetpay::reference::json()
    );
}

#[test]
fn the_current_catalog_against_its_published_file_lists_only_compatible_changes() {
    let report = check_against::<ShopError>(&fixture("shop-v1.json")).expect("readable");
    assert_eq!(
        lines(&report),
        [
            "REMOVED_RESERVED compatible: code `14` `CART_FULL`: removed, code and key reserved",
            "ADDED compatible: code `20` `OUT_OF_STOCK`: added",
        ]
    );
    assert!(!report.is_breaking());
}

#[test]
fn every_change_between_two_files_is_reported_under_its_rule() {
    let reserved = [
        Reserved::codes(13, 13, "ShopError"),
        Reserved::key("OLD_CHECKOUT", "ShopError"),
    ];
    let report = compare(
        &entries("shop-v1.json"),
        &entries("shop-v2.json"),
        &reserved,
    );
    assert_eq!(
        lines(&report),
        [
            "STATUS_CHANGED breaking: code `11` `PRICE_CHANGED`: status 409, now 400",
            "DESCRIPTION_CHANGED compatible: code `11` `PRICE_CHANGED`: description \"Price has changed since you last fetched it\", now \"The price changed\"",
            "CODE_KEY_CHANGED breaking: code `12` `ITEM_GONE`: key `ITEM_GONE`, now `ITEM_REMOVED`",
            "RETRYABLE_REMOVED breaking: code `12` `ITEM_GONE`: retryable, now not retryable",
            "RETRY_AFTER_CHANGED compatible: code `12` `ITEM_GONE`: retry after none, now 30s",
            "MESSAGE_CHANGED compatible: code `12` `ITEM_GONE`: message \"The item is gone\", now \"The item was removed\"",
            "KEY_CODE_CHANGED breaking: code `15` `CART_FULL`: key published with code `14`, now code `15`",
            "RESERVED_REUSED breaking: code `16` `OLD_CHECKOUT`: declares a reserved key",
            "KEY_CODE_CHANGED breaking: code `16` `OLD_CHECKOUT`: key published with code `13`, now code `16`",
            "ADDED compatible: code `20` `OUT_OF_STOCK`: added",
        ]
    );
    assert!(report.is_breaking());
    // The report's text is the lines, one per change.
    assert_eq!(report.to_string().lines().count(), report.changes.len());
}

#[test]
fn removals_are_compatible_only_when_code_and_key_are_reserved() {
    let old = entries("shop-v1.json");
    let kept: Vec<PublishedEntry> = old.iter().take(2).cloned().collect();
    let reserved = [
        Reserved::codes(13, 14, "ShopError"),
        Reserved::key("OLD_CHECKOUT", "ShopError"),
    ];
    let report = compare(&old, &kept, &reserved);
    assert_eq!(
        lines(&report),
        [
            "REMOVED_RESERVED compatible: code `13` `OLD_CHECKOUT`: deprecated error removed, code and key reserved",
            "REMOVED_WITHOUT_RESERVE breaking: code `14` `CART_FULL`: removed, key not reserved",
        ]
    );
    let report = compare(&old, &kept, &[]);
    assert!(
        report
            .changes
            .iter()
            .all(|change| change.rule == Rule::RemovedWithoutReserve)
    );
    assert!(lines(&report)[0].ends_with("deprecated error removed, neither code nor key reserved"));
    // Deprecating and undeprecating are compatible.
    let mut deprecated = old.clone();
    deprecated[0].deprecated = true;
    let report = compare(&old, &deprecated, &[]);
    assert_eq!(report.changes[0].rule, Rule::Deprecated);
    assert!(!report.is_breaking());
    assert_eq!(
        compare(&deprecated, &old, &[]).changes[0].rule,
        Rule::Undeprecated
    );
    assert!(compare(&old, &old, &[]).changes.is_empty());
}

#[test]
fn clashes_between_services_are_listed_and_shared_errors_are_not() {
    let catalogs = [
        NamedCatalog {
            name: "shop".into(),
            entries: entries("shop-v1.json"),
        },
        NamedCatalog {
            name: "market".into(),
            entries: entries("market.json"),
        },
    ];
    let found: Vec<String> = clashes(&catalogs).iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "code `12`: `ITEM_GONE` (status 410) in `shop`, `LISTING_EXPIRED` (status 410) in `market`",
            "key `CART_FULL`: code `14` in `shop`, code `30` in `market`",
        ]
    );
    // The same code with the same key but another status is a clash too.
    let mut moved = entries("market.json");
    moved[0].status = 400;
    let catalogs = [
        NamedCatalog {
            name: "shop".into(),
            entries: entries("shop-v1.json")[..1].to_vec(),
        },
        NamedCatalog {
            name: "market".into(),
            entries: moved,
        },
    ];
    let found = clashes(&catalogs);
    assert_eq!(found.len(), 1);
    assert!(found[0].is_code_clash());
}

#[test]
fn assetpay_is_checked_against_its_shipped_published_file() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../assetpay-errors/published/catalog.json");
    let published = std::fs::read(&path).expect("the published catalogue is in the repository");
    let report = check_against::<AssetPayError>(&published).expect("the file parses");
    assert!(!report.is_breaking(), "{report}");
    // Every published entry is still declared: the file is the catalogue or older.
    assert_eq!(
        contract::parse_published(&published).unwrap().len(),
        AssetPayError::CATALOG.len()
    );
}

#[test]
fn the_published_format_reads_back_as_the_catalogue() {
    // What `catalog_json` writes is what the derive and the report read: every field comes back.
    let json = catalog_json::<AssetPayError>();
    let entries = parse_published(json.as_bytes()).expect("the catalogue's own JSON reads");
    assert_eq!(entries.len(), AssetPayError::CATALOG.len());
    for (entry, spec) in entries.iter().zip(AssetPayError::CATALOG) {
        assert_eq!(
            (entry.code, entry.key.as_str(), entry.status),
            (spec.code(), spec.key(), spec.status().as_u16())
        );
        assert_eq!(
            (entry.retryable, entry.retry_after, entry.deprecated),
            (
                spec.is_retryable(),
                spec.retry_after_secs(),
                spec.is_deprecated()
            ),
            "{}",
            spec.key()
        );
        assert_eq!(entry.description.as_deref(), Some(spec.description()));
        assert_eq!(entry.message.as_deref(), Some(spec.message()));
        assert_eq!(
            entry.domain.as_deref(),
            spec.domain().map(|domain| domain.name())
        );
    }
}

#[test]
fn a_wrong_type_in_report_input_is_an_error_at_the_value() {
    let error =
        check_against::<ShopError>(b"[\n  {\"code\": 1, \"key\": \"A\", \"status\": \"409\"}\n]")
            .unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 2, column 41: invalid type: string \"409\", expected u16"
    );
}

#[test]
fn malformed_report_input_is_an_error_with_its_position() {
    let error = check_against::<ShopError>(b"[\n  {\"code\": 1,}\n]").unwrap_err();
    assert!(
        error.to_string().starts_with("line 2, column 14:"),
        "{error}"
    );
}

#[test]
fn every_rule_has_an_upper_snake_id_and_a_row_in_the_documented_table() {
    let docs = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../assetpay-errors/src/contract/mod.rs"),
    )
    .expect("the contract module's source");
    for rule in Rule::ALL {
        let id = rule.id();
        assert!(
            id.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'),
            "{id}"
        );
        assert_eq!(rule.to_string(), id);
        let row = format!("//! | `{id}` | {} |", rule.severity());
        assert!(docs.contains(&row), "the rule table has no row {row:?}");
    }
    let breaking: Vec<&str> = Rule::ALL
        .iter()
        .filter(|rule| rule.is_breaking())
        .map(|rule| rule.id())
        .collect();
    assert_eq!(
        breaking,
        [
            "CODE_KEY_CHANGED",
            "KEY_CODE_CHANGED",
            "STATUS_CHANGED",
            "RETRYABLE_REMOVED",
            "REMOVED_WITHOUT_RESERVE",
            "RESERVED_REUSED",
            "PARAM_REMOVED"
        ]
    );
}

/// A catalogue whose published message had parameters, as it is declared now.
#[derive(Debug, ApiError)]
#[api(range = 1..=99)]
enum LimitsError {
    /// Too many items in a single request
    #[api(
        code = 8,
        key = "TOO_MANY_ITEMS",
        status = 400,
        message = "At most {limit} items, not {given}"
    )]
    TooManyItems { limit: usize, given: usize },
    /// The basket is empty
    #[api(
        code = 9,
        key = "EMPTY_BASKET",
        status = 422,
        message = "Add {minimum} item first"
    )]
    EmptyBasket { minimum: usize },
}

#[test]
fn a_removed_or_renamed_message_parameter_is_a_breaking_change() {
    let published = br#"[
      {"code": 8, "key": "TOO_MANY_ITEMS", "status": 400, "message": "At most {max} items, not {given}", "params": ["max", "given"]},
      {"code": 9, "key": "EMPTY_BASKET", "status": 422, "message": "Add an item first"}
    ]"#;
    // The declared messages name their parameters as the published file lists them.
    assert_eq!(
        LimitsError::TooManyItems {
            limit: 50,
            given: 51
        }
        .message(),
        "At most 50 items, not 51"
    );
    assert_eq!(
        LimitsError::EmptyBasket { minimum: 1 }.message(),
        "Add 1 item first"
    );
    let report = check_against::<LimitsError>(published).expect("readable");
    let params: Vec<String> = report
        .changes
        .iter()
        .filter(|change| change.rule == Rule::ParamRemoved)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        params,
        [
            "PARAM_REMOVED breaking: code `8` `TOO_MANY_ITEMS`: message parameter `max` removed or renamed, now `limit`, `given`"
        ]
    );
    assert!(report.is_breaking());
    // A parameter added to a message is compatible: its wording changed, nothing a client renders is lost.
    let empty_basket: Vec<Rule> = report
        .changes
        .iter()
        .filter(|change| change.code == 9)
        .map(|change| change.rule)
        .collect();
    assert_eq!(
        empty_basket,
        [Rule::DescriptionChanged, Rule::MessageChanged]
    );
    // The current catalogue against its own JSON: no change at all.
    let own = catalog_json::<LimitsError>();
    assert!(
        check_against::<LimitsError>(own.as_bytes())
            .unwrap()
            .changes
            .is_empty()
    );
    assert!(
        own.contains(r#""params": ["#) || own.contains(r#""params":["#),
        "{own}"
    );
}
