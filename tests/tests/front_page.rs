//! The docs.rs front page (`assetpay-errors/docs/crate.md`) stays complete: its feature table has
//! a row for every feature of `assetpay-errors/Cargo.toml` and no other, and "Where to read on"
//! links every public module of `assetpay-errors/src/lib.rs`. Both lists are read from the files
//! when the test runs, so a new feature or module fails here until the page names it.

use std::path::Path;

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../assetpay-errors")
        .join(path);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// The names declared in the `[features]` table of a `Cargo.toml`.
fn features(manifest: &str) -> Vec<String> {
    manifest
        .lines()
        .skip_while(|line| line.trim() != "[features]")
        .skip(1)
        .map(str::trim)
        .take_while(|line| !line.starts_with('['))
        .filter_map(|line| {
            // `name = [...]`; a continued array's lines and comments name no feature.
            let (name, _) = line.split_once('=')?;
            let name = name.trim();
            let is_name = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            is_name.then(|| name.to_owned())
        })
        .collect()
}

/// The modules a crate root declares `pub mod NAME`, leaving out the `#[doc(hidden)]` ones.
fn public_modules(lib: &str) -> Vec<String> {
    let mut modules = Vec::new();
    let mut hidden = false;
    for line in lib.lines().map(str::trim) {
        if line.starts_with("#[") {
            hidden |= line.contains("doc(hidden)");
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("pub mod ") {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !hidden {
                modules.push(name);
            }
        }
        hidden = false;
    }
    modules
}

/// The rows of the first table after the line `heading`, each row's cells trimmed; the header
/// row and the separator row are left out.
fn table_after(page: &str, heading: &str) -> Vec<Vec<String>> {
    page.lines()
        .skip_while(|line| line.trim() != heading)
        .skip(1)
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|row| {
            row.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn every_feature_of_cargo_toml_has_a_row_in_the_feature_table_and_no_other_does() {
    let declared = features(&read("Cargo.toml"));
    assert!(declared.contains(&"axum".to_owned()), "{declared:?}");
    let page = read("docs/crate.md");
    let rows: Vec<String> = table_after(&page, "# Crate features")
        .into_iter()
        .map(|cells| cells[0].trim_matches('`').to_owned())
        .collect();
    let missing: Vec<&String> = declared.iter().filter(|f| !rows.contains(f)).collect();
    assert!(
        missing.is_empty(),
        "docs/crate.md's feature table lacks {missing:?}"
    );
    let unknown: Vec<&String> = rows.iter().filter(|r| !declared.contains(r)).collect();
    assert!(
        unknown.is_empty(),
        "docs/crate.md's feature table lists {unknown:?}, not features of Cargo.toml"
    );
}

#[test]
fn every_public_module_has_a_row_in_where_to_read_on() {
    let modules = public_modules(&read("src/lib.rs"));
    assert!(modules.contains(&"client".to_owned()), "{modules:?}");
    let page = read("docs/crate.md");
    let rows = table_after(&page, "# Where to read on");
    assert!(
        !rows.is_empty(),
        "docs/crate.md has a \"Where to read on\" table"
    );
    let linked = |module: &String| {
        let link = format!("[`{module}`]");
        rows.iter().any(|cells| cells[1].contains(&link))
    };
    let missing: Vec<&String> = modules.iter().filter(|m| !linked(m)).collect();
    assert!(
        missing.is_empty(),
        "\"Where to read on\" in docs/crate.md has no row linking {missing:?}"
    );
}

#[test]
fn the_readers_find_features_modules_and_table_rows_as_written() {
    let manifest = "[dependencies]\nhttp = \"1\"\n\n[features]\n# a comment\naxum = [\"dep:axum\"]\n\
                    utoipa = [\n  \"dep:utoipa\",\n]\n\n[dev-dependencies]\nserde = \"1\"\n";
    assert_eq!(features(manifest), ["axum", "utoipa"]);

    let lib = "mod private;\npub mod client;\n#[cfg(feature = \"axum\")]\n\
               #[cfg_attr(docsrs, doc(cfg(feature = \"axum\")))]\npub mod axum;\n\
               pub(crate) mod inner;\n#[doc(hidden)]\n#[path = \"private.rs\"]\npub mod __private;\n\
               pub mod inline {\n}\npub use crate::client::Decoder;\n";
    assert_eq!(public_modules(lib), ["client", "axum", "inline"]);

    let page = "# Title\n\ntext\n\n| a | b |\n|---|---|\n| `x` | one |\n| `y` | two |\n\nafter\n\
                | z | other table |\n";
    assert_eq!(
        table_after(page, "# Title"),
        [["`x`", "one"], ["`y`", "two"]]
    );
}
