//! The `tonic` feature over a real gRPC connection: a tonic server answering the seed's
//! "Handling Errors" cases on loopback, a tonic client decoding them, every detail kept; the
//! status built by hand with tonic-types agrees with ours; hostile statuses never panic the
//! decoder.
//!
//! The service is `grpc/trading.proto`, its messages written by hand as prost structs (the
//! `.proto` is checked against them below): no `protoc`, no build script.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use assetpay_errors::assetpay::{GenericError, TradingError};
use assetpay_errors::client::{self, CatalogMatch, DecodeError, Decoder, ErrorResponse};
use assetpay_errors::violation::{FieldViolation, JsonPointer, Location, Reason};
use assetpay_errors::{ApiError, AssetPayError, Envelope, grpc};
use http::StatusCode;
use proptest::prelude::*;
use prost::Message as _;
use tonic::body::Body;
use tonic::server::{NamedService, UnaryService};
use tonic::{Code, Request, Response, Status};
use tonic_prost::ProstCodec;
use tonic_types::{ErrorDetails, StatusExt as _};

#[path = "../../bench/benches/support/same_status.rs"]
mod same_status;
use same_status::assert_same_status;

const DOMAIN: &str = "trading.assetpay.test";

/// `QuoteRequest` of `grpc/trading.proto`.
#[derive(Clone, PartialEq, prost::Message)]
struct QuoteRequest {
    #[prost(string, tag = "1")]
    scenario: String,
    #[prost(uint32, tag = "2")]
    quantity: u32,
}

/// `QuoteReply` of `grpc/trading.proto`.
#[derive(Clone, PartialEq, prost::Message)]
struct QuoteReply {
    #[prost(string, tag = "1")]
    price: String,
}

const PROTO: &str = include_str!("../grpc/trading.proto");
const SERVICE: &str = "assetpay.test.Trading";
const QUOTE_PATH: &str = "/assetpay.test.Trading/Quote";

/// The service's own errors, beside AssetPay's.
#[derive(Debug, ApiError)]
#[api(doc_url = "https://docs.example.com/errors#{key}")]
enum QuoteError {
    #[api(transparent)]
    AssetPay(AssetPayError),
    /// Quotes are paused; retry shortly
    #[api(code = 2001, key = "QUOTES_PAUSED", status = 503, retry_after = 30)]
    QuotesPaused,
    /// Too many items in one basket
    #[api(
        code = 2002,
        key = "BASKET_TOO_LARGE",
        status = 400,
        message = "At most {max} items per basket, not {given}"
    )]
    BasketTooLarge { max: usize, given: u32 },
    /// The order was placed already
    #[api(
        code = 2003,
        key = "ORDER_EXISTS",
        status = 409,
        grpc = "ALREADY_EXISTS"
    )]
    OrderExists,
    /// Quoting failed
    // `cause` is what a 5xx must never send; nothing reads it but the test that it is not sent.
    #[allow(dead_code)]
    #[api(
        code = 2004,
        key = "QUOTE_FAILED",
        status = 500,
        message = "Quoting failed"
    )]
    QuoteFailed { cause: String },
}

fn violations() -> Vec<FieldViolation> {
    vec![
        FieldViolation::body(
            JsonPointer::root().key("items").index(0).key("id"),
            Reason::Missing,
            "id is required",
        ),
        FieldViolation::body(
            JsonPointer::root().key("labels").key("team/a b"),
            Reason::TooLong,
            "at most 8 characters",
        ),
        FieldViolation::query("page", Reason::OutOfRange, "page starts at 1"),
        FieldViolation::header(
            "x-api-key",
            Reason::custom("REVOKED"),
            "the key was revoked",
        ),
    ]
}

