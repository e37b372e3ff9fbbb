//! Which format an error response is written in, chosen by the request's `Accept`, and the
//! team's choices about what every error response carries: [`ResponseOptions`].

use axum::body::Body;
use axum::response::Response;
use http::header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE, VARY};
use http::{HeaderMap, HeaderName, HeaderValue};

use assetpay_errors_shared::wire::{ENVELOPE_MEDIA_TYPE, PROBLEM_MEDIA_TYPE};

use crate::axum::request_id::{REQUEST_ID_HEADER, as_valid_id};
use crate::axum::response::AnsweredError;
use crate::axum::vary::varies_by;
use crate::problem::Problem;

/// The format of an error body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ErrorFormat {
    /// The AssetPay envelope, `application/json`: `{"requestId","success","error":{…}}`.
    #[default]
    Envelope,
    /// An RFC 9457 problem document, `application/problem+json` (see [`problem`](crate::problem)).
    Problem,
}

impl ErrorFormat {
    /// The format's media type, sent as the response's `Content-Type`.
    pub const fn media_type(self) -> &'static str {
        match self {
            ErrorFormat::Envelope => ENVELOPE_MEDIA_TYPE,
            ErrorFormat::Problem => PROBLEM_MEDIA_TYPE,
        }
    }
}

/// What [`ApiErrorLayer`](crate::axum::ApiErrorLayer) (or [`EnvelopeLayer`](crate::axum::EnvelopeLayer))
/// does to every error response on its way out, beyond the request id: the format, chosen by the
/// request's `Accept`, and the opt-in extras. The default changes nothing a client of the
/// published API sees.
///
/// # The negotiation rule
///
/// The request's `Accept` (all of its values) gives `application/problem+json` and
/// `application/json` each the `q` of the most specific media range that matches it (the type
/// itself, else `application/*`, else `*/*`; none matching is `q=0`), as RFC 9110 says. The
/// problem document is sent when its `q` is higher, the envelope when `application/json`'s is;
/// on a tie (no `Accept`, `*/*`, or both listed alike) the team's default decides:
/// the envelope, unless [`problem_json_by_default`](Self::problem_json_by_default). A request
/// that accepts neither still gets the default: an error is better sent than refused with a 406.
///
/// | `Accept` | envelope by default | problem+json by default |
/// | --- | --- | --- |
/// | none, `*/*` | envelope | problem |
/// | `application/json` | envelope | envelope |
/// | `application/problem+json` | problem | problem |
/// | `application/json, application/problem+json;q=0.9` | envelope | envelope |
/// | `application/*;q=0.5, application/problem+json` | problem | problem |
///
/// Every error response the layer lets out says `Vary: Accept`, since its body depends on it.
/// Negotiation needs the layer, which sees the request: an `IntoResponse` outside it cannot,
/// and answers with the envelope.
///
/// ```
/// use assetpay_errors::axum::{ErrorFormat, ResponseOptions};
/// use http::{HeaderMap, HeaderValue, header::ACCEPT};
///
/// let accept = |value: &'static str| {
///     let mut headers = HeaderMap::new();
///     headers.insert(ACCEPT, HeaderValue::from_static(value));
///     headers
/// };
/// let options = ResponseOptions::new();
/// assert_eq!(options.format_for(&HeaderMap::new()), ErrorFormat::Envelope);
/// assert_eq!(options.format_for(&accept("application/problem+json")), ErrorFormat::Problem);
/// assert_eq!(options.format_for(&accept("application/json;q=0.6, */*;q=0.5")), ErrorFormat::Envelope);
///
/// let options = ResponseOptions::new().problem_json_by_default();
/// assert_eq!(options.format_for(&accept("*/*")), ErrorFormat::Problem);
/// assert_eq!(options.format_for(&accept("application/json")), ErrorFormat::Envelope);
/// ```
#[derive(Debug, Clone, Default)]
pub struct ResponseOptions {
    default_format: ErrorFormat,
    code_header: Option<HeaderName>,
    doc_url_member: bool,
    params_member: bool,
    #[cfg(feature = "l10n")]
    translations: Option<&'static crate::l10n::Translations>,
}

