//! The layer's translation of an error response: the message in the negotiated language, and
//! the headers saying which (`Content-Language`, `Vary: Accept-Language`).
//!
//! Localization is the layer's: it reads the request's `Accept-Language`, which a derived
//! `IntoResponse` never sees (it turns an error into a response with no request at hand). An
//! error answered with no [`ApiErrorLayer`](crate::axum::ApiErrorLayer) around it is in the
//! default locale, with no `Content-Language`.

use std::borrow::Cow;
use std::sync::Arc;

use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE, VARY};
use axum::http::{HeaderMap, HeaderValue};

use crate::axum::AnsweredError;
use crate::axum::vary::varies_by;
use crate::l10n::Translations;

/// The request's `Accept-Language`, every field line joined (RFC 9110 §5.3: a list header may
/// be split over lines); `None` when absent or not text.
pub(crate) fn accept_language(headers: &HeaderMap) -> Option<String> {
    let values: Vec<&str> = headers
        .get_all(ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    (!values.is_empty()).then(|| values.join(","))
}

/// `error` in the locale `tag` and the locale its message is in. `None` for the error when the
/// message stays as it is: a server error (its declared, redacted text is never translated, so
/// no wording of a failure differs by language), a message the server built at run time beyond
/// the entry (a framework rejection quoting axum's text: no translation says what it says, so it
/// stays in the default locale, and `Content-Language` says so), or a key the chain leaves to the
/// default locale.
pub(crate) fn translate<'t>(
    error: &AnsweredError,
    translations: &'t Translations,
    tag: &str,
) -> (Option<AnsweredError>, &'t str) {
    let spec = error.spec();
    let params: Vec<(&str, &str)> = error
        .params()
        .map(|params| params.iter().collect())
        .unwrap_or_default();
    let params = &params[..];
    let default = translations.default_locale();
    let declared = if spec.is_interpolated() {
        // The params are what the message was filled in from: with none, the text is not the
        // entry's template filled in, and only the template's own language can say it.
        spec.params().len() == params.len()
    } else {
        error.message() == spec.message()
    };
    if spec.is_server_error() || !declared {
        return (None, default);
    }
    match translations.localize(tag, spec.key(), params) {
        Some(localized) => {
            let translated = AnsweredError::new(spec, Cow::Owned(localized.message))
                .with_details(Arc::from(error.details()))
                .with_params_of(error);
            (Some(translated), localized.locale)
        }
        None => (None, default),
    }
}

/// `Content-Language: tag`, and `Accept-Language` appended to `Vary` unless it is already named
/// there (or `Vary` is `*`).
pub(crate) fn mark_language(headers: &mut HeaderMap, tag: &str) {
    if let Ok(value) = HeaderValue::from_str(tag) {
        headers.insert(CONTENT_LANGUAGE, value);
    }
    if !varies_by(headers, "accept-language") {
        headers.append(VARY, HeaderValue::from_static("accept-language"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn l10n_vary_is_appended_once() {
        let mut headers = HeaderMap::new();
        headers.append(VARY, HeaderValue::from_static("accept"));
        mark_language(&mut headers, "fr");
        mark_language(&mut headers, "fr");
        let vary: Vec<_> = headers.get_all(VARY).iter().collect();
        assert_eq!(vary, ["accept", "accept-language"]);
        assert_eq!(headers[CONTENT_LANGUAGE], "fr");
        let mut starred = HeaderMap::new();
        starred.insert(VARY, HeaderValue::from_static("*"));
        mark_language(&mut starred, "en");
        assert_eq!(starred.get_all(VARY).iter().count(), 1);
    }

    #[test]
    fn l10n_accept_language_joins_its_field_lines() {
        let mut headers = HeaderMap::new();
        headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("de;q=0.5"));
        headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("fr"));
        assert_eq!(accept_language(&headers).as_deref(), Some("de;q=0.5,fr"));
        assert_eq!(accept_language(&HeaderMap::new()), None);
    }
}