/// What the server answers `scenario` with, as the HTTP side would send it: the envelope.
fn answer(scenario: &str, request_id: &str) -> Status {
    let status = |error: QuoteError| grpc::status_with_request_id(&error, request_id);
    match scenario {
        "price_changed" => status(QuoteError::AssetPay(AssetPayError::Trading(
            TradingError::PriceChanged,
        ))),
        "items_unavailable" => status(QuoteError::AssetPay(AssetPayError::Trading(
            TradingError::ItemsUnavailable,
        ))),
        "basket_too_large" => status(QuoteError::BasketTooLarge { max: 50, given: 51 }),
        "validation_failed" => {
            let spec = AssetPayError::spec_for_key("VALIDATION_FAILED").unwrap();
            let violations = violations();
            let envelope =
                Envelope::from_spec(request_id, spec, spec.message()).with_details(&violations);
            Status::from(envelope)
        }
        "quotes_paused" => status(QuoteError::QuotesPaused),
        "order_exists" => status(QuoteError::OrderExists),
        "quote_failed" => status(QuoteError::QuoteFailed {
            cause: "db password is hunter2".to_owned(),
        }),
        // `?` in a handler: the derive's `From<QuoteError> for Status`.
        _ => Status::from(QuoteError::AssetPay(AssetPayError::Generic(
            GenericError::NotFound,
        ))),
    }
}

#[derive(Clone, Copy)]
struct Quote;

impl UnaryService<QuoteRequest> for Quote {
    type Response = QuoteReply;
    type Future = Pin<Box<dyn Future<Output = Result<Response<QuoteReply>, Status>> + Send>>;

    fn call(&mut self, request: Request<QuoteRequest>) -> Self::Future {
        let request_id = request
            .metadata()
            .get("x-request-id")
            .and_then(|id| id.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let scenario = request.into_inner().scenario;
        Box::pin(async move {
            if scenario == "ok" {
                return Ok(Response::new(QuoteReply {
                    price: "12.50".to_owned(),
                }));
            }
            Err(answer(&scenario, &request_id))
        })
    }
}

/// The `Trading` service: the routing `tonic-build` would have generated, by hand.
#[derive(Clone, Copy)]
struct TradingServer;

impl NamedService for TradingServer {
    const NAME: &'static str = SERVICE;
}

impl tower::Service<http::Request<Body>> for TradingServer {
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        if request.uri().path() != QUOTE_PATH {
            return Box::pin(async { Ok(Status::unimplemented("no such method").into_http()) });
        }
        Box::pin(async move {
            let mut grpc =
                tonic::server::Grpc::new(ProstCodec::<QuoteReply, QuoteRequest>::default());
            Ok(grpc.unary(Quote, request).await)
        })
    }
}

