//! Localized error responses over real HTTP: the layer translates by `Accept-Language` (RFC 4647
//! lookup, q-values), in the envelope and in problem+json, with `Content-Language` and
//! `Vary: Accept-Language`; codes and keys never vary; 5xx stay the declared text; a missing
//! translation falls back by the documented rule.

mod axum_support;
mod l10n_support;

use assetpay_errors::assetpay::{framework_errors, translations};
use assetpay_errors::axum::{ApiErrorLayer, ApiResult, ResponseOptions};
use assetpay_errors::l10n::Translations;
use axum_support::{Answer, Server, app};
use http::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_LANGUAGE, VARY};
use l10n_support::{CANADIAN, CartError, FRENCH};
use serde_json::Value;

async fn too_many() -> ApiResult<(), CartError> {
    Err(CartError::TooManyItems {
        max: 1,
        given: "3".to_owned(),
    }
    .into())
}

async fn sold_out() -> ApiResult<(), CartError> {
    Err(CartError::SoldOut.into())
}

async fn price_changed() -> ApiResult<(), CartError> {
    Err(CartError::PriceChanged.into())
}

/// The cart's translations: French complete, `fr-CA` partial.
fn cart_translations() -> &'static Translations {
    let translations = Translations::new("en")
        .and_then(|t| t.with_locale("fr", FRENCH))
        .and_then(|t| t.with_partial_locale("fr-CA", CANADIAN))
        .expect("parses");
    translations.assert_checked::<CartError>();
    Box::leak(Box::new(translations))
}

async fn demo_server() -> Server {
    let options = ResponseOptions::new().with_translations(translations());
    Server::start(app().layer(ApiErrorLayer::new(framework_errors()).with_options(options))).await
}

async fn cart_server() -> Server {
    let routes = axum::Router::new()
        .route("/too-many", axum::routing::get(too_many))
        .route("/sold-out", axum::routing::get(sold_out))
        .route("/price-changed", axum::routing::get(price_changed));
    let options = ResponseOptions::new().with_translations(cart_translations());
    Server::start(routes.layer(ApiErrorLayer::new(framework_errors()).with_options(options))).await
}

async fn get(server: &Server, path: &str, language: Option<&str>, accept: Option<&str>) -> Answer {
    let mut request = server.request(reqwest::Method::GET, path);
    if let Some(language) = language {
        request = request.header(ACCEPT_LANGUAGE, language);
    }
    if let Some(accept) = accept {
        request = request.header(ACCEPT, accept);
    }
    Answer::of(request).await
}

fn json(answer: &Answer) -> Value {
    serde_json::from_slice(&answer.body).unwrap_or_else(|error| panic!("{error}: {answer:?}"))
}

fn content_language(answer: &Answer) -> &str {
    assert_eq!(
        answer.headers.get_all(CONTENT_LANGUAGE).iter().count(),
        1,
        "{answer:?}"
    );
    answer.headers[CONTENT_LANGUAGE].to_str().expect("text")
}

fn vary(answer: &Answer) -> Vec<String> {
    answer
        .headers
        .get_all(VARY)
        .iter()
        .map(|value| value.to_str().expect("text").to_ascii_lowercase())
        .collect()
}

#[tokio::test]
async fn the_same_error_in_two_languages_by_accept_language() {
    let server = demo_server().await;
    let english = get(&server, "/orders/1", None, None).await;
    let french = get(&server, "/orders/1", Some("fr-FR, en;q=0.5"), None).await;
    assert_eq!(
        (english.status.as_u16(), french.status.as_u16()),
        (404, 404)
    );
    let (english_body, french_body) = (json(&english), json(&french));
    assert_eq!(english_body["error"]["message"], "Resource not found");
    assert_eq!(french_body["error"]["message"], "Ressource introuvable");
    // Codes and keys never vary.
    assert_eq!(english_body["error"]["code"], french_body["error"]["code"]);
    assert_eq!(english_body["error"]["key"], french_body["error"]["key"]);
    assert_eq!(
        (content_language(&english), content_language(&french)),
        ("en", "fr")
    );
    for answer in [&english, &french] {
        assert_eq!(
            vary(answer)
                .iter()
                .filter(|name| name.as_str() == "accept-language")
                .count(),
            1,
            "{answer:?}"
        );
        assert!(vary(answer).contains(&"accept".to_owned()), "{answer:?}");
    }
    // The client decoder reads the translated envelope as the same catalogue error.
    assert_eq!(
        french
            .envelope::<assetpay_errors::assetpay::GenericError>()
            .key(),
        english
            .envelope::<assetpay_errors::assetpay::GenericError>()
            .key()
    );
}

#[tokio::test]
async fn q_values_order_the_languages() {
    let server = demo_server().await;
    let french = get(
        &server,
        "/orders/1",
        Some("de;q=0.9, fr;q=0.95, en;q=0.1"),
        None,
    )
    .await;
    assert_eq!(content_language(&french), "fr");
    let english = get(&server, "/orders/1", Some("fr;q=0.2, en;q=0.8"), None).await;
    assert_eq!(
        (
            content_language(&english),
            json(&english)["error"]["message"].as_str()
        ),
        ("en", Some("Resource not found"))
    );
    let excluded = get(&server, "/orders/1", Some("fr;q=0, *"), None).await;
    assert_eq!(content_language(&excluded), "en");
    let malformed = get(&server, "/orders/1", Some("not_a_range, FR"), None).await;
    assert_eq!(content_language(&malformed), "fr");
}

