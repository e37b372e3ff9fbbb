//! Tests of the whole pipeline, through the crate-internal `expand::derive` that the proc-macro
//! entry point wraps; each stage's own unit tests stay beside it.

mod declaration;
mod mistakes;
mod robustness;
mod surgery;
mod well_formed;
