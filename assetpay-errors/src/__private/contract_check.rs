//! The compile-time half of the published contract (`#[api(published = …)]`,
//! `#[api(reserved(…))]`): the derive embeds the published file's entries and the reserved codes
//! and keys as constants, and one constant evaluation of [`check_contract`] compares them with
//! the type's flattened catalogue. The derive then emits one tiny check per place a break can be
//! reported (a code, key or status literal, a transparent variant, the `published` path), which
//! panics with the break found there, so the compile error points at it.
//!
//! For a type the derive sees whole (no `#[api(transparent)]`), it applies the same rules to what
//! it read while expanding and emits a check only where one can break; when none can (the common
//! case, a catalogue that keeps its contract), nothing here is evaluated at all. That is what
//! keeps a 2,000-entry published file cheap to check (BENCHMARKS.md, "Runs 6–8"). A `#[cfg]`
//! variant may be compiled out, so a type with one always has its removals checked here.
//!
//! The rules are those of [`contract`](crate::contract), by the same ids.

use assetpay_errors_shared::published::BREAKS_PER_COMPILE;
use assetpay_errors_shared::rules::{self, Terms};

use super::const_text::{ConstText, str_eq};
use super::findings::Findings;
use crate::spec::ErrorSpec;
use crate::spec::{Reserved, code_is_reserved, key_is_reserved};

/// One entry of a published file, as far as the compile-time rules read it.
pub struct PublishedSpec {
    terms: Terms<'static>,
    deprecated: bool,
}

/// The [`PublishedSpec`] the derive read from the file.
pub const fn published_spec(
    code: u16,
    key: &'static str,
    status: u16,
    retryable: bool,
    deprecated: bool,
) -> PublishedSpec {
    PublishedSpec {
        terms: Terms {
            code,
            key,
            status,
            retryable,
        },
        deprecated,
    }
}

/// Where a break is reported: at the declaration's code, key or status literal, or at the
/// declaration as a whole. The tag of its [`Findings`].
#[derive(Clone, Copy)]
enum Part {
    Code,
    Key,
    Status,
    Declaration,
}

/// What [`check_contract`] found: breaks of the catalogue's entries, each at its catalogue index,
/// and published entries that are gone without being reserved.
pub struct ContractBreaks {
    breaks: Findings<BREAKS_PER_COMPILE>,
    removed: Findings<BREAKS_PER_COMPILE>,
}

impl ContractBreaks {
    const NONE: ContractBreaks = ContractBreaks {
        breaks: Findings::NONE,
        removed: Findings::NONE,
    };

    const fn record(&mut self, at: usize, part: Part, text: ConstText) {
        self.breaks.record(at, part as u8, text);
    }

    const fn at(&self, index: usize, part: Part) -> Option<&str> {
        self.breaks.find(index, index + 1, Some(part as u8))
    }

    /// The first break of the entry at `index` reported at its code literal.
    pub const fn at_code(&self, index: usize) -> Option<&str> {
        self.at(index, Part::Code)
    }

    /// The first break of the entry at `index` reported at its key literal.
    pub const fn at_key(&self, index: usize) -> Option<&str> {
        self.at(index, Part::Key)
    }

    /// The first break of the entry at `index` reported at its status literal.
    pub const fn at_status(&self, index: usize) -> Option<&str> {
        self.at(index, Part::Status)
    }

    /// The first break of the entry at `index` reported at the declaration.
    pub const fn at_declaration(&self, index: usize) -> Option<&str> {
        self.at(index, Part::Declaration)
    }

    /// The first break of any entry in `catalog[start..end]`: for a transparent declaration,
    /// which brings those entries.
    pub const fn within(&self, start: usize, end: usize) -> Option<&str> {
        self.breaks.within(start, end)
    }

    /// The `nth` published entry that is no longer declared and not reserved.
    pub const fn removed(&self, nth: usize) -> Option<&str> {
        self.removed.nth(nth)
    }
}