/// A server on a free loopback port, and a client connected to it.
async fn connect() -> tonic::client::Grpc<tonic::transport::Channel> {
    let _ = grpc::set_error_domain(DOMAIN);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        tonic::transport::Server::builder()
            .add_service(TradingServer)
            .serve_with_incoming(tonic::transport::server::TcpIncoming::from(listener))
            .await
            .unwrap();
    });
    let channel = tonic::transport::Channel::from_shared(format!("http://{address}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    tonic::client::Grpc::new(channel)
}

async fn call(
    client: &mut tonic::client::Grpc<tonic::transport::Channel>,
    scenario: &str,
    request_id: &str,
) -> Result<QuoteReply, Status> {
    client.ready().await.unwrap();
    let mut request = Request::new(QuoteRequest {
        scenario: scenario.to_owned(),
        quantity: 1,
    });
    request
        .metadata_mut()
        .insert("x-request-id", request_id.parse().unwrap());
    client
        .unary(
            request,
            http::uri::PathAndQuery::from_static(QUOTE_PATH),
            ProstCodec::<QuoteRequest, QuoteReply>::default(),
        )
        .await
        .map(Response::into_inner)
}

/// The HTTP decoder's reading of the same error, as the envelope (with `docUrl`) sends it.
fn over_http<E: ApiError>(status: StatusCode, envelope: Envelope<'_>) -> ErrorResponse<E> {
    client::decode(status, &envelope.with_doc_url().to_json_vec()).unwrap()
}

/// Everything both decoders read from the wire agrees.
fn assert_same<E>(grpc: &ErrorResponse<E>, http: &ErrorResponse<E>) {
    assert_eq!(grpc.status(), http.status());
    assert_eq!(grpc.request_id(), http.request_id());
    assert_eq!(
        (grpc.code(), grpc.key(), grpc.message()),
        (http.code(), http.key(), http.message())
    );
    assert_eq!(grpc.catalog_match(), http.catalog_match());
    assert_eq!(grpc.doc_url(), http.doc_url());
    assert_eq!(grpc.violations(), http.violations());
    assert_eq!(grpc.violations_omitted(), http.violations_omitted());
    assert_eq!(grpc.details_error(), None);
    assert_eq!(grpc.is_retryable(), http.is_retryable());
}

#[tokio::test]
async fn the_handling_errors_cases_round_trip_over_loopback() {
    let mut client = connect().await;
    assert_eq!(call(&mut client, "ok", "r0").await.unwrap().price, "12.50");

    // PRICE_CHANGED: 409, so ABORTED (the client restarts its read-modify-write).
    let status = call(&mut client, "price_changed", "req-1")
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Aborted);
    assert_eq!(
        status.message(),
        "Price has changed since you last fetched it"
    );
    assert_eq!(status.metadata().get("x-request-id").unwrap(), "req-1");
    let info = status.get_details_error_info().unwrap();
    assert_eq!(info.reason, "PRICE_CHANGED");
    assert_eq!(info.domain, DOMAIN);
    assert_eq!(info.metadata.len(), 1);
    assert_eq!(info.metadata["code"], "11");
    let help = status.get_details_help().unwrap();
    assert_eq!(
        help.links[0].url,
        "https://docs.assetpay.gg/errors#PRICE_CHANGED"
    );
    assert_eq!(
        help.links[0].description,
        "Price has changed since you last fetched it"
    );
    assert_eq!(
        status.get_details_request_info().unwrap().request_id,
        "req-1"
    );
    assert!(status.get_details_retry_info().is_none());
    let decoded = client::decode_status::<AssetPayError>(&status).unwrap();
    let error = AssetPayError::Trading(TradingError::PriceChanged);
    assert_same(
        &decoded,
        &over_http(StatusCode::CONFLICT, Envelope::new("req-1", &error)),
    );
    assert_eq!(decoded.spec().unwrap().key(), "PRICE_CHANGED");
    assert_eq!(decoded.extra_envelope_fields()["domain"], DOMAIN);
    assert!(!decoded.is_status_mismatch());

    // ITEMS_UNAVAILABLE: 400, INVALID_ARGUMENT.
    let status = call(&mut client, "items_unavailable", "req-2")
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let decoded = client::decode_status::<AssetPayError>(&status).unwrap();
    let error = AssetPayError::Trading(TradingError::ItemsUnavailable);
    assert_same(
        &decoded,
        &over_http(StatusCode::BAD_REQUEST, Envelope::new("req-2", &error)),
    );

    // A key the client does not know (an AssetPay client talking to this service): nothing
    // known, nothing lost, the message's fields kept as sent.
    let status = call(&mut client, "basket_too_large", "req-3")
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let info = status.get_details_error_info().unwrap();
    assert_eq!(
        (
            info.metadata["max"].as_str(),
            info.metadata["given"].as_str()
        ),
        ("50", "51")
    );
    let decoded = client::decode_status::<AssetPayError>(&status).unwrap();
    assert_eq!(decoded.catalog_match(), CatalogMatch::Unknown);
    assert_eq!((decoded.code(), decoded.key()), (2002, "BASKET_TOO_LARGE"));
    assert_eq!(decoded.message(), "At most 50 items per basket, not 51");
    assert_eq!(decoded.request_id(), Some("req-3"));
    assert_eq!(decoded.status(), StatusCode::BAD_REQUEST);
    assert_eq!(decoded.extra_fields()["max"], "50");
    assert_eq!(decoded.extra_fields()["given"], "51");
    assert_eq!(
        decoded.doc_url(),
        Some("https://docs.example.com/errors#BASKET_TOO_LARGE")
    );
    // The service's own client knows it.
    let known = client::decode_status::<QuoteError>(&status).unwrap();
    assert_eq!(known.spec().unwrap().variant(), "BasketTooLarge");

    // VALIDATION_FAILED with violations: 422, INVALID_ARGUMENT, each violation in BadRequest.
    let status = call(&mut client, "validation_failed", "req-4")
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let fields: Vec<String> = status
        .get_details_bad_request()
        .unwrap()
        .field_violations
        .into_iter()
        .map(|violation| violation.field)
        .collect();
    assert_eq!(
        fields,
        [
            "items[0].id",
            "labels.`team/a b`",
            "query:page",
            "header:x-api-key"
        ]
    );
    let decoded = client::decode_status::<AssetPayError>(&status).unwrap();
    let spec = AssetPayError::spec_for_key("VALIDATION_FAILED").unwrap();
    let violations = violations();
    let envelope = Envelope::from_spec("req-4", spec, spec.message()).with_details(&violations);
    assert_same(
        &decoded,
        &over_http(StatusCode::UNPROCESSABLE_ENTITY, envelope),
    );
    assert_eq!(decoded.violations(), violations.as_slice());

    // A retryable 503 with `retry_after`: UNAVAILABLE with RetryInfo.
    let status = call(&mut client, "quotes_paused", "req-5")
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Unavailable);
    assert_eq!(
        status.get_details_retry_info().unwrap().retry_delay,
        Some(Duration::from_secs(30))
    );
    let decoded = client::decode_status::<QuoteError>(&status).unwrap();
    assert_same(
        &decoded,
        &over_http(
            StatusCode::SERVICE_UNAVAILABLE,
            Envelope::new("req-5", &QuoteError::QuotesPaused),
        ),
    );
    assert!(decoded.is_retryable());
    assert_eq!(decoded.retry_after(), Some(Duration::from_secs(30)));

    // The per-variant override, read back with the declared HTTP status.
    let status = call(&mut client, "order_exists", "req-6")
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::AlreadyExists);
    let decoded = client::decode_status::<QuoteError>(&status).unwrap();
    assert_eq!(decoded.status(), StatusCode::CONFLICT);
    assert!(!decoded.is_status_mismatch());

    // A server error says its declared message and nothing of its source.
    let status = call(&mut client, "quote_failed", "req-7")
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "Quoting failed");
    assert!(!format!("{:?}", status.details()).contains("hunter2"));
    assert!(!String::from_utf8_lossy(status.details()).contains("hunter2"));

    // `From<QuoteError>` (`?`), without a request id.
    let status = call(&mut client, "anything else", "req-8")
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    let decoded = client::decode_status::<AssetPayError>(&status).unwrap();
    assert_eq!((decoded.key(), decoded.request_id()), ("NOT_FOUND", None));
}

