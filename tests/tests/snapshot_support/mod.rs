//! Committed snapshots of generated files (`tests/snapshots/`): a test compares what the code
//! generates now with the committed copy, so a change to it is deliberate and shows in review.
//! `UPDATE_SNAPSHOTS=1` rewrites the copy instead.

use std::path::PathBuf;

/// Compares `generated` with `tests/snapshots/{file}`, or rewrites that file when
/// `UPDATE_SNAPSHOTS=1`. `test` names the test binary, for the command the failure suggests.
pub fn assert_matches_snapshot(file: &str, generated: &str, test: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("snapshots")
        .join(file);
    let refresh = format!("UPDATE_SNAPSHOTS=1 cargo test -p assetpay-errors-tests --test {test}");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|value| value == "1") {
        std::fs::write(&path, generated)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read the snapshot {}: {error}; create it with {refresh}",
            path.display()
        )
    });
    if generated == committed {
        return;
    }
    let difference = generated
        .lines()
        .zip(committed.lines())
        .position(|(generated, committed)| generated != committed)
        .map_or_else(
            || {
                if generated.lines().count() == committed.lines().count() {
                    "the line endings differ".to_owned()
                } else {
                    "one is a prefix of the other".to_owned()
                }
            },
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
        "the generated file differs from {} ({difference}). If the change is intended, run \
         {refresh} and commit the snapshot with it.",
        path.display()
    );
}
