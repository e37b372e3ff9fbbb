//! A message's parameters as data, over real HTTP: `error.params` in the envelope and `params`
//! in a problem document when the service opts in, nothing when it does not; the Rust decoder
//! reads them back by name, and keeps a malformed `params` as sent with a typed reason; the gRPC
//! status carries the same values in `ErrorInfo.metadata`, which the decoder reads as params.

mod axum_support;

use assetpay_errors::assetpay::framework_errors;
use assetpay_errors::axum::{ApiErrorLayer, ResponseOptions};
use assetpay_errors::client::{self, ErrorResponse};
use assetpay_errors::{ApiError, Params};
use axum::Router;
use axum::routing::get;
use axum_support::{Answer, Server};
use http::StatusCode;
use http::header::ACCEPT;
use serde_json::{Value, json};

#[derive(Debug, ApiError)]
#[api(range = 1..=99)]
enum ShopError {
    /// Too many items in a single request
    #[api(
        code = 8,
        key = "TOO_MANY_ITEMS",
        status = 400,
        message = "At most {max} items, not {given}"
    )]
    TooManyItems { max: usize, given: usize },
    /// The price changed since you last fetched it
    #[api(
        code = 11,
        key = "PRICE_CHANGED",
        status = 409,
        message = "The price is now {price:.2} {currency}"
    )]
    PriceChanged { price: f64, currency: &'static str },
    /// Price has changed since you last fetched it
    #[api(code = 12, key = "SOLD_OUT", status = 409)]
    SoldOut,
    /// The ledger is unavailable
    #[api(
        code = 50,
        key = "LEDGER_DOWN",
        status = 503,
        message = "Ledger {node} is down"
    )]
    LedgerDown { node: &'static str },
}

async fn server(options: ResponseOptions) -> Server {
    let app = Router::new()
        .route(
            "/items",
            get(|| async { Err::<(), _>(ShopError::TooManyItems { max: 50, given: 51 }) }),
        )
        .route(
            "/price",
            get(|| async {
                Err::<(), _>(ShopError::PriceChanged {
                    price: 12.5,
                    currency: "EUR \"€\"",
                })
            }),
        )
        .route(
            "/sold-out",
            get(|| async { Err::<(), _>(ShopError::SoldOut) }),
        )
        .route(
            "/ledger",
            get(|| async { Err::<(), _>(ShopError::LedgerDown { node: "eu-1" }) }),
        );
    Server::start(app.layer(ApiErrorLayer::new(framework_errors()).with_options(options))).await
}

async fn get_with(server: &Server, path: &str, accept: Option<&str>) -> Answer {
    let mut request = server.request(reqwest::Method::GET, path);
    if let Some(accept) = accept {
        request = request.header(ACCEPT, accept);
    }
    Answer::of(request).await
}

fn json_of(answer: &Answer) -> Value {
    serde_json::from_slice(&answer.body).expect("a JSON body")
}

fn decoded(answer: &Answer) -> ErrorResponse<ShopError> {
    client::decode::<ShopError>(answer.status, &answer.body).expect("an error body")
}

