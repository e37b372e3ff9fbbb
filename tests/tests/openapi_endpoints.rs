//! Issue #26: each operation of the demo's document lists exactly the errors the route answers
//! with. The keys are found by driving every route with requests that produce each of its
//! errors, and compared with the document, status by status: no more, no less. What the layer
//! answers for no operation (an unknown route, a method a route does not serve, a panic) is
//! compared with the document's response components, documented once.

use std::collections::{BTreeMap, BTreeSet};

use assetpay_errors::openapi::EXAMPLE_REQUEST_ID;
use axum::body::{Body, to_bytes};
use axum::http::{Method, Request};
use serde_json::Value;
use tower::ServiceExt as _;

#[allow(dead_code)]
#[path = "../../assetpay-errors/examples/demo/app.rs"]
mod demo;

/// Where an answer is documented: an operation (`"post /trades"`) or a response component of
/// the layer (`"#/components/responses/Panic"`).
type Place = String;

/// `(status, key)` pairs, by place.
type Answers = BTreeMap<Place, BTreeSet<(u16, String)>>;

/// A request and the place its answer is documented.
struct Drive {
    place: &'static str,
    method: Method,
    uri: &'static str,
    content_type: Option<&'static str>,
    body: Vec<u8>,
}

fn drive(place: &'static str, method: Method, uri: &'static str) -> Drive {
    Drive {
        place,
        method,
        uri,
        content_type: None,
        body: Vec::new(),
    }
}

fn json(place: &'static str, uri: &'static str, body: &[u8]) -> Drive {
    Drive {
        place,
        method: Method::POST,
        uri,
        content_type: Some("application/json"),
        body: body.to_vec(),
    }
}

