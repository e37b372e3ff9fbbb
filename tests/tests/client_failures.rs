//! The client-side decoder on bodies that are not error envelopes: each is a typed
//! `DecodeError` with the HTTP status and a bounded, sanitized snippet, never a panic.

use assetpay_errors::AssetPayError;
use assetpay_errors::client::{self, DecodeError, Decoder, Snippet};
use http::StatusCode;

fn failure(status: StatusCode, body: &[u8]) -> DecodeError {
    client::decode::<AssetPayError>(status, body).unwrap_err()
}

const NGINX_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

#[test]
fn a_proxy_html_page_is_html_with_a_readable_snippet() {
    let error = failure(StatusCode::BAD_GATEWAY, NGINX_502.as_bytes());
    let DecodeError::Html { status, snippet } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(*status, StatusCode::BAD_GATEWAY);
    assert_eq!(
        snippet.as_str(),
        "<html> <head><title>502 Bad Gateway</title></head> <body> <center><h1>502 Bad Gateway</h1></center> <hr><center>nginx</center> </body> </html>"
    );
    assert!(!snippet.is_truncated());
    assert!(error.is_retryable());
}

#[test]
fn a_gateway_timeout_page_with_a_doctype_and_leading_blank_lines_is_html() {
    let page = format!(
        "\n\n<!DOCTYPE html><html><body>{}</body></html>",
        "Gateway Timeout. ".repeat(100)
    );
    let error = failure(StatusCode::GATEWAY_TIMEOUT, page.as_bytes());
    assert!(matches!(error, DecodeError::Html { .. }), "{error:?}");
    assert_eq!(error.status(), StatusCode::GATEWAY_TIMEOUT);
    assert!(
        error
            .snippet()
            .as_str()
            .starts_with("<!DOCTYPE html><html><body>Gateway Timeout.")
    );
    assert!(error.snippet().is_truncated());
    assert!(error.snippet().as_str().len() <= Snippet::MAX_BYTES);
    assert!(error.to_string().ends_with('…'));
}

