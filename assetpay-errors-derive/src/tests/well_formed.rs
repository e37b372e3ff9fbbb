//! Strategies for well-formed declarations, which the derive must accept.
//!
//! Each error's random choices are drawn on their own (`ErrorChoices`) and fitted to the
//! declaration around them by a plain function, so shrinking a failing case keeps it well-formed:
//! fewer errors, simpler fields, earlier codes, never a declaration the generator would not make.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

use super::declaration::{Decl, Error, Fields, Kind, entry, flag};

const FIELD_SETS: &[&[(&str, &str)]] = &[
    &[("id", "u32")],
    &[("r#type", "String"), ("limit", "u64")],
    &[("name", "&'static str"), ("value", "T")],
    &[("source", "std::io::Error")],
];
const TUPLE_SETS: &[&[&str]] = &[&["String"], &["u16", "bool"], &["Vec<u8>"]];
/// Generic parameters, and the where clause that goes after them (or after tuple fields); no
/// generics twice as often as each other shape.
const GENERICS: &[(&str, &str)] = &[
    ("", ""),
    ("", ""),
    ("<T: core::fmt::Display>", ""),
    ("<'a, T>", "where T: Clone + 'a"),
    ("<T = u8, const N: usize = 3>", "where [u8; N]: Sized"),
];
/// Domain constants as a user names them, with the codes they own. The derive cannot see a
/// domain's range (rustc checks it during constant evaluation), so these only pick the codes.
const DOMAINS: &[(&str, u16, u16)] = &[
    ("::assetpay_errors::Domain::TRADING", 1, 99),
    ("Domain::GENERIC", 1000, 1099),
    ("crate::domains::PAYMENTS", 3000, 3099),
];
const TRANSPARENT_INNER: &[&str] = &["inner::Inner", "Other", "crate::E"];
const HARMLESS_ATTRS: &[&str] = &["#[cfg(all())]", "#[deprecated]", "#[allow(dead_code)]"];
/// Keys an error can carry: `code`, `key`, `status`, `message` and one retry key.
const MOST_KEYS: usize = 5;

