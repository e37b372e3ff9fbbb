//! Every renderer and reader of the wire agrees on it, byte for byte: serde's `Serialize` of
//! `Envelope`, `Envelope::write_json` (the derive's pre-rendered fast path included), the client
//! decoder reading back what was written, the TypeScript module's interfaces and the OpenAPI
//! schema, and the request-id header the axum layer sends and the OpenAPI responses document.
//! Each is checked against the wire as published, spelled out here once, for envelopes with and
//! without violations (and with some left out), a hostile request id and an interpolated message
//! full of characters that need escaping.

use assetpay_errors::client::{self, CatalogMatch};
use assetpay_errors::openapi::{EnvelopeSchema, catalog_document, error_responses, to_json};
use assetpay_errors::problem::Problem;
use assetpay_errors::violation::{FieldViolation, JsonPointer, Location, MAX_DETAILS, Reason};
use assetpay_errors::{ApiError, Envelope, Params, ValidRequestId, typescript};
use serde::de::{Error, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The envelope's members, in the order the wire publishes them.
const ENVELOPE: [&str; 3] = ["requestId", "success", "error"];
/// The `error` object's members always sent, in order.
const ERROR: [&str; 3] = ["code", "key", "message"];
/// The `error` object's members sent with violations, after those, in order.
const ERROR_WITH_VIOLATIONS: [&str; 2] = ["details", "detailsOmitted"];
/// Sent only by a server that opts in (`docUrl`, `params`).
const ERROR_OPTED_IN: [&str; 2] = ["docUrl", "params"];
/// A violation's members, in order.
const VIOLATION: [&str; 4] = ["in", "field", "reason", "message"];

#[derive(Debug, ApiError)]
#[api(range = 2000..=2099)]
pub enum WireError {
    /// The order was not found
    #[api(code = 2004, key = "ORDER_NOT_FOUND", status = 404)]
    OrderNotFound,
    /// An item is in the wrong state
    #[api(
        code = 2009,
        key = "ITEM_STATE",
        status = 409,
        message = "Item {name} is \"{state}\" \\ not ready"
    )]
    ItemState { name: String, state: String },
    /// The request data is invalid
    #[api(code = 2022, key = "INVALID", status = 422)]
    Invalid {
        #[api(details)]
        violations: Vec<FieldViolation>,
    },
    /// Too many items
    #[api(
        code = 2010,
        key = "TOO_MANY",
        status = 422,
        message = "At most {max} items, not {given:?}"
    )]
    TooMany {
        max: usize,
        given: &'static str,
        #[api(details)]
        violations: Vec<FieldViolation>,
    },
    /// The service failed
    #[api(code = 2050, key = "FAILED", status = 500)]
    Failed,
}

/// Quotes, a backslash, control characters, a line separator and non-ASCII text.
const HOSTILE_ID: &str = "id \"quoted\" \\ back\u{0}\u{1f}\n\t\u{7f}é🚀\u{2028}";

fn hostile_violation(index: usize) -> FieldViolation {
    FieldViolation::body(
        JsonPointer::root()
            .key("items")
            .index(index)
            .key("na\"me/~x"),
        Reason::Other(format!("TEAM_{index}")),
        format!("line {index}: \"bad\" \\ value\n\u{1}é"),
    )
}

fn errors() -> Vec<(WireError, &'static str)> {
    vec![
        (WireError::OrderNotFound, "plain"),
        (
            WireError::ItemState {
                name: "tab\there \\ \"q\" \u{7} ünï 🚀".to_owned(),
                state: "\u{2028}half\u{1b}".to_owned(),
            },
            "interpolated",
        ),
        (
            WireError::Invalid {
                violations: vec![
                    FieldViolation::query("limit", Reason::OutOfRange, "limit is at most 100"),
                    hostile_violation(0),
                ],
            },
            "violations",
        ),
        (
            WireError::Invalid {
                violations: (0..MAX_DETAILS + 3).map(hostile_violation).collect(),
            },
            "violations, some omitted",
        ),
        (
            WireError::TooMany {
                max: 3,
                given: "f\"our\u{1}",
                violations: vec![hostile_violation(1)],
            },
            "interpolated, with violations",
        ),
        (WireError::Failed, "server error"),
    ]
}

