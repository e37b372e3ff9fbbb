//! `Vary`: whether a response already says it varies by a request header.

use http::HeaderMap;
use http::header::VARY;

/// Whether `Vary` already names the header `name` (or `*`), compared case-insensitively.
pub(crate) fn varies_by(headers: &HeaderMap, name: &str) -> bool {
    headers
        .get_all(VARY)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|named| {
            let named = named.trim();
            named == "*" || named.eq_ignore_ascii_case(name)
        })
}
