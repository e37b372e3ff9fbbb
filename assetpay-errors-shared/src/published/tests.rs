//! The reader's unit tests: the catalogue's format, every malformed shape as a typed error at its
//! line and column, and the limits (nesting, number sizes, repeated members).

extern crate std;

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::*;

#[test]
fn reads_the_catalog_format_and_ignores_unknown_fields() {
    let json = br#"[
  {"code": 11, "key": "PRICE_CHANGED", "status": 409, "description": "d", "message": "m",
   "domain": "trading", "retryable": true, "retryAfter": 5, "deprecated": true, "later": [1],
   "params": ["max", "given"]},
  {"code": 12, "key": "GONE", "status": 410}
]"#;
    let entries = parse(json).unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[0],
        Entry {
            code: 11,
            key: "PRICE_CHANGED".into(),
            status: 409,
            description: Some("d".into()),
            message: Some("m".into()),
            domain: Some("trading".into()),
            retryable: true,
            retry_after: Some(5),
            deprecated: true,
            params: Vec::from(["max".into(), "given".into()]),
        }
    );
    assert!(entries[1].params.is_empty());
    assert!(!entries[1].retryable && !entries[1].deprecated);
    assert_eq!(entries[1].description, None);
}

#[test]
fn json_errors_carry_line_and_column() {
    let error = parse(b"[\n  {\"code\": 11,\n   \"key\": \"A\" \"status\": 409}\n]").unwrap_err();
    let FileError::Json { line, column, .. } = &error else {
        panic!("{error:?}");
    };
    assert_eq!((*line, *column), (3, 15), "{error}");

    let error = parse(b"[{\"code\": 11, \"key\": \"A\"}]").unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("line 1, column 25: missing field `status`"),
        "{error}"
    );
    let error = parse(b"[{\"code\": \"11\", \"key\": \"A\", \"status\": 409}]").unwrap_err();
    assert!(
        error.to_string().contains("invalid type: string"),
        "{error}"
    );
    let error = parse(b"{}").unwrap_err();
    assert!(error.to_string().contains("expected a sequence"), "{error}");
}

#[test]
fn repeated_codes_and_keys_are_refused() {
    let error = parse(br#"[{"code":1,"key":"A","status":400},{"code":1,"key":"B","status":400}]"#);
    assert_eq!(
        error,
        Err(FileError::DuplicateCode {
            code: 1,
            first: 0,
            second: 1
        })
    );
    let error = parse(br#"[{"code":1,"key":"A","status":400},{"code":2,"key":"A","status":400}]"#);
    assert_eq!(
        error.unwrap_err().to_string(),
        "entries 1 and 2 both have key `A`"
    );
}

fn json_error(json: &[u8]) -> (String, usize, usize) {
    match parse(json) {
        Err(FileError::Json {
            message,
            line,
            column,
        }) => (message, line, column),
        other => panic!("{:?}: {other:?}", String::from_utf8_lossy(json)),
    }
}

#[test]
fn strings_decode_every_escape_and_surrogate_pairs() {
    let json = r#"[{"code": 1, "key": "K", "status": 400,
        "message": "\" \\ \/ \b \f \n \r \t \u00e9 \uD83D\uDE00 \u20AC é 😀"}]"#;
    let entries = parse(json.as_bytes()).unwrap();
    assert_eq!(
        entries[0].message.as_deref(),
        Some("\" \\ / \u{8} \u{c} \n \r \t é 😀 € é 😀")
    );
}

#[test]
fn null_optional_members_and_empty_files_read() {
    let json = b" \r\n\t[ ] \n";
    assert_eq!(parse(json), Ok(Vec::new()));
    let json = br#"[{"code": 0, "key": "", "status": 65535, "description": null,
        "message": null, "domain": null, "retryAfter": null, "retryable": false}]"#;
    let entry = &parse(json).unwrap()[0];
    assert_eq!((entry.code, entry.status), (0, 65535));
    assert_eq!(
        (entry.description.as_deref(), entry.retry_after),
        (None, None)
    );
    let json = br#"[{"code": 1, "key": "K", "status": 400, "retryAfter": 4294967295}]"#;
    assert_eq!(parse(json).unwrap()[0].retry_after, Some(u32::MAX));
}

#[test]
fn a_repeated_member_counts_with_its_last_value() {
    let json = br#"[{"code": 1, "key": "A", "status": 400, "code": 2, "key": "B",
        "message": "m", "message": null}]"#;
    let entry = &parse(json).unwrap()[0];
    assert_eq!(
        (entry.code, entry.key.as_str(), entry.message.as_deref()),
        (2, "B", None)
    );
    // Each value is still read, so a bad first one is an error.
    let (message, ..) = json_error(br#"[{"code": "1", "code": 1, "key": "A", "status": 400}]"#);
    assert_eq!(message, "invalid type: string \"1\", expected u16");
}

