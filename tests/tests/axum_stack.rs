//! `ApiErrorLayer` is one service that does what the documented stack of layers does
//! (`drop_invalid_request_id`, tower-http's `SetRequestIdLayer`, `EnvelopeLayer`, tower-http's
//! `PropagateRequestIdLayer` and `CatchPanicLayer` with `PanicAsEnvelope`): for every kind of
//! request, the two answer with the same status, headers, body and request-id extension, and
//! show a handler the same `RequestId`.

mod axum_support;

use std::convert::Infallible;

use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::{
    EnvelopeLayer, PanicAsEnvelope, REQUEST_ID_HEADER, RouterExt as _, drop_invalid_request_id,
};
use axum::body::Body;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use http::header::CONTENT_TYPE;
use http::{HeaderValue, Method, Request};
use tower::{ServiceBuilder, ServiceExt as _};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};

use axum_support::{app, is_generated_id};

/// The demo service, plus a handler that shows the `RequestId` it was given and a service that
/// panics in `call` itself rather than in its future.
fn routes() -> Router {
    app()
        .route(
            "/request-id",
            get(|Extension(id): Extension<RequestId>| async move {
                id.header_value().to_str().unwrap().to_owned()
            }),
        )
        .route_service(
            "/panic-in-call",
            tower::service_fn(
                |_: Request<Body>| -> std::future::Ready<Result<Response, Infallible>> {
                    panic!("the service panicked before it had a future")
                },
            ),
        )
}

fn one_service() -> Router {
    routes().with_api_errors(framework_errors())
}

fn documented_stack() -> Router {
    routes().layer(
        ServiceBuilder::new()
            .map_request(drop_invalid_request_id::<Body>)
            .layer(SetRequestIdLayer::new(REQUEST_ID_HEADER, MakeRequestUuid))
            .layer(EnvelopeLayer::new(framework_errors()))
            .layer(PropagateRequestIdLayer::new(REQUEST_ID_HEADER))
            .layer(CatchPanicLayer::custom(PanicAsEnvelope::new(
                framework_errors().server_error(),
            ))),
    )
}

/// One request of the comparison: how it is built, from a method, path, ids and body.
struct Sent {
    method: Method,
    path: &'static str,
    ids: &'static [&'static [u8]],
    /// A `RequestId` extension set by a layer outside the stack.
    outer_id: Option<&'static str>,
    json_body: Option<&'static str>,
}

const fn get_with(path: &'static str, ids: &'static [&'static [u8]]) -> Sent {
    Sent {
        method: Method::GET,
        path,
        ids,
        outer_id: None,
        json_body: None,
    }
}

fn request(sent: &Sent) -> Request<Body> {
    let mut request = Request::builder()
        .method(sent.method.clone())
        .uri(sent.path);
    for id in sent.ids {
        request = request.header(REQUEST_ID_HEADER, HeaderValue::from_bytes(id).unwrap());
    }
    if sent.json_body.is_some() {
        request = request.header(CONTENT_TYPE, "application/json");
    }
    let mut request = request
        .body(Body::from(sent.json_body.unwrap_or_default()))
        .unwrap();
    if let Some(outer) = sent.outer_id {
        let outer = RequestId::new(HeaderValue::from_static(outer));
        request.extensions_mut().insert(outer);
    }
    request
}

/// What a client and an outer layer see of an answer, with a generated id written `<generated>`
/// (each stack generates its own).
async fn seen(router: Router, sent: &Sent) -> String {
    let response = router.oneshot(request(sent)).await.unwrap();
    let id = response
        .headers()
        .get(REQUEST_ID_HEADER)
        .expect("every answer carries an id")
        .to_str()
        .unwrap()
        .to_owned();
    let extension = response
        .extensions()
        .get::<RequestId>()
        .map(|id| id.header_value().to_str().unwrap().to_owned());
    let (parts, body) = response.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    let mut headers: Vec<String> = parts
        .headers
        .iter()
        .map(|(name, value)| format!("{name}: {}", String::from_utf8_lossy(value.as_bytes())))
        .collect();
    headers.sort();
    let text = format!(
        "{}\n{}\nextension: {extension:?}\n\n{}",
        parts.status,
        headers.join("\n"),
        String::from_utf8_lossy(&body),
    );
    if is_generated_id(&id) {
        text.replace(&id, "<generated>")
    } else {
        text
    }
}

#[tokio::test]
async fn the_one_service_answers_as_the_documented_stack_of_layers() {
    let valid: &[&[u8]] = &[b"req_7f3a:retry.1"];
    let sent = [
        get_with("/orders/7", &[]),
        get_with("/orders/7", valid),
        get_with("/orders/8", valid),
        get_with("/orders/8", &[b"two words"]),
        get_with("/orders/8", &[b"first", b"second"]),
        get_with("/request-id", &[]),
        get_with("/request-id", valid),
        get_with("/request-id", &[b"caf\xe9"]),
        Sent {
            outer_id: Some("outer-id"),
            ..get_with("/request-id", valid)
        },
        Sent {
            outer_id: Some("outer id, not valid"),
            ..get_with("/orders/8", valid)
        },
        Sent {
            outer_id: Some("outer-id"),
            ..get_with("/orders/8", &[])
        },
        Sent {
            method: Method::POST,
            json_body: Some(r#"{"itemId":1,"#),
            ..get_with("/orders", valid)
        },
        get_with("/no-such-route", valid),
        Sent {
            method: Method::DELETE,
            ..get_with("/orders/7", valid)
        },
        get_with("/panic", valid),
        get_with("/panic", &[]),
        get_with("/panic-in-call", valid),
        get_with("/plain/bad-gateway", valid),
        get_with("/plain/forbidden", valid),
        get_with("/converted-elsewhere", valid),
        get_with("/warehouse", valid),
        get_with("/reserved/sku-1", valid),
    ];
    for sent in &sent {
        let ours = seen(one_service(), sent).await;
        let documented = seen(documented_stack(), sent).await;
        assert_eq!(
            ours, documented,
            "{} {} {:?}",
            sent.method, sent.path, sent.ids
        );
    }

    // What the comparison rests on: the cases differ, and say what they should.
    let panicked = seen(one_service(), &get_with("/panic-in-call", valid)).await;
    assert!(
        panicked.starts_with("500 Internal Server Error\n"),
        "{panicked}"
    );
    assert!(
        panicked.contains(r#""requestId":"req_7f3a:retry.1""#),
        "{panicked}"
    );
    let shown = seen(one_service(), &get_with("/request-id", &[])).await;
    assert!(shown.ends_with("\n\n<generated>"), "{shown}");
    let outer = seen(
        one_service(),
        &Sent {
            outer_id: Some("outer-id"),
            ..get_with("/request-id", valid)
        },
    )
    .await;
    assert!(outer.ends_with("\n\nouter-id"), "{outer}");
    // An envelope made outside the request's task is re-rendered with the request's id, and the
    // response's `RequestId` extension says the same id as its header.
    let elsewhere = seen(one_service(), &get_with("/converted-elsewhere", valid)).await;
    assert!(
        elsewhere.contains("x-request-id: req_7f3a:retry.1\nextension: Some(\"req_7f3a:retry.1\")"),
        "{elsewhere}"
    );
}
