//! Strategies for declarations with one definite mistake, which the derive must reject: a
//! well-formed declaration, and one of the mistakes below made in its first error that declares
//! its own code (or, when it has none, on the type).

use proptest::prelude::*;
use proptest::sample::select;

use super::declaration::{Decl, Entry, Error, Fields, Kind, entry, flag};
use super::well_formed::well_formed;

const BAD_CODES: &[&str] = &[
    "0",
    "65536",
    "99999999999999999999999999999999",
    "-1",
    "-0",
    "1.5",
    "1e3",
    "\"11\"",
    "b\"11\"",
    "b'1'",
    "'1'",
    "true",
    "eleven",
    "(11)",
    "[11]",
    "{ 11 }",
    "11u8",
    "11usize",
    "1 1",
    "1..=2",
    "c\"11\"",
];
const BAD_STATUSES: &[&str] = &[
    "200",
    "399",
    "600",
    "0",
    "65535",
    "65536",
    "-404",
    "\"404\"",
    "4.04",
    "StatusCode::NOT_FOUND",
];
const BAD_KEYS: &[&str] = &[
    "\"lower_case\"",
    "\"A\"",
    "\"\"",
    "\"_LEADING\"",
    "\"TRAILING_\"",
    "\"HAS-DASH\"",
    "\"HAS SPACE\"",
    "\"ÜMLAUT\"",
    "\"1LEADING_DIGIT\"",
    "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"",
    "b\"BYTES\"",
    "BARE_IDENT",
    "r\"RAW\"x",
    "7",
];
const BAD_MESSAGES: &[&str] = &[
    "\"{nope}\"",
    "\"{\"",
    "\"}\"",
    "\"{}\"",
    "\"{ }\"",
    "\"{a{b}}\"",
    "\"{x:1$}\"",
    "\"{:?}\"",
    "\"{a-b}\"",
    "\"{99}\"",
    "5",
    "b\"bytes\"",
    "'c'",
    "concat!(\"a\", \"b\")",
];
const UNKNOWN_KEYS: &[&str] = &[
    "colour",
    "Code",
    "codes",
    "http_status",
    "retry",
    "self",
    "r#code",
];
const REQUIRED_KEYS: &[&str] = &["code", "key", "status"];
const REPEATABLE_KEYS: &[&str] = &["code", "key", "status", "retryable", "message"];
const FLAGS: &[&str] = &["retryable", "transparent"];
const BAD_RETRY_AFTERS: &[&str] = &["0", "-5", "\"30\"", "4294967296", "1.5"];
const BARE_APIS: &[&str] = &["#[api]", "#[api = 1]", "#[api = \"code\"]"];
const MANGLED_ENTRIES: &[&str] = &[
    "code 11",
    "code(11)",
    "key \"X\"",
    "status: 400",
    "= 5",
    "\"code\" = 1",
    ",,",
    "a::b = 1",
    "code = 1 = 2",
];
const ERROR_KEYS: &[&str] = &["code", "key", "status", "message", "transparent"];
/// `reserved` written wrong, as it stands in `#[api(...)]`.
const BAD_RESERVED: &[&str] = &[
    "reserved(0)",
    "reserved(9..=3)",
    "reserved(1..3)",
    "reserved(OLD_KEY)",
    "reserved(1u8)",
    "reserved = 5",
    "reserved",
    "reserved(1,, 2)",
    "published = 5",
    "published",
];
const BAD_RANGES: &[&str] = &[
    "5..=1",
    "0..=5",
    "1..5",
    "..=5",
    "\"1..=5\"",
    "1..=65536",
    "1..=",
    "1 ..= 2 ..= 3",
    "-1..=5",
];
const GENERIC_INNER: &[&str] = &["T", "Vec<T>", "Box<Self>", "[T; 2]"];