impl ResponseOptions {
    /// The defaults: the envelope unless the request prefers problem+json, no extra header, no
    /// `docUrl`.
    pub fn new() -> Self {
        ResponseOptions::default()
    }

    /// Problem documents unless the request prefers `application/json`: for a team whose
    /// clients expect RFC 9457 first.
    pub fn problem_json_by_default(mut self) -> Self {
        self.default_format = ErrorFormat::Problem;
        self
    }

    /// Every error response also carries the header `name`, whose value is the body's `key`
    /// (the idea of the Azure guidelines' `x-ms-error-code`), so proxies, logs and dashboards can
    /// act on the error without reading bodies.
    pub fn with_error_code_header(mut self, name: HeaderName) -> Self {
        self.code_header = Some(name);
        self
    }

    /// Envelopes carry the error's [`doc_url`](crate::ErrorSpec::doc_url) as `error.docUrl`,
    /// when it declares one (see [`Envelope::with_doc_url`](crate::Envelope::with_doc_url)).
    /// Off by default: the published envelope has no such member. A problem document always
    /// carries it, as its `type`.
    pub fn with_doc_url_member(mut self) -> Self {
        self.doc_url_member = true;
        self
    }

    /// Error responses carry the message's parameters as data (see [`params`](crate::params)):
    /// `error.params` in an envelope, the `params` extension member in a problem document, for
    /// an error whose message interpolates fields. Off by default: the published envelope has no
    /// such member.
    ///
    /// Only an error that carries its values can send them: a derived error answered from a
    /// handler does, and so does one built outside the layer and returned through it.
    pub fn with_params_member(mut self) -> Self {
        self.params_member = true;
        self
    }

    /// Messages in the language `Accept-Language` asks for, from `translations` (RFC 4647 lookup,
    /// [`Translations::negotiate`](crate::l10n::Translations::negotiate)), in the envelope's
    /// `message` and the problem document's `detail`. Every error response then says its language
    /// in `Content-Language` (the locale its message is in, the default locale's included) and
    /// carries `Vary: Accept-Language`. Codes and keys never vary; a server error keeps its
    /// declared, redacted text; a message the server built at run time beyond the entry (a
    /// rejection quoting axum's text) stays as built, with the default locale's tag. A problem
    /// document's `title` stays the entry's declared description: RFC 9457 §3.1.4 makes it a
    /// summary that does not change from occurrence to occurrence, which clients may match on.
    ///
    /// `'static` since translations are parsed once at start-up (a `OnceLock`, as
    /// [`assetpay::translations`](crate::assetpay::translations) does, or `Box::leak`).
    ///
    /// Only the layer localizes: it has the request. An error a handler turns into a response
    /// with no [`ApiErrorLayer`](crate::axum::ApiErrorLayer) around it is in the declared text.
    #[cfg(feature = "l10n")]
    #[cfg_attr(docsrs, doc(cfg(feature = "l10n")))]
    pub fn with_translations(mut self, translations: &'static crate::l10n::Translations) -> Self {
        self.translations = Some(translations);
        self
    }

    /// The locale an error answering a request with `headers` is written in, when the team
    /// gave translations.
    #[cfg(feature = "l10n")]
    pub(crate) fn language_for(&self, headers: &HeaderMap) -> Option<&'static str> {
        let translations = self.translations?;
        let header = crate::axum::localize::accept_language(headers);
        Some(translations.negotiate(header.as_deref()))
    }

    /// The format an error answering a request with `headers` is written in: see the
    /// [negotiation rule](Self#the-negotiation-rule).
    pub fn format_for(&self, headers: &HeaderMap) -> ErrorFormat {
        let mut problem = Match::NONE;
        let mut json = Match::NONE;
        for value in headers.get_all(ACCEPT) {
            let Ok(value) = value.to_str() else {
                continue;
            };
            for range in value.split(',') {
                let Some((essence, quality)) = media_range(range) else {
                    continue;
                };
                problem.consider(essence, quality, PROBLEM_MEDIA_TYPE);
                json.consider(essence, quality, ENVELOPE_MEDIA_TYPE);
            }
        }
        match problem.quality.cmp(&json.quality) {
            std::cmp::Ordering::Greater => ErrorFormat::Problem,
            std::cmp::Ordering::Less => ErrorFormat::Envelope,
            std::cmp::Ordering::Equal => self.default_format,
        }
    }
}