/// The same status built by hand with tonic-types: what the bench compares against.
fn by_hand(error: &QuoteError, request_id: &str) -> Status {
    let spec = error.spec();
    let mut metadata = std::collections::HashMap::new();
    metadata.insert("code".to_owned(), spec.code().to_string());
    error.message_fields(&mut |name, value| {
        metadata.insert(name.to_owned(), value.to_string());
    });
    let mut details = ErrorDetails::with_error_info(spec.key(), grpc::error_domain(), metadata);
    if let Some(wait) = spec.retry_after() {
        details.set_retry_info(Some(wait));
    }
    details.set_request_info(request_id, "");
    if let Some(url) = spec.doc_url() {
        details.add_help_link(spec.description(), url);
    }
    let mut headers = tonic::metadata::MetadataMap::new();
    headers.insert("x-request-id", request_id.parse().unwrap());
    Status::with_error_details_and_metadata(grpc::code_for(spec), error.message(), details, headers)
}

#[test]
fn our_status_is_what_tonic_types_builds_by_hand() {
    let _ = grpc::set_error_domain(DOMAIN);
    for error in [
        QuoteError::AssetPay(AssetPayError::Trading(TradingError::PriceChanged)),
        QuoteError::QuotesPaused,
        QuoteError::BasketTooLarge { max: 50, given: 51 },
        QuoteError::OrderExists,
    ] {
        let ours = grpc::status_with_request_id(&error, "req-9");
        let theirs = by_hand(&error, "req-9");
        assert_same_status(&ours, &theirs);
        assert!(ours.get_details_bad_request().is_none());
    }
}