/// Every way to make each demo route, and the layer, answer with an error.
fn requests() -> Vec<Drive> {
    let oversized = {
        let mut body = br#"{"itemId":1,"quantity":1,"padding":""#.to_vec();
        body.extend(std::iter::repeat_n(b'x', 5000));
        body.extend(br#""}"#);
        body
    };
    let price = demo::CURRENT_PRICE_CENTS;
    let stale_trade = format!(r#"{{"itemId":42,"expectedPriceCents":{}}}"#, price + 1);
    let mut requests = Vec::new();
    for (place, uri, valid_data) in [
        (
            "post /orders",
            "/orders",
            br#"{"itemId":1,"quantity":0}"#.as_slice(),
        ),
        ("post /trades", "/trades", br#"{"itemId":"x"}"#.as_slice()),
    ] {
        requests.extend([
            // No content type, another one, a body that is not JSON, data that does not fit,
            // a body over the demo's 4 KiB limit.
            drive(place, Method::POST, uri),
            Drive {
                content_type: Some("text/plain"),
                body: b"{}".to_vec(),
                ..drive(place, Method::POST, uri)
            },
            json(place, uri, b"{"),
            json(place, uri, b"{}"),
            json(place, uri, valid_data),
            json(place, uri, &oversized),
        ]);
    }
    requests.extend([
        json("post /trades", "/trades", stale_trade.as_bytes()),
        drive("get /orders/{id}", Method::GET, "/orders/8"),
        drive("get /orders/{id}", Method::GET, "/orders/eight"),
        drive("get /orders", Method::GET, "/orders"),
        drive("get /orders", Method::GET, "/orders?limit=ten"),
        drive("get /limited", Method::GET, "/limited"),
        drive("get /internal", Method::GET, "/internal"),
        drive("#/components/responses/Panic", Method::GET, "/panic"),
        drive("get /panic", Method::GET, "/panic"),
        drive(
            "#/components/responses/UnknownRoute",
            Method::GET,
            "/no/such/route",
        ),
        drive(
            "#/components/responses/MethodNotAllowed",
            Method::DELETE,
            "/trades",
        ),
    ]);
    requests
}

/// The error answers of the demo's routes, by place, and each answer's body by key.
async fn driven() -> (Answers, BTreeMap<String, Value>) {
    let app = demo::app();
    let mut answers = Answers::new();
    let mut bodies = BTreeMap::new();
    for request in requests() {
        let mut builder = Request::builder()
            .method(request.method.clone())
            .uri(request.uri)
            .header("x-request-id", EXAMPLE_REQUEST_ID);
        if let Some(content_type) = request.content_type {
            builder = builder.header("content-type", content_type);
        }
        let response = app
            .clone()
            .oneshot(builder.body(Body::from(request.body)).unwrap())
            .await
            .unwrap();
        let status = response.status().as_u16();
        let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let body: Value = serde_json::from_slice(&body).unwrap_or_else(|_| {
            panic!(
                "{} {} answered {status} without an envelope",
                request.method, request.uri
            )
        });
        assert!(
            status >= 400,
            "{} {} did not fail: {status}",
            request.method,
            request.uri
        );
        let key = body["error"]["key"].as_str().expect("a key").to_owned();
        answers
            .entry(request.place.to_owned())
            .or_default()
            .insert((status, key.clone()));
        bodies.insert(key, body);
    }
    // The store refuses orders once it is full: fill it, and the next order is the route's own
    // error. Last, since it changes which orders exist.
    for _ in 0..=demo::STORE_CAPACITY {
        let request = Request::builder()
            .method(Method::POST)
            .uri("/orders")
            .header("x-request-id", EXAMPLE_REQUEST_ID)
            .header("content-type", "application/json")
            .body(Body::from(r#"{"itemId":1,"quantity":1}"#))
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        if status < 400 {
            continue;
        }
        let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let body: Value = serde_json::from_slice(&body).expect("an envelope");
        let key = body["error"]["key"].as_str().expect("a key").to_owned();
        answers
            .entry("post /orders".to_owned())
            .or_default()
            .insert((status, key.clone()));
        bodies.insert(key, body);
        break;
    }
    (answers, bodies)
}

/// The `(status, key)` pairs a map of responses documents, from each error response's examples.
fn documented_keys(responses: &Value) -> BTreeSet<(u16, String)> {
    let mut keys = BTreeSet::new();
    for (status, response) in responses.as_object().expect("responses") {
        let status: u16 = status.parse().expect("a numeric status");
        if status < 400 {
            continue;
        }
        let content = &response["content"]["application/json"];
        let enumerated =
            &content["schema"]["allOf"][1]["properties"]["error"]["properties"]["key"]["enum"];
        let examples: Vec<&String> = content["examples"]
            .as_object()
            .expect("examples")
            .keys()
            .collect();
        let mut enumerated: Vec<&str> = enumerated
            .as_array()
            .expect("a key enum")
            .iter()
            .map(|key| key.as_str().expect("a string"))
            .collect();
        enumerated.sort_unstable();
        assert_eq!(
            enumerated, examples,
            "one example per key of the {status} response"
        );
        keys.extend(examples.into_iter().map(|key| (status, key.clone())));
    }
    keys
}

/// The `(status, key)` pairs the demo's document lists, by place.
fn documented(document: &Value) -> Answers {
    let mut answers = Answers::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("a path item") {
            let keys = documented_keys(&operation["responses"]);
            answers.insert(format!("{method} {path}"), keys);
        }
    }
    for (name, response) in document["components"]["responses"]
        .as_object()
        .expect("response components")
    {
        // A component holds one response, referenced with no status: its description names the
        // status it is sent with ("Method Not Allowed: `UNPROCESSABLE`"), which may differ from
        // the entry's own (a 405 keeps its status).
        let description = response["description"].as_str().expect("a description");
        let sent = status_named_in(description);
        let keys: BTreeSet<(u16, String)> = response["content"]["application/json"]["examples"]
            .as_object()
            .expect("examples")
            .values()
            .map(|example| {
                let key = example["value"]["error"]["key"].as_str().expect("a key");
                (sent.unwrap_or_else(|| status_of(key)), key.to_owned())
            })
            .collect();
        answers.insert(format!("#/components/responses/{name}"), keys);
    }
    answers
}

/// The error status whose reason phrase a response's description names, as in "… Method Not
/// Allowed: `UNPROCESSABLE`".
fn status_named_in(description: &str) -> Option<u16> {
    (400..600).find(|&code| {
        http::StatusCode::from_u16(code)
            .ok()
            .and_then(|status| status.canonical_reason())
            .is_some_and(|reason| description.contains(&format!("{reason}: `")))
    })
}

/// The status AssetPay's catalogue declares for `key`.
fn status_of(key: &str) -> u16 {
    use assetpay_errors::{ApiError, AssetPayError};
    AssetPayError::spec_for_key(key)
        .expect("an AssetPay key")
        .status()
        .as_u16()
}

#[tokio::test]
async fn every_operation_documents_exactly_the_errors_its_route_answers_with() {
    let document: Value = serde_json::from_str(&demo::openapi_json()).expect("JSON");
    let listed = documented(&document);
    let (answered, _) = driven().await;
    for (place, keys) in &listed {
        // Other middleware's plain statuses: the demo installs none, so none is driven.
        if place.starts_with("#/components/responses/Plain") {
            continue;
        }
        let answered = answered.get(place).cloned().unwrap_or_default();
        assert_eq!(
            &answered, keys,
            "{place}: what the route answers with (left) and what the document lists (right)"
        );
    }
    for place in answered.keys() {
        assert!(listed.contains_key(place), "{place} is not documented");
    }
    // The issue's case: `POST /trades` lists its one error and its body's rejections (an
    // oversized body keeps its 413), not the 35 keys of `CreateTradeError`.
    assert_eq!(
        listed["post /trades"],
        BTreeSet::from([
            (409, "PRICE_CHANGED".to_owned()),
            (413, "UNPROCESSABLE".to_owned()),
            (422, "VALIDATION_FAILED".to_owned()),
        ])
    );
}

#[tokio::test]
async fn each_example_without_details_is_the_body_the_route_sends() {
    let printed = demo::openapi_json();
    let document: Value = serde_json::from_str(&printed).expect("JSON");
    let (_, bodies) = driven().await;
    let examples = [
        ("/trades", "post", "409", "PRICE_CHANGED"),
        ("/orders/{id}", "get", "404", "NOT_FOUND"),
        ("/limited", "get", "429", "RATE_LIMITED"),
        ("/internal", "get", "500", "SERVER_ERROR"),
    ];
    for (path, method, status, key) in examples {
        let example = &document["paths"][path][method]["responses"][status]["content"]["application/json"]
            ["examples"][key]["value"];
        assert_eq!(example, &bodies[key], "{method} {path} {key}");
    }
    // The rejection's example: the entry the layer answers with, and a violation as sent.
    let rejected = &document["paths"]["/orders"]["post"]["responses"]["422"]["content"]["application/json"]
        ["examples"]["VALIDATION_FAILED"]["value"];
    let sent = &bodies["VALIDATION_FAILED"];
    assert_eq!(rejected["error"]["code"], sent["error"]["code"]);
    assert_eq!(rejected["error"]["message"], sent["error"]["message"]);
    let violation = &rejected["error"]["details"][0];
    assert_eq!(violation["in"], "body");
    assert_eq!(violation["field"], "/itemId");
    assert_eq!(violation["reason"], "MISSING");
}