/// The most specific media range seen so far that matches one media type.
#[derive(Clone, Copy)]
struct Match {
    /// 0 for none, 1 for `*/*`, 2 for `type/*`, 3 for the type itself.
    specificity: u8,
    /// In thousandths: `q=0.5` is 500.
    quality: u16,
}

impl Match {
    const NONE: Match = Match {
        specificity: 0,
        quality: 0,
    };

    fn consider(&mut self, essence: &str, quality: u16, media_type: &str) {
        let (kind, _) = media_type.split_once('/').unwrap_or((media_type, ""));
        let specificity = if essence.eq_ignore_ascii_case(media_type) {
            3
        } else if essence
            .strip_suffix("/*")
            .is_some_and(|range| range.eq_ignore_ascii_case(kind))
        {
            2
        } else if essence == "*/*" {
            1
        } else {
            return;
        };
        // Among ranges equally specific (a type listed twice), the first counts.
        if specificity > self.specificity {
            *self = Match {
                specificity,
                quality,
            };
        }
    }
}

/// A media range of `Accept`: its essence (compared without regard to case) and its `q` in
/// thousandths (1000 when absent); `None` for an empty or malformed range, which is skipped.
/// Nothing is allocated: it runs for every request.
fn media_range(range: &str) -> Option<(&str, u16)> {
    let mut parts = range.split(';');
    let essence = parts.next()?.trim();
    let (kind, subtype) = essence.split_once('/')?;
    if kind.is_empty() || subtype.is_empty() || (kind == "*" && subtype != "*") {
        return None;
    }
    let mut quality = 1000;
    for parameter in parts {
        let Some((name, value)) = parameter.split_once('=') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("q") {
            quality = parse_quality(value.trim())?;
            // Parameters after `q` are accept-extensions, which say nothing about the type.
            break;
        }
    }
    Some((essence, quality))
}