/// A JSON document's shape with every object's member names in the order the text has them,
/// whatever serde_json's `Map` would do.
#[derive(Debug, PartialEq)]
enum Shape {
    Object(Vec<(String, Shape)>),
    Array(Vec<Shape>),
    Scalar,
}

impl<'de> serde::Deserialize<'de> for Shape {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Shape, D::Error> {
        struct ShapeVisitor;
        impl<'de> Visitor<'de> for ShapeVisitor {
            type Value = Shape;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
                let mut members = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    members.push((name, map.next_value()?));
                }
                Ok(Shape::Object(members))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Shape::Array(items))
            }
            fn visit_bool<E: Error>(self, _: bool) -> Result<Shape, E> {
                Ok(Shape::Scalar)
            }
            fn visit_u64<E: Error>(self, _: u64) -> Result<Shape, E> {
                Ok(Shape::Scalar)
            }
            fn visit_str<E: Error>(self, _: &str) -> Result<Shape, E> {
                Ok(Shape::Scalar)
            }
        }
        deserializer.deserialize_any(ShapeVisitor)
    }
}

impl Shape {
    fn of(json: &str) -> Shape {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let shape = serde::Deserialize::deserialize(&mut deserializer).expect("valid JSON");
        deserializer.end().expect("one value");
        shape
    }

    fn names(&self) -> Vec<&str> {
        match self {
            Shape::Object(members) => members.iter().map(|(name, _)| name.as_str()).collect(),
            other => panic!("not an object: {other:?}"),
        }
    }

    fn member(&self, name: &str) -> &Shape {
        match self {
            Shape::Object(members) => {
                &members
                    .iter()
                    .find(|(member, _)| member == name)
                    .unwrap_or_else(|| panic!("no member {name}"))
                    .1
            }
            other => panic!("not an object: {other:?}"),
        }
    }
}

/// The members `error` has on the wire for an envelope that sends `sent` violations and leaves
/// `omitted` out.
fn expected_error_members(sent: usize, omitted: usize) -> Vec<&'static str> {
    let mut names = ERROR.to_vec();
    if sent > 0 {
        names.push(ERROR_WITH_VIOLATIONS[0]);
    }
    if omitted > 0 {
        names.push(ERROR_WITH_VIOLATIONS[1]);
    }
    names
}

/// Each renderer's bytes, checked equal to the others; the agreed bytes.
fn agreed_bytes(envelope: &Envelope<'_>) -> String {
    let serde = serde_json::to_string(envelope).expect("an envelope serializes");
    let written = String::from_utf8(envelope.to_json_vec()).expect("UTF-8");
    assert_eq!(written, serde, "write_json and serde disagree");
    let mut appended = b"prefix".to_vec();
    envelope.write_json(&mut appended);
    assert_eq!(&appended[6..], serde.as_bytes());
    let value: Value = serde_json::from_str(&serde).expect("valid JSON");
    assert_eq!(serde_json::to_value(envelope).expect("a value"), value);
    serde
}

