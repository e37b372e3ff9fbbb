//! Issue #26: each operation of the demo's document lists exactly the errors the route answers
//! with. The keys are found by driving every route with requests that produce each of its
//! errors, and compared with the document, status by status: no more, no less. What the layer
//! answers for no operation (an unknown route, a method a route does not serve, a panic) is
//! compared with the document's response components, documented once.

use std::collections::{BTreeMap, BTreeSet};

use assetpay_errors::openapi::EXAMPLE_REQUEST_ID;
use assetpay_errors::problem::PROBLEM_MEDIA_TYPE;
use axum::body::{Body, to_bytes};
use axum::http::{Method, Request};
use serde_json::Value;
use tower::ServiceExt as _;

#[allow(dead_code)]
#[path = "../../assetpay-errors/examples/demo/app.rs"]
mod demo;
mod printed_support;

use crate::printed_support::printed_at;

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

/// One error answer of a demo route: where it is documented, and what was sent.
struct Answered {
    place: Place,
    status: u16,
    key: String,
    body: Vec<u8>,
}

/// The format a request asks for with `Accept`, and where each body carries its key.
#[derive(Clone, Copy)]
enum Format {
    Envelope,
    Problem,
}

impl Format {
    fn media_type(self) -> &'static str {
        match self {
            Format::Envelope => "application/json",
            Format::Problem => PROBLEM_MEDIA_TYPE,
        }
    }

    fn key_of(self, body: &Value) -> Option<&str> {
        match self {
            Format::Envelope => body["error"]["key"].as_str(),
            Format::Problem => body["key"].as_str(),
        }
    }
}

/// Sends `request` to `app` with `Accept: format` and the examples' request id; an error comes
/// back in that format.
async fn answer(app: &axum::Router, request: &Drive, format: Format) -> (u16, Vec<u8>) {
    let mut builder = Request::builder()
        .method(request.method.clone())
        .uri(request.uri)
        .header("accept", format.media_type())
        .header("x-request-id", EXAMPLE_REQUEST_ID);
    if let Some(content_type) = request.content_type {
        builder = builder.header("content-type", content_type);
    }
    let response = app
        .clone()
        .oneshot(builder.body(Body::from(request.body.clone())).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    if status >= 400 {
        assert_eq!(
            response.headers()["content-type"],
            format.media_type(),
            "{} {}",
            request.method,
            request.uri
        );
    }
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, body.to_vec())
}

