//! A TypeScript module generated from a catalogue, for the JavaScript and TypeScript clients of
//! an API: the errors as data, their keys and codes as types, and the runtime checks a client
//! needs to read an error response safely.
//!
//! # Guide
//!
//! Generate the module from the error type the API answers with, write it to a `.ts` file and
//! publish it with the client (it has no imports and no runtime dependency):
//!
//! ```
//! use assetpay_errors::{ApiError, typescript};
//!
//! #[derive(Debug, ApiError)]
//! #[api(range = 1..=99)]
//! enum ShopError {
//!     /// The price changed since you last fetched it
//!     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
//!     PriceChanged,
//!     /// The warehouse is busy, retry shortly
//!     #[api(code = 12, key = "WAREHOUSE_BUSY", status = 503, retryable, retry_after = 7)]
//!     WarehouseBusy,
//! }
//!
//! let module = typescript::module::<ShopError>();
//! assert!(module.contains(
//!     r#"  "WAREHOUSE_BUSY": {
//!     key: "WAREHOUSE_BUSY",
//!     code: 12,
//!     status: 503,
//!     message: "The warehouse is busy, retry shortly",
//!     description: "The warehouse is busy, retry shortly",
//!     domain: null,
//!     retryable: true,
//!     retryAfter: 7,
//!   },"#
//! ));
//! assert!(module.contains("export type ErrorKey = keyof typeof ERRORS;"));
//! assert!(module.contains("export function knownError(body: ErrorEnvelope | ProblemDocument): KnownError | undefined {"));
//! // Nothing varies between runs: the module is the catalogue, in catalogue order.
//! assert_eq!(module, typescript::module::<ShopError>());
//! ```
//!
//! AssetPay's own module, with the trade failure codes added, is
//! [`assetpay::reference::typescript`](crate::assetpay::reference::typescript)
//! (`cargo run --example catalog -- --typescript`).
//!
//! The module exports:
//!
//! - `ERRORS`: an `as const` object keyed by error key, in catalogue order; each entry has
//!   `key`, `code`, `status`, `message`, `description`, `domain` (the domain's name, or `null`),
//!   `retryable` and `retryAfter` (seconds, or `null`), the fields of the JSON catalogue;
//! - `ErrorEntry` (the shape every entry has), `ErrorKey` (the union of keys), `ErrorCode` (the
//!   union of codes) and `KnownError` (the union of the entries' literal types);
//! - `ErrorEnvelope`, the wire format, and `isErrorEnvelope(body)`, a runtime check of it (their
//!   members, like `FieldViolation`'s below, are generated from the wire description the server's
//!   renderers and the Rust decoder read, in its order);
//! - `ProblemDocument`, the RFC 9457 document a server sends for `Accept: application/problem+json`
//!   (see [`problem`](crate::problem)), and `isProblemDocument(body)`, a runtime check of it;
//! - `knownError(body)`, the entry an envelope or a problem document names, or `undefined`;
//! - `FieldViolation` and `violations(envelope)`, the envelope's field violations (its optional
//!   `error.details`, see [`violation`](crate::violation)), typed;
//! - `ErrorParams`, each key's message parameters as a type (`{ readonly max: string }`, an empty
//!   object type for a message that interpolates nothing), computed from the entries' `params`;
//!   `paramsOf(body)`, the parameters a body sends (its opt-in `params`, see
//!   [`params`](crate::params)), and `knownParams(key, body)`, the same typed by the key.
//!
//! An entry whose message interpolates fields lists their names as `params`, as the JSON
//! catalogue does, and only then: the module of a catalogue without such messages stays as it was.
//!
//! A client checks the parsed body with `isErrorEnvelope`, then switches on the known key:
//!
//! ```ts
//! if (isErrorEnvelope(result)) {
//!   switch (knownError(result)?.key) {
//!     case "PRICE_CHANGED": refetchPrices(); break;
//!     default: console.error(`error ${result.error.key} (${result.error.code})`);
//!   }
//! }
//! ```
//!
//! # Forward compatible, still checked
//!
//! The type of `knownError(result)?.key` is `ErrorKey | undefined`, so under `tsc --strict` a
//! misspelt or removed key in a `case` label is a compile error (TS2678: the label's type is not
//! comparable to the union). The envelope's own `error.key` stays a `string`: an envelope from a
//! newer server, with a key this module has never heard of, passes `isErrorEnvelope`, gets
//! `undefined` from `knownError` and reaches `default` with its code, key and message intact.
//! Typing `error.key` as the union instead would make that envelope a lie the compiler believes.
//!
//! # The rules, and why
//!
//! - `isErrorEnvelope` applies the shape rules of the Rust decoder
//!   ([`client::Decoder`](crate::client::Decoder)), so the two agree on what is an error
//!   envelope: an object whose `success` is absent or `false`, whose `requestId` is absent,
//!   `null` or a string, and whose `error` is an object with an integer `code` in 0..=65535, a
//!   string `key` and a string `message`. Other members are allowed and kept, at both levels.
//!   Members are read only when they are the object's own, so a key such as `constructor` or a
//!   `__proto__` member cannot borrow a value from the prototype.
//! - One difference cannot be avoided: the check sees the value `JSON.parse` made, not the text,
//!   so a code written `11.0` or `1.1e1`, which the Rust decoder rejects as not an integer, is the
//!   number 11 by then and is accepted. `-0`, which `JSON.parse` keeps apart, is rejected as the
//!   Rust decoder rejects it.
//! - `violations` follows the decoder's rule for `details`
//!   ([`ErrorResponse::violations`](crate::client::ErrorResponse::violations)): the list when
//!   `details` is an array whose every element has string `in`, `field`, `reason` and
//!   `message`, else an empty list, never a partial one. A malformed `details` does not make
//!   `isErrorEnvelope` false, as it does not fail the decoder: the member stays in the envelope
//!   as sent, typed `unknown`. `in` and `reason` are strings, not unions, for the reason
//!   `error.key` is.
//! - `knownError` follows the decoder's conflict rule ([`CatalogMatch`](crate::client::CatalogMatch)):
//!   the entry is returned only when the code and the key name the same entry. A code and a key
//!   that disagree give `undefined`, the `default` branch, rather than a guess.
//! - Strings are double-quoted literals: `"` and `\` are escaped, and so are control characters,
//!   U+2028 and U+2029 (line terminators to older JavaScript parsers), as `\n`, `\r`, `\t` or
//!   `\uXXXX`. Every other character, the curly apostrophes of AssetPay's descriptions included,
//!   is written as itself: the module is UTF-8.
//! - The module type-checks under `--strict` and also under `--noUncheckedIndexedAccess`,
//!   `--exactOptionalPropertyTypes`, `--noPropertyAccessFromIndexSignature` and the
//!   `--noUnused…` flags, so it fits a client's strictest configuration.
//! - `paramsOf` follows the decoder's rule for `params`
//!   ([`ErrorResponse::params`](crate::client::ErrorResponse::params)): the object when every
//!   value is a string, else an empty object, never a partial one. `knownParams` gives the typed
//!   object only when the body sends every parameter the entry names, so a client renders its own
//!   translation with no value missing, or falls back to the message the body carries.