#[tokio::test]
async fn server_errors_stay_the_declared_redacted_text() {
    let server = demo_server().await;
    let answer = get(&server, "/internal", Some("fr"), None).await;
    assert_eq!(answer.status.as_u16(), 500);
    assert_eq!(json(&answer)["error"]["message"], "Internal server error");
    assert_eq!(content_language(&answer), "en");
    let problem = get(
        &server,
        "/internal",
        Some("fr"),
        Some("application/problem+json"),
    )
    .await;
    assert_eq!(json(&problem)["detail"], "Internal server error");
}

#[tokio::test]
async fn problem_documents_are_translated_too() {
    let server = demo_server().await;
    let answer = get(
        &server,
        "/orders/1",
        Some("fr"),
        Some("application/problem+json"),
    )
    .await;
    let body = json(&answer);
    assert_eq!(body["detail"], "Ressource introuvable");
    assert_eq!(body["key"], "NOT_FOUND");
    // `title` is the entry's declared description: a stable summary of the error type, as RFC
    // 9457 §3.1.4 has it ("SHOULD NOT change from occurrence to occurrence").
    let english = json(&get(&server, "/orders/1", None, Some("application/problem+json")).await);
    assert_eq!(body["title"], english["title"]);
    assert_eq!(content_language(&answer), "fr");
}

#[tokio::test]
async fn framework_envelopes_are_translated_unless_they_quote_axum() {
    let server = demo_server().await;
    let unknown_route = get(&server, "/nowhere", Some("fr"), None).await;
    assert_eq!(unknown_route.status.as_u16(), 404);
    assert_eq!(
        json(&unknown_route)["error"]["message"],
        "Ressource introuvable"
    );
    assert_eq!(content_language(&unknown_route), "fr");
    // A rejection whose text the layer quotes after the entry's message (axum's `Json` refusing
    // a body that is not JSON): no translation says what axum's text says, so the message stays
    // as built, in the default locale, and `Content-Language` says so.
    let post = |language: Option<&'static str>| {
        let mut request = server
            .request(reqwest::Method::POST, "/orders")
            .header(http::header::CONTENT_TYPE, "text/plain")
            .body("{}");
        if let Some(language) = language {
            request = request.header(ACCEPT_LANGUAGE, language);
        }
        Answer::of(request)
    };
    let quoted = post(Some("fr")).await;
    let english = post(None).await;
    let message = json(&quoted)["error"]["message"]
        .as_str()
        .map(str::to_owned);
    assert_eq!(
        message.as_deref(),
        json(&english)["error"]["message"].as_str()
    );
    assert!(
        message.is_some_and(|message| message.contains("Content-Type")),
        "{quoted:?}"
    );
    assert_eq!(content_language(&quoted), "en");
}

#[tokio::test]
async fn a_partial_locale_answers_its_own_text_and_falls_back_for_the_rest() {
    let server = cart_server().await;
    let own = get(&server, "/sold-out", Some("fr-CA"), None).await;
    assert_eq!(json(&own)["error"]["message"], "Écoulé");
    assert_eq!(content_language(&own), "fr-CA");
    // fr-CA has no PRICE_CHANGED: fr's (RFC 4647 truncation), and `Content-Language` says fr.
    let truncated = get(&server, "/price-changed", Some("fr-CA"), None).await;
    assert_eq!(json(&truncated)["error"]["message"], "Le prix a changé");
    assert_eq!(content_language(&truncated), "fr");
    // A tag nothing registers falls back to the default locale, and says so.
    let german = get(&server, "/sold-out", Some("de-AT"), None).await;
    assert_eq!(json(&german)["error"]["message"], "Sold out");
    assert_eq!(content_language(&german), "en");
}
#[tokio::test]
async fn a_translation_with_params_renders_their_values() {
    let server = cart_server().await;
    let answer = get(&server, "/too-many", Some("fr"), None).await;
    assert_eq!(
        json(&answer)["error"]["message"],
        "Au plus 1 objet par requête, reçu « 3 »"
    );
    assert_eq!(content_language(&answer), "fr");
    let english = get(&server, "/too-many", Some("de"), None).await;
    assert_eq!(
        json(&english)["error"]["message"],
        "At most 1 items per request, got 3"
    );
    assert_eq!(content_language(&english), "en");
}

#[tokio::test]
async fn a_missing_translation_falls_back_by_truncation_then_to_the_default() {
    let server = cart_server().await;
    let own = get(&server, "/sold-out", Some("fr-CA"), None).await;
    assert_eq!(
        (
            json(&own)["error"]["message"].as_str(),
            content_language(&own)
        ),
        (Some("Écoulé"), "fr-CA")
    );
    // fr-CA has no TOO_MANY_ITEMS: fr's, and `Content-Language` says fr.
    let truncated = get(&server, "/too-many", Some("fr-CA"), None).await;
    assert_eq!(
        json(&truncated)["error"]["message"],
        "Au plus 1 objet par requête, reçu « 3 »"
    );
    assert_eq!(content_language(&truncated), "fr");
}
