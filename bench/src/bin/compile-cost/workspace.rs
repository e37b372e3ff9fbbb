//! The workspace in `bench/work/` that holds the 2,000-variant subjects, one crate each.

use std::path::Path;

/// One crate of the workspace: a 2,000-variant declaration, rebuilt alone.
pub struct Subject {
    pub name: &'static str,
    pub what: &'static str,
    pub source: String,
    /// Features of `assetpay-errors` the subject turns on.
    pub features: &'static [&'static str],
    /// `published.json` beside the subject's `Cargo.toml`, for the contract subject.
    pub published: Option<String>,
}

/// Writes `subjects` as the members of the workspace in `work`, each depending on the runtime
/// at `runtime`, `http` and `thiserror`.
pub fn write_workspace(work: &Path, runtime: &Path, subjects: &[&Subject]) {
    let members: Vec<String> = subjects.iter().map(|s| format!("{:?}", s.name)).collect();
    std::fs::write(
        work.join("Cargo.toml"),
        format!("[workspace]\nresolver = \"3\"\nmembers = [{}]\n\n[profile.release]\nincremental = false\n[profile.dev]\nincremental = false\n", members.join(", ")),
    )
    .expect("write workspace manifest");
    for subject in subjects {
        let dir = work.join(subject.name);
        std::fs::create_dir_all(dir.join("src")).expect("create crate dir");
        std::fs::write(
            dir.join("Cargo.toml"),
            format!(
                "[package]\nname = {:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nassetpay-errors = {{ path = {:?}, features = {:?} }}\nhttp = \"1\"\nthiserror = \"2\"\n",
                subject.name, runtime, subject.features
            ),
        )
        .expect("write crate manifest");
        std::fs::write(
            dir.join("src/lib.rs"),
            format!("#![allow(dead_code)]\n{}", subject.source),
        )
        .expect("write lib.rs");
        if let Some(published) = &subject.published {
            std::fs::write(dir.join("published.json"), published).expect("write published.json");
        }
    }
}