/// Every malformed shape, the message and the 1-based line and column it is reported at.
#[test]
fn every_malformed_shape_is_a_typed_error_at_its_position() {
    let cases: &[(&[u8], &str, usize, usize)] = &[
        (b"", "EOF while parsing a value", 1, 1),
        (b"  \n ", "EOF while parsing a value", 2, 2),
        (b"{}", "invalid type: map, expected a sequence", 1, 1),
        (
            b"\n 5",
            "invalid type: integer `5`, expected a sequence",
            2,
            2,
        ),
        (b"null", "invalid type: null, expected a sequence", 1, 4),
        (b"nul", "EOF while parsing a value", 1, 4),
        (b"nux", "expected ident", 1, 3),
        (b"[", "EOF while parsing a list", 1, 2),
        (
            b"[1]",
            "invalid type: integer `1`, expected an error object with `code`, `key` and `status`",
            1,
            2,
        ),
        (
            b"[[]]",
            "invalid type: sequence, expected an error object with `code`, `key` and `status`",
            1,
            2,
        ),
        (b"[{}", "missing field `code`", 1, 3),
        (b"[{},]", "missing field `code`", 1, 3),
        (b"[{", "EOF while parsing an object", 1, 3),
        (b"[{1: 2}]", "key must be a string", 1, 3),
        (b"[{\"code\" 1}]", "expected `:`", 1, 10),
        (b"[{\"code\"", "EOF while parsing an object", 1, 9),
        (b"[{\"code\":", "EOF while parsing a value", 1, 10),
        (b"[{\"code\": 1,}]", "trailing comma", 1, 13),
        (b"[{\"code\": 1 \"key\"}]", "expected `,` or `}`", 1, 13),
        (b"[{\"code\": 1, 2}]", "key must be a string", 1, 14),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4}",
            "EOF while parsing a list",
            1,
            38,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4},]",
            "trailing comma",
            1,
            39,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4} {}]",
            "expected `,` or `]`",
            1,
            39,
        ),
        (b"[] []", "trailing characters", 1, 4),
        (b"[]\n\nx", "trailing characters", 3, 1),
        (
            b"[{\"code\": -1}]",
            "invalid value: integer `-1`, expected u16",
            1,
            12,
        ),
        (
            b"[{\"code\": -0}]",
            "invalid type: floating point `-0`, expected u16",
            1,
            12,
        ),
        (
            b"[{\"code\": 65536}]",
            "invalid value: integer `65536`, expected u16",
            1,
            15,
        ),
        (
            b"[{\"code\": 1.5}]",
            "invalid type: floating point `1.5`, expected u16",
            1,
            13,
        ),
        (
            b"[{\"code\": 1e2}]",
            "invalid type: floating point `1e2`, expected u16",
            1,
            13,
        ),
        (b"[{\"code\": 01}]", "invalid number", 1, 12),
        (b"[{\"code\": 1.}]", "invalid number", 1, 13),
        (b"[{\"code\": 1e+}]", "invalid number", 1, 14),
        (b"[{\"code\": -}]", "invalid number", 1, 12),
        (b"[{\"code\": +1}]", "expected value", 1, 11),
        (
            b"[{\"code\": true}]",
            "invalid type: boolean `true`, expected u16",
            1,
            14,
        ),
        (
            b"[{\"code\": null}]",
            "invalid type: null, expected u16",
            1,
            14,
        ),
        (
            b"[{\"code\": {}}]",
            "invalid type: map, expected u16",
            1,
            11,
        ),
        (
            b"[{\"key\": 5}]",
            "invalid type: integer `5`, expected a string",
            1,
            10,
        ),
        (
            b"[{\"retryable\": \"yes\"}]",
            "invalid type: string \"yes\", expected a boolean",
            1,
            20,
        ),
        (
            b"[{\"retryable\": null}]",
            "invalid type: null, expected a boolean",
            1,
            19,
        ),
        (
            b"[{\"retryAfter\": -5}]",
            "invalid value: integer `-5`, expected u32",
            1,
            18,
        ),
        (
            b"[{\"retryAfter\": 4294967296}]",
            "invalid value: integer `4294967296`, expected u32",
            1,
            26,
        ),
        (
            b"[{\"key\": \"a\x01\"}]",
            "control character (\\u0000-\\u001F) found while parsing a string",
            1,
            12,
        ),
        (b"[{\"key\": \"\\q\"}]", "invalid escape", 1, 12),
        (b"[{\"key\": \"\\u12G4\"}]", "invalid escape", 1, 15),
        (b"[{\"key\": \"\\u12", "EOF while parsing a string", 1, 15),
        (b"[{\"key\": \"abc", "EOF while parsing a string", 1, 14),
        (
            b"[{\"key\": \"\\uDE00\"}]",
            "lone leading surrogate in hex escape",
            1,
            16,
        ),
        (
            b"[{\"key\": \"\\uD83D\"}]",
            "unexpected end of hex escape",
            1,
            17,
        ),
        (
            b"[{\"key\": \"\\uD83Dx\"}]",
            "unexpected end of hex escape",
            1,
            17,
        ),
        (
            b"[{\"key\": \"\\uD83D\\n\"}]",
            "unexpected end of hex escape",
            1,
            18,
        ),
        (
            b"[{\"key\": \"\\uD83D\\u0041\"}]",
            "lone leading surrogate in hex escape",
            1,
            22,
        ),
        (
            b"[{\"key\": \"a\xff\"}]",
            "invalid unicode code point",
            1,
            12,
        ),
        (b"[{\"k\xc3\": 1}]", "invalid unicode code point", 1, 5),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": [1, 2}]",
            "expected `,` or `]`",
            1,
            49,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": {\"a\" 1}}]",
            "expected `:`",
            1,
            49,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": {1: 1}}]",
            "key must be a string",
            1,
            45,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": [1,]}]",
            "expected value",
            1,
            47,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": {\"a\": 1,}}]",
            "key must be a string",
            1,
            52,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": [",
            "EOF while parsing a value",
            1,
            45,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": [1",
            "EOF while parsing a list",
            1,
            46,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": {\"a\": 1",
            "EOF while parsing an object",
            1,
            51,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": \"\\x\"}]",
            "invalid escape",
            1,
            46,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": tru}]",
            "expected ident",
            1,
            47,
        ),
        (
            b"[{\"code\": 1, \"key\": \"A\", \"status\": 4, \"x\": 1.e5}]",
            "invalid number",
            1,
            46,
        ),
    ];
    let mut wrong = Vec::new();
    for &(json, message, line, column) in cases {
        let found = json_error(json);
        if found != (message.to_string(), line, column) {
            wrong.push(format!("{:?}: {found:?}", String::from_utf8_lossy(json)));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn an_unknown_member_is_checked_for_syntax_only() {
    // serde_json skips an unknown member's value without decoding it: its strings may hold lone
    // surrogates and invalid UTF-8, its numbers any size.
    let json = b"[{\"code\": 1, \"key\": \"A\", \"status\": 400, \"later\": [\"\\uDE00\", \"\xff\",
        1e400, -0, 123456789012345678901234567890, {\"\\uD800\": {\"a\": [true, false, null]}}]}]";
    assert_eq!(parse(json).unwrap().len(), 1);
}

#[test]
fn deep_nesting_is_read_without_recursion() {
    let depth = 200_000;
    let mut json = String::from("[{\"code\": 1, \"key\": \"A\", \"status\": 400, \"deep\": ");
    for level in 0..depth {
        json.push_str(if level % 2 == 0 { "[" } else { "{\"a\":" });
    }
    json.push('0');
    for level in (0..depth).rev() {
        json.push(if level % 2 == 0 { ']' } else { '}' });
    }
    json.push_str("}]");
    assert_eq!(parse(json.as_bytes()).unwrap().len(), 1);
    // Unclosed, it is an error at the end, not a stack overflow.
    let unclosed = &json[..json.len() - depth / 2];
    let (message, line, column) = json_error(unclosed.as_bytes());
    assert_eq!(
        (message.as_str(), line, column),
        ("EOF while parsing an object", 1, unclosed.len() + 1)
    );
}

#[test]
fn huge_numbers_are_errors_where_a_field_wants_an_integer() {
    for number in [
        "18446744073709551616",
        "1e400",
        "-9223372036854775809",
        "99999999999999999999999",
    ] {
        let json = format!("[{{\"code\": {number}, \"key\": \"A\", \"status\": 400}}]");
        let (message, line, column) = json_error(json.as_bytes());
        assert_eq!(
            (message, line, column),
            (
                format!("invalid type: floating point `{number}`, expected u16"),
                1,
                10 + number.len()
            )
        );
    }
    let json = b"[{\"code\": 18446744073709551615, \"key\": \"A\", \"status\": 400}]";
    assert_eq!(
        json_error(json).0,
        "invalid value: integer `18446744073709551615`, expected u16"
    );
}

#[test]
fn no_prefix_or_single_byte_edit_of_a_valid_file_panics() {
    let json: &[u8] =
        br#"[{"code": 11, "key": "P\u00e9\uD83D\uDE00", "status": 409, "retryAfter": 5,
        "later": [1.5e3, {"a": "\\"}, null], "retryable": true, "deprecated": false}]"#;
    assert!(parse(json).is_ok());
    for end in 0..json.len() {
        assert!(parse(&json[..end]).is_err(), "prefix {end}");
    }
    for at in 0..json.len() {
        let mut removed = json.to_vec();
        removed.remove(at);
        let _ = parse(&removed);
        for byte in [
            b'"', b'\\', b'{', b'}', b'[', b']', b',', b':', b'0', b'-', b'e', 0xff,
        ] {
            let mut replaced = json.to_vec();
            replaced[at] = byte;
            if let Err(FileError::Json { line, column, .. }) = parse(&replaced) {
                assert!(line >= 1 && column >= 1, "{line}:{column}");
            }
        }
    }
}
