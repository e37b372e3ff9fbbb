//! `#[api(published = "…")]` and `#[api(reserved(…))]`: the published contract, as far as the
//! derive can judge it.
//!
//! This module reads the published file (relative to the user's `CARGO_MANIFEST_DIR`),
//! reporting a missing or malformed file at the path literal; it is the derive's one reader of
//! `assetpay_errors_shared::published`. The comparison itself runs during constant evaluation,
//! in `assetpay_errors::__private::check_contract`, over the flattened catalogue: the same code
//! for a type's own variants and for the entries its transparent variants bring, which only
//! rustc can see. What is decided here is where to ask for it: for a type the derive sees
//! whole, only at the places where the rules, applied here to what it knows, can break. The
//! rules are `assetpay_errors_shared::rules`, the same `const fn`s the constant evaluation and the
//! runtime's contract report call, so the three cannot drift apart.

use std::collections::{HashMap, HashSet};

use assetpay_errors_shared::published;
use assetpay_errors_shared::rules::{self, Terms};

use super::model::{
    Checked, Contract, ContractCheck, ContractPart, Own, Published, PublishedEntry,
};
use crate::parse::{Ctxt, Input, Located, Retired};

/// At most this many entries are reported as removed: as many as `ContractBreaks` records.
const REMOVED_CHECKS: usize = 8;

/// The published file named by the type, or `None` (a missing or malformed file reported into
/// `cx`, at the path literal).
pub(crate) fn read(cx: &Ctxt, input: &Input) -> Option<Published> {
    let path = input.attrs.published.as_ref()?;
    if std::path::Path::new(&path.value).is_absolute() {
        // The build tracks the file as `CARGO_MANIFEST_DIR/PATH`, and an absolute path would
        // tie the crate to one machine.
        cx.error_at(
            path.span,
            "`published` is a path relative to the crate's Cargo.toml, not an absolute path",
        );
        return None;
    }
    let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        cx.error_at(
            path.span,
            "cannot locate the published catalogue: `CARGO_MANIFEST_DIR` is not set, build with cargo",
        );
        return None;
    };
    let file = std::path::Path::new(&manifest_dir).join(&path.value);
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(error) => {
            cx.error_at(
                path.span,
                format!(
                    "cannot read the published catalogue `{}` (relative to the crate's Cargo.toml): {error}",
                    path.value
                ),
            );
            return None;
        }
    };
    match published::parse(&bytes) {
        Ok(entries) => Some(Published {
            path: path.clone(),
            entries: entries
                .into_iter()
                .map(|entry| PublishedEntry {
                    code: entry.code,
                    key: entry.key,
                    status: entry.status,
                    retryable: entry.retryable,
                    deprecated: entry.deprecated,
                    params: entry.params,
                })
                .collect(),
        }),
        Err(error) => {
            cx.error_at(
                path.span,
                format!("malformed published catalogue `{}`: {error}", path.value),
            );
            None
        }
    }
}

/// `PARAM_REMOVED`: a declaration whose code and key are published keeps every parameter of the
/// published message, each reported at the message (a front end's translation fills them in by
/// name). Decided here, where both are known as text: a parameter name is no constant the
/// compile-time checker could compare without embedding every message's names. An entry brought
/// in by `#[api(transparent)]` is checked by its own type's derive, against that type's file,
/// and by `contract::check_against` for the composite's.
pub(crate) fn check_params(cx: &Ctxt, errors: &[Checked<'_>], published: &Published) {
    for checked in errors {
        let Checked::Own(own) = checked else {
            continue;
        };
        let Some(entry) = published
            .entries
            .iter()
            .find(|entry| entry.code == own.code.value && entry.key == own.key.value)
        else {
            continue;
        };
        let declared: Vec<&str> = own
            .template
            .params()
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        for param in &entry.params {
            if rules::param_removed(param, &declared) {
                let span = own.template_span.unwrap_or(own.decl.span);
                cx.error_at(
                    span,
                    format!(
                        "published `{}` has the message parameter `{param}`, which this message no longer names: a removed or renamed parameter breaks the published contract (`PARAM_REMOVED`); keep `{{{param}}}` in the message",
                        entry.key
                    ),
                );
            }
        }
    }
}

/// The contract checks of a valid declaration, or `None` when the type takes no part: it names
/// no published file, reserves nothing and composes no type that may.
pub(crate) fn plan<'a>(
    errors: &[Checked<'_>],
    published: Option<Published>,
    reserved: &'a [Located<Retired>],
) -> Option<Contract<'a>> {
    let composed = errors
        .iter()
        .any(|checked| matches!(checked, Checked::Transparent(_)));
    if published.is_none() && reserved.is_empty() && !composed {
        return None;
    }
    let entries = published
        .as_ref()
        .map_or(&[][..], |published| &published.entries[..]);
    // A type the derive sees whole has only its own entries and reservations, which are known
    // here: a check is emitted only where the same rules can report a break, and when none can,
    // the file is not embedded and nothing is evaluated, so a large catalogue that keeps its
    // contract costs only the file's parsing. A composed type's entries and reservations are
    // known only to rustc, so all of its checks are emitted.
    let suspects = Suspects::new(entries, reserved);
    let checks = errors
        .iter()
        .map(|checked| match checked {
            Checked::Transparent(transparent) => vec![ContractCheck {
                part: ContractPart::Within,
                span: transparent.span,
            }],
            Checked::Own(own) => {
                let suspect = if composed {
                    Suspect::ALL
                } else {
                    suspects.of(own)
                };
                // Without a published file only a reservation can be broken, at a code or key.
                let published = published.is_some();
                [
                    (suspect.code, ContractPart::Code, own.code.span),
                    (suspect.key, ContractPart::Key, own.key.span),
                    (
                        published && suspect.status,
                        ContractPart::Status,
                        own.status.span,
                    ),
                    (
                        published && suspect.declaration,
                        ContractPart::Declaration,
                        own.decl.span,
                    ),
                ]
                .into_iter()
                .filter(|(wanted, _, _)| *wanted)
                .map(|(_, part, span)| ContractCheck { part, span })
                .collect()
            }
        })
        .collect();
    // One check per entry the file can lose, up to as many as the checker records.
    let removed = if composed || suspects.can_lose(errors) {
        entries.len().min(REMOVED_CHECKS)
    } else {
        0
    };
    Some(Contract {
        published,
        reserved,
        checks,
        removed,
    })
}