#[test]
fn violations_past_the_cap_are_counted_as_the_envelope_counts_them() {
    let spec = AssetPayError::spec_for_key("VALIDATION_FAILED").unwrap();
    let many: Vec<FieldViolation> = (0..53)
        .map(|index| {
            FieldViolation::body(
                JsonPointer::root().key("items").index(index),
                Reason::Missing,
                "x".repeat(400),
            )
        })
        .collect();
    let envelope = Envelope::from_spec("r", spec, spec.message()).with_details(&many);
    let status = Status::from(envelope.clone());
    let decoded = client::decode_status::<AssetPayError>(&status).unwrap();
    let http = over_http::<AssetPayError>(StatusCode::UNPROCESSABLE_ENTITY, envelope);
    assert_eq!(decoded.violations().len(), 50);
    assert_eq!(decoded.violations_omitted(), 3);
    assert_eq!(decoded.violations(), http.violations());
}

#[test]
fn statuses_without_our_details_are_typed_errors() {
    let decode = |status: &Status| client::decode_status::<AssetPayError>(status).unwrap_err();
    let plain = Status::unavailable("upstream connect error");
    let failure = decode(&plain);
    assert!(
        matches!(failure, DecodeError::WrongShape { .. }),
        "{failure}"
    );
    assert_eq!(failure.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(failure.is_retryable());
    assert_eq!(failure.snippet().as_str(), "upstream connect error");

    let garbage = Status::with_details(Code::Internal, "x", vec![0xff, 0xff, 0xff].into());
    assert!(matches!(decode(&garbage), DecodeError::WrongShape { .. }));
    assert!(matches!(
        decode(&Status::ok("")),
        DecodeError::NotAnError { .. }
    ));

    // Details of another API: no ErrorInfo.
    let theirs = Status::with_error_details(
        Code::InvalidArgument,
        "bad",
        ErrorDetails::with_bad_request_violation("name", "too short"),
    );
    let failure = decode(&theirs);
    assert!(
        failure.to_string().contains("no `google.rpc.ErrorInfo`"),
        "{failure}"
    );

    // An ErrorInfo without our code.
    let foreign = Status::with_error_details(
        Code::InvalidArgument,
        "bad",
        ErrorDetails::with_error_info("SOMETHING", "example.com", std::collections::HashMap::new()),
    );
    assert!(
        decode(&foreign)
            .to_string()
            .contains("`ErrorInfo.metadata.code` is missing")
    );

    // Over the decoder's limit, before any parsing.
    let huge = grpc::status_with_request_id(&QuoteError::QuotesPaused, &"a".repeat(100));
    let small = Decoder::new().with_max_body_bytes(64);
    assert!(matches!(
        small.decode_status::<QuoteError>(&huge),
        Err(DecodeError::TooLarge { limit: 64, .. })
    ));
}

#[test]
fn huge_metadata_is_bounded_like_a_huge_body() {
    // 10,000 `ErrorInfo.metadata` entries: over the default 64 KiB, refused before parsing.
    let mut metadata: std::collections::HashMap<String, String> = (0..10_000)
        .map(|index| (format!("field{index}"), "x".repeat(8)))
        .collect();
    metadata.insert("code".to_owned(), "11".to_owned());
    let huge = Status::with_error_details(
        Code::Aborted,
        "Price has changed since you last fetched it",
        ErrorDetails::with_error_info("PRICE_CHANGED", DOMAIN, metadata.clone()),
    );
    assert!(huge.details().len() > Decoder::DEFAULT_MAX_BODY_BYTES);
    assert!(matches!(
        client::decode_status::<AssetPayError>(&huge),
        Err(DecodeError::TooLarge {
            limit: Decoder::DEFAULT_MAX_BODY_BYTES,
            ..
        })
    ));
    // Under a limit that admits it, every entry is kept.
    let roomy = Decoder::new().with_max_body_bytes(1 << 20);
    let decoded = roomy.decode_status::<AssetPayError>(&huge).unwrap();
    assert_eq!(decoded.extra_fields().len(), 10_000);
    assert!(decoded.is_known());

    // A request id as long as the limit counts against it; other metadata is not read.
    let mut status = grpc::status_with_request_id(&QuoteError::QuotesPaused, "r1");
    for index in 0..200 {
        let name: tonic::metadata::MetadataKey<tonic::metadata::Ascii> =
            format!("x-other-{index}").parse().unwrap();
        status
            .metadata_mut()
            .insert(name, "y".repeat(100).parse().unwrap());
    }
    assert_eq!(
        client::decode_status::<QuoteError>(&status)
            .unwrap()
            .request_id(),
        Some("r1")
    );
    status
        .metadata_mut()
        .insert("x-request-id", "z".repeat(70_000).parse().unwrap());
    assert!(matches!(
        client::decode_status::<QuoteError>(&status),
        Err(DecodeError::TooLarge { .. })
    ));
}

/// One field of a `.proto` message: its type, name and number.
type ProtoField = (String, String, u32);

/// The hand-written messages are the `.proto`'s: each field the file declares, encoded alone
/// with its number and wire type, decodes into the struct field of that name.
#[test]
fn the_hand_written_messages_are_the_protos() {
    let mut messages: Vec<(String, Vec<ProtoField>)> = Vec::new();
    let mut package = String::new();
    let mut rpc_paths = Vec::new();
    let mut service = String::new();
    for line in PROTO.lines().map(str::trim) {
        let line = line.split("//").next().unwrap().trim();
        if let Some(name) = line.strip_prefix("package ") {
            package = name.trim_end_matches(';').to_owned();
        } else if let Some(name) = line.strip_prefix("service ") {
            service = name.trim_end_matches('{').trim().to_owned();
        } else if let Some(rest) = line.strip_prefix("rpc ") {
            let method = rest.split('(').next().unwrap().trim();
            rpc_paths.push(format!("/{package}.{service}/{method}"));
        } else if let Some(name) = line.strip_prefix("message ") {
            messages.push((name.trim_end_matches('{').trim().to_owned(), Vec::new()));
        } else if let Some((declaration, number)) = line.trim_end_matches(';').split_once('=')
            && let Some((_, fields)) = messages.last_mut()
        {
            let mut words = declaration.split_whitespace();
            let (ty, name) = (words.next().unwrap(), words.next().unwrap());
            fields.push((
                ty.to_owned(),
                name.to_owned(),
                number.trim().parse().unwrap(),
            ));
        }
    }
    assert_eq!(format!("{package}.{service}"), SERVICE);
    assert_eq!(rpc_paths, [QUOTE_PATH]);
    let names: Vec<&str> = messages.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["QuoteRequest", "QuoteReply"]);
    for (message, fields) in &messages {
        let mut seen = 0;
        for (ty, name, number) in fields {
            let mut bytes = Vec::new();
            let shown = match ty.as_str() {
                "string" => {
                    prost::encoding::string::encode(*number, &"probe".to_owned(), &mut bytes);
                    format!("{name}: \"probe\"")
                }
                "uint32" => {
                    prost::encoding::uint32::encode(*number, &7, &mut bytes);
                    format!("{name}: 7")
                }
                other => panic!("no probe for `{other}`"),
            };
            let decoded = match message.as_str() {
                "QuoteRequest" => format!("{:?}", QuoteRequest::decode(bytes.as_slice()).unwrap()),
                "QuoteReply" => format!("{:?}", QuoteReply::decode(bytes.as_slice()).unwrap()),
                other => panic!("no struct for `{other}`"),
            };
            assert!(
                decoded.contains(&shown),
                "{message}.{name} = {number}: {decoded}"
            );
            seen += 1;
        }
        // Nothing the struct has that the file lacks: its default encodes to nothing, and a
        // struct with every field set encodes exactly the file's fields.
        let full = match message.as_str() {
            "QuoteRequest" => QuoteRequest {
                scenario: "a".into(),
                quantity: 1,
            }
            .encode_to_vec(),
            _ => QuoteReply { price: "a".into() }.encode_to_vec(),
        };
        let mut numbers = Vec::new();
        let mut rest = full.as_slice();
        while !rest.is_empty() {
            let (tag, wire_type) = prost::encoding::decode_key(&mut rest).unwrap();
            numbers.push(tag);
            prost::encoding::skip_field(wire_type, tag, &mut rest, Default::default()).unwrap();
        }
        assert_eq!(numbers.len(), seen, "{message}");
        let declared: Vec<u32> = fields.iter().map(|(_, _, number)| *number).collect();
        assert_eq!(numbers, declared, "{message}");
    }
}

