//! The fallback chain of a locale: RFC 4647 §3.4 lookup's truncation of its tag.

/// `tag`, then each shorter tag RFC 4647 §3.4 lookup tries: drop the last subtag, and with it a
/// single-character subtag (an extension or private-use singleton) left at the end.
///
/// `zh-Hant-CN-x-private1` gives `zh-Hant-CN-x-private1`, `zh-Hant-CN`, `zh-Hant`, `zh`.
pub(crate) fn lookup_chain(tag: &str) -> impl Iterator<Item = String> {
    let mut next = Some(tag.to_owned());
    core::iter::from_fn(move || {
        let current = next.take()?;
        let mut shorter = current.as_str();
        if let Some((rest, _)) = shorter.rsplit_once('-') {
            shorter = rest;
            if let Some((rest, last)) = shorter.rsplit_once('-')
                && last.len() == 1
            {
                shorter = rest;
            }
            next = Some(shorter.to_owned());
        }
        Some(current)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn l10n_lookup_chain_truncates_as_rfc_4647_says() {
        assert_eq!(
            lookup_chain("zh-Hant-CN-x-private1").collect::<Vec<_>>(),
            ["zh-Hant-CN-x-private1", "zh-Hant-CN", "zh-Hant", "zh"]
        );
        assert_eq!(lookup_chain("fr-CA").collect::<Vec<_>>(), ["fr-CA", "fr"]);
        assert_eq!(lookup_chain("fr").collect::<Vec<_>>(), ["fr"]);
    }
}
