//! Which entry of a catalogue means what an HTTP status means.

use http::StatusCode;

use crate::spec::ErrorSpec;

/// The entry of `catalog` that answers for a plain response with `status`: the only entry with
/// that status, or, when several share it, the one whose key spells the status's reason phrase
/// (`UNAUTHORIZED` among AssetPay's six 401 entries, `SERVICE_UNAVAILABLE` among its four 503
/// ones). `None` when no entry, or no single entry, says what the status says.
///
/// Entries whose message interpolates fields are never picked: a plain response has no values to
/// fill them with.
pub(crate) fn entry_for_status(
    catalog: &'static [ErrorSpec],
    status: StatusCode,
) -> Option<&'static ErrorSpec> {
    let mut with_status = catalog
        .iter()
        .filter(|spec| spec.status() == status && !spec.is_interpolated());
    let first = with_status.next()?;
    if with_status.clone().next().is_none() {
        return Some(first);
    }
    let reason = status.canonical_reason()?;
    std::iter::once(first)
        .chain(with_status)
        .find(|spec| key_spells(spec.key(), reason))
}

/// The statuses the entries of `catalog` are declared with, each once, in catalogue order.
pub(crate) fn statuses_of(catalog: &'static [ErrorSpec]) -> Vec<StatusCode> {
    let mut statuses: Vec<StatusCode> = Vec::new();
    for spec in catalog {
        if !statuses.contains(&spec.status()) {
            statuses.push(spec.status());
        }
    }
    statuses
}

/// Whether `key` is `reason` in UPPER_SNAKE_CASE (`"Service Unavailable"` is
/// `SERVICE_UNAVAILABLE`).
fn key_spells(key: &str, reason: &str) -> bool {
    key.len() == reason.len()
        && key.bytes().zip(reason.bytes()).all(|(k, r)| {
            let r = if r == b' ' || r == b'-' { b'_' } else { r };
            k == r.to_ascii_uppercase()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_spells_a_reason_phrase_in_upper_snake_case() {
        assert!(key_spells("SERVICE_UNAVAILABLE", "Service Unavailable"));
        assert!(key_spells("UNAUTHORIZED", "Unauthorized"));
        assert!(!key_spells("RATE_LIMITED", "Too Many Requests"));
        assert!(!key_spells("SERVICE_UNAVAILABLE_", "Service Unavailable"));
    }
}