#[test]
fn serde_write_json_and_the_decoder_agree_on_every_envelope() {
    for request_id in ["0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f", HOSTILE_ID, ""] {
        for (error, case) in errors() {
            let envelope = Envelope::new(request_id, &error);
            let bytes = agreed_bytes(&envelope);
            if let Some(valid) = ValidRequestId::new(request_id) {
                // The derive's pre-rendered path: the id copied unscanned.
                let fast = Envelope::with_valid_id(valid, &error).to_json_vec();
                assert_eq!(fast, bytes.as_bytes(), "{case}");
            }

            // Member names, in order, at every level.
            let shape = Shape::of(&bytes);
            assert_eq!(shape.names(), ENVELOPE, "{case}");
            let sent = envelope.details().len().min(MAX_DETAILS);
            let omitted = envelope.details().len() - sent;
            let error_shape = shape.member("error");
            assert_eq!(
                error_shape.names(),
                expected_error_members(sent, omitted),
                "{case}"
            );
            if sent > 0 {
                let Shape::Array(violations) = error_shape.member("details") else {
                    panic!("details is not an array: {case}");
                };
                assert_eq!(violations.len(), sent);
                for violation in violations {
                    assert_eq!(violation.names(), VIOLATION, "{case}");
                }
            }

            // The decoder reads back the members that were written.
            let decoded = client::decode::<WireError>(envelope.status(), bytes.as_bytes())
                .unwrap_or_else(|failure| panic!("{case}: {failure}"));
            assert_eq!(decoded.request_id(), Some(request_id), "{case}");
            assert_eq!(
                (decoded.code(), decoded.key(), decoded.message()),
                (envelope.code(), envelope.key(), envelope.message()),
                "{case}"
            );
            assert!(
                matches!(decoded.catalog_match(), CatalogMatch::Known(spec) if spec == envelope.spec()),
                "{case}"
            );
            assert_eq!(decoded.violations(), &envelope.details()[..sent], "{case}");
            assert_eq!(decoded.violations_omitted(), omitted as u64, "{case}");
            assert_eq!(decoded.details_error(), None, "{case}");
            assert!(decoded.extra_envelope_fields().is_empty(), "{case}");
            let mut kept: Vec<&str> = decoded.extra_fields().keys().map(String::as_str).collect();
            kept.sort_unstable();
            let mut conditional = expected_error_members(sent, omitted)[ERROR.len()..].to_vec();
            conditional.sort_unstable();
            assert_eq!(kept, conditional, "{case}");
        }
    }
}

#[test]
fn every_renderer_and_the_decoder_agree_on_params() {
    for request_id in ["0f8b1e9a-3f4c-4e7a-9d1c-2b3a4c5d6e7f", HOSTILE_ID] {
        for (error, case) in errors() {
            let params = Params::of(&error);
            let envelope = Envelope::new(request_id, &error).with_params(&params);
            let bytes = agreed_bytes(&envelope);
            if let Some(valid) = ValidRequestId::new(request_id) {
                let fast = Envelope::with_valid_id(valid, &error).with_params(&params);
                assert_eq!(fast.to_json_vec(), bytes.as_bytes(), "{case}");
            }
            let sent = envelope.details().len().min(MAX_DETAILS);
            let omitted = envelope.details().len() - sent;
            let mut expected = expected_error_members(sent, omitted);
            if !params.is_empty() {
                expected.push("params");
            }
            let shape = Shape::of(&bytes);
            assert_eq!(shape.member("error").names(), expected, "{case}");

            let problem = Problem::from(envelope.clone());
            let problem_bytes = problem.to_json_vec();
            assert_eq!(
                String::from_utf8(problem_bytes.clone()).unwrap(),
                serde_json::to_string(&problem).unwrap(),
                "{case}: problem write_json and serde disagree"
            );
            let problem_shape = Shape::of(std::str::from_utf8(&problem_bytes).unwrap());
            let last = problem_shape.names().last().copied();
            assert_eq!(last == Some("params"), !params.is_empty(), "{case}");

            for body in [bytes.as_bytes(), &problem_bytes[..]] {
                let decoded = client::decode::<WireError>(envelope.status(), body)
                    .unwrap_or_else(|failure| panic!("{case}: {failure}"));
                // A JSON object's members have no order a reader must keep: compared as sets.
                let read = sorted_pairs(decoded.params());
                let written = sorted_pairs(params.iter());
                assert_eq!(read, written, "{case}");
                assert_eq!(decoded.params_error(), None, "{case}");
            }
        }
    }
}

fn sorted_pairs<'n, 'v>(pairs: impl Iterator<Item = (&'n str, &'v str)>) -> Vec<(String, String)> {
    let mut pairs: Vec<_> = pairs
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect();
    pairs.sort_unstable();
    pairs
}

