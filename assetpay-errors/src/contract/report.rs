//! [`compare`]: every difference between an older published catalogue and a newer one, each
//! under its [`Rule`].

use core::fmt;

use assetpay_errors_shared::rules;

use super::{PublishedEntry, Reserved, Rule};

/// One difference between two catalogues.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The rule it falls under.
    pub rule: Rule,
    /// The code it concerns: the older catalogue's, except for [`Rule::Added`],
    /// [`Rule::KeyCodeChanged`] and [`Rule::ReservedReused`], which name the newer one's.
    pub code: u16,
    /// The key of the same entry.
    pub key: String,
    /// What changed, such as `status 409, now 400`.
    pub detail: String,
}

/// One line: ``STATUS_CHANGED breaking: code `11` `PRICE_CHANGED`: status 409, now 400``.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: code `{}` `{}`: {}",
            self.rule,
            self.rule.severity(),
            self.code,
            self.key,
            self.detail
        )
    }
}

/// Every change [`compare`] found, in the older catalogue's order, then the newer one's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The changes.
    pub changes: Vec<Change>,
}

impl Report {
    /// Whether any change is breaking.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(|change| change.rule.is_breaking())
    }
}

/// One line per change.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for change in &self.changes {
            writeln!(f, "{change}")?;
        }
        Ok(())
    }
}

/// The changes from `old` to `new`, with `reserved` the reservations `new` was declared with.
///
/// A published entry is matched by its code. A key that moved to another code is one
/// [`Rule::KeyCodeChanged`] change, reported at its new code; an entry whose code and key are
/// both gone is removed, [`Rule::RemovedReserved`] when both are reserved and
/// [`Rule::RemovedWithoutReserve`] otherwise.
pub fn compare(old: &[PublishedEntry], new: &[PublishedEntry], reserved: &[Reserved]) -> Report {
    let mut changes = Vec::new();
    for before in old {
        let mut change = |rule: Rule, detail: String| {
            changes.push(Change {
                rule,
                code: before.code,
                key: before.key.clone(),
                detail,
            });
        };
        let Some(after) = new.iter().find(|entry| entry.code == before.code) else {
            let key_declared = new.iter().any(|entry| entry.key == before.key);
            if !rules::is_gone(false, key_declared) {
                continue;
            }
            let code_reserved = reserved.iter().any(|item| item.holds_code(before.code));
            let key_reserved = reserved.iter().any(|item| item.holds_key(&before.key));
            let what = if before.deprecated {
                "deprecated error removed"
            } else {
                "removed"
            };
            let rule = if rules::removed_reserved(code_reserved, key_reserved) {
                Rule::RemovedReserved
            } else {
                Rule::RemovedWithoutReserve
            };
            let detail = match (code_reserved, key_reserved) {
                (true, true) => format!("{what}, code and key reserved"),
                (true, false) => format!("{what}, key not reserved"),
                (false, true) => format!("{what}, code not reserved"),
                (false, false) => format!("{what}, neither code nor key reserved"),
            };
            change(rule, detail);
            continue;
        };
        let (published, declared) = (before.terms(), after.terms());
        if rules::code_key_changed(published, declared) {
            change(
                Rule::CodeKeyChanged,
                format!("key `{}`, now `{}`", before.key, after.key),
            );
        }
        if rules::status_changed(published, declared) {
            change(
                Rule::StatusChanged,
                format!("status {}, now {}", before.status, after.status),
            );
        }
        if rules::retryable_removed(published, declared) {
            change(
                Rule::RetryableRemoved,
                "retryable, now not retryable".into(),
            );
        }
        if rules::retryable_added(published, declared) {
            change(Rule::RetryableAdded, "not retryable, now retryable".into());
        }
        if rules::retry_after_changed(before.retry_after, after.retry_after) {
            change(
                Rule::RetryAfterChanged,
                format!(
                    "retry after {}, now {}",
                    seconds(before.retry_after),
                    seconds(after.retry_after)
                ),
            );
        }
        if rules::description_changed(before.description.as_deref(), after.description.as_deref()) {
            change(
                Rule::DescriptionChanged,
                format!(
                    "description {}, now {}",
                    text(&before.description),
                    text(&after.description)
                ),
            );
        }
        if rules::message_changed(before.message.as_deref(), after.message.as_deref()) {
            change(
                Rule::MessageChanged,
                format!(
                    "message {}, now {}",
                    text(&before.message),
                    text(&after.message)
                ),
            );
        }
        let declared: Vec<&str> = after.params.iter().map(String::as_str).collect();
        for param in &before.params {
            if rules::param_removed(param, &declared) {
                let now = if declared.is_empty() {
                    "the message has none now".to_owned()
                } else {
                    format!("now `{}`", declared.join("`, `"))
                };
                change(
                    Rule::ParamRemoved,
                    format!("message parameter `{param}` removed or renamed, {now}"),
                );
            }
        }
        if rules::domain_changed(before.domain.as_deref(), after.domain.as_deref()) {
            change(
                Rule::DomainChanged,
                format!(
                    "domain {}, now {}",
                    text(&before.domain),
                    text(&after.domain)
                ),
            );
        }
        if rules::deprecated(before.deprecated, after.deprecated) {
            change(Rule::Deprecated, "now deprecated".into());
        }
        if rules::undeprecated(before.deprecated, after.deprecated) {
            change(Rule::Undeprecated, "no longer deprecated".into());
        }
    }
    for after in new {
        let mut change = |rule: Rule, detail: String| {
            changes.push(Change {
                rule,
                code: after.code,
                key: after.key.clone(),
                detail,
            });
        };
        if reserved.iter().any(|item| item.holds_code(after.code)) {
            change(Rule::ReservedReused, "declares a reserved code".into());
        }
        if reserved.iter().any(|item| item.holds_key(&after.key)) {
            change(Rule::ReservedReused, "declares a reserved key".into());
        }
        let declared = after.terms();
        let moved_from = old
            .iter()
            .find(|entry| rules::key_code_changed(entry.terms(), declared));
        if let Some(before) = moved_from {
            change(
                Rule::KeyCodeChanged,
                format!(
                    "key published with code `{}`, now code `{}`",
                    before.code, after.code
                ),
            );
        }
        let code_published = old.iter().any(|entry| entry.code == after.code);
        if rules::added(code_published, moved_from.is_some()) {
            change(Rule::Added, "added".into());
        }
    }
    Report { changes }
}

fn seconds(value: Option<u32>) -> String {
    value.map_or_else(|| "none".to_owned(), |seconds| format!("{seconds}s"))
}

fn text(value: &Option<String>) -> String {
    value
        .as_ref()
        .map_or_else(|| "none".to_owned(), |text| format!("{text:?}"))
}
