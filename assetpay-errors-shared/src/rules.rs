//! The published contract's rules, each written once as a `const fn` over plain data (codes,
//! keys, statuses, flags), so the same function decides a rule in all three places that apply it:
//! the runtime's compile-time check (`check_contract`, run during constant evaluation), the
//! runtime's report (`contract::compare`, run at run time), and the derive, which uses them to
//! decide where a check can break and so must be emitted.
//!
//! The ids and the table of rules are in `assetpay_errors::contract`. Each function is named
//! after its rule's id. A published entry is matched with the declaration that has its code,
//! except for `KEY_CODE_CHANGED`, which matches by key; the pairwise breaking rules below test
//! that match themselves, so they may be asked of any pair. The compatible rules that compare
//! one field ([`retry_after_changed`], [`description_changed`], …) are asked of a published entry
//! and the declaration with its code.

use crate::const_str::{option_str_eq, str_eq};

/// What clients rely on in one error, published or declared: what the breaking rules compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Terms<'a> {
    /// The numeric code.
    pub code: u16,
    /// The string key.
    pub key: &'a str,
    /// The HTTP status.
    pub status: u16,
    /// Whether clients may retry.
    pub retryable: bool,
}

/// `CODE_KEY_CHANGED` (breaking): a published code is declared with another key.
pub const fn code_key_changed(published: Terms<'_>, declared: Terms<'_>) -> bool {
    published.code == declared.code && !str_eq(published.key, declared.key)
}

/// `KEY_CODE_CHANGED` (breaking): a published key is declared with another code.
pub const fn key_code_changed(published: Terms<'_>, declared: Terms<'_>) -> bool {
    published.code != declared.code && str_eq(published.key, declared.key)
}

/// `STATUS_CHANGED` (breaking): a published code is answered with another status.
pub const fn status_changed(published: Terms<'_>, declared: Terms<'_>) -> bool {
    published.code == declared.code && published.status != declared.status
}

/// `RETRYABLE_REMOVED` (breaking): a published retryable error is no longer retryable.
pub const fn retryable_removed(published: Terms<'_>, declared: Terms<'_>) -> bool {
    published.code == declared.code && published.retryable && !declared.retryable
}

/// `RETRYABLE_ADDED` (compatible): a published error that was not retryable now is.
pub const fn retryable_added(published: Terms<'_>, declared: Terms<'_>) -> bool {
    published.code == declared.code && !published.retryable && declared.retryable
}

/// Whether a published entry is gone: neither its code nor its key is declared any more. (When
/// only one is gone, the declaration of the other is a `CODE_KEY_CHANGED` or `KEY_CODE_CHANGED`.)
/// A gone entry is [`removed_without_reserve`] or [`removed_reserved`].
pub const fn is_gone(code_declared: bool, key_declared: bool) -> bool {
    !code_declared && !key_declared
}

/// `REMOVED_WITHOUT_RESERVE` (breaking), of a gone entry ([`is_gone`]): its code or its key is
/// not reserved, so it could come back meaning something else.
pub const fn removed_without_reserve(code_reserved: bool, key_reserved: bool) -> bool {
    !removed_reserved(code_reserved, key_reserved)
}

/// `REMOVED_RESERVED` (compatible), of a gone entry ([`is_gone`]): its code and key are both
/// reserved.
pub const fn removed_reserved(code_reserved: bool, key_reserved: bool) -> bool {
    code_reserved && key_reserved
}

/// `RESERVED_REUSED` (breaking) at the code: the reservation of the codes `first..=last` holds
/// the declared code. Also what "this code is reserved" means for the removal rules.
pub const fn reserved_code_reused(first: u16, last: u16, declared_code: u16) -> bool {
    first <= declared_code && declared_code <= last
}

/// `RESERVED_REUSED` (breaking) at the key: the declared key is a reserved key. Also what "this
/// key is reserved" means for the removal rules.
pub const fn reserved_key_reused(reserved_key: &str, declared_key: &str) -> bool {
    str_eq(reserved_key, declared_key)
}

/// `ADDED` (compatible): a declared code that was not published, unless the declaration is a
/// published key under a new code (`KEY_CODE_CHANGED`, reported instead).
pub const fn added(code_published: bool, key_code_changed: bool) -> bool {
    !code_published && !key_code_changed
}

/// `RETRY_AFTER_CHANGED` (compatible): the `Retry-After` seconds changed, appeared or went away.
pub const fn retry_after_changed(published: Option<u32>, declared: Option<u32>) -> bool {
    match (published, declared) {
        (Some(published), Some(declared)) => published != declared,
        (None, None) => false,
        _ => true,
    }
}