/// Which codes a declaration's errors use, and the type attribute that says so.
#[derive(Clone, Copy, Debug)]
enum Scope {
    Open,
    Domain(&'static str, u16, u16),
    Range(u16, u16),
}

fn scope() -> impl Strategy<Value = Scope> {
    prop_oneof![
        Just(Scope::Open),
        select(DOMAINS).prop_map(|(path, first, last)| Scope::Domain(path, first, last)),
        (1..=60_000u16, 10..=200u16).prop_map(|(first, width)| Scope::Range(first, first + width)),
    ]
}

#[derive(Clone, Copy, Debug)]
enum Retry {
    Never,
    Retryable,
    After(u16),
}

/// The random choices behind one error, before `declaration` fits them to the type.
#[derive(Clone, Debug)]
struct ErrorChoices {
    fields: Fields,
    /// In an enum, the error is `#[api(transparent)]` over this type instead.
    transparent_over: Option<&'static str>,
    /// Where the code falls in the declaration's codes.
    code: Index,
    key_suffix: u16,
    status: u16,
    doc: bool,
    /// Whether an error with a doc comment also has a `message`.
    message_beside_doc: bool,
    retry: Retry,
    /// A Fisher-Yates shuffle of the keys: position `i` swaps with `key_order[i]`.
    key_order: [Index; MOST_KEYS],
    /// Whether the keys are split over two `#[api(...)]` attributes.
    split: bool,
    /// In an enum, an attribute the derive must leave alone.
    raw_attr: Option<&'static str>,
}

fn fields() -> impl Strategy<Value = Fields> {
    prop_oneof![
        2 => Just(Fields::Unit),
        1 => select(TUPLE_SETS).prop_map(|types| Fields::Tuple(types.to_vec())),
        1 => select(FIELD_SETS).prop_map(|fields| Fields::Named(fields.to_vec())),
    ]
}

fn retry() -> impl Strategy<Value = Retry> {
    prop_oneof![
        2 => Just(Retry::Never),
        1 => Just(Retry::Retryable),
        1 => (1..=3600u16).prop_map(Retry::After),
    ]
}

prop_compose! {
    fn error_choices()(
        fields in fields(),
        transparent_over in prop::option::weighted(0.1, select(TRANSPARENT_INNER)),
        code in any::<Index>(),
        key_suffix in 0..1000u16,
        status in 400..=599u16,
        doc in prop::bool::weighted(0.6),
        message_beside_doc in any::<bool>(),
        retry in retry(),
        key_order in prop::array::uniform::<_, MOST_KEYS>(any::<Index>()),
        split in prop::bool::weighted(0.2),
        raw_attr in prop::option::weighted(0.1, select(HARMLESS_ATTRS)),
    ) -> ErrorChoices {
        ErrorChoices {
            fields,
            transparent_over,
            code,
            key_suffix,
            status,
            doc,
            message_beside_doc,
            retry,
            key_order,
            split,
            raw_attr,
        }
    }
}

/// A well-formed declaration: four in five an enum of up to five errors, else a struct.
pub(super) fn well_formed() -> impl Strategy<Value = Decl> {
    let shape = prop_oneof![
        4 => vec(error_choices(), 0..6).prop_map(|errors| (Kind::Enum, errors)),
        1 => error_choices().prop_map(|error| (Kind::Struct, vec![error])),
    ];
    (
        scope(),
        shape,
        select(GENERICS),
        0..100u8,
        prop::bool::weighted(0.2),
    )
        .prop_map(|(scope, (kind, choices), generics, number, reserves)| {
            declaration(scope, kind, &choices, generics, number, reserves)
        })
}

fn declaration(
    scope: Scope,
    kind: Kind,
    choices: &[ErrorChoices],
    generics: (&'static str, &'static str),
    number: u8,
    reserves: bool,
) -> Decl {
    let mut type_api = Vec::new();
    // `bounds` are the ones the derive itself checks: a declared range's.
    let (bounds, (first, last)) = match scope {
        Scope::Open => (None, (1, u16::MAX)),
        Scope::Domain(path, first, last) => {
            type_api.push(entry("domain", path));
            (None, (first, last))
        }
        Scope::Range(first, last) => {
            type_api.push(entry("range", format!("{first}..={last}")));
            (Some((first, last)), (first, last))
        }
    };
    let mut codes: Vec<u16> = Vec::new();
    let mut errors = Vec::new();
    for (index, choice) in choices.iter().enumerate() {
        let fields = match (&choice.fields, generics.0.contains('T')) {
            // A field of type `T` only where the declaration has a `T`.
            (Fields::Named(named), false) if named.iter().any(|(_, ty)| *ty == "T") => Fields::Unit,
            (fields, _) => fields.clone(),
        };
        let name = format!("Variant{index}");
        if let (Kind::Enum, Some(inner)) = (kind, choice.transparent_over) {
            errors.push(Error {
                name,
                doc: None,
                api: vec![vec![flag("transparent")]],
                raw_attrs: Vec::new(),
                fields: Fields::Tuple(vec![inner]),
            });
            continue;
        }
        let offset = choice.code.index(usize::from(last - first) + 1);
        let mut code = first + u16::try_from(offset).expect("an offset within the code range");
        while codes.contains(&code) {
            code = if code == last { first } else { code + 1 };
        }
        codes.push(code);
        let mut api = vec![
            entry("code", code.to_string()),
            entry("key", format!("\"KEY_{index}_{}\"", choice.key_suffix)),
            entry("status", choice.status.to_string()),
        ];
        let placeholders = fields.placeholders();
        let doc = choice
            .doc
            .then(|| format!(" The error number {index}.\n\n More words."));
        if doc.is_none() || choice.message_beside_doc {
            let message = match placeholders.as_slice() {
                [] => "Nothing to fill in, {{braces}} stay".to_owned(),
                [only] => format!("Value {{{only}}} is wrong"),
                [one, two, ..] => format!("{{{one}:?}} and {{{two}:>8}}, {{{one}}} again"),
            };
            api.push(entry("message", format!("{message:?}")));
        }
        match choice.retry {
            Retry::Retryable => api.push(flag("retryable")),
            Retry::After(seconds) => api.push(entry("retry_after", seconds.to_string())),
            Retry::Never => {}
        }
        // Keys in any order, sometimes split over two attributes.
        for position in (1..api.len()).rev() {
            api.swap(position, choice.key_order[position].index(position + 1));
        }
        let api = if api.len() > 1 && choice.split {
            let second = api.split_off(api.len() / 2);
            vec![api, second]
        } else {
            vec![api]
        };
        let raw_attrs = match (kind, choice.raw_attr) {
            (Kind::Enum, Some(attr)) => vec![attr.to_owned()],
            _ => Vec::new(),
        };
        errors.push(Error {
            name,
            doc,
            api,
            raw_attrs,
            fields,
        });
    }
    if reserves {
        // A retired key no generated error uses, and a retired code none uses, when one is free.
        let free = (first..=last).find(|code| !codes.contains(code));
        let retired = match free {
            Some(code) => format!("reserved({code}, \"RETIRED_KEY\")"),
            None => "reserved(\"RETIRED_KEY\")".to_owned(),
        };
        type_api.push(flag(&retired));
    }
    if kind == Kind::Struct {
        // A struct carries `domain`/`range` next to its error keys, not in a separate list.
        errors[0].api[0].append(&mut type_api);
    }
    Decl {
        kind,
        name: format!("Declared{number}"),
        generics,
        type_api,
        bounds,
        errors,
    }
}
