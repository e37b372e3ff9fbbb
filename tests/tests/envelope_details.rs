//! Field violations in the envelope: the `details` member's exact bytes, identical between serde
//! and `Envelope::write_json` for hostile field names and messages, the caps on count and
//! length, and what is never sent (server errors' violations, fields not marked).

use assetpay_errors::violation::{
    FieldViolation, JsonPointer, Location, MAX_DETAIL_MESSAGE_BYTES, MAX_DETAILS, MAX_FIELD_BYTES,
    Reason,
};
use assetpay_errors::{ApiError, Envelope, ErrorSpec};

#[derive(Debug, ApiError)]
#[api(range = 1000..=1099)]
pub enum RequestError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed {
        #[api(details)]
        violations: Vec<FieldViolation>,
        /// Not marked: never sent.
        submitted_by: String,
    },
    /// An order line is invalid
    #[api(
        code = 1002,
        key = "LINE_INVALID",
        status = 400,
        message = "Line {line} is invalid"
    )]
    LineInvalid {
        line: usize,
        #[api(details)]
        violations: Option<Box<[FieldViolation]>>,
    },
    /// The resource was not found
    #[api(code = 1003, key = "NOT_FOUND", status = 404)]
    NotFound,
}

// A struct declares one error; its violations are a shared slice.
/// The query is invalid
#[derive(Debug, ApiError)]
#[api(code = 1050, key = "QUERY_INVALID", status = 400)]
pub struct QueryInvalid {
    #[api(details)]
    pub violations: std::sync::Arc<[FieldViolation]>,
}

/// A composed type: the wrapped error's violations are sent through it.
#[derive(Debug, ApiError)]
pub enum ApiFailure {
    #[api(transparent)]
    Request(RequestError),
    /// The service failed
    #[api(code = 5000, key = "SERVICE_FAILED", status = 500)]
    ServiceFailed,
}

fn missing_quantity() -> FieldViolation {
    FieldViolation::body(
        JsonPointer::root().key("quantity"),
        Reason::Missing,
        "quantity is required",
    )
}

fn serde_bytes(envelope: &Envelope) -> String {
    serde_json::to_string(envelope).unwrap()
}

fn fast_bytes(envelope: &Envelope) -> String {
    String::from_utf8(envelope.to_json_vec()).unwrap()
}

/// Both renderings, checked equal and valid JSON.
fn rendered(envelope: &Envelope) -> String {
    let (serde, fast) = (serde_bytes(envelope), fast_bytes(envelope));
    assert_eq!(fast, serde);
    serde_json::from_str::<serde_json::Value>(&fast).expect("valid JSON");
    fast
}

#[test]
fn an_error_without_violations_has_todays_bytes() {
    let error = RequestError::ValidationFailed {
        violations: Vec::new(),
        submitted_by: "alice".to_owned(),
    };
    assert_eq!(
        rendered(&Envelope::new("r1", &error)),
        r#"{"requestId":"r1","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"The request data is invalid"}}"#
    );
    let error = RequestError::LineInvalid {
        line: 3,
        violations: None,
    };
    assert_eq!(
        rendered(&Envelope::new("r1", &error)),
        r#"{"requestId":"r1","success":false,"error":{"code":1002,"key":"LINE_INVALID","message":"Line 3 is invalid"}}"#
    );
    assert!(RequestError::NotFound.details().is_empty());
}

#[test]
fn violations_follow_the_message_and_marked_fields_only_are_sent() {
    let error = RequestError::ValidationFailed {
        violations: vec![
            missing_quantity(),
            FieldViolation::query("limit", Reason::InvalidFormat, "limit is not a number"),
        ],
        submitted_by: "alice@example.com".to_owned(),
    };
    let json = rendered(&Envelope::new("r1", &error));
    assert_eq!(
        json,
        r#"{"requestId":"r1","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"The request data is invalid","details":[{"in":"body","field":"/quantity","reason":"MISSING","message":"quantity is required"},{"in":"query","field":"limit","reason":"INVALID_FORMAT","message":"limit is not a number"}]}}"#
    );
    assert!(!json.contains("alice"));
    assert_eq!(error.details().len(), 2);
}

