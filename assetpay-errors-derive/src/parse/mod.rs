//! The first stage: the derive's input read into a small tree ([`Input`]) that keeps the span
//! of every literal and key, so the later stages can point at the token a problem comes from.
//!
//! Every `#[api(...)]` key is read here, `reserved(…)` and the field attribute included, and
//! reported into the one error accumulator, [`Ctxt`], if it is misused: a malformed key is
//! skipped, not fatal, so one compile shows every mistake. Nothing here judges what the values
//! mean together (a code inside its range, a unique key): that is `check`'s job. The message
//! template parser lives here too, though `check` calls it, since it reads a literal's text.
//!
//! The accumulator belongs to this stage because parsing is the first to report into it; the
//! later stages take it over, so every error, wherever found, is reported in one compile.

mod ast;
mod attr;
mod ctxt;
mod field_attr;
mod message;
mod plain;
mod plain_keys;
mod reserved;
mod symbol;
mod value;

pub(crate) use self::ast::{ErrorDecl, Field, Input, Shape};
pub(crate) use self::ctxt::Ctxt;
pub(crate) use self::message::{Piece, Template};
pub(crate) use self::reserved::Retired;
pub(crate) use self::symbol::AttrKey;
pub(crate) use self::value::Located;