/// Checks `catalog` (flattened, of the type named `composite`) against the `published` entries
/// and the `reserved` codes and keys:
///
/// - `CODE_KEY_CHANGED`, `STATUS_CHANGED`, `RETRYABLE_REMOVED`: a published code is declared
///   with another key, another status, or no longer retryable;
/// - `KEY_CODE_CHANGED`: a published key is declared with another code;
/// - `RESERVED_REUSED`: a declared code or key is reserved; a reservation made by the type that
///   declares the entry was already checked by that type's own derive, so it is skipped here;
/// - `REMOVED_WITHOUT_RESERVE`: a published entry whose code and key are both gone, with the
///   code or the key not reserved. (When only one is gone, the other's declaration already
///   reports the change.)
pub const fn check_contract(
    catalog: &[ErrorSpec],
    published: &[PublishedSpec],
    reserved: &[Reserved],
    composite: &str,
) -> ContractBreaks {
    let mut breaks = ContractBreaks::NONE;
    // Indexed by code, so the common case (every published code still declared as it was)
    // costs one look-up per entry: comparing every entry with every published one was
    // 4 million steps for 2,000 entries, over rustc's limit for constant evaluation.
    let mut published_by_code = CodeIndex::EMPTY;
    let mut index = 0;
    while index < published.len() {
        published_by_code.keep_first(published[index].terms.code, index);
        index += 1;
    }
    let mut declared_by_code = CodeIndex::EMPTY;
    let mut index = 0;
    while index < catalog.len() {
        declared_by_code.keep_first(catalog[index].code, index);
        check_entry(
            &mut breaks,
            index,
            &catalog[index],
            published,
            &published_by_code,
            reserved,
            composite,
        );
        index += 1;
    }
    let mut index = 0;
    while index < published.len() {
        let entry = &published[index];
        // The key is looked for only when the code is gone: an entry whose code is still
        // declared is not gone, whatever its key (a changed key is reported at the
        // declaration), so the common case costs one look-up.
        let code_declared = declared_by_code.first(entry.terms.code).is_some();
        let gone =
            !code_declared && rules::is_gone(code_declared, has_key(catalog, entry.terms.key));
        if gone {
            let code_reserved = code_is_reserved(reserved, entry.terms.code);
            let key_reserved = key_is_reserved(reserved, entry.terms.key);
            if rules::removed_without_reserve(code_reserved, key_reserved)
                && !breaks.removed.is_full()
            {
                let text = describe_removed(entry, code_reserved, key_reserved);
                breaks.removed.record(index, 0, text);
            }
        }
        index += 1;
    }
    breaks
}

/// For each code, the index of the first entry with it: of the published entries, and of the
/// catalogue's. Catalogues hold at most 65,534 entries, so an index fits below [`NO_INDEX`].
struct CodeIndex {
    by_code: [u16; 65536],
}

/// No entry has this code.
const NO_INDEX: u16 = u16::MAX;

impl CodeIndex {
    const EMPTY: CodeIndex = CodeIndex {
        by_code: [NO_INDEX; 65536],
    };

    /// Records that the entry at `index` has `code`, unless an earlier one has it.
    const fn keep_first(&mut self, code: u16, index: usize) {
        if self.by_code[code as usize] == NO_INDEX {
            self.by_code[code as usize] = index as u16;
        }
    }

    /// The index of the first entry with `code`.
    const fn first(&self, code: u16) -> Option<usize> {
        match self.by_code[code as usize] {
            NO_INDEX => None,
            index => Some(index as usize),
        }
    }
}

/// What the contract's rules compare in a declaration.
const fn declared_terms(spec: &ErrorSpec) -> Terms<'static> {
    Terms {
        code: spec.code,
        key: spec.key,
        status: spec.status.as_u16(),
        retryable: spec.retryable,
    }
}

