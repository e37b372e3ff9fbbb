//! Localized messages: translations of a catalogue's messages beside its declaration, checked
//! against it by a one-line test, and the language negotiated from `Accept-Language`.
//!
//! # Format: Project Fluent
//!
//! Translations are [Project Fluent](https://projectfluent.org) `.ftl` files, read with the
//! `fluent-bundle` crate (Mozilla's, used by Firefox): Fluent is the format the field uses for
//! messages with parameters and plurals (its select expressions give each language its own plural
//! forms, which gettext's `.po` and a JSON table of strings cannot say per message), and it has a
//! spec'd syntax with a Rust parser whose AST the check walks. The `l10n` feature adds it;
//! fluent-bundle has no cargo features to trim.
//!
//! One file per locale, named `{tag}.ftl` (the check's messages name files that way); the message
//! id is the error key and the variables are the message's parameters, by the names of
//! [`ErrorSpec::params`](crate::ErrorSpec::params):
//!
//! ```ftl
//! PRICE_CHANGED = Le prix a changé depuis votre devis
//! TOO_MANY_ITEMS = { $max ->
//!     [one] Au plus { $max } article par requête
//!    *[other] Au plus { $max } articles par requête
//! }
//! ```
//!
//! **The default locale has no file**: its text is the declared message itself (English for
//! AssetPay), so the declaration stays the one source of its language and cannot drift from a
//! copy. [`Translations::new`] names it.
//!
//! Parameters reach Fluent as the strings [`ApiError::message_fields`](crate::ApiError::message_fields)
//! formats (the values the declared message prints, and what the envelope's `params` carries); a
//! value that is a plain decimal number is passed as a Fluent number, so plural variants select
//! on it, and it prints as the same text. Fluent's bidi isolation marks are off: JSON clients get
//! plain text, and marks would be invisible characters in a message they compare or log.
//!
//! # Fallback
//!
//! A locale registered with [`Translations::with_partial_locale`] may leave keys out. A missing
//! message is looked up by RFC 4647 §3.4's truncation of the locale's tag (`fr-CA` → `fr`) among
//! the registered locales, and when none has it, the default locale's: the declared message.
//! [`Translations::localize`] applies the rule and says which locale the text came from, so the
//! `Content-Language` of a response is the language its message is in.
//!
//! # The check
//!
//! [`Translations::check`] (and [`Translations::assert_checked`], its one line for a test)
//! proves a catalogue's translations complete and consistent. It is a test helper and not part of
//! the derive: checking at compile time would put fluent-syntax (and reading files beside the
//! source) into the proc-macro, which is on the critical path of every clean build: `BENCHMARKS.md`
//! ("Dependency cost", run 10) measures the crate with the derive at +3.60 s over serde + http,
//! against +1.60 s for thiserror, after #22 took serde out of the proc-macro to get there; the
//! parser would be compiled before any derive could run (its own cost was not measured here). A
//! test costs only the
//! test's build and stops the same mistakes before the code ships, since `cargo test` gates every
//! change. Its messages name the file, line and column (`fr.ftl:3:1: …`), as a compiler's would.
//!
//! # Negotiation
//!
//! [`Translations::negotiate`] picks the locale for an `Accept-Language` header by RFC 4647 §3.4
//! lookup.

mod accept_language;
mod check;
mod fallback;
mod pattern;
mod position;
mod translations;
pub mod typescript;

pub use self::accept_language::{LanguageRange, parse_accept_language};
pub use self::check::{Coverage, Fallback, Problem, Report};
pub use self::position::Position;
pub use self::translations::{Completeness, Localized, Translations, TranslationsError};
