//! Property: whatever violations a server sends, with any member names, messages and reasons and
//! in any number, both renderings are the same valid JSON, the client decodes them back (cut only
//! where the documented caps say, with the rest counted), and a pointer names exactly the path
//! it was built from.

use assetpay_errors::client;
use assetpay_errors::violation::{
    FieldViolation, JsonPointer, Location, MAX_DETAIL_MESSAGE_BYTES, MAX_DETAILS, MAX_FIELD_BYTES,
    MAX_WORD_BYTES, Reason,
};
use assetpay_errors::{ApiError, Envelope};
use http::StatusCode;
use proptest::prelude::*;

#[derive(Debug, ApiError)]
enum RequestError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed {
        #[api(details)]
        violations: Vec<FieldViolation>,
    },
}

/// Characters JSON must escape, pointer escapes, and anything else.
fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    let hostile_char = prop_oneof![
        Just('"'),
        Just('\\'),
        Just('/'),
        Just('~'),
        Just('0'),
        Just('1'),
        (0u8..0x20).prop_map(char::from),
        Just('\u{7f}'),
        Just('\u{2028}'),
        Just('é'),
        Just('😀'),
        any::<char>(),
    ];
    prop::collection::vec(hostile_char, 0..max).prop_map(String::from_iter)
}

#[derive(Debug, Clone)]
enum Step {
    Member(String),
    Index(usize),
}

fn path() -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        hostile_text(12).prop_map(Step::Member),
        (0usize..1000).prop_map(Step::Index),
    ];
    // Up to 80 steps: long enough for pointers over the cap.
    prop::collection::vec(step, 0..80)
}

fn pointer_of(path: &[Step]) -> JsonPointer {
    path.iter()
        .fold(JsonPointer::root(), |pointer, step| match step {
            Step::Member(name) => pointer.key(name),
            Step::Index(index) => pointer.index(*index),
        })
}

/// RFC 6901's reading of a pointer: its reference tokens, unescaped.
fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

fn violation() -> impl Strategy<Value = (Vec<Step>, FieldViolation)> {
    (path(), hostile_text(120), hostile_text(80), any::<bool>()).prop_map(
        |(path, message, reason, custom)| {
            let reason = if custom {
                Reason::Other(reason)
            } else {
                Reason::OutOfRange
            };
            let violation = FieldViolation::body(pointer_of(&path), reason, message);
            (path, violation)
        },
    )
}

fn escaped_len(text: &str) -> usize {
    serde_json::to_string(text).unwrap().len() - 2
}

/// `sent` is `original`, or (when `original` is over `max` escaped bytes) a prefix of it ending
/// in an ellipsis, within `max`.
fn is_sent_form(sent: &str, original: &str, max: usize) -> bool {
    if escaped_len(original) <= max {
        return sent == original;
    }
    escaped_len(sent) <= max
        && sent
            .strip_suffix('\u{2026}')
            .is_some_and(|prefix| original.starts_with(prefix))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn violations_render_alike_and_decode_back(
        generated in prop::collection::vec(violation(), 0..(MAX_DETAILS + 12)),
        request_id in hostile_text(20),
    ) {
        let violations: Vec<FieldViolation> = generated.iter().map(|(_, v)| v.clone()).collect();
        let error = RequestError::ValidationFailed { violations: violations.clone() };
        let envelope = Envelope::new(&request_id, &error);
        let via_serde = serde_json::to_vec(&envelope).unwrap();
        let via_write_json = envelope.to_json_vec();
        prop_assert_eq!(&via_serde, &via_write_json);
        serde_json::from_slice::<serde_json::Value>(&via_serde).unwrap();

        let decoded = client::decode::<RequestError>(StatusCode::UNPROCESSABLE_ENTITY, &via_serde).unwrap();
        prop_assert_eq!(decoded.details_error(), None);
        prop_assert_eq!(decoded.violations().len(), violations.len().min(MAX_DETAILS));
        prop_assert_eq!(decoded.violations_omitted(), violations.len().saturating_sub(MAX_DETAILS) as u64);
        prop_assert_eq!(decoded.extra_fields().contains_key("details"), !violations.is_empty());
        for ((path, original), sent) in generated.iter().zip(decoded.violations()) {
            prop_assert_eq!(sent.location(), &Location::Body);
            prop_assert!(is_sent_form(sent.field(), original.field(), MAX_FIELD_BYTES));
            prop_assert!(is_sent_form(sent.message(), original.message(), MAX_DETAIL_MESSAGE_BYTES));
            prop_assert!(is_sent_form(sent.reason().as_str(), original.reason().as_str(), MAX_WORD_BYTES));
            if sent.field() == original.field() {
                let expected: Vec<String> = path.iter().map(|step| match step {
                    Step::Member(name) => name.clone(),
                    Step::Index(index) => index.to_string(),
                }).collect();
                prop_assert_eq!(tokens(sent.field()), expected);
            } else {
                // A cut pointer still reads as a pointer: no lone `~` before the ellipsis.
                let prefix = sent.field().trim_end_matches('\u{2026}');
                prop_assert!(!prefix.ends_with('~'));
            }
        }
    }
}