/// Every error answer of the demo's routes, in `format`.
async fn driven(format: Format) -> Vec<Answered> {
    let app = demo::app();
    let mut answered = Vec::new();
    let mut record = |request: &Drive, status: u16, body: Vec<u8>| {
        let value: Value = serde_json::from_slice(&body).unwrap_or_else(|_| {
            panic!(
                "{} {} answered {status} without a JSON body",
                request.method, request.uri
            )
        });
        assert!(
            status >= 400,
            "{} {} did not fail: {status}",
            request.method,
            request.uri
        );
        let key = format.key_of(&value).expect("a key").to_owned();
        answered.push(Answered {
            place: request.place.to_owned(),
            status,
            key,
            body,
        });
    };
    for request in requests() {
        let (status, body) = answer(&app, &request, format).await;
        record(&request, status, body);
    }
    // The store refuses orders once it is full: fill it, and the next order is the route's own
    // error. Last, since it changes which orders exist.
    let order = json("post /orders", "/orders", br#"{"itemId":1,"quantity":1}"#);
    for _ in 0..=demo::STORE_CAPACITY {
        let (status, body) = answer(&app, &order, format).await;
        if status >= 400 {
            record(&order, status, body);
            break;
        }
    }
    answered
}

/// The `(status, key)` pairs of `answered`, by place.
fn answers(answered: &[Answered]) -> Answers {
    let mut answers = Answers::new();
    for answer in answered {
        answers
            .entry(answer.place.clone())
            .or_default()
            .insert((answer.status, answer.key.clone()));
    }
    answers
}

/// The envelope the demo answered with for each key (the last, for a key answered twice).
fn bodies_by_key(answered: &[Answered]) -> BTreeMap<String, Value> {
    answered
        .iter()
        .map(|answer| {
            let body = serde_json::from_slice(&answer.body).expect("JSON");
            (answer.key.clone(), body)
        })
        .collect()
}

/// The `(status, key)` pairs a map of responses documents, from each error response's examples:
/// the same keys in both media types.
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
        let problem = &response["content"][PROBLEM_MEDIA_TYPE];
        let problem_examples: Vec<&String> = problem["examples"]
            .as_object()
            .expect("problem examples")
            .keys()
            .collect();
        assert_eq!(
            examples, problem_examples,
            "the {status} response documents the same keys in both media types"
        );
        for enumerated in [
            enumerated,
            &problem["schema"]["allOf"][1]["properties"]["key"]["enum"],
        ] {
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
        }
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
    let answered = answers(&driven(Format::Envelope).await);
    // Asked for problem documents, every route fails the same ways.
    assert_eq!(answers(&driven(Format::Problem).await), answered);
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
    let bodies = bodies_by_key(&driven(Format::Envelope).await);
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

/// Where `place`'s responses are in the printed document: an operation's responses, or the
/// component itself.
fn responses_path(place: &str) -> Vec<&str> {
    match place.strip_prefix("#/components/responses/") {
        Some(name) => vec!["components", "responses", name],
        None => {
            let (method, path) = place.split_once(' ').expect("`method path`");
            vec!["paths", path, method, "responses"]
        }
    }
}

/// `example`, a printed problem document, with the texts worded at run time replaced by the ones
/// `sent` has, which a document can show only a sample of: the `detail` of each field violation
/// at the same place (`limit: invalid digit found in string`), and a rejection's `detail` when
/// the layer adds the framework's own text to the declared message (`Request cannot be
/// processed: Failed to buffer the request body: length limit exceeded`, see
/// `docs/axum.md`). `None` when they differ in anything else that this replaces.
fn with_run_time_texts(example: &str, sent: &Value) -> Option<String> {
    let example_value: Value = serde_json::from_str(example).expect("JSON");
    let documented = example_value["errors"]
        .as_array()
        .map_or(&[][..], Vec::as_slice);
    let answered = sent["errors"].as_array().map_or(&[][..], Vec::as_slice);
    if documented.len() != answered.len() {
        return None;
    }
    let label = |value: &Value| format!(r#""detail":{}"#, value["detail"]);
    let mut text = example.to_owned();
    let declared = example_value["detail"].as_str()?;
    let quoted = sent["detail"].as_str()?;
    if quoted != declared && quoted.starts_with(&format!("{declared}: ")) {
        text = text.replacen(&label(&example_value), &label(sent), 1);
    }
    let mut from = text.find(r#""errors":"#).unwrap_or(text.len());
    for (documented, answered) in documented.iter().zip(answered) {
        let (old, new) = (label(documented), label(answered));
        let at = from + text[from..].find(&old)?;
        text.replace_range(at..at + old.len(), &new);
        from = at + new.len();
    }
    Some(text)
}

/// Issue #24: every `application/problem+json` example in the demo's document is, byte for byte,
/// a document the route sends to a request that asks for problem documents, at the status it is
/// documented under (a 405 or 413 kept under its entry included). An example with field
/// violations shows where the field is and why it failed as the extractor sends them; only the
/// texts worded at run time ([`with_run_time_texts`]) are the sent ones before the bytes are
/// compared.
#[tokio::test]
async fn every_problem_example_is_byte_for_byte_a_document_the_route_sends() {
    let printed = demo::openapi_json();
    let document: Value = serde_json::from_str(&printed).expect("JSON");
    let answered = driven(Format::Problem).await;
    let (mut compared, mut with_violations) = (0, 0);
    let mut mismatches = Vec::new();
    for (place, keys) in documented(&document) {
        if place.starts_with("#/components/responses/Plain") {
            continue;
        }
        for (status, key) in keys {
            let mut path = responses_path(&place);
            let status_text = status.to_string();
            if !place.starts_with('#') {
                path.push(&status_text);
            }
            path.extend([PROBLEM_MEDIA_TYPE, "examples", &key, "value"]);
            let example = printed_at(&printed, &path);
            let sent: Vec<&str> = answered
                .iter()
                .filter(|answer| {
                    answer.place == place && answer.status == status && answer.key == key
                })
                .map(|answer| std::str::from_utf8(&answer.body).expect("UTF-8"))
                .collect();
            let matches = sent.iter().any(|sent| {
                let value: Value = serde_json::from_str(sent).expect("JSON");
                with_run_time_texts(example, &value).as_deref() == Some(*sent)
            });
            if !matches {
                mismatches.push(format!(
                    "{place} {status} {key}: the example\n{example}\nis none of what was sent:\n{}",
                    sent.join("\n")
                ));
            }
            compared += 1;
            with_violations += usize::from(example.contains(r#""errors":"#));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
    // Every route's errors and the layer's three answers, rejections with violations among them.
    assert!(compared >= 12, "{compared} examples compared");
    assert!(
        with_violations >= 4,
        "{with_violations} examples with violations"
    );
}
