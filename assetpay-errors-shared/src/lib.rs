//! What `assetpay-errors` and its derive must agree on, in one place for both: the derive
//! renders with these at expansion time what the runtime reads or renders again at run time.
//!
//! - [`table`]: the hashing and probing of the code and key lookup tables;
//! - [`wire`]: the wire format described once: the envelope's members, their order, the
//!   `details` shape and the request-id header, which every renderer and reader follows;
//! - [`envelope`]: the envelope's byte layout, built from [`wire`] at compile time;
//! - [`rules`]: the published contract's rules, each one `const fn` (with [`const_str`], text
//!   comparison in constant evaluation);
//! - [`grpc`]: gRPC's status codes by name, which `#[api(grpc = "…")]` is checked against;
//! - [`json`]: JSON string escaping, byte for byte serde_json's;
//! - [`published`]: reading a published catalogue file, the contract `#[api(published = …)]`
//!   names and the runtime's contract report compares.
//!
//! Not a public API of its own: use `assetpay-errors`.

#![no_std]

extern crate alloc;

pub mod const_str;
pub mod envelope;
pub mod grpc;
pub mod json;
pub mod problem;
pub mod published;
pub mod rules;
pub mod table;
pub mod wire;