#[test]
fn interpolated_messages_structs_and_wrapped_errors_send_their_violations() {
    let line = RequestError::LineInvalid {
        line: 2,
        violations: Some(vec![missing_quantity()].into_boxed_slice()),
    };
    assert_eq!(
        rendered(&Envelope::new("r\"2", &line)),
        r#"{"requestId":"r\"2","success":false,"error":{"code":1002,"key":"LINE_INVALID","message":"Line 2 is invalid","details":[{"in":"body","field":"/quantity","reason":"MISSING","message":"quantity is required"}]}}"#
    );
    let query = QueryInvalid {
        violations: vec![FieldViolation::query(
            "page",
            Reason::OutOfRange,
            "page must be at least 1",
        )]
        .into(),
    };
    assert!(rendered(&Envelope::new("r3", &query)).ends_with(
        r#""message":"The query is invalid","details":[{"in":"query","field":"page","reason":"OUT_OF_RANGE","message":"page must be at least 1"}]}}"#
    ));
    let wrapped = ApiFailure::Request(line);
    assert_eq!(wrapped.details(), [missing_quantity()]);
    assert!(rendered(&Envelope::new("r4", &wrapped)).contains(r#""details":[{"in":"body""#));
    assert!(ApiFailure::ServiceFailed.details().is_empty());
}

#[test]
fn hostile_field_names_and_messages_are_escaped_alike_by_both_paths() {
    let mut hostile: String = (0u8..0x20).map(char::from).collect();
    hostile.push_str("\"quote\" back\\slash ~tilde /slash \u{7f} é 価格 🚀 \u{2028}");
    let pointer = JsonPointer::root().key(&hostile).index(0).key("~1/");
    assert!(pointer.as_str().contains("~0tilde ~1slash"));
    assert!(pointer.as_str().ends_with("/0/~01~1"));
    let violations = vec![
        FieldViolation::body(pointer.clone(), Reason::InvalidType, hostile.clone()),
        FieldViolation::new(
            Location::Other(hostile.clone()),
            hostile.clone(),
            Reason::Other(hostile.clone()),
            "",
        ),
    ];
    for request_id in ["plain", "with \"quotes\" and \n"] {
        let error = RequestError::ValidationFailed {
            violations: violations.clone(),
            submitted_by: String::new(),
        };
        let json = rendered(&Envelope::new(request_id, &error));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let sent = &value["error"]["details"][0];
        assert_eq!(sent["field"], pointer.as_str());
        assert_eq!(sent["message"], hostile.as_str());
        assert_eq!(sent["reason"], "INVALID_TYPE");
    }
}

#[test]
fn thousands_of_violations_are_capped_and_the_rest_counted() {
    let violations: Vec<FieldViolation> = (0..10_000)
        .map(|index| {
            FieldViolation::body(
                JsonPointer::root().key("items").index(index).key("id"),
                Reason::Missing,
                "id is required",
            )
        })
        .collect();
    let error = RequestError::ValidationFailed {
        violations,
        submitted_by: String::new(),
    };
    let json = rendered(&Envelope::new("r1", &error));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let details = value["error"]["details"].as_array().unwrap();
    assert_eq!(details.len(), MAX_DETAILS);
    assert_eq!(
        details[MAX_DETAILS - 1]["field"],
        format!("/items/{}/id", MAX_DETAILS - 1)
    );
    assert_eq!(value["error"]["detailsOmitted"], 10_000 - MAX_DETAILS);
    assert!(json.ends_with(&format!(
        r#"],"detailsOmitted":{}}}}}"#,
        10_000 - MAX_DETAILS
    )));
}

#[test]
fn very_long_pointers_and_messages_are_cut_within_their_budget() {
    let mut pointer = JsonPointer::root();
    for depth in 0..2_000 {
        pointer.push_key(&format!("level~{depth}"));
    }
    let message = "\u{1}\"".repeat(5_000);
    let error = RequestError::ValidationFailed {
        violations: vec![FieldViolation::body(
            pointer.clone(),
            Reason::InvalidType,
            message.clone(),
        )],
        submitted_by: String::new(),
    };
    let json = rendered(&Envelope::new("r1", &error));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sent = &value["error"]["details"][0];
    let escaped_len = |text: &str| serde_json::to_string(text).unwrap().len() - 2;
    let field = sent["field"].as_str().unwrap();
    assert!(escaped_len(field) <= MAX_FIELD_BYTES);
    assert!(field.ends_with('\u{2026}'));
    assert!(
        pointer
            .as_str()
            .starts_with(field.trim_end_matches('\u{2026}'))
    );
    assert!(!field.trim_end_matches('\u{2026}').ends_with('~'));
    let sent_message = sent["message"].as_str().unwrap();
    assert!(escaped_len(sent_message) <= MAX_DETAIL_MESSAGE_BYTES);
    assert!(message.starts_with(sent_message.trim_end_matches('\u{2026}')));
    // The whole envelope stays far below the decoder's 64 KiB, with every cap reached at once.
    let worst: Vec<FieldViolation> = (0..MAX_DETAILS + 1)
        .map(|_| {
            FieldViolation::new(
                Location::Other("\u{1}".repeat(1000)),
                "\u{1}".repeat(1000),
                Reason::Other("\u{1}".repeat(1000)),
                "\u{1}".repeat(1000),
            )
        })
        .collect();
    let error = RequestError::ValidationFailed {
        violations: worst,
        submitted_by: String::new(),
    };
    assert!(rendered(&Envelope::new("r1", &error)).len() < 40 * 1024);
}

#[test]
fn a_server_error_never_sends_violations() {
    let spec: &'static ErrorSpec = ApiFailure::ServiceFailed.spec();
    let details = [missing_quantity()];
    let envelope = Envelope::from_spec("r1", spec, spec.message()).with_details(&details);
    assert!(envelope.details().is_empty());
    assert_eq!(
        rendered(&envelope),
        r#"{"requestId":"r1","success":false,"error":{"code":5000,"key":"SERVICE_FAILED","message":"The service failed"}}"#
    );
    let spec = RequestError::NotFound.spec();
    let envelope = Envelope::from_spec("r1", spec, "Gone for good").with_details(&details);
    assert!(rendered(&envelope).ends_with(
        r#""message":"Gone for good","details":[{"in":"body","field":"/quantity","reason":"MISSING","message":"quantity is required"}]}}"#
    ));
}