#[test]
fn the_bytes_are_the_published_wire() {
    let error = WireError::ItemState {
        name: "a\"b".to_owned(),
        state: "\u{1}".to_owned(),
    };
    assert_eq!(
        agreed_bytes(&Envelope::new("id\\\"", &error)),
        r#"{"requestId":"id\\\"","success":false,"error":{"code":2009,"key":"ITEM_STATE","message":"Item a\"b is \"\u0001\" \\ not ready"}}"#
    );
    let violations = [FieldViolation::new(
        Location::Header,
        "x-\"h\"",
        Reason::Missing,
        "tab\t",
    )];
    let error = WireError::Invalid {
        violations: violations.to_vec(),
    };
    assert_eq!(
        agreed_bytes(&Envelope::new("r", &error)),
        r#"{"requestId":"r","success":false,"error":{"code":2022,"key":"INVALID","message":"The request data is invalid","details":[{"in":"header","field":"x-\"h\"","reason":"MISSING","message":"tab\t"}]}}"#
    );
    // A violation on its own is the object `details` carries.
    assert_eq!(
        serde_json::to_string(&violations[0]).expect("a violation serializes"),
        r#"{"in":"header","field":"x-\"h\"","reason":"MISSING","message":"tab\t"}"#
    );
}

/// The top-level member names of `interface` in the module, in order, and those of the object
/// type of its member `nested`, if any.
fn interface_members<'m>(module: &'m str, interface: &str) -> (Vec<&'m str>, Vec<&'m str>) {
    let start = module
        .find(&format!("export interface {interface} {{\n"))
        .unwrap_or_else(|| panic!("no interface {interface}"));
    let body = &module[start..];
    let body = &body[..body.find("\n}\n").expect("the interface ends")];
    let name = |line: &'m str, indent: &str| {
        let rest = line.strip_prefix(indent)?.strip_prefix("readonly ")?;
        let end = rest.find([':', '?'])?;
        (!rest.starts_with('[')).then(|| &rest[..end])
    };
    let outer = body.lines().filter_map(|line| name(line, "  ")).collect();
    let inner = body.lines().filter_map(|line| name(line, "    ")).collect();
    (outer, inner)
}

#[test]
fn the_typescript_module_names_exactly_the_wire_members_in_order() {
    let module = typescript::module::<WireError>();
    let (envelope, error) = interface_members(&module, "ErrorEnvelope");
    assert_eq!(envelope, ENVELOPE);
    let mut all_error_members = ERROR.to_vec();
    all_error_members.extend(ERROR_WITH_VIOLATIONS);
    all_error_members.extend(ERROR_OPTED_IN);
    assert_eq!(error, all_error_members);
    let (violation, nested) = interface_members(&module, "FieldViolation");
    assert_eq!(violation, VIOLATION);
    assert!(nested.is_empty());
    // The runtime checks read the same members.
    for member in ENVELOPE.iter().chain(&ERROR).chain(&VIOLATION) {
        assert!(
            module.contains(&format!("\"{member}\")")),
            "no check reads `{member}`"
        );
    }
    assert!(module.contains("ownMember(envelope.error, \"details\")"));
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| item.as_str().expect("a string"))
        .collect()
}

fn sorted<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_unstable();
    names
}