const fn check_entry(
    breaks: &mut ContractBreaks,
    index: usize,
    spec: &ErrorSpec,
    published: &[PublishedSpec],
    published_by_code: &CodeIndex,
    reserved: &[Reserved],
    composite: &str,
) {
    let mut at = 0;
    while at < reserved.len() {
        let reservation = &reserved[at];
        let (holds_code, holds_key) = (
            reservation.holds_code(spec.code),
            reservation.holds_key(spec.key),
        );
        // A type's own reservations against its own entries are checked by its own derive,
        // at the literal; a composing type reports only what crosses types. (Tested only for a
        // reservation that applies: comparing type names for every entry would cost more than
        // the check.)
        let checked_by_declaring_type = (holds_code || holds_key)
            && str_eq(reservation.type_name(), spec.type_name)
            && !str_eq(spec.type_name, composite);
        if !checked_by_declaring_type {
            if holds_code {
                let mut text = ConstText::EMPTY;
                text.push("code `");
                text.push_number(spec.code);
                text.push("` is reserved, a retired code cannot be declared again");
                breaks.record(index, Part::Code, declared_by(text, spec, composite));
            }
            if holds_key {
                let mut text = ConstText::EMPTY;
                text.push("key `");
                text.push(spec.key);
                text.push("` is reserved, a retired key cannot be declared again");
                breaks.record(index, Part::Key, declared_by(text, spec, composite));
            }
        }
        at += 1;
    }

    let declared = declared_terms(spec);
    let mut key_unchanged = false;
    if let Some(same_code) = published_by_code.first(spec.code) {
        let entry = &published[same_code];
        key_unchanged = !rules::code_key_changed(entry.terms, declared);
        if !key_unchanged {
            let mut text = was_published(entry);
            text.push(", now key `");
            text.push(spec.key);
            text.push("`");
            breaks.record(index, Part::Key, declared_by(text, spec, composite));
        }
        if rules::status_changed(entry.terms, declared) {
            let mut text = was_published(entry);
            text.push(", now status ");
            text.push_number(declared.status);
            breaks.record(index, Part::Status, declared_by(text, spec, composite));
        }
        if rules::retryable_removed(entry.terms, declared) {
            let mut text = was_published(entry);
            text.push(" and retryable, now not retryable");
            breaks.record(index, Part::Declaration, declared_by(text, spec, composite));
        }
    }
    if key_unchanged {
        // The key was published with this very code: it cannot have moved.
        return;
    }
    // A new code, or a changed key: was this key published with another code?
    let mut at = 0;
    while at < published.len() {
        let entry = &published[at];
        if rules::key_code_changed(entry.terms, declared) {
            let mut text = ConstText::EMPTY;
            text.push("key `");
            text.push(entry.terms.key);
            text.push("` was published with code `");
            text.push_number(entry.terms.code);
            text.push("`, now code `");
            text.push_number(spec.code);
            text.push("`");
            breaks.record(index, Part::Code, declared_by(text, spec, composite));
        }
        at += 1;
    }
}

/// ``code `11` was published as `PRICE_CHANGED` with status 409``
const fn was_published(entry: &PublishedSpec) -> ConstText {
    let mut text = ConstText::EMPTY;
    text.push("code `");
    text.push_number(entry.terms.code);
    text.push("` was published as `");
    text.push(entry.terms.key);
    text.push("` with status ");
    text.push_number(entry.terms.status);
    text
}

/// `text`, naming the declaration when it comes from a composed type: the error points at the
/// transparent variant, which does not say which of its entries broke the contract.
const fn declared_by(mut text: ConstText, spec: &ErrorSpec, composite: &str) -> ConstText {
    if !str_eq(spec.type_name, composite) {
        text.push(", declared by `");
        text.push(spec.type_name);
        text.push("::");
        text.push(spec.variant);
        text.push("`");
    }
    text
}

/// ``published code `11` (`PRICE_CHANGED`) is no longer declared, reserve it: `reserved(11, "PRICE_CHANGED")` ``
const fn describe_removed(
    entry: &PublishedSpec,
    code_reserved: bool,
    key_reserved: bool,
) -> ConstText {
    let mut text = ConstText::EMPTY;
    text.push("published ");
    if entry.deprecated {
        text.push("deprecated ");
    }
    text.push("code `");
    text.push_number(entry.terms.code);
    text.push("` (`");
    text.push(entry.terms.key);
    text.push("`) is no longer declared, declare it again or reserve it: `reserved(");
    if !code_reserved {
        text.push_number(entry.terms.code);
    }
    if !code_reserved && !key_reserved {
        text.push(", ");
    }
    if !key_reserved {
        text.push("\"");
        text.push(entry.terms.key);
        text.push("\"");
    }
    text.push(")`");
    text
}