/// `DESCRIPTION_CHANGED` (compatible): the description's wording changed.
pub const fn description_changed(published: Option<&str>, declared: Option<&str>) -> bool {
    !option_str_eq(published, declared)
}

/// `MESSAGE_CHANGED` (compatible): the client message's wording changed.
pub const fn message_changed(published: Option<&str>, declared: Option<&str>) -> bool {
    !option_str_eq(published, declared)
}

/// `DOMAIN_CHANGED` (compatible): the domain's name changed.
pub const fn domain_changed(published: Option<&str>, declared: Option<&str>) -> bool {
    !option_str_eq(published, declared)
}

/// `DEPRECATED` (compatible): a published error became deprecated.
/// Whether the published parameter `published` is gone from the declared message's parameters:
/// removed, or renamed (a client's translation that fills it in then renders nothing there).
pub fn param_removed(published: &str, declared: &[&str]) -> bool {
    !declared.contains(&published)
}

pub const fn deprecated(published: bool, declared: bool) -> bool {
    !published && declared
}

/// `UNDEPRECATED` (compatible): a deprecated error is no longer deprecated.
pub const fn undeprecated(published: bool, declared: bool) -> bool {
    published && !declared
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRICE_CHANGED: Terms<'static> = Terms {
        code: 11,
        key: "PRICE_CHANGED",
        status: 409,
        retryable: true,
    };

    const fn with(code: u16, key: &'static str, status: u16, retryable: bool) -> Terms<'static> {
        Terms {
            code,
            key,
            status,
            retryable,
        }
    }

    #[test]
    fn an_unchanged_entry_breaks_no_pairwise_rule() {
        // Evaluated as the compile-time check evaluates them.
        const BROKEN: [bool; 5] = [
            code_key_changed(PRICE_CHANGED, PRICE_CHANGED),
            key_code_changed(PRICE_CHANGED, PRICE_CHANGED),
            status_changed(PRICE_CHANGED, PRICE_CHANGED),
            retryable_removed(PRICE_CHANGED, PRICE_CHANGED),
            retryable_added(PRICE_CHANGED, PRICE_CHANGED),
        ];
        assert_eq!(BROKEN, [false; 5]);
    }

    #[test]
    fn each_pairwise_rule_fires_for_its_change_only() {
        let moved_key = with(11, "PRICE_MOVED", 409, true);
        assert!(code_key_changed(PRICE_CHANGED, moved_key));
        assert!(!key_code_changed(PRICE_CHANGED, moved_key));

        let moved_code = with(14, "PRICE_CHANGED", 400, false);
        assert!(key_code_changed(PRICE_CHANGED, moved_code));
        // Another code is another entry: its status and retryability are its own.
        assert!(!code_key_changed(PRICE_CHANGED, moved_code));
        assert!(!status_changed(PRICE_CHANGED, moved_code));
        assert!(!retryable_removed(PRICE_CHANGED, moved_code));

        assert!(status_changed(
            PRICE_CHANGED,
            with(11, "PRICE_CHANGED", 400, true)
        ));
        let not_retryable = with(11, "PRICE_CHANGED", 409, false);
        assert!(retryable_removed(PRICE_CHANGED, not_retryable));
        assert!(retryable_added(not_retryable, PRICE_CHANGED));
        assert!(!retryable_added(PRICE_CHANGED, not_retryable));
    }

    #[test]
    fn removal_and_reservation() {
        assert!(is_gone(false, false));
        assert!(!is_gone(true, false) && !is_gone(false, true));
        assert!(removed_reserved(true, true));
        for (code, key) in [(true, false), (false, true), (false, false)] {
            assert!(removed_without_reserve(code, key) && !removed_reserved(code, key));
        }
        assert!(reserved_code_reused(1104, 1107, 1104) && reserved_code_reused(1104, 1107, 1107));
        assert!(!reserved_code_reused(1104, 1107, 1103) && !reserved_code_reused(1104, 1107, 1108));
        assert!(reserved_key_reused("OLD_KEY", "OLD_KEY"));
        assert!(!reserved_key_reused("OLD_KEY", "OLD_KEYS"));
    }

    #[test]
    fn compatible_rules() {
        assert!(added(false, false));
        assert!(!added(true, false) && !added(false, true));
        assert!(retry_after_changed(Some(5), Some(6)));
        assert!(retry_after_changed(None, Some(6)) && retry_after_changed(Some(5), None));
        assert!(!retry_after_changed(Some(5), Some(5)) && !retry_after_changed(None, None));
        assert!(description_changed(Some("a"), Some("b")) && description_changed(None, Some("")));
        assert!(!message_changed(Some("a"), Some("a")) && !domain_changed(None, None));
        assert!(deprecated(false, true) && !deprecated(true, true));
        assert!(undeprecated(true, false) && !undeprecated(false, false));
    }
}