#[tokio::test]
async fn opted_in_envelopes_and_problem_documents_carry_the_params_the_decoder_reads() {
    let server = server(ResponseOptions::new().with_params_member()).await;

    let items = get_with(&server, "/items", None).await;
    assert_eq!(items.status, StatusCode::BAD_REQUEST);
    let body = json_of(&items);
    assert_eq!(body["error"]["message"], "At most 50 items, not 51");
    assert_eq!(body["error"]["params"], json!({"max": "50", "given": "51"}));
    assert!(
        items
            .text()
            .ends_with(r#","params":{"max":"50","given":"51"}}}"#),
        "params is the last member, in the message's order: {}",
        items.text()
    );
    let error = decoded(&items);
    assert_eq!(
        (error.param("max"), error.param("given")),
        (Some("50"), Some("51"))
    );
    assert_eq!(error.params().len(), 2);

    // Formatted as the message formats them, escaped as JSON.
    let price = get_with(&server, "/price", None).await;
    let body = json_of(&price);
    assert_eq!(
        body["error"]["params"],
        json!({"price": "12.50", "currency": "EUR \"€\""})
    );
    assert_eq!(decoded(&price).param("currency"), Some("EUR \"€\""));

    let problem = get_with(&server, "/items", Some("application/problem+json")).await;
    let document = json_of(&problem);
    assert_eq!(document["detail"], "At most 50 items, not 51");
    assert_eq!(document["params"], json!({"max": "50", "given": "51"}));
    let error = decoded(&problem);
    assert_eq!(
        (error.key(), error.param("max")),
        ("TOO_MANY_ITEMS", Some("50"))
    );

    // A message that interpolates nothing has no `params`, opted in or not.
    let sold_out = get_with(&server, "/sold-out", None).await;
    assert!(
        json_of(&sold_out)["error"].get("params").is_none(),
        "{}",
        sold_out.text()
    );
    assert_eq!(decoded(&sold_out).params().len(), 0);

    // A server error's message interpolates only what its declaration names, and sends the
    // same values as data.
    let ledger = get_with(&server, "/ledger", None).await;
    assert_eq!(json_of(&ledger)["error"]["params"], json!({"node": "eu-1"}));
}

#[tokio::test]
async fn without_the_option_nothing_changes_on_the_wire() {
    let server = server(ResponseOptions::new()).await;
    for accept in [None, Some("application/problem+json")] {
        let answer = get_with(&server, "/items", accept).await;
        assert!(!answer.text().contains("params"), "{}", answer.text());
        assert_eq!(decoded(&answer).params().len(), 0);
        assert_eq!(decoded(&answer).params_error(), None);
    }
}

#[test]
fn a_malformed_params_is_kept_as_sent_with_a_typed_reason() {
    let bodies = [
        (
            r#"{"requestId":"r","success":false,"error":{"code":8,"key":"TOO_MANY_ITEMS","message":"m","params":{"max":50}}}"#,
            "`error.params.max` is not a string",
        ),
        (
            r#"{"requestId":"r","success":false,"error":{"code":8,"key":"TOO_MANY_ITEMS","message":"m","params":"50"}}"#,
            "`error.params` is not an object",
        ),
        (
            r#"{"type":"about:blank","title":"t","status":400,"detail":"m","code":8,"key":"TOO_MANY_ITEMS","params":[1]}"#,
            "`params` is not an object",
        ),
    ];
    for (body, reason) in bodies {
        let error = client::decode::<ShopError>(StatusCode::BAD_REQUEST, body.as_bytes())
            .unwrap_or_else(|failure| panic!("{body}: {failure}"));
        assert_eq!(error.params_error(), Some(reason), "{body}");
        assert_eq!(error.params().len(), 0, "never a partial list: {body}");
        let kept = error
            .extra_fields()
            .get("params")
            .or_else(|| error.extra_envelope_fields().get("params"));
        assert!(kept.is_some(), "the member is kept as sent: {body}");
    }
}

#[test]
fn the_catalogue_names_each_entrys_params() {
    let names: Vec<(&str, &[&str])> = ShopError::CATALOG
        .iter()
        .map(|spec| (spec.key(), spec.params()))
        .collect();
    assert_eq!(
        names,
        [
            ("TOO_MANY_ITEMS", &["max", "given"][..]),
            ("PRICE_CHANGED", &["price", "currency"][..]),
            ("SOLD_OUT", &[][..]),
            ("LEDGER_DOWN", &["node"][..]),
        ]
    );
    let json = serde_json::to_value(ShopError::CATALOG).unwrap();
    assert_eq!(json[0]["params"], json!(["max", "given"]));
    assert!(json[2].get("params").is_none(), "{}", json[2]);
    let params = Params::of(&ShopError::TooManyItems { max: 1, given: 2 });
    assert_eq!(
        params.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        ShopError::CATALOG[0].params()
    );
}

#[test]
fn a_grpc_status_carries_the_params_and_the_decoder_reads_them_back() {
    let status = assetpay_errors::grpc::status_of(&ShopError::TooManyItems { max: 50, given: 51 });
    let error = client::decode_status::<ShopError>(&status).expect("a status of ours");
    assert_eq!(
        (error.param("max"), error.param("given")),
        (Some("50"), Some("51"))
    );
}
