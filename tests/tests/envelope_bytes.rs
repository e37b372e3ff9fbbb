//! The envelope's bytes: exact for representative errors, and identical between serde and
//! `Envelope::write_json` for messages holding quotes, backslashes, every control character
//! (0x00–0x1f), DEL and non-ASCII text.
//!
//! Declared messages take `write_json`'s fast path, which copies JSON the derive escaped at
//! compile time; interpolated messages and request ids are escaped at run time. Both must equal
//! what serde_json writes.

use assetpay_errors::{ApiError, Envelope, ErrorSpec, ValidRequestId};

/// One variant per kind of character a declared message can hold; every message is static, so
/// its JSON comes from the derive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiError)]
#[api(range = 1..=99)]
pub enum Declared {
    /// Static message CONTROL_00
    #[api(code = 1, key = "CONTROL_00", status = 400, message = "a\u{0}b")]
    Control00,
    /// Static message CONTROL_01
    #[api(code = 2, key = "CONTROL_01", status = 400, message = "a\u{1}b")]
    Control01,
    /// Static message CONTROL_02
    #[api(code = 3, key = "CONTROL_02", status = 400, message = "a\u{2}b")]
    Control02,
    /// Static message CONTROL_03
    #[api(code = 4, key = "CONTROL_03", status = 400, message = "a\u{3}b")]
    Control03,
    /// Static message CONTROL_04
    #[api(code = 5, key = "CONTROL_04", status = 400, message = "a\u{4}b")]
    Control04,
    /// Static message CONTROL_05
    #[api(code = 6, key = "CONTROL_05", status = 400, message = "a\u{5}b")]
    Control05,
    /// Static message CONTROL_06
    #[api(code = 7, key = "CONTROL_06", status = 400, message = "a\u{6}b")]
    Control06,
    /// Static message CONTROL_07
    #[api(code = 8, key = "CONTROL_07", status = 400, message = "a\u{7}b")]
    Control07,
    /// Static message CONTROL_08
    #[api(code = 9, key = "CONTROL_08", status = 400, message = "a\u{8}b")]
    Control08,
    /// Static message CONTROL_09
    #[api(code = 10, key = "CONTROL_09", status = 400, message = "a\u{9}b")]
    Control09,
    /// Static message CONTROL_0A
    #[api(code = 11, key = "CONTROL_0A", status = 400, message = "a\u{a}b")]
    Control0a,
    /// Static message CONTROL_0B
    #[api(code = 12, key = "CONTROL_0B", status = 400, message = "a\u{b}b")]
    Control0b,
    /// Static message CONTROL_0C
    #[api(code = 13, key = "CONTROL_0C", status = 400, message = "a\u{c}b")]
    Control0c,
    /// Static message CONTROL_0D
    #[api(code = 14, key = "CONTROL_0D", status = 400, message = "a\u{d}b")]
    Control0d,
    /// Static message CONTROL_0E
    #[api(code = 15, key = "CONTROL_0E", status = 400, message = "a\u{e}b")]
    Control0e,
    /// Static message CONTROL_0F
    #[api(code = 16, key = "CONTROL_0F", status = 400, message = "a\u{f}b")]
    Control0f,
    /// Static message CONTROL_10
    #[api(code = 17, key = "CONTROL_10", status = 400, message = "a\u{10}b")]
    Control10,
    /// Static message CONTROL_11
    #[api(code = 18, key = "CONTROL_11", status = 400, message = "a\u{11}b")]
    Control11,
    /// Static message CONTROL_12
    #[api(code = 19, key = "CONTROL_12", status = 400, message = "a\u{12}b")]
    Control12,
    /// Static message CONTROL_13
    #[api(code = 20, key = "CONTROL_13", status = 400, message = "a\u{13}b")]
    Control13,
    /// Static message CONTROL_14
    #[api(code = 21, key = "CONTROL_14", status = 400, message = "a\u{14}b")]
    Control14,
    /// Static message CONTROL_15
    #[api(code = 22, key = "CONTROL_15", status = 400, message = "a\u{15}b")]
    Control15,
    /// Static message CONTROL_16
    #[api(code = 23, key = "CONTROL_16", status = 400, message = "a\u{16}b")]
    Control16,
    /// Static message CONTROL_17
    #[api(code = 24, key = "CONTROL_17", status = 400, message = "a\u{17}b")]
    Control17,
    /// Static message CONTROL_18
    #[api(code = 25, key = "CONTROL_18", status = 400, message = "a\u{18}b")]
    Control18,
    /// Static message CONTROL_19
    #[api(code = 26, key = "CONTROL_19", status = 400, message = "a\u{19}b")]
    Control19,
    /// Static message CONTROL_1A
    #[api(code = 27, key = "CONTROL_1A", status = 400, message = "a\u{1a}b")]
    Control1a,
    /// Static message CONTROL_1B
    #[api(code = 28, key = "CONTROL_1B", status = 400, message = "a\u{1b}b")]
    Control1b,
    /// Static message CONTROL_1C
    #[api(code = 29, key = "CONTROL_1C", status = 400, message = "a\u{1c}b")]
    Control1c,
    /// Static message CONTROL_1D
    #[api(code = 30, key = "CONTROL_1D", status = 400, message = "a\u{1d}b")]
    Control1d,
    /// Static message CONTROL_1E
    #[api(code = 31, key = "CONTROL_1E", status = 400, message = "a\u{1e}b")]
    Control1e,
    /// Static message CONTROL_1F
    #[api(code = 32, key = "CONTROL_1F", status = 400, message = "a\u{1f}b")]
    Control1f,
    /// Static message DEL
    #[api(code = 33, key = "DEL", status = 400, message = "a\u{7f}b")]
    Del,
    /// Static message QUOTES
    #[api(
        code = 34,
        key = "QUOTES",
        status = 400,
        message = "say \"hi\" and 'bye'"
    )]
    Quotes,
    /// Static message BACKSLASHES
    #[api(
        code = 35,
        key = "BACKSLASHES",
        status = 400,
        message = "C:\\path\\ and \\\\ and \\n"
    )]
    Backslashes,
    /// Static message NON_ASCII
    #[api(
        code = 36,
        key = "NON_ASCII",
        status = 400,
        message = "prix changé – 価格 🚀 \u{80}\u{a0}\u{2028}\u{2029}\u{feff}\u{10ffff}"
    )]
    NonAscii,
    /// Static message EVERYTHING
    #[api(
        code = 37,
        key = "EVERYTHING",
        status = 400,
        message = "\u{0}\"\\\u{1f}\u{7f}\u{8}\u{c}\n\r\t/é{{}}"
    )]
    Everything,
    /// Static message ONLY_CONTROLS
    #[api(
        code = 38,
        key = "ONLY_CONTROLS",
        status = 400,
        message = "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{9}\u{a}"
    )]
    OnlyControls,
    /// Static message LONG_PLAIN
    #[api(
        code = 39,
        key = "LONG_PLAIN",
        status = 400,
        message = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    )]
    LongPlain,
    /// Static message SLASH_AND_BRACES
    #[api(
        code = 40,
        key = "SLASH_AND_BRACES",
        status = 400,
        message = "a/b {{braces}} </script>"
    )]
    SlashAndBraces,
    #[doc = "Doc \"comment\" with a \\ backslash, a\ttab and a \u{1} control"]
    #[api(code = 41, key = "FROM_DOC", status = 500)]
    FromDoc,
}