#[test]
fn the_openapi_schema_names_exactly_the_wire_members_in_order() {
    let schema = serde_json::to_value(<EnvelopeSchema as utoipa::PartialSchema>::schema())
        .expect("a schema serializes");
    let properties = |schema: &Value| -> Vec<String> {
        schema["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect()
    };
    // `required` lists keep the wire's order; properties are a map, compared as sets.
    assert_eq!(strings(&schema["required"]), ENVELOPE);
    let names = properties(&schema);
    assert_eq!(sorted(names.iter().map(String::as_str)), sorted(ENVELOPE));

    let error = &schema["properties"]["error"];
    assert_eq!(strings(&error["required"]), ERROR);
    let names = properties(error);
    assert_eq!(
        sorted(names.iter().map(String::as_str)),
        sorted(
            ERROR
                .into_iter()
                .chain(ERROR_WITH_VIOLATIONS)
                .chain(ERROR_OPTED_IN)
        )
    );

    let violation = &error["properties"]["details"]["items"];
    assert_eq!(strings(&violation["required"]), VIOLATION);
    let names = properties(violation);
    assert_eq!(sorted(names.iter().map(String::as_str)), sorted(VIOLATION));
}

#[test]
fn the_axum_layer_and_the_openapi_responses_name_one_request_id_header() {
    let header = assetpay_errors::axum::REQUEST_ID_HEADER;
    assert_eq!(header.as_str(), "x-request-id");
    for response in error_responses(WireError::CATALOG).values() {
        let response = serde_json::to_value(response).expect("a response serializes");
        let headers = response["headers"].as_object().expect("headers");
        assert!(headers.contains_key(header.as_str()), "{headers:?}");
    }
}

/// The examples are the wire envelope's members and values, and `openapi::to_json` prints them
/// byte for byte as the wire, in a build without serde_json's `preserve_order` (this one).
#[test]
fn the_openapi_examples_are_the_wire_envelopes() {
    let responses =
        serde_json::to_value(error_responses(WireError::CATALOG)).expect("responses serialize");
    let printed =
        to_json(&catalog_document("Wire", "1.0.0", WireError::CATALOG)).expect("it prints");
    for spec in WireError::CATALOG {
        let status = spec.status().as_u16().to_string();
        let example =
            &responses[&status]["content"]["application/json"]["examples"][spec.key()]["value"];
        let wire = Envelope::from_spec(
            assetpay_errors::openapi::EXAMPLE_REQUEST_ID,
            spec,
            spec.message(),
        )
        .to_json_vec();
        let wire_value: Value = serde_json::from_slice(&wire).expect("valid JSON");
        assert_eq!(example, &wire_value, "{}", spec.key());
        let wire = std::str::from_utf8(&wire).expect("UTF-8");
        assert!(
            printed.contains(&format!(r#""value":{wire}"#)),
            "{wire} in {printed}"
        );
    }
}

/// Nothing in this workspace's build turns on serde_json's `preserve_order` (dev-dependencies
/// included): the examples print in the wire's order without it, and the tests see serde_json as
/// a user's program does.
#[test]
fn serde_json_maps_are_sorted_in_this_build() {
    let mut map = serde_json::Map::new();
    map.insert("b".to_owned(), Value::Null);
    map.insert("a".to_owned(), Value::Null);
    assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
}

/// The published crates turn on no feature of serde_json (nor of anything else) that changes a
/// user's program: `preserve_order` stays the program's choice. Only dev-dependencies, which
/// never reach a dependent's build, may name it.
#[test]
fn no_published_crate_turns_on_serde_json_preserve_order() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for krate in [
        "assetpay-errors",
        "assetpay-errors-shared",
        "assetpay-errors-derive",
    ] {
        let manifest =
            std::fs::read_to_string(root.join(krate).join("Cargo.toml")).expect("a manifest");
        let mut section = String::new();
        for line in manifest.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                section = line.to_owned();
                continue;
            }
            if line.starts_with('#') || section.contains("dev-dependencies") {
                continue;
            }
            assert!(
                !line.contains("preserve_order"),
                "{krate}/Cargo.toml {section} turns on `preserve_order`: {line}"
            );
        }
    }
}

#[test]
fn the_shape_reader_keeps_the_texts_order() {
    // `Shape` reads member names in the text's order even where serde_json's `Map` would sort.
    let shape = Shape::of(r#"{"z":1,"a":{"y":[true,"s"],"b":2}}"#);
    assert_eq!(shape.names(), ["z", "a"]);
    assert_eq!(shape.member("a").names(), ["y", "b"]);
}