/// Where a declaration can break the contract, by the rules `check_contract` applies (a
/// superset: a check that finds nothing costs only its constant).
#[derive(Clone, Copy)]
struct Suspect {
    code: bool,
    key: bool,
    status: bool,
    declaration: bool,
}

impl Suspect {
    const ALL: Suspect = Suspect {
        code: true,
        key: true,
        status: true,
        declaration: true,
    };
}

/// The published entries and reservations of a type the derive sees whole, indexed.
struct Suspects<'a> {
    entries: &'a [PublishedEntry],
    by_code: HashMap<u16, &'a PublishedEntry>,
    by_key: HashMap<&'a str, Vec<&'a PublishedEntry>>,
    reserved: &'a [Located<Retired>],
}

impl<'a> Suspects<'a> {
    fn new(entries: &'a [PublishedEntry], reserved: &'a [Located<Retired>]) -> Self {
        let mut by_code = HashMap::new();
        let mut by_key = HashMap::new();
        for entry in entries {
            by_code.entry(entry.code).or_insert(entry);
            by_key
                .entry(entry.key.as_str())
                .or_insert_with(Vec::new)
                .push(entry);
        }
        Suspects {
            entries,
            by_code,
            by_key,
            reserved,
        }
    }

    /// Whether a published entry can be reported as removed (`REMOVED_WITHOUT_RESERVE`): its
    /// code and key both undeclared, and not both reserved. A `#[cfg]` variant may be compiled
    /// out, so with one this is always true.
    fn can_lose(&self, errors: &[Checked<'_>]) -> bool {
        let mut codes = HashSet::new();
        let mut keys = HashSet::new();
        for checked in errors {
            match checked {
                Checked::Own(own) if own.decl.cfgs.is_empty() => {
                    codes.insert(own.code.value);
                    keys.insert(own.key.value.as_str());
                }
                _ => return true,
            }
        }
        self.entries.iter().any(|entry| {
            rules::is_gone(
                codes.contains(&entry.code),
                keys.contains(entry.key.as_str()),
            ) && rules::removed_without_reserve(
                self.code_reserved(entry.code),
                self.key_reserved(&entry.key),
            )
        })
    }

    fn code_reserved(&self, code: u16) -> bool {
        self.reserved.iter().any(|item| match &item.value {
            Retired::Codes { first, last } => rules::reserved_code_reused(*first, *last, code),
            Retired::Key(_) => false,
        })
    }

    fn key_reserved(&self, key: &str) -> bool {
        self.reserved.iter().any(|item| match &item.value {
            Retired::Key(reserved) => rules::reserved_key_reused(reserved, key),
            Retired::Codes { .. } => false,
        })
    }

    fn of(&self, own: &Own) -> Suspect {
        let declared = Terms {
            code: own.code.value,
            key: own.key.value.as_str(),
            status: own.status.value,
            retryable: own.retryable,
        };
        let same_code = self.by_code.get(&declared.code);
        let broken_by = |rule: fn(Terms<'_>, Terms<'_>) -> bool| {
            same_code.is_some_and(|entry| rule(entry.terms(), declared))
        };
        let key_moved = self.by_key.get(declared.key).is_some_and(|entries| {
            entries
                .iter()
                .any(|entry| rules::key_code_changed(entry.terms(), declared))
        });
        Suspect {
            // RESERVED_REUSED, KEY_CODE_CHANGED
            code: self.code_reserved(declared.code) || key_moved,
            // RESERVED_REUSED, CODE_KEY_CHANGED
            key: self.key_reserved(declared.key) || broken_by(rules::code_key_changed),
            // STATUS_CHANGED
            status: broken_by(rules::status_changed),
            // RETRYABLE_REMOVED
            declaration: broken_by(rules::retryable_removed),
        }
    }
}
