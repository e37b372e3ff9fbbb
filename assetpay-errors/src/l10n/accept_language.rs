//! `Accept-Language` (RFC 9110 §12.5.4) parsed, and a locale picked by RFC 4647 §3.4 lookup.

use super::fallback::lookup_chain;
use super::translations::Translations;

/// One language range of an `Accept-Language` header and its weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageRange {
    /// The range, lowercased (`fr-ca`, or `*`).
    pub range: String,
    /// The q-value in thousandths (`q=0.8` is 800; no q-value is 1000).
    pub weight: u16,
}

/// The ranges of an `Accept-Language` value, heaviest first (ties keep the header's order).
///
/// Malformed ranges and q-values are skipped rather than failing the header: a client's one bad
/// entry should not cost it the languages it spelt well. Ranges with `q=0` are kept (they exclude).
pub fn parse_accept_language(header: &str) -> Vec<LanguageRange> {
    let mut ranges: Vec<LanguageRange> = header.split(',').filter_map(parse_range).collect();
    ranges.sort_by_key(|range| core::cmp::Reverse(range.weight));
    ranges
}

fn parse_range(item: &str) -> Option<LanguageRange> {
    let mut parts = item.split(';');
    let range = parts.next()?.trim();
    if !is_language_range(range) {
        return None;
    }
    let mut weight = 1000;
    for parameter in parts {
        let (name, value) = parameter.trim().split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("q") {
            return None;
        }
        weight = parse_weight(value.trim())?;
    }
    Some(LanguageRange {
        range: range.to_ascii_lowercase(),
        weight,
    })
}

/// `1*8ALPHA *("-" 1*8alphanum)` or `*` (RFC 4647 §2.1).
fn is_language_range(range: &str) -> bool {
    if range == "*" {
        return true;
    }
    let mut subtags = range.split('-');
    let first = subtags.next().unwrap_or_default();
    let well_sized = |subtag: &str| (1..=8).contains(&subtag.len());
    well_sized(first)
        && first.bytes().all(|byte| byte.is_ascii_alphabetic())
        && subtags.all(|subtag| {
            well_sized(subtag) && subtag.bytes().all(|byte| byte.is_ascii_alphanumeric())
        })
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
fn parse_weight(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

impl Translations {
    /// The registered locale to answer a request with `Accept-Language: header` (or none): RFC
    /// 4647 §3.4 lookup over the ranges, heaviest first, each truncated until it names a
    /// registered locale; the default locale when no range does.
    ///
    /// `*` matches no particular locale, so lookup gives it the default (§3.4 lets the default
    /// stand for it). A range with `q=0` excludes every locale it matches as a prefix (`fr;q=0`
    /// excludes `fr` and `fr-CA`); the default is answered even if excluded, since a response must
    /// be in some language. Tags compare case-insensitively; the tag returned is as registered.
    pub fn negotiate(&self, header: Option<&str>) -> &str {
        let ranges = header.map(parse_accept_language).unwrap_or_default();
        let excluded = |tag: &str| {
            ranges
                .iter()
                .filter(|range| range.weight == 0)
                .any(|range| {
                    let tag = tag.to_ascii_lowercase();
                    range.range == "*"
                        || tag == range.range
                        || tag.starts_with(&format!("{}-", range.range))
                })
        };
        ranges
            .iter()
            .filter(|range| range.weight > 0)
            .find_map(|range| {
                if range.range == "*" {
                    return Some(self.default_locale());
                }
                lookup_chain(&range.range).find_map(|candidate| {
                    self.locales()
                        .find(|tag| tag.eq_ignore_ascii_case(&candidate) && !excluded(tag))
                })
            })
            .unwrap_or_else(|| self.default_locale())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translations() -> Translations {
        Translations::new("en")
            .and_then(|t| t.with_locale("fr", ""))
            .and_then(|t| t.with_partial_locale("fr-CA", ""))
            .and_then(|t| t.with_locale("de", ""))
            .expect("valid locales")
    }

    #[test]
    fn l10n_accept_language_orders_by_q_value_and_skips_malformed_ranges() {
        let ranges =
            parse_accept_language("de;q=0.5, FR-ca, x_bad, en;q=2, it;q=0.8, es;q=0, toolongtag9");
        let names: Vec<(&str, u16)> = ranges
            .iter()
            .map(|range| (range.range.as_str(), range.weight))
            .collect();
        assert_eq!(
            names,
            [("fr-ca", 1000), ("it", 800), ("de", 500), ("es", 0)]
        );
    }

    #[test]
    fn l10n_negotiation_is_rfc_4647_lookup() {
        let translations = translations();
        assert_eq!(translations.negotiate(None), "en");
        assert_eq!(translations.negotiate(Some("fr-CH, de;q=0.9")), "fr");
        assert_eq!(translations.negotiate(Some("fr-ca")), "fr-CA");
        assert_eq!(translations.negotiate(Some("it, de;q=0.1, fr;q=0.2")), "fr");
        assert_eq!(translations.negotiate(Some("it")), "en");
        assert_eq!(translations.negotiate(Some("*, fr;q=0.5")), "en");
        assert_eq!(
            translations.negotiate(Some("fr-CA, fr;q=0, de;q=0.4")),
            "de"
        );
        assert_eq!(translations.negotiate(Some("q=fr, ;;, DE")), "de");
    }
}