/// Interpolated messages: escaped at run time.
#[derive(Debug, ApiError)]
#[api(range = 100..=199)]
pub enum Interpolated {
    /// Echoes its field
    #[api(code = 100, key = "ECHO", status = 422, message = "<{0}>")]
    Echo(String),
    /// Debug-formats its field
    #[api(
        code = 101,
        key = "DEBUG_ECHO",
        status = 422,
        message = "{text:?} / {{literal}} / {text}"
    )]
    DebugEcho { text: String },
}

const REQUEST_IDS: &[&str] = &[
    "",
    "req-1",
    "9f1c2d3e-0000-4a4a-8b8b-0123456789ab",
    "quote\"back\\slash",
    "\u{0}\u{1f}\u{7f}",
    "ünï-çødé-🚀",
    "new\nline\ttab",
    "AZaz09._:-",
];

/// serde_json's bytes, and `write_json`'s through every path, for one envelope.
fn assert_paths_agree(envelope: &Envelope<'_>) -> String {
    let serde = serde_json::to_vec(envelope).unwrap();
    assert_eq!(
        envelope.to_json_vec(),
        serde,
        "write_json differs for {envelope:?}"
    );
    // Appending keeps what was already in the buffer.
    let mut out = b"prefix".to_vec();
    envelope.write_json(&mut out);
    assert_eq!(&out[..6], b"prefix");
    assert_eq!(&out[6..], serde.as_slice());
    // The body is valid JSON holding exactly the request id and message.
    let value: serde_json::Value = serde_json::from_slice(&serde).unwrap();
    assert_eq!(value["requestId"], envelope.request_id());
    assert_eq!(value["error"]["message"], envelope.message());
    assert_eq!(value["error"]["code"], envelope.code());
    assert_eq!(value["error"]["key"], envelope.key());
    // A valid id given as `ValidRequestId` skips the escape scan: the bytes stay the same.
    if let Some(id) = ValidRequestId::new(envelope.request_id()) {
        let unscanned = envelope.clone().with_valid_request_id(id);
        assert_eq!(unscanned, *envelope);
        assert_eq!(
            unscanned.to_json_vec(),
            serde,
            "valid-id path for {envelope:?}"
        );
        let mut out = b"prefix".to_vec();
        unscanned.write_json(&mut out);
        assert_eq!(&out[6..], serde.as_slice());
    }
    String::from_utf8(serde).unwrap()
}