use core::fmt::Write as _;

use assetpay_errors_shared::wire::{
    EnvelopeMember, ErrorMember, ProblemMember, ProblemViolationMember, ViolationMember,
};

use crate::api_error::ApiError;
use crate::domain::Domain;
use crate::spec::ErrorSpec;

/// The TypeScript module for the catalogue of `E`: see the [module documentation](self) for
/// what it exports and the rules it follows. The same catalogue always gives the same text.
pub fn module<E: ApiError>() -> String {
    let mut out = String::with_capacity(2048 + 320 * E::CATALOG.len());
    out.push_str(HEADER);
    out.push_str(ENTRY_INTERFACE);
    out.push_str(
        "/** Every error of the catalogue, keyed by its key, in catalogue order. */\n\
         export const ERRORS = {\n",
    );
    for spec in E::CATALOG {
        write_entry(&mut out, spec);
    }
    out.push_str("} as const satisfies { readonly [key: string]: ErrorEntry };\n");
    out.push_str(KNOWN_TYPES);
    write_envelope_interface(&mut out);
    write_problem_interface(&mut out);
    write_violation_interface(&mut out);
    out.push_str(HELPERS);
    write_checks(&mut out);
    out
}

/// `text` as a double-quoted TypeScript (and JavaScript) string literal, escaped as the
/// [module documentation](self#the-rules-and-why) says, for code that adds its own declarations
/// to a generated module.
///
/// ```
/// use assetpay_errors::typescript::string_literal;
///
/// assert_eq!(string_literal(r#"say "hi" \ bye"#), r#""say \"hi\" \\ bye""#);
/// assert_eq!(string_literal("line\nbreak\u{2028}"), r#""line\nbreak\u2028""#);
/// assert_eq!(string_literal("don’t"), "\"don’t\"");
/// ```
pub fn string_literal(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('"');
    for character in text.chars() {
        match character {
            '"' => literal.push_str("\\\""),
            '\\' => literal.push_str("\\\\"),
            '\n' => literal.push_str("\\n"),
            '\r' => literal.push_str("\\r"),
            '\t' => literal.push_str("\\t"),
            '\u{2028}' | '\u{2029}' => {
                let _ = write!(literal, "\\u{:04x}", u32::from(character));
            }
            control if control.is_control() => {
                let _ = write!(literal, "\\u{:04x}", u32::from(control));
            }
            other => literal.push(other),
        }
    }
    literal.push('"');
    literal
}

