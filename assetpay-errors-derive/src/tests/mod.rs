//! Tests of the whole pipeline, through the crate-internal `derive` (and `derive_with`) that the
//! proc-macro entry point wraps; each stage's own unit tests stay beside it.

mod declaration;
mod integrations;
mod mistakes;
mod robustness;
mod stubs;
mod surgery;
mod well_formed;