fn declared() -> Vec<Declared> {
    Declared::CATALOG
        .iter()
        .map(|spec| Declared::try_from(spec.code()).unwrap())
        .collect()
}

#[test]
fn declared_messages_cover_every_control_character() {
    let mut seen = [false; 0x20];
    for spec in Declared::CATALOG {
        for byte in spec.message().bytes().filter(|byte| *byte < 0x20) {
            seen[usize::from(byte)] = true;
        }
    }
    assert!(
        seen.iter().all(|seen| *seen),
        "some control character has no declared message"
    );
    assert_eq!(Declared::Control1f.message(), "a\u{1f}b");
    assert_eq!(
        Declared::FromDoc.message(),
        "Doc \"comment\" with a \\ backslash, a\ttab and a \u{1} control"
    );
}

#[test]
fn declared_messages_render_like_serde() {
    for error in declared() {
        for request_id in REQUEST_IDS {
            // The error's own message: `write_json` copies the derive's pre-rendered JSON.
            assert_paths_agree(&Envelope::new(request_id, &error));
            // The same text through `from_spec` (recognised, so pre-rendered), and a different
            // text with the same characters, which is escaped at run time.
            let spec: &'static ErrorSpec = error.spec();
            assert_paths_agree(&Envelope::from_spec(request_id, spec, spec.message()));
            assert_paths_agree(&Envelope::from_spec(
                request_id,
                spec,
                format!("{} (again)", spec.message()),
            ));
        }
    }
}

#[test]
fn interpolated_messages_render_like_serde_for_every_ascii_character_in_every_position() {
    for byte in 0u8..=0x7f {
        for position in 0..10 {
            let mut text = "abcdefghi".to_owned();
            text.insert(position, char::from(byte));
            let echo = Interpolated::Echo(text.clone());
            let body = assert_paths_agree(&Envelope::new("r", &echo));
            let expected = format!(
                r#"{{"requestId":"r","success":false,"error":{{"code":100,"key":"ECHO","message":{}}}}}"#,
                serde_json::to_string(&format!("<{text}>")).unwrap()
            );
            assert_eq!(body, expected);
            assert_paths_agree(&Envelope::new("r", &Interpolated::DebugEcho { text }));
        }
    }
}

#[test]
fn interpolated_messages_render_like_serde_for_non_ascii_and_long_text() {
    let texts = [
        "prix changé".to_owned(),
        "価格 🚀 \u{2028}\u{2029}\u{feff}\u{10ffff}".to_owned(),
        "\u{7f}\u{80}\u{9f}\u{a0}".to_owned(),
        "\"".repeat(100),
        "\\".repeat(33),
        (0u8..0x20).map(char::from).collect::<String>().repeat(5),
        "x".repeat(10_000),
        String::new(),
    ];
    for text in texts {
        for request_id in REQUEST_IDS {
            assert_paths_agree(&Envelope::new(
                request_id,
                &Interpolated::Echo(text.clone()),
            ));
            assert_paths_agree(&Envelope::new(
                request_id,
                &Interpolated::DebugEcho { text: text.clone() },
            ));
        }
    }
}

