//! Integration tests and the trybuild UI suite live under `tests/`; this library holds the
//! README's examples, as doctests, and what several test binaries share with no copy of its own
//! in each: the pinned tools of other ecosystems the tests install and run ([`pinned_tools`]).

pub mod pinned_tools;

/// The repository's README, whose Rust blocks are this item's doctests: `cargo test --workspace`
/// compiles and runs every one of them, so the README cannot show code that no longer works.
/// Blocks in other languages carry their language (`sh`, `json`, `toml`) and are not run.
///
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
