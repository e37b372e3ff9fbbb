//! The compile errors of `#[derive(ApiError)]`: each case in `tests/ui/` must fail to compile
//! with exactly the diagnostics in its `.stderr`, which point at the offending token.
//!
//! The snapshots are rendered by the toolchain pinned in `rust-toolchain.toml`; after a
//! deliberate change to a message, regenerate them with
//! `TRYBUILD=overwrite cargo test -p assetpay-errors-tests --test ui` and read the diff.

#[test]
fn ui() {
    copy_published_fixtures();
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}

/// `#[api(published = "…")]` is relative to the compiled crate's `CARGO_MANIFEST_DIR`, which for
/// a UI case is the project trybuild generates under `<target>/tests/trybuild/<crate>/`, not this
/// crate. The cases name `published/NAME.json`, so the fixtures in `ui/published/` are copied
/// there before the cases compile. (`CARGO_TARGET_TMPDIR` is `<target>/tmp`, and trybuild uses
/// the same target directory.)
fn copy_published_fixtures() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/published");
    let target = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is <target>/tmp");
    let project = target.join("tests/trybuild").join(env!("CARGO_PKG_NAME"));
    let copies = project.join("published");
    std::fs::create_dir_all(&copies)
        .unwrap_or_else(|error| panic!("cannot create {}: {error}", copies.display()));
    for entry in std::fs::read_dir(&fixtures).expect("tests/ui/published exists") {
        let path = entry.expect("readable directory entry").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, copies.join(name))
            .unwrap_or_else(|error| panic!("cannot copy {}: {error}", path.display()));
    }
}

/// The suite must stay broad, with kebab-case names, and no snapshot may show a panicking derive
/// ("proc-macro derive panicked"): a panic has no span and tells the user nothing.
#[test]
fn snapshots_cover_every_case_and_none_shows_a_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/ui exists") {
        let path = entry.expect("readable directory entry").path();
        if path.extension().and_then(|ext| ext.to_str()) != Some("rs") {
            continue;
        }
        cases += 1;
        let name = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default();
        assert!(
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "UI case `{name}` is not kebab-case"
        );
        let stderr = std::fs::read_to_string(path.with_extension("stderr"))
            .unwrap_or_else(|error| panic!("{name}.stderr: {error}"));
        assert!(stderr.starts_with("error"), "{name}.stderr holds no error");
        // Cross-enum clashes are const panics ("evaluation panicked: duplicate code …"), which
        // is how they become compile errors; a panic of the derive itself is a bug.
        assert!(
            !stderr.contains("derive panicked"),
            "{name}.stderr shows a panic:\n{stderr}"
        );
    }
    assert!(cases >= 40, "only {cases} UI cases");
}