/// A `qvalue` (RFC 9110: `0[.ddd]` or `1[.000]`) in thousandths.
fn parse_quality(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |value, digit| value * 10 + u16::from(digit - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The error response as it leaves the layer: `Vary: Accept`, the error-code header when the
/// team chose one, and the body in `format` (re-rendered from the [`AnsweredError`] it carries
/// unless it is already the default envelope). Any other response passes untouched.
pub(crate) fn finish(
    mut response: Response,
    options: &ResponseOptions,
    format: ErrorFormat,
    #[cfg(feature = "l10n")] language: Option<&'static str>,
) -> Response {
    let Some(error) = response.extensions().get::<AnsweredError>() else {
        return response;
    };
    #[cfg(feature = "l10n")]
    let (translated, content_language) = match (options.translations, language) {
        (Some(translations), Some(tag)) => {
            let (translated, locale) = crate::axum::localize::translate(error, translations, tag);
            (translated, Some(locale))
        }
        _ => (None, None),
    };
    #[cfg(feature = "l10n")]
    let error = translated.as_ref().unwrap_or(error);
    #[cfg(not(feature = "l10n"))]
    let translated: Option<AnsweredError> = None;
    let spec = error.spec();
    let status = response.status();
    let params = error.params().filter(|_| options.params_member);
    let doc_url = options.doc_url_member && spec.doc_url().is_some();
    let body = match format {
        // `status` is the response's, which a kept 405 or 413 has of its own.
        ErrorFormat::Problem => response.headers().get(REQUEST_ID_HEADER).map(|id| {
            let envelope = error.envelope("").with_valid_request_id(as_valid_id(id));
            let envelope = match params {
                Some(params) => envelope.with_params(params),
                None => envelope,
            };
            Problem::from(envelope).with_status(status).to_json_vec()
        }),
        ErrorFormat::Envelope if doc_url || params.is_some() => {
            response.headers().get(REQUEST_ID_HEADER).map(|id| {
                let mut envelope = error.envelope("").with_valid_request_id(as_valid_id(id));
                if doc_url {
                    envelope = envelope.with_doc_url();
                }
                if let Some(params) = params {
                    envelope = envelope.with_params(params);
                }
                envelope.to_json_vec()
            })
        }
        ErrorFormat::Envelope if translated.is_some() => {
            response.headers().get(REQUEST_ID_HEADER).map(|id| {
                error
                    .envelope("")
                    .with_valid_request_id(as_valid_id(id))
                    .to_json_vec()
            })
        }
        ErrorFormat::Envelope => None,
    };
    let headers = response.headers_mut();
    if !varies_by_accept(headers) {
        headers.append(VARY, HeaderValue::from_static("accept"));
    }
    if let Some(name) = &options.code_header {
        headers.insert(name.clone(), HeaderValue::from_static(spec.key()));
    }
    #[cfg(feature = "l10n")]
    if let Some(tag) = content_language {
        crate::axum::localize::mark_language(headers, tag);
    }
    if let Some(body) = body {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(format.media_type()));
        headers.remove(CONTENT_LENGTH);
        *response.body_mut() = Body::from(body);
    }
    // What was sent, for what runs after the layer.
    if let Some(translated) = translated {
        response.extensions_mut().insert(translated);
    }
    response
}

/// Whether `Vary` already names `Accept` (or `*`).
fn varies_by_accept(headers: &HeaderMap) -> bool {
    varies_by(headers, "accept")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(default: ResponseOptions, accept: &[&'static str]) -> ErrorFormat {
        let mut headers = HeaderMap::new();
        for value in accept {
            headers.append(ACCEPT, HeaderValue::from_static(value));
        }
        default.format_for(&headers)
    }

    #[test]
    fn the_higher_quality_wins_and_a_tie_keeps_the_default() {
        use ErrorFormat::{Envelope, Problem};
        let by_default = [
            ResponseOptions::new(),
            ResponseOptions::new().problem_json_by_default(),
        ];
        for (accept, envelope_default, problem_default) in [
            (&[][..], Envelope, Problem),
            (&["*/*"], Envelope, Problem),
            (&["application/json"], Envelope, Envelope),
            (&["application/problem+json"], Problem, Problem),
            (
                &["Application/Problem+JSON; charset=utf-8"],
                Problem,
                Problem,
            ),
            (
                &["application/json, application/problem+json"],
                Envelope,
                Problem,
            ),
            (
                &["application/json;q=0.9, application/problem+json"],
                Problem,
                Problem,
            ),
            (
                &["application/json", "application/problem+json;q=0.9"],
                Envelope,
                Envelope,
            ),
            (
                &["application/*;q=0.5, application/problem+json"],
                Problem,
                Problem,
            ),
            (
                &["application/*;q=0.5, application/json"],
                Envelope,
                Envelope,
            ),
            (&["application/problem+json;q=0, */*"], Envelope, Envelope),
            (
                &["*/*;q=0.1, application/problem+json;q=0.2"],
                Problem,
                Problem,
            ),
            (&["text/html"], Envelope, Problem),
            (&["application/problem+json;q=2"], Envelope, Problem),
            (
                &["application/problem+json;q=0.5;level=1, application/json;q=0.4"],
                Problem,
                Problem,
            ),
            (&["application/problem+json ; q=0.001"], Problem, Problem),
            (
                &["garbage, */json, application/problem+json"],
                Problem,
                Problem,
            ),
        ] {
            assert_eq!(
                format(by_default[0].clone(), accept),
                envelope_default,
                "{accept:?}"
            );
            assert_eq!(
                format(by_default[1].clone(), accept),
                problem_default,
                "{accept:?}"
            );
        }
    }

    #[test]
    fn qvalues_are_read_as_rfc_9110_writes_them() {
        for (text, quality) in [
            ("0", 0),
            ("1", 1000),
            ("0.5", 500),
            ("0.25", 250),
            ("0.001", 1),
            ("1.000", 1000),
            ("0.", 0),
        ] {
            assert_eq!(parse_quality(text), Some(quality), "{text}");
        }
        for text in ["2", "1.5", "0.0001", "-1", "", "a", "0.5x"] {
            assert_eq!(parse_quality(text), None, "{text}");
        }
    }
}