/// A `google.rpc.Status` made of hostile parts: the details' type URLs from the known ones and
/// arbitrary text, their values arbitrary bytes or a real message cut short.
fn hostile_status() -> impl Strategy<Value = Status> {
    let urls = prop_oneof![
        Just("type.googleapis.com/google.rpc.ErrorInfo".to_owned()),
        Just("type.googleapis.com/google.rpc.BadRequest".to_owned()),
        Just("type.googleapis.com/google.rpc.RetryInfo".to_owned()),
        Just("type.googleapis.com/google.rpc.RequestInfo".to_owned()),
        Just("type.googleapis.com/google.rpc.Help".to_owned()),
        ".{0,40}",
    ];
    let genuine =
        grpc::status_with_request_id(&QuoteError::BasketTooLarge { max: 1, given: 2 }, "req")
            .details()
            .to_vec();
    let detail = (urls, prop::collection::vec(any::<u8>(), 0..64));
    (
        0i32..20,
        ".{0,64}",
        prop::collection::vec(detail, 0..6),
        prop_oneof![
            Just(None),
            prop::collection::vec(any::<u8>(), 0..256).prop_map(Some)
        ],
        0usize..genuine.len(),
        any::<bool>(),
    )
        .prop_map(move |(code, message, details, raw, cut, use_cut)| {
            let bytes = if use_cut {
                genuine[..cut].to_vec()
            } else if let Some(raw) = raw {
                raw
            } else {
                tonic_types::pb::Status {
                    code,
                    message: message.clone(),
                    details: details
                        .into_iter()
                        .map(|(type_url, value)| prost_types::Any { type_url, value })
                        .collect(),
                }
                .encode_to_vec()
            };
            let mut status = Status::with_details(Code::from_i32(code), message, bytes.into());
            status
                .metadata_mut()
                .insert("x-request-id", "r".repeat(cut % 300).parse().unwrap());
            status
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn hostile_statuses_never_panic_the_decoder(status in hostile_status()) {
        let decoder = Decoder::new().with_max_body_bytes(4096);
        match decoder.decode_status::<QuoteError>(&status) {
            Ok(error) => {
                prop_assert!(error.message().len() <= 4096);
                prop_assert!(error.violations().len() <= 4096);
            }
            Err(failure) => {
                // Every failure renders and keeps a bounded snippet.
                let _ = failure.to_string();
                prop_assert!(failure.snippet().as_str().len() <= 4096);
            }
        }
    }

    #[test]
    fn every_violation_comes_back_as_it_was_sent(
        keys in prop::collection::vec(prop_oneof!["[a-z_]{1,8}", ".{0,8}", "[0-9]{1,3}"], 0..5),
        reason in "[A-Z_]{1,12}",
        message in ".{0,40}",
        name in "[a-z-]{1,12}",
    ) {
        let mut pointer = JsonPointer::root();
        for key in &keys {
            pointer.push_key(key);
        }
        let sent = vec![
            FieldViolation::body(pointer, Reason::from_wire(&reason), message.clone()),
            FieldViolation::new(Location::Query, name, Reason::from_wire(&reason), message),
        ];
        let spec = AssetPayError::spec_for_key("VALIDATION_FAILED").unwrap();
        let status = Status::from(Envelope::from_spec("r", spec, spec.message()).with_details(&sent));
        let decoded = client::decode_status::<AssetPayError>(&status).unwrap();
        prop_assert_eq!(decoded.details_error(), None);
        prop_assert_eq!(decoded.violations(), sent.as_slice());
    }
}