fn write_entry(out: &mut String, spec: &ErrorSpec) {
    let key = string_literal(spec.key());
    let _ = writeln!(out, "  {key}: {{");
    let _ = writeln!(out, "    key: {key},");
    let _ = writeln!(out, "    code: {},", spec.code());
    let _ = writeln!(out, "    status: {},", spec.status().as_u16());
    let _ = writeln!(out, "    message: {},", string_literal(spec.message()));
    let _ = writeln!(
        out,
        "    description: {},",
        string_literal(spec.description())
    );
    let domain = spec.domain().map_or_else(
        || "null".to_owned(),
        |domain| string_literal(Domain::name(domain)),
    );
    let _ = writeln!(out, "    domain: {domain},");
    let _ = writeln!(out, "    retryable: {},", spec.is_retryable());
    let retry_after = spec
        .retry_after_secs()
        .map_or_else(|| "null".to_owned(), |secs| secs.to_string());
    let _ = writeln!(out, "    retryAfter: {retry_after},");
    // Only when declared, as in the JSON catalogue.
    if let Some(url) = spec.doc_url() {
        let _ = writeln!(out, "    docUrl: {},", string_literal(url));
    }
    if !spec.params().is_empty() {
        let names: Vec<String> = spec
            .params()
            .iter()
            .map(|name| string_literal(name))
            .collect();
        let _ = writeln!(out, "    params: [{}],", names.join(", "));
    }
    out.push_str("  },\n");
}

const HEADER: &str = "\
// Generated by assetpay-errors from the API's error catalogue. Do not edit: regenerate it.
//
// Read a response's parsed JSON with isErrorEnvelope, then switch on knownError(body)?.key:
// a misspelt case label is a compile error, and an error this module does not know yet
// reaches the default branch.

";

const ENTRY_INTERFACE: &str = "\
/** One error of the catalogue, as the server declares it. */
export interface ErrorEntry {
  /** The stable string key, such as \"NOT_FOUND\". */
  readonly key: string;
  /** The numeric code, 0..=65535. */
  readonly code: number;
  /** The HTTP status the error is answered with. */
  readonly status: number;
  /** The message the envelope carries. */
  readonly message: string;
  /** What the error means, as the catalogue documents it. */
  readonly description: string;
  /** The name of the code range the error belongs to, if any. */
  readonly domain: string | null;
  /** Whether the same request may succeed later without anything changing. */
  readonly retryable: boolean;
  /** Seconds to wait before retrying, when the catalogue declares it. */
  readonly retryAfter: number | null;
  /** The page documenting the error, when the catalogue declares one. */
  readonly docUrl?: string;
  /** The names of the fields the message interpolates, when it interpolates some. */
  readonly params?: readonly string[];
}

";

const KNOWN_TYPES: &str = "
/** The key of an error this module knows. */
export type ErrorKey = keyof typeof ERRORS;

/** The entry of an error this module knows: switch on its `key` to narrow it. */
export type KnownError = (typeof ERRORS)[ErrorKey];