/// A mistake made in an error that declares its own code.
#[derive(Clone, Debug)]
enum Mistake {
    BadCode(&'static str),
    BadStatus(&'static str),
    BadKey(&'static str),
    BadMessage(&'static str),
    MissingKey(&'static str),
    NoMessageNorDoc,
    UnknownKey(&'static str),
    /// The key twice (`retryable`, or a flag the error lacks, three times).
    RepeatedKey(&'static str),
    FlagWithValue(&'static str),
    BadRetryAfter(&'static str),
    TransparentBesideKeys,
    TransparentOver(Fields),
    DomainAsString,
    /// A code just below (if possible) or above the declared range.
    CodeOutsideRange {
        below: bool,
    },
    /// A copy of the error under another name, with the same code or the same key.
    Twin {
        same_code: bool,
    },
    BareApi(&'static str),
    MangledEntry(&'static str),
    ErrorKeyOnType(&'static str),
    /// A malformed range, or (`beside_scope`, when the type has a range) a second one.
    BadRange {
        range: &'static str,
        beside_scope: bool,
    },
    GenericTransparent(&'static str),
    /// A malformed `reserved(…)` or `published`, on the type.
    BadContract(&'static str),
    Union,
    NoApi,
    AbsentField,
    Several,
    /// `details`, a field's key, on the error itself.
    DetailsOnError,
}

/// A mistake made on the type, for a declaration with no error of its own to break.
#[derive(Clone, Copy, Debug)]
enum TypeMistake {
    Union,
    UnknownDomain,
    CodeOnType,
    Undeclared,
}

fn mistake() -> impl Strategy<Value = Mistake> {
    prop_oneof![
        select(BAD_CODES).prop_map(Mistake::BadCode),
        select(BAD_STATUSES).prop_map(Mistake::BadStatus),
        select(BAD_KEYS).prop_map(Mistake::BadKey),
        select(BAD_MESSAGES).prop_map(Mistake::BadMessage),
        select(REQUIRED_KEYS).prop_map(Mistake::MissingKey),
        Just(Mistake::NoMessageNorDoc),
        select(UNKNOWN_KEYS).prop_map(Mistake::UnknownKey),
        select(REPEATABLE_KEYS).prop_map(Mistake::RepeatedKey),
        select(FLAGS).prop_map(Mistake::FlagWithValue),
        select(BAD_RETRY_AFTERS).prop_map(Mistake::BadRetryAfter),
        Just(Mistake::TransparentBesideKeys),
        prop_oneof![
            Just(Fields::Unit),
            Just(Fields::Tuple(vec!["Inner", "Other"])),
            Just(Fields::Named(Vec::new())),
        ]
        .prop_map(Mistake::TransparentOver),
        Just(Mistake::DomainAsString),
        any::<bool>().prop_map(|below| Mistake::CodeOutsideRange { below }),
        any::<bool>().prop_map(|same_code| Mistake::Twin { same_code }),
        select(BARE_APIS).prop_map(Mistake::BareApi),
        select(MANGLED_ENTRIES).prop_map(Mistake::MangledEntry),
        select(ERROR_KEYS).prop_map(Mistake::ErrorKeyOnType),
        (select(BAD_RANGES), any::<bool>()).prop_map(|(range, beside_scope)| Mistake::BadRange {
            range,
            beside_scope
        }),
        select(GENERIC_INNER).prop_map(Mistake::GenericTransparent),
        select(BAD_RESERVED).prop_map(Mistake::BadContract),
        Just(Mistake::Union),
        Just(Mistake::NoApi),
        Just(Mistake::AbsentField),
        Just(Mistake::Several),
        Just(Mistake::DetailsOnError),
    ]
}

fn type_mistake() -> impl Strategy<Value = TypeMistake> {
    prop_oneof![
        Just(TypeMistake::Union),
        Just(TypeMistake::UnknownDomain),
        Just(TypeMistake::CodeOnType),
        Just(TypeMistake::Undeclared),
    ]
}

/// A declaration with at least one mistake.
pub(super) fn with_a_mistake() -> impl Strategy<Value = Decl> {
    (well_formed(), mistake(), type_mistake())
        .prop_map(|(decl, mistake, type_mistake)| make(decl, mistake, type_mistake))
}

fn set(error: &mut Error, key: &str, value: &str) {
    for entry in error.api.iter_mut().flatten() {
        if entry.key == key {
            entry.value = Some(value.to_owned());
        }
    }
}

fn remove(error: &mut Error, key: &str) {
    for entries in &mut error.api {
        entries.retain(|entry| entry.key != key);
    }
}

fn make(mut decl: Decl, mistake: Mistake, type_mistake: TypeMistake) -> Decl {
    let own = decl
        .errors
        .iter()
        .position(|error| error.api.iter().flatten().any(|entry| entry.key == "code"));
    let Some(own) = own else {
        make_on_type(&mut decl, type_mistake);
        return decl;
    };
    let error = &mut decl.errors[own];
    match mistake {
        Mistake::BadCode(code) => set(error, "code", code),
        Mistake::BadStatus(status) => set(error, "status", status),
        Mistake::BadKey(key) => set(error, "key", key),
        Mistake::BadMessage(message) => error.api[0].push(entry("message", message)),
        Mistake::MissingKey(key) => remove(error, key),
        Mistake::NoMessageNorDoc => {
            remove(error, "message");
            error.doc = None;
        }
        Mistake::UnknownKey(key) => error.api[0].push(entry(key, "1")),
        Mistake::RepeatedKey(key) => {
            let duplicate = error
                .api
                .iter()
                .flatten()
                .find(|entry| entry.key == key)
                .cloned();
            let duplicate = duplicate.unwrap_or_else(|| flag("retryable"));
            let twice = if duplicate.key == "retryable" { 2 } else { 1 };
            for _ in 0..twice {
                error
                    .api
                    .last_mut()
                    .expect("an error with a code has an attribute")
                    .push(duplicate.clone());
            }
        }
        Mistake::FlagWithValue(key) => error.api[0].push(entry(key, "true")),
        Mistake::DetailsOnError => error.api[0].push(flag("details")),
        Mistake::BadRetryAfter(seconds) => error.api[0].push(entry("retry_after", seconds)),
        Mistake::TransparentBesideKeys => {
            error.api[0].push(flag("transparent"));
            error.fields = Fields::Tuple(vec!["Inner"]);
        }
        Mistake::TransparentOver(fields) => {
            error.api = vec![vec![flag("transparent")]];
            error.fields = fields;
        }
        Mistake::DomainAsString => {
            error.api[0].push(entry("domain", "\"trading\""));
            if decl.kind == Kind::Struct {
                // A struct may carry a domain; a repeated one is the mistake there.
                decl.errors[own].api[0].push(entry("domain", "\"generic\""));
            }
        }
        Mistake::CodeOutsideRange { below } => {
            let Some((first, last)) = decl.bounds else {
                decl.type_api.push(entry("domain", "\"no_such_domain\""));
                if decl.kind == Kind::Struct {
                    let moved = std::mem::take(&mut decl.type_api);
                    decl.errors[own].api[0].extend(moved);
                }
                return decl;
            };
            let outside = if first > 1 && below {
                first - 1
            } else {
                last.saturating_add(1)
            };
            if outside == last {
                // `last` is 65535: no code above it, break the status instead.
                set(error, "status", "200");
            } else {
                set(error, "code", &outside.to_string());
            }
        }
        Mistake::Twin { same_code } => {
            let copy = error.clone();
            let key = copy
                .api
                .iter()
                .flatten()
                .find(|entry| entry.key == "key")
                .cloned();
            if decl.kind == Kind::Enum {
                let mut twin = copy;
                twin.name.push_str("Twin");
                if same_code {
                    // Same code, fresh key.
                    for entry in twin.api.iter_mut().flatten() {
                        if entry.key == "key" {
                            entry.value = Some("\"TWIN_KEY_WITH_NEW_NAME\"".to_owned());
                        }
                    }
                } else if let Some(key) = key {
                    // Same key, fresh code.
                    for entry in twin.api.iter_mut().flatten() {
                        if entry.key == "code" {
                            let code: u16 =
                                entry.value.as_deref().unwrap_or("1").parse().unwrap_or(1);
                            let (first, last) = decl.bounds.unwrap_or((1, u16::MAX));
                            let fresh = (first..=last).find(|candidate| *candidate != code);
                            entry.value = Some(fresh.unwrap_or(1).to_string());
                        }
                    }
                    twin.api.iter_mut().flatten().for_each(|entry| {
                        if entry.key == "key" {
                            entry.value.clone_from(&key.value);
                        }
                    });
                }
                decl.errors.push(twin);
            } else {
                error.api[0].push(entry("code", "7"));
            }
        }
        Mistake::BareApi(attr) => error.raw_attrs.push(attr.to_owned()),
        Mistake::MangledEntry(mangled) => error.api[0].push(Entry {
            key: mangled.to_owned(),
            value: None,
        }),
        Mistake::ErrorKeyOnType(key) => {
            if decl.kind == Kind::Enum {
                decl.type_api.push(entry(key, "1"));
            } else {
                error.api[0].push(entry("colour", "\"blue\""));
            }
        }
        Mistake::BadContract(written) => {
            let target = if decl.kind == Kind::Enum {
                &mut decl.type_api
            } else {
                &mut decl.errors[own].api[0]
            };
            target.push(flag(written));
        }
        Mistake::BadRange {
            range,
            beside_scope,
        } => {
            let repeat = decl.bounds.is_some() && beside_scope;
            let target = if decl.kind == Kind::Enum {
                &mut decl.type_api
            } else {
                &mut decl.errors[own].api[0]
            };
            if repeat {
                // A declared range next to an existing domain or range: one of them repeats or conflicts.
                target.push(entry("range", "1..=65535"));
            } else {
                target.retain(|entry| entry.key != "range" && entry.key != "domain");
                target.push(entry("range", range));
            }
        }
        Mistake::GenericTransparent(inner) => {
            decl.generics = ("<T>", "");
            if decl.kind == Kind::Enum {
                decl.errors.push(Error {
                    name: "Wrapped".to_owned(),
                    doc: None,
                    api: vec![vec![flag("transparent")]],
                    raw_attrs: Vec::new(),
                    fields: Fields::Tuple(vec![inner]),
                });
            } else {
                decl.kind = Kind::Union;
            }
        }
        Mistake::Union => decl.kind = Kind::Union,
        Mistake::NoApi => error.api.clear(),
        Mistake::AbsentField => {
            // An interpolated field the error does not have.
            error.fields = Fields::Named(vec![("present", "u8")]);
            remove(error, "message");
            error.api[0].push(entry("message", "\"{absent}\""));
        }
        Mistake::Several => {
            set(error, "code", "0");
            set(error, "status", "700");
            set(error, "key", "\"bad key\"");
        }
    }
    decl
}

fn make_on_type(decl: &mut Decl, mistake: TypeMistake) {
    match mistake {
        TypeMistake::Union => decl.kind = Kind::Union,
        TypeMistake::UnknownDomain => decl.type_api.push(entry("domain", "\"no_such_domain\"")),
        TypeMistake::CodeOnType => decl.type_api.push(entry("code", "1")),
        TypeMistake::Undeclared => {
            decl.errors.push(Error {
                name: "Undeclared".to_owned(),
                doc: Some(" no attribute".to_owned()),
                api: Vec::new(),
                raw_attrs: Vec::new(),
                fields: Fields::Unit,
            });
            if decl.kind == Kind::Struct {
                decl.errors.swap(0, 1);
            }
        }
    }
}