const fn has_key(catalog: &[ErrorSpec], key: &str) -> bool {
    let mut index = 0;
    while index < catalog.len() {
        if str_eq(catalog[index].key, key) {
            return true;
        }
        index += 1;
    }
    false
}

/// Fills the array of reserved items under construction; never read.
pub const RESERVED_PLACEHOLDER: Reserved = Reserved::key("", "");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::__private::declared_spec;

    const fn spec(code: u16, key: &'static str, type_name: &'static str) -> ErrorSpec {
        declared_spec(
            code, key, 409, "", "", None, false, None, type_name, "Variant", false, false, "", None,
        )
    }

    const CATALOG: [ErrorSpec; 2] = [
        spec(11, "PRICE_CHANGED", "Trading"),
        spec(20, "SOLD", "Shop"),
    ];

    #[test]
    fn a_reservation_is_reported_by_the_type_that_made_it_or_across_types() {
        let trading_retires_11 = [Reserved::codes(11, 11, "Trading")];
        // In `Trading` itself: reported at the code.
        let own = check_contract(&CATALOG[..1], &[], &trading_retires_11, "Trading");
        assert_eq!(
            own.at_code(0),
            Some("code `11` is reserved, a retired code cannot be declared again")
        );
        // In a type composing `Trading`, `Trading`'s own derive already reported it.
        let composed = check_contract(&CATALOG, &[], &trading_retires_11, "Shop");
        assert_eq!(composed.within(0, 2), None);
        // Another type's reservation is reported, naming the declaration.
        let shop_retires_11 = [Reserved::key("PRICE_CHANGED", "Shop")];
        let composed = check_contract(&CATALOG, &[], &shop_retires_11, "Shop");
        assert_eq!(
            composed.within(0, 1),
            Some(
                "key `PRICE_CHANGED` is reserved, a retired key cannot be declared again, declared by `Trading::Variant`"
            )
        );
        assert_eq!(composed.at_key(0), composed.within(0, 1));
        assert_eq!(composed.at_code(0), None);
    }

    #[test]
    fn removed_entries_name_what_is_left_to_reserve() {
        const PUBLISHED: [PublishedSpec; 3] = [
            published_spec(11, "PRICE_CHANGED", 409, false, false),
            published_spec(12, "GONE", 410, false, true),
            published_spec(13, "RETIRED", 400, false, false),
        ];
        let reserved = [
            Reserved::codes(12, 13, "Shop"),
            Reserved::key("RETIRED", "Shop"),
        ];
        // Evaluated as the derive evaluates it, in a constant.
        const BREAKS: ContractBreaks = check_contract(&CATALOG, &PUBLISHED, &[], "Shop");
        assert!(
            BREAKS.removed(1).is_some() && BREAKS.removed(2).is_none(),
            "two removed"
        );
        let breaks = check_contract(&CATALOG, &PUBLISHED, &reserved, "Shop");
        assert_eq!(
            breaks.removed(0),
            Some(
                "published deprecated code `12` (`GONE`) is no longer declared, declare it again or reserve it: `reserved(\"GONE\")`"
            )
        );
        assert_eq!(breaks.removed(1), None, "13 is fully reserved");
    }

    #[test]
    fn a_published_code_keeps_key_status_and_retryability() {
        const PUBLISHED: [PublishedSpec; 2] = [
            published_spec(11, "PRICE_MOVED", 400, true, false),
            published_spec(21, "SOLD", 409, false, false),
        ];
        let breaks = check_contract(&CATALOG, &PUBLISHED, &[], "Shop");
        assert_eq!(
            breaks.at_key(0),
            Some(
                "code `11` was published as `PRICE_MOVED` with status 400, now key `PRICE_CHANGED`, declared by `Trading::Variant`"
            )
        );
        assert_eq!(
            breaks.at_status(0),
            Some(
                "code `11` was published as `PRICE_MOVED` with status 400, now status 409, declared by `Trading::Variant`"
            )
        );
        assert!(
            breaks
                .at_declaration(0)
                .is_some_and(|text| text.contains("now not retryable"))
        );
        assert_eq!(
            breaks.at_code(1),
            Some("key `SOLD` was published with code `21`, now code `20`")
        );
        assert_eq!(breaks.removed(0), None, "21's key is still declared");
    }

    /// The rule ids of the breaks `check_contract` records, read from their texts.
    fn compile_time_rules(breaks: &ContractBreaks) -> std::collections::BTreeSet<&'static str> {
        let mut rules = std::collections::BTreeSet::new();
        for nth in 0..BREAKS_PER_COMPILE {
            if let Some(text) = breaks.breaks.nth(nth) {
                let rule = if text.contains("is reserved") {
                    "RESERVED_REUSED"
                } else if text.contains(", now key") {
                    "CODE_KEY_CHANGED"
                } else if text.contains("was published with code") {
                    "KEY_CODE_CHANGED"
                } else if text.contains(", now status") {
                    "STATUS_CHANGED"
                } else if text.contains("now not retryable") {
                    "RETRYABLE_REMOVED"
                } else {
                    panic!("a break of no known rule: {text}")
                };
                rules.insert(rule);
            }
            if breaks.removed(nth).is_some() {
                rules.insert("REMOVED_WITHOUT_RESERVE");
            }
        }
        rules
    }

    /// The compile-time check and the runtime report apply the same rules (one `const fn` each,
    /// in `assetpay_errors_shared::rules`): for one published entry and one declaration, in every
    /// combination of a changed code, key, status and retryability and of reservations, both
    /// find the same breaking rules.
    #[test]
    fn the_compile_time_check_and_the_report_find_the_same_breaks() {
        use crate::contract::{PublishedEntry, Rule, compare};

        let reservations = [
            Vec::new(),
            vec![Reserved::codes(14, 14, "Shop")],
            vec![Reserved::key("PRICE_MOVED", "Shop")],
            vec![
                Reserved::codes(11, 11, "Shop"),
                Reserved::key("PRICE_CHANGED", "Shop"),
            ],
        ];
        let mut combinations = 0;
        for published_retryable in [false, true] {
            for code in [11, 14] {
                for key in ["PRICE_CHANGED", "PRICE_MOVED"] {
                    for status in [409, 400] {
                        for retryable in [false, true] {
                            for reserved in &reservations {
                                let published = [published_spec(
                                    11,
                                    "PRICE_CHANGED",
                                    409,
                                    published_retryable,
                                    false,
                                )];
                                let catalog = [declared_spec(
                                    code, key, status, "", "", None, retryable, None, "Shop",
                                    "Variant", false, false, "", None,
                                )];
                                let breaks = check_contract(&catalog, &published, reserved, "Shop");
                                let entry = |code: u16, key: &str, status: u16, retryable: bool| {
                                    PublishedEntry {
                                        code,
                                        key: key.into(),
                                        status,
                                        description: None,
                                        message: None,
                                        domain: None,
                                        retryable,
                                        retry_after: None,
                                        deprecated: false,
                                        params: Vec::new(),
                                    }
                                };
                                let old = [entry(11, "PRICE_CHANGED", 409, published_retryable)];
                                let new = [entry(code, key, status, retryable)];
                                let report = compare(&old, &new, reserved);
                                let reported: std::collections::BTreeSet<&str> = report
                                    .changes
                                    .iter()
                                    .filter(|change| change.rule.is_breaking())
                                    .map(|change| Rule::id(change.rule))
                                    .collect();
                                assert_eq!(
                                    compile_time_rules(&breaks),
                                    reported,
                                    "{code} {key} {status} {retryable} {reserved:?}\n{report}"
                                );
                                combinations += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(combinations, 128);
    }
}