/** The code of an error this module knows. */
export type ErrorCode = KnownError[\"code\"];

/** Each known key's message parameters, by name: what a translation of the message fills in. */
export type ErrorParams = {
  readonly [K in ErrorKey]: (typeof ERRORS)[K] extends { readonly params: readonly (infer Name extends string)[] }
    ? { readonly [N in Name]: string }
    : { readonly [N in never]: string };
};

";

/// `ErrorEnvelope`: the wire description's envelope and `error` members, in their order, typed as
/// `isErrorEnvelope` accepts them (the decoder's rules: `requestId` and `success` may be absent).
fn write_envelope_interface(out: &mut String) {
    let error = EnvelopeMember::Error.name();
    let key = ErrorMember::Key.name();
    let _ = write!(
        out,
        "/**\n * An error response's body. `{error}.{key}` is a string, not an ErrorKey: a newer server may send a\n * key this module does not know. Members beyond these are allowed.\n */\nexport interface ErrorEnvelope {{\n"
    );
    for member in EnvelopeMember::ALL {
        let name = member.name();
        match member {
            EnvelopeMember::RequestId => {
                let _ = writeln!(out, "  readonly {name}?: string | null;");
            }
            EnvelopeMember::Success => {
                let _ = writeln!(out, "  readonly {name}?: false;");
            }
            EnvelopeMember::Error => {
                let _ = writeln!(out, "  readonly {name}: {{");
                for member in ErrorMember::ALL {
                    write_error_member(out, member);
                }
                out.push_str("    readonly [member: string]: unknown;\n  };\n");
            }
        }
    }
    out.push_str("  readonly [member: string]: unknown;\n}\n\n");
}

/// `ProblemDocument`: the wire description's problem members, in their order, typed as
/// `isProblemDocument` accepts them (the decoder's rules: `code` and `key` required).
fn write_problem_interface(out: &mut String) {
    out.push_str(
        "/**\n * An RFC 9457 problem document (application/problem+json), as the server sends it when the\n * request prefers it. Members beyond these are allowed.\n */\nexport interface ProblemDocument {\n",
    );
    for member in ProblemMember::ALL {
        let name = member.name();
        let _ = match member {
            ProblemMember::Code => writeln!(out, "  readonly {name}: number;"),
            ProblemMember::Status => writeln!(out, "  readonly {name}?: number;"),
            ProblemMember::Key => writeln!(out, "  readonly {name}: string;"),
            ProblemMember::Type
            | ProblemMember::Title
            | ProblemMember::Detail
            | ProblemMember::Instance
            | ProblemMember::RequestId => writeln!(out, "  readonly {name}?: string;"),
            ProblemMember::Errors => {
                let _ = writeln!(out, "  readonly {name}?: readonly {{");
                for violation in ProblemViolationMember::ALL {
                    let _ = writeln!(out, "    readonly {}?: string;", violation.name());
                }
                writeln!(out, "  }}[];")
            }
            ProblemMember::ErrorsOmitted => writeln!(out, "  readonly {name}?: number;"),
            ProblemMember::Params => writeln!(out, "  readonly {name}?: unknown;"),
        };
    }
    out.push_str("  readonly [member: string]: unknown;\n}\n\n");
}

fn write_error_member(out: &mut String, member: ErrorMember) {
    let name = member.name();
    let _ = match member {
        ErrorMember::Code => writeln!(out, "    readonly {name}: number;"),
        ErrorMember::Key | ErrorMember::Message => writeln!(out, "    readonly {name}: string;"),
        ErrorMember::Details => writeln!(
            out,
            "    /** Field violations, when the error has some: read them with violations(envelope). */\n    readonly {name}?: unknown;"
        ),
        ErrorMember::DetailsOmitted => writeln!(
            out,
            "    /** How many violations the server did not send. */\n    readonly {name}?: unknown;"
        ),
        ErrorMember::DocUrl => writeln!(
            out,
            "    /** The page documenting the error, when the server sends it. */\n    readonly {name}?: string;"
        ),
        ErrorMember::Params => writeln!(
            out,
            "    /** The message's parameters, when the server sends them: read them with paramsOf(body). */\n    readonly {name}?: unknown;"
        ),
    };
}

/// `FieldViolation`: the wire description's violation members, in their order.
fn write_violation_interface(out: &mut String) {
    let (location, field, reason, message) = (
        ViolationMember::In.name(),
        ViolationMember::Field.name(),
        ViolationMember::Reason.name(),
        ViolationMember::Message.name(),
    );
    let _ = write!(
        out,
        "/**\n * One part of the request that failed validation. `{location}` is \"body\", \"query\", \"path\" or \"header\";\n * `{field}` a JSON Pointer into the body (RFC 6901), or the parameter's or header's name;\n * `{reason}` a stable UPPER_SNAKE word such as \"MISSING\", \"INVALID_TYPE\", \"INVALID_FORMAT\",\n * \"OUT_OF_RANGE\", \"TOO_LONG\", \"TOO_SHORT\", \"NOT_ALLOWED\", \"UNKNOWN_FIELD\", \"DUPLICATE_FIELD\" or\n * \"MALFORMED\" (a newer server may send others); `{message}` text for a person.\n */\nexport interface FieldViolation {{\n"
    );
    for member in ViolationMember::ALL {
        let _ = writeln!(out, "  readonly {}: string;", member.name());
    }
    out.push_str("  readonly [member: string]: unknown;\n}\n\n");
}

const HELPERS: &str = "\
type JsonObject = { readonly [member: string]: unknown };

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === \"object\" && value !== null && !Array.isArray(value);
}

