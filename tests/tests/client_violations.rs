//! The client decoder reads `details` into typed violations: what the server renders comes back
//! equal, unknown words are kept, and a malformed `details` never fails the decode nor is lost.

use assetpay_errors::assetpay::GenericError;
use assetpay_errors::client::{self, ErrorResponse};
use assetpay_errors::violation::{FieldViolation, JsonPointer, Location, MAX_DETAILS, Reason};
use assetpay_errors::{ApiError, Envelope};
use http::StatusCode;

#[derive(Debug, ApiError)]
pub enum RequestError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed {
        #[api(details)]
        violations: Vec<FieldViolation>,
    },
}

fn decoded(body: &str) -> ErrorResponse<GenericError> {
    client::decode::<GenericError>(StatusCode::UNPROCESSABLE_ENTITY, body.as_bytes())
        .unwrap_or_else(|error| panic!("{error}"))
}

fn envelope_with(details: &str) -> String {
    format!(
        r#"{{"requestId":"r1","success":false,"error":{{"code":1001,"key":"VALIDATION_FAILED","message":"The request data is invalid","details":{details}}}}}"#
    )
}

#[test]
fn what_the_server_renders_decodes_back_equal() {
    let violations = vec![
        FieldViolation::body(
            JsonPointer::root().key("items").index(0).key("id"),
            Reason::InvalidType,
            "invalid type: string \"x\", expected u64",
        ),
        FieldViolation::query("limit", Reason::OutOfRange, "limit must be at most 100"),
        FieldViolation::path("id", Reason::InvalidFormat, "id is not a number"),
        FieldViolation::header(
            "content-type",
            Reason::NotAllowed,
            "expected application/json",
        ),
    ];
    let error = RequestError::ValidationFailed {
        violations: violations.clone(),
    };
    let body = Envelope::new("r1", &error).to_json_vec();
    let response = client::decode::<GenericError>(StatusCode::UNPROCESSABLE_ENTITY, &body).unwrap();
    assert_eq!(response.violations(), violations);
    assert_eq!(response.violations_omitted(), 0);
    assert_eq!(response.details_error(), None);
    assert!(response.is_known());
    assert_eq!(response.message(), "The request data is invalid");
    // Nothing is taken away from what came.
    assert_eq!(
        response.extra_fields()["details"],
        serde_json::to_value(&violations).unwrap()
    );
}

#[test]
fn the_count_of_violations_not_sent_is_read() {
    let error = RequestError::ValidationFailed {
        violations: (0..120)
            .map(|index| FieldViolation::query(format!("p{index}"), Reason::Missing, "required"))
            .collect(),
    };
    let body = Envelope::new("r1", &error).to_json_vec();
    let response = client::decode::<GenericError>(StatusCode::UNPROCESSABLE_ENTITY, &body).unwrap();
    assert_eq!(response.violations().len(), MAX_DETAILS);
    assert_eq!(response.violations_omitted(), 120 - MAX_DETAILS as u64);
}

#[test]
fn unknown_locations_and_reasons_are_kept_as_sent() {
    let response = decoded(&envelope_with(
        r#"[{"in":"cookie","field":"session","reason":"EXPIRED","message":"log in again","hint":"new member"}]"#,
    ));
    let [violation] = response.violations() else {
        panic!("{response:?}");
    };
    assert_eq!(violation.location(), &Location::Other("cookie".to_owned()));
    assert_eq!(violation.reason(), &Reason::Other("EXPIRED".to_owned()));
    assert_eq!(violation.reason().as_str(), "EXPIRED");
    assert_eq!(response.details_error(), None);
    assert_eq!(
        response.extra_fields()["details"][0]["hint"],
        "new member",
        "the raw member keeps what the typed value has no place for"
    );
}

#[test]
fn a_malformed_details_member_is_reported_and_kept_raw() {
    for (details, problem) in [
        (
            r#""quantity is required""#,
            "`error.details` is not an array",
        ),
        (
            r#"{"field":"/quantity"}"#,
            "`error.details` is not an array",
        ),
        (
            r#"[{"in":"body","field":"/a","reason":"MISSING","message":"a"},{"in":"body","field":"/b","message":"b"}]"#,
            "`error.details[1]`: `reason` is missing",
        ),
        (
            r#"[{"in":"body","field":["/a"],"reason":"MISSING","message":"a"}]"#,
            "`error.details[0]`: `field` is not a string",
        ),
        (r#"[7]"#, "`error.details[0]`: a violation is not an object"),
    ] {
        let body = envelope_with(details);
        let response = decoded(&body);
        assert_eq!(response.details_error(), Some(problem), "{details}");
        assert!(
            response.violations().is_empty(),
            "no partial list for {details}"
        );
        assert_eq!(
            response.extra_fields()["details"],
            serde_json::from_str::<serde_json::Value>(details).unwrap()
        );
        assert_eq!(response.key(), "VALIDATION_FAILED");
    }
    let body = r#"{"success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"m","details":[],"detailsOmitted":-3}}"#;
    let response = decoded(body);
    assert_eq!(
        response.details_error(),
        Some("`error.detailsOmitted` is not a non-negative integer")
    );
    assert_eq!(response.violations_omitted(), 0);
}

#[test]
fn an_envelope_without_details_has_no_violations_and_no_problem() {
    for body in [
        r#"{"success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"m"}}"#,
        r#"{"success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"m","details":null}}"#,
    ] {
        let response = decoded(body);
        assert!(response.violations().is_empty());
        assert_eq!(response.details_error(), None);
    }
}
