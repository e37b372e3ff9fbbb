//! Integration tests and the trybuild UI suite live under `tests/`; this library holds only the
//! README's examples, as doctests.

/// The repository's README, whose Rust blocks are this item's doctests: `cargo test --workspace`
/// compiles and runs every one of them, so the README cannot show code that no longer works.
/// Blocks in other languages carry their language (`sh`, `json`, `toml`) and are not run.
///
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