#[test]
fn exact_bytes() {
    /// A case's name, how to render it, and the bytes expected.
    type Case<'a> = (&'a str, &'a dyn Fn() -> Vec<u8>, &'a str);
    let cases: &[Case<'_>] = &[
        (
            "plain",
            &|| Envelope::new("req-1", &Declared::LongPlain).to_json_vec(),
            r#"{"requestId":"req-1","success":false,"error":{"code":39,"key":"LONG_PLAIN","message":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}}"#,
        ),
        (
            "short escapes",
            &|| Envelope::new("id", &Declared::Everything).to_json_vec(),
            concat!(
                r#"{"requestId":"id","success":false,"error":{"code":37,"key":"EVERYTHING","message":"#,
                r#""\u0000\"\\\u001f"#,
                "\u{7f}",
                r#"\b\f\n\r\t/é{}"}}"#,
            ),
        ),
        (
            "quotes",
            &|| Envelope::new("q\"", &Declared::Quotes).to_json_vec(),
            r#"{"requestId":"q\"","success":false,"error":{"code":34,"key":"QUOTES","message":"say \"hi\" and 'bye'"}}"#,
        ),
        (
            "backslashes",
            &|| Envelope::new("", &Declared::Backslashes).to_json_vec(),
            r#"{"requestId":"","success":false,"error":{"code":35,"key":"BACKSLASHES","message":"C:\\path\\ and \\\\ and \\n"}}"#,
        ),
        (
            "DEL and non-ASCII are not escaped",
            &|| Envelope::new("ü", &Declared::Del).to_json_vec(),
            "{\"requestId\":\"ü\",\"success\":false,\"error\":{\"code\":33,\"key\":\"DEL\",\"message\":\"a\u{7f}b\"}}",
        ),
        (
            "control character",
            &|| Envelope::new("\u{1}", &Declared::Control1b).to_json_vec(),
            r#"{"requestId":"\u0001","success":false,"error":{"code":28,"key":"CONTROL_1B","message":"a\u001bb"}}"#,
        ),
        (
            "doc comment",
            &|| Envelope::new("r", &Declared::FromDoc).to_json_vec(),
            r#"{"requestId":"r","success":false,"error":{"code":41,"key":"FROM_DOC","message":"Doc \"comment\" with a \\ backslash, a\ttab and a \u0001 control"}}"#,
        ),
        (
            "interpolated",
            &|| {
                Envelope::new(
                    "r",
                    &Interpolated::DebugEcho {
                        text: "a\"b\n".to_owned(),
                    },
                )
                .to_json_vec()
            },
            r#"{"requestId":"r","success":false,"error":{"code":101,"key":"DEBUG_ECHO","message":"\"a\\\"b\\n\" / {literal} / a\"b\n"}}"#,
        ),
    ];
    for (name, render, expected) in cases {
        let fast = render();
        assert_eq!(String::from_utf8_lossy(&fast), *expected, "{name}");
    }
    // And serde writes the same bytes.
    let serde = serde_json::to_string(&Envelope::new("id", &Declared::Everything)).unwrap();
    assert_eq!(serde, cases[1].2);
}

#[test]
fn with_request_id_and_from_spec_keep_the_bytes_right() {
    let envelope = Envelope::new("first", &Declared::Quotes).with_request_id("se\"cond");
    let body = assert_paths_agree(&envelope);
    assert!(body.starts_with(r#"{"requestId":"se\"cond","#));
    let spec = Declared::Control00.spec();
    let custom = Envelope::from_spec("r", spec, "a framework's \"own\" text\u{0}");
    let body = assert_paths_agree(&custom);
    assert!(
        body.ends_with(r#""message":"a framework's \"own\" text\u0000"}}"#),
        "{body}"
    );
}

#[test]
fn with_valid_id_renders_what_new_renders() {
    let valid_ids = REQUEST_IDS
        .iter()
        .filter_map(|id| ValidRequestId::new(id))
        .collect::<Vec<_>>();
    assert_eq!(valid_ids.len(), 3, "{valid_ids:?}");
    let interpolated = [
        Interpolated::Echo("a\"b\\c\u{1}".to_owned()),
        Interpolated::DebugEcho {
            text: "prix changé".to_owned(),
        },
    ];
    for id in valid_ids {
        for error in declared() {
            let envelope = Envelope::with_valid_id(id, &error);
            assert_eq!(envelope.request_id(), id.as_str());
            assert_eq!(envelope, Envelope::new(id.as_str(), &error));
            assert_paths_agree(&envelope);
        }
        for error in &interpolated {
            assert_paths_agree(&Envelope::with_valid_id(id, error));
        }
    }
}

#[test]
fn valid_request_ids_are_exactly_those_that_never_need_escaping_and_the_layer_keeps() {
    for byte in 0u8..=0xff {
        let text = String::from_utf8_lossy(&[b'a', byte, b'z']).into_owned();
        let expected = byte.is_ascii_alphanumeric() || b"-_.:".contains(&byte);
        assert_eq!(ValidRequestId::new(&text).is_some(), expected, "{byte:#x}");
        assert_eq!(assetpay_errors::axum::is_valid_request_id(&text), expected);
        if expected {
            // Nothing the type admits is escaped by serde_json.
            assert_eq!(serde_json::to_string(&text).unwrap(), format!("\"{text}\""));
        }
    }
    let longest = "7".repeat(ValidRequestId::MAX_LEN);
    assert_eq!(
        ValidRequestId::new(&longest).map(ValidRequestId::as_str),
        Some(&*longest)
    );
    assert!(ValidRequestId::new(&format!("{longest}7")).is_none());
    assert!(ValidRequestId::new("").is_none());
    assert_eq!(
        ValidRequestId::MAX_LEN,
        assetpay_errors::axum::MAX_REQUEST_ID_LEN
    );
}