#[test]
fn an_empty_or_blank_body_is_empty() {
    for body in [&b""[..], b"   \r\n\t ", b"\xEF\xBB\xBF"] {
        let error = failure(StatusCode::SERVICE_UNAVAILABLE, body);
        assert!(
            matches!(error, DecodeError::Empty { .. }),
            "{body:?}: {error:?}"
        );
        assert_eq!(error.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(error.snippet().is_empty());
        assert_eq!(error.to_string(), "error response body is empty (HTTP 503)");
    }
}

#[test]
fn plain_text_is_not_json() {
    for body in [
        "Bad Gateway",
        "upstream connect error or disconnect/reset before headers",
        "nope",
        "42 apples",
    ] {
        let error = failure(StatusCode::BAD_GATEWAY, body.as_bytes());
        assert!(
            matches!(error, DecodeError::NotJson { .. }),
            "{body}: {error:?}"
        );
        assert_eq!(error.snippet().as_str(), body);
    }
    assert_eq!(
        failure(StatusCode::BAD_GATEWAY, b"Bad Gateway").to_string(),
        "error response body is not JSON (HTTP 502), body: Bad Gateway"
    );
}

#[test]
fn binary_garbage_is_not_json_with_replacement_characters() {
    let error = failure(
        StatusCode::INTERNAL_SERVER_ERROR,
        b"\x1f\x8b\x08\x00\xff\xfe",
    );
    assert!(matches!(error, DecodeError::NotJson { .. }), "{error:?}");
    // Two control characters and four bytes that are not UTF-8.
    assert_eq!(error.snippet().as_str(), "\u{FFFD}".repeat(6));
}

#[test]
fn json_cut_short_is_truncated_at_every_cut() {
    let full = br#"{"requestId":"req-1","success":false,"error":{"code":11,"key":"PRICE_CHANGED","message":"Price has changed"}}"#;
    for end in 1..full.len() {
        let error = failure(StatusCode::CONFLICT, &full[..end]);
        assert!(
            matches!(error, DecodeError::TruncatedJson { .. }),
            "cut at {end}: {error:?}"
        );
        // The snippet drops trailing blanks; the body has no others.
        let sent = std::str::from_utf8(&full[..end]).unwrap();
        assert_eq!(error.snippet().as_str(), sent.trim_end());
    }
    assert!(client::decode::<AssetPayError>(StatusCode::CONFLICT, full).is_ok());
}

#[test]
fn malformed_json_is_invalid_with_the_parser_reason() {
    let error = failure(
        StatusCode::INTERNAL_SERVER_ERROR,
        br#"{"error" {"code": 1}}"#,
    );
    let DecodeError::InvalidJson { reason, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(reason, "expected `:` at line 1 column 10");
    assert_eq!(
        error.to_string(),
        r#"error response body is invalid JSON: expected `:` at line 1 column 10 (HTTP 500), body: {"error" {"code": 1}}"#
    );

    let trailing = failure(
        StatusCode::INTERNAL_SERVER_ERROR,
        br#"{"error":null} <html>"#,
    );
    assert!(
        matches!(trailing, DecodeError::InvalidJson { .. }),
        "{trailing:?}"
    );
}

#[test]
fn success_true_is_not_an_error() {
    let body = br#"{"requestId":"req-1","success":true,"data":{"id":"dep-1"}}"#;
    let error = failure(StatusCode::OK, body);
    assert!(matches!(error, DecodeError::NotAnError { .. }), "{error:?}");
    assert_eq!(error.status(), StatusCode::OK);
    assert!(
        error
            .to_string()
            .starts_with("response reports `success: true`, not an error (HTTP 200)")
    );

    // `success: true` wins over an `error` member: the server says the call succeeded.
    let both = br#"{"success":true,"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#;
    assert!(matches!(
        failure(StatusCode::CONFLICT, both),
        DecodeError::NotAnError { .. }
    ));
}

#[test]
fn json_of_the_wrong_shape_names_what_is_wrong() {
    let cases: &[(&str, &str)] = &[
        (r#"[1,2,3]"#, "the body is not a JSON object"),
        (r#""Service Unavailable""#, "the body is not a JSON object"),
        ("null", "the body is not a JSON object"),
        ("1001", "the body is not a JSON object"),
        (
            r#"{"message":"Internal server error"}"#,
            "`error` is missing",
        ),
        (r#"{"success":false,"error":null}"#, "`error` is missing"),
        (
            r#"{"success":false,"error":"PRICE_CHANGED"}"#,
            "`error` is not an object",
        ),
        (
            r#"{"success":"false","error":{}}"#,
            "`success` is not a boolean",
        ),
        (
            r#"{"requestId":7,"error":{"code":11,"key":"K","message":"m"}}"#,
            "`requestId` is not a string",
        ),
        (
            r#"{"error":{"key":"K","message":"m"}}"#,
            "`error.code` is missing",
        ),
        (
            r#"{"error":{"code":"11","key":"K","message":"m"}}"#,
            "`error.code` is not a number",
        ),
        (
            r#"{"error":{"code":65536,"key":"K","message":"m"}}"#,
            "`error.code` is not an integer in 0..=65535",
        ),
        (
            r#"{"error":{"code":-1,"key":"K","message":"m"}}"#,
            "`error.code` is not an integer in 0..=65535",
        ),
        (
            r#"{"error":{"code":11.5,"key":"K","message":"m"}}"#,
            "`error.code` is not an integer in 0..=65535",
        ),
        (
            r#"{"error":{"code":11,"message":"m"}}"#,
            "`error.key` is missing",
        ),
        (
            r#"{"error":{"code":11,"key":null,"message":"m"}}"#,
            "`error.key` is not a string",
        ),
        (
            r#"{"error":{"code":11,"key":"K"}}"#,
            "`error.message` is missing",
        ),
        (
            r#"{"error":{"code":11,"key":"K","message":["m"]}}"#,
            "`error.message` is not a string",
        ),
    ];
    for (body, expected) in cases {
        let error = failure(StatusCode::INTERNAL_SERVER_ERROR, body.as_bytes());
        let DecodeError::WrongShape {
            reason, snippet, ..
        } = &error
        else {
            panic!("{body}: {error:?}")
        };
        assert_eq!(reason, expected, "{body}");
        assert_eq!(snippet.as_str(), *body);
    }
}

#[test]
fn bodies_over_the_limit_are_rejected_before_parsing() {
    // Valid JSON, so only the size check can reject it.
    let padded = |len: usize| {
        let mut body = br#"{"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#.to_vec();
        body.resize(len, b' ');
        body
    };
    let limit = Decoder::DEFAULT_MAX_BODY_BYTES;
    assert!(client::decode::<AssetPayError>(StatusCode::CONFLICT, &padded(limit)).is_ok());

    let error = failure(StatusCode::CONFLICT, &padded(limit + 1));
    let DecodeError::TooLarge {
        len,
        limit: reported,
        snippet,
        ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!((*len, *reported), (limit + 1, limit));
    assert_eq!(
        snippet.as_str(),
        r#"{"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#
    );
    assert!(snippet.is_truncated());
    assert_eq!(
        error.to_string(),
        r#"error response body of 65537 bytes is over the limit of 65536 bytes (HTTP 409), body: {"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}…"#
    );
}

#[test]
fn the_limit_is_configurable() {
    let body = br#"{"error":{"code":11,"key":"PRICE_CHANGED","message":"m"}}"#;
    let tight = Decoder::new().with_max_body_bytes(body.len() - 1);
    assert_eq!(tight.max_body_bytes(), body.len() - 1);
    let error = tight
        .decode::<AssetPayError>(StatusCode::CONFLICT, body)
        .unwrap_err();
    assert!(matches!(error, DecodeError::TooLarge { .. }), "{error:?}");
    assert!(
        Decoder::new()
            .with_max_body_bytes(body.len())
            .decode::<AssetPayError>(StatusCode::CONFLICT, body)
            .is_ok()
    );

    // A larger limit lets a larger envelope through.
    let message = "x".repeat(100_000);
    let large = format!(r#"{{"error":{{"code":11,"key":"PRICE_CHANGED","message":"{message}"}}}}"#);
    assert!(matches!(
        failure(StatusCode::CONFLICT, large.as_bytes()),
        DecodeError::TooLarge { .. }
    ));
    let roomy = Decoder::new().with_max_body_bytes(1 << 20);
    assert_eq!(
        roomy
            .decode::<AssetPayError>(StatusCode::CONFLICT, large.as_bytes())
            .unwrap()
            .message(),
        message
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let roomy = Decoder::new().with_max_body_bytes(1 << 20);
    let decode =
        |body: &[u8]| roomy.decode::<AssetPayError>(StatusCode::INTERNAL_SERVER_ERROR, body);

    let open = "[".repeat(100_000);
    let error = decode(open.as_bytes()).unwrap_err();
    let DecodeError::InvalidJson { reason, .. } = &error else {
        panic!("{error:?}")
    };
    assert!(reason.starts_with("recursion limit exceeded"), "{reason}");

    let closed = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        decode(closed.as_bytes()),
        Err(DecodeError::InvalidJson { .. })
    ));

    let objects = format!("{}1{}", r#"{"a":"#.repeat(50_000), "}".repeat(50_000));
    assert!(matches!(
        decode(objects.as_bytes()),
        Err(DecodeError::InvalidJson { .. })
    ));

    // Hidden in an extra field of an otherwise valid envelope.
    let nested_extra = format!(
        r#"{{"error":{{"code":11,"key":"PRICE_CHANGED","message":"m","details":{}{}}}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(matches!(
        decode(nested_extra.as_bytes()),
        Err(DecodeError::InvalidJson { .. })
    ));

    // Hidden in a member the envelope defines, or in an `error` that is not an object: the
    // decoder reads those members without keeping them, and still counts the nesting.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = format!("{}1{}", r#"{"a":"#.repeat(50_000), "}".repeat(50_000));
    for member in [
        format!(r#"{{"success":{deep},"error":{{"code":11,"key":"K","message":"m"}}}}"#),
        format!(r#"{{"requestId":{deep_object},"error":{{"code":11,"key":"K","message":"m"}}}}"#),
        format!(r#"{{"error":{deep}}}"#),
        format!(r#"{{"error":{{"code":{deep},"key":"K","message":"m"}}}}"#),
        format!(r#"{{"error":{{"code":11,"key":"K","message":{deep_object}}}}}"#),
    ] {
        let error = decode(member.as_bytes()).unwrap_err();
        let DecodeError::InvalidJson { reason, .. } = &error else {
            panic!("{error:?}")
        };
        assert!(reason.starts_with("recursion limit exceeded"), "{reason}");
    }

    // Nesting within the parser's limit is fine, and kept.
    let shallow = format!(
        r#"{{"error":{{"code":11,"key":"PRICE_CHANGED","message":"m","details":{}{}}}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    assert!(
        decode(shallow.as_bytes())
            .unwrap()
            .extra_fields()
            .contains_key("details")
    );
}

#[test]
fn snippets_are_sanitized_against_log_injection() {
    let body = "Bad Gateway\r\n2025-01-01 INFO forged log line\u{1b}[2J\u{202e}txt.exe\u{0}";
    let error = failure(StatusCode::BAD_GATEWAY, body.as_bytes());
    assert_eq!(
        error.snippet().as_str(),
        "Bad Gateway 2025-01-01 INFO forged log line\u{FFFD}[2J\u{FFFD}txt.exe\u{FFFD}"
    );
    assert!(
        !error
            .to_string()
            .contains(['\r', '\n', '\u{1b}', '\u{202e}', '\0'])
    );
}

#[test]
fn snippets_of_long_bodies_are_bounded_and_cut_at_a_char_boundary() {
    for body in [
        "é".repeat(5_000),
        format!("x{}", "😀".repeat(5_000)),
        "a\n".repeat(50_000),
    ] {
        let error = Decoder::new()
            .with_max_body_bytes(1 << 20)
            .decode::<AssetPayError>(StatusCode::BAD_GATEWAY, body.as_bytes())
            .unwrap_err();
        let snippet = error.snippet();
        assert!(snippet.as_str().len() <= Snippet::MAX_BYTES);
        assert!(snippet.as_str().len() > Snippet::MAX_BYTES - 4);
        assert!(snippet.is_truncated());
        assert!(body.replace('\n', " ").starts_with(snippet.as_str()));
    }
}

#[test]
fn retryable_statuses_are_the_transient_ones() {
    for (status, retryable) in [
        (StatusCode::TOO_MANY_REQUESTS, true),
        (StatusCode::BAD_GATEWAY, true),
        (StatusCode::SERVICE_UNAVAILABLE, true),
        (StatusCode::GATEWAY_TIMEOUT, true),
        (StatusCode::INTERNAL_SERVER_ERROR, false),
        (StatusCode::BAD_REQUEST, false),
        (StatusCode::OK, false),
    ] {
        assert_eq!(
            failure(status, b"<html></html>").is_retryable(),
            retryable,
            "{status}"
        );
    }
}

#[test]
fn decode_errors_are_std_errors() {
    let error: Box<dyn std::error::Error + Send + Sync> =
        Box::new(failure(StatusCode::BAD_GATEWAY, b""));
    assert_eq!(error.to_string(), "error response body is empty (HTTP 502)");
}