function hasOwn(object: object, member: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, member);
}

function ownMember(object: JsonObject, member: string): unknown {
  return hasOwn(object, member) ? object[member] : undefined;
}

function isWireCode(value: unknown): value is number {
  return (
    typeof value === \"number\" &&
    Number.isInteger(value) &&
    value >= 0 &&
    value <= 65535 &&
    !Object.is(value, -0)
  );
}

";

/// `isErrorEnvelope`, `isFieldViolation`, `violations` and `knownError`, reading the members the
/// wire description names.
fn write_checks(out: &mut String) {
    let (request_id, success, error) = (
        EnvelopeMember::RequestId.name(),
        EnvelopeMember::Success.name(),
        EnvelopeMember::Error.name(),
    );
    let (code, key, message, details) = (
        ErrorMember::Code.name(),
        ErrorMember::Key.name(),
        ErrorMember::Message.name(),
        ErrorMember::Details.name(),
    );
    let (detail, title) = (ProblemMember::Detail.name(), ProblemMember::Title.name());
    let markers: Vec<String> = ProblemMember::MARKERS
        .iter()
        .map(|member| format!("\"{}\"", member.name()))
        .collect();
    let markers_text = ProblemMember::MARKERS
        .iter()
        .map(|member| format!("`{}`", member.name()))
        .collect::<Vec<_>>()
        .join(", ");
    let markers = markers.join(", ");
    let _ = write!(
        out,
        r#"/**
 * Whether a parsed body is an error envelope, by the rules of the Rust decoder: `{success}` absent
 * or false, `{request_id}` absent, null or a string, `{error}` an object with an integer `{code}` in
 * 0..=65535, a string `{key}` and a string `{message}`.
 */
export function isErrorEnvelope(body: unknown): body is ErrorEnvelope {{
  if (!isJsonObject(body) || !hasDecodableEnvelopeMembers(body)) {{
    return false;
  }}
  const {error} = ownMember(body, "{error}");
  return (
    isJsonObject({error}) &&
    isWireCode(ownMember({error}, "{code}")) &&
    typeof ownMember({error}, "{key}") === "string" &&
    typeof ownMember({error}, "{message}") === "string"
  );
}}

/**
 * The rules the Rust decoder applies to every body, whichever its format: `{success}` absent or
 * false, `{request_id}` absent, null or a string.
 */
function hasDecodableEnvelopeMembers(body: JsonObject): boolean {{
  if (hasOwn(body, "{success}") && ownMember(body, "{success}") !== false) {{
    return false;
  }}
  const {request_id} = ownMember(body, "{request_id}");
  return {request_id} === undefined || {request_id} === null || typeof {request_id} === "string";
}}

function isFieldViolation(value: unknown): value is FieldViolation {{
  return (
    isJsonObject(value)"#
    );
    for member in ViolationMember::ALL {
        let _ = write!(
            out,
            " &&\n    typeof ownMember(value, \"{}\") === \"string\"",
            member.name()
        );
    }
    let _ = write!(
        out,
        r#"
  );
}}

/**
 * The envelope's field violations, by the rules of the Rust decoder: `{error}.{details}` when it is
 * an array of well-formed violations, else an empty list (never a partial one).
 */
export function violations(envelope: ErrorEnvelope): readonly FieldViolation[] {{
  const {details} = ownMember(envelope.{error}, "{details}");
  if (!Array.isArray({details})) {{
    return [];
  }}
  const list: readonly unknown[] = {details};
  return list.every(isFieldViolation) ? (list as readonly FieldViolation[]) : [];
}}

/**
 * Whether a parsed body is an RFC 9457 problem document this API sends, by the rules of the Rust
 * decoder: an object without `{error}` that has one of {markers_text};
 * an integer `{code}` in 0..=65535, a string `{key}` and a string `{detail}` (or, without `{detail}`,
 * a string `{title}`); `{success}` and `{request_id}` as in an envelope.
 */
export function isProblemDocument(body: unknown): body is ProblemDocument {{
  if (!isJsonObject(body) || hasOwn(body, "{error}") || !hasDecodableEnvelopeMembers(body)) {{
    return false;
  }}
  if (![{markers}].some((member) => hasOwn(body, member))) {{
    return false;
  }}
  const {detail} = ownMember(body, "{detail}");
  const message = {detail} === undefined ? ownMember(body, "{title}") : {detail};
  return (
    isWireCode(ownMember(body, "{code}")) &&
    typeof ownMember(body, "{key}") === "string" &&
    typeof message === "string"
  );
}}

/**
 * The entry an envelope or a problem document names, when its code and its key both name that
 * entry; undefined for an error this module does not know, and for a code and a key that disagree.
 */
export function knownError(body: ErrorEnvelope | ProblemDocument): KnownError | undefined {{
  const inner = ownMember(body, "{error}");
  const named: JsonObject = isJsonObject(inner) ? inner : body;
  const {code} = ownMember(named, "{code}");
  const {key} = ownMember(named, "{key}");
  if (typeof {key} !== "string") {{
    return undefined;
  }}
  if (!hasOwn(ERRORS, {key})) {{
    return undefined;
  }}
  const entries: {{ readonly [key: string]: ErrorEntry | undefined }} = ERRORS;
  const entry = entries[{key}];
  return entry !== undefined && entry.code === {code} ? (entry as KnownError) : undefined;
}}

/**
 * The message's parameters a body sends (an envelope's `{error}.{params}`, a problem document's
 * `{params}`), by the rules of the Rust decoder: the object when every value is a string, else an
 * empty object (never a partial one).
 */
export function paramsOf(body: ErrorEnvelope | ProblemDocument): {{ readonly [name: string]: string }} {{
  const inner = ownMember(body, "{error}");
  const named: JsonObject = isJsonObject(inner) ? inner : body;
  const sent = ownMember(named, "{params}");
  if (!isJsonObject(sent)) {{
    return {{}};
  }}
  const values: readonly unknown[] = Object.values(sent);
  return values.every((value) => typeof value === "string")
    ? (sent as {{ readonly [name: string]: string }})
    : {{}};
}}

/**
 * The parameters of the error `key` a body sends, typed by the key: undefined unless the body
 * sends every parameter the entry names.
 */
export function knownParams<K extends ErrorKey>(
  key: K,
  body: ErrorEnvelope | ProblemDocument,
): ErrorParams[K] | undefined {{
  const sent = paramsOf(body);
  const entry: ErrorEntry = ERRORS[key];
  const names: readonly string[] = entry.params ?? [];
  return names.every((name) => hasOwn(sent, name)) ? (sent as ErrorParams[K]) : undefined;
}}
"#,
        params = ErrorMember::Params.name(),
    );
}

#[cfg(test)]
mod tests {
    use super::string_literal;

    #[test]
    fn escapes_what_a_string_literal_cannot_hold() {
        assert_eq!(string_literal(""), r#""""#);
        assert_eq!(string_literal(r#"a"b"#), r#""a\"b""#);
        assert_eq!(string_literal(r"a\b"), r#""a\\b""#);
        assert_eq!(string_literal("a\nb\rc\td"), r#""a\nb\rc\td""#);
        assert_eq!(
            string_literal("\u{0}\u{1b}\u{7f}\u{85}"),
            r#""\u0000\u001b\u007f\u0085""#
        );
        assert_eq!(string_literal("\u{2028}\u{2029}"), r#""\u2028\u2029""#);
    }

    #[test]
    fn keeps_everything_else_as_itself() {
        for text in [
            "can’t",
            "‘quoted’",
            "${not a template}",
            "`tick`",
            "'single'",
            "é ✓ 😀",
        ] {
            assert_eq!(string_literal(text), format!("\"{text}\""));
        }
    }
}
