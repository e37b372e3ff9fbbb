//! The derive must never panic: a panic reaches the user as "proc-macro derive panicked", with no
//! span and no hint of what to fix. These tests feed `expand::derive` thousands of generated
//! inputs, from a seeded PRNG so a failure reproduces: well-formed declarations, declarations
//! with one definite mistake, and both after random token surgery (dropped, repeated and foreign
//! tokens, truncated streams, swapped delimiters, nested groups) or cut off mid-text.
//!
//! Every output must be non-empty and parse as a sequence of items (what the compiler expects
//! from a derive); a declaration with a mistake must produce `compile_error!`, a well-formed one
//! must not.

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;

use proc_macro2::{Delimiter, Group, Literal, Punct, Spacing, TokenStream, TokenTree};

/// xorshift64*: small, seeded, good enough to pick among alternatives.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn range(&mut self, first: u16, last: u16) -> u16 {
        first + (self.next() % (u64::from(last - first) + 1)) as u16
    }
}

/// What the derive must answer for a generated input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// A well-formed declaration: no `compile_error!`.
    Accept,
    /// A declaration with at least one mistake: `compile_error!`.
    Reject,
    /// Mangled at random: anything but a panic or malformed output.
    Unknown,
}

#[derive(Clone)]
enum Fields {
    Unit,
    Tuple(Vec<&'static str>),
    Named(Vec<(&'static str, &'static str)>),
}

impl Fields {
    /// How a message template names each field.
    fn placeholders(&self) -> Vec<String> {
        match self {
            Fields::Unit => Vec::new(),
            Fields::Tuple(types) => (0..types.len()).map(|index| index.to_string()).collect(),
            Fields::Named(fields) => fields
                .iter()
                .map(|(name, _)| name.trim_start_matches("r#").to_owned())
                .collect(),
        }
    }

    fn render(&self, out: &mut String, terminated: bool) {
        match self {
            Fields::Unit => {
                if terminated {
                    out.push(';');
                }
            }
            Fields::Tuple(types) => {
                let _ = write!(out, "({})", types.join(", "));
                if terminated {
                    out.push(';');
                }
            }
            Fields::Named(fields) => {
                out.push_str(" { ");
                for (name, ty) in fields {
                    let _ = write!(out, "{name}: {ty}, ");
                }
                out.push('}');
            }
        }
    }
}

/// One `key` or `key = value` inside `#[api(...)]`, kept as text.
#[derive(Clone)]
struct Entry {
    key: String,
    value: Option<String>,
}

fn entry(key: &str, value: impl Into<String>) -> Entry {
    Entry {
        key: key.to_owned(),
        value: Some(value.into()),
    }
}

fn flag(key: &str) -> Entry {
    Entry {
        key: key.to_owned(),
        value: None,
    }
}

#[derive(Clone)]
struct Error {
    name: String,
    doc: Option<String>,
    /// One `#[api(...)]` per inner vector; `None` for no attribute at all.
    api: Vec<Vec<Entry>>,
    /// Attributes written verbatim, such as `#[api]` or `#[cfg(all())]`.
    raw_attrs: Vec<String>,
    fields: Fields,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Enum,
    Struct,
    Union,
}

#[derive(Clone)]
struct Decl {
    kind: Kind,
    name: String,
    generics: (&'static str, &'static str),
    type_api: Vec<Entry>,
    /// Inclusive code range the declaration's own codes must use, if it declares one.
    bounds: Option<(u16, u16)>,
    errors: Vec<Error>,
}

impl Decl {
    fn render(&self) -> String {
        let mut out = String::new();
        if self.kind != Kind::Enum {
            // A struct declares its error on the type itself.
            if let Some(error) = self.errors.first() {
                render_error_attrs(&mut out, error, &self.type_api);
            }
        } else if !self.type_api.is_empty() {
            render_api(&mut out, &self.type_api);
        }
        let keyword = match self.kind {
            Kind::Enum => "enum",
            Kind::Struct => "struct",
            Kind::Union => "union",
        };
        let (params, where_clause) = self.generics;
        let _ = write!(out, "pub {keyword} {}{params} ", self.name);
        match self.kind {
            Kind::Enum => {
                let _ = write!(out, "{where_clause} {{ ");
                for error in &self.errors {
                    render_error_attrs(&mut out, error, &[]);
                    out.push_str(&error.name);
                    error.fields.render(&mut out, false);
                    out.push_str(", ");
                }
                out.push('}');
            }
            Kind::Struct | Kind::Union => {
                let fields = self
                    .errors
                    .first()
                    .map_or(Fields::Unit, |error| error.fields.clone());
                let fields = match (self.kind, fields) {
                    // A union needs named fields to lex as one.
                    (Kind::Union, _) => Fields::Named(vec![("bits", "u32")]),
                    (_, fields) => fields,
                };
                match fields {
                    Fields::Tuple(_) => {
                        fields.render(&mut out, false);
                        let _ = write!(out, " {where_clause};");
                    }
                    _ => {
                        out.push_str(where_clause);
                        fields.render(&mut out, true);
                    }
                }
            }
        }
        out
    }
}

fn render_api(out: &mut String, entries: &[Entry]) {
    out.push_str("#[api(");
    for entry in entries {
        out.push_str(&entry.key);
        if let Some(value) = &entry.value {
            let _ = write!(out, " = {value}");
        }
        out.push_str(", ");
    }
    out.push_str(")] ");
}

fn render_error_attrs(out: &mut String, error: &Error, type_api: &[Entry]) {
    if let Some(doc) = &error.doc {
        let _ = write!(out, "#[doc = {doc:?}] ");
    }
    for attr in &error.raw_attrs {
        out.push_str(attr);
        out.push(' ');
    }
    for (index, entries) in error.api.iter().enumerate() {
        if index == 0 && !type_api.is_empty() {
            let mut merged = type_api.to_vec();
            merged.extend(entries.iter().cloned());
            render_api(out, &merged);
        } else {
            render_api(out, entries);
        }
    }
}

const FIELD_SETS: &[&[(&str, &str)]] = &[
    &[("id", "u32")],
    &[("r#type", "String"), ("limit", "u64")],
    &[("name", "&'static str"), ("value", "T")],
    &[("source", "std::io::Error")],
];
const TUPLE_SETS: &[&[&str]] = &[&["String"], &["u16", "bool"], &["Vec<u8>"]];
/// Generic parameters, and the where clause that goes after them (or after tuple fields).
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

/// A well-formed declaration, which the derive must accept.
fn valid(rng: &mut Rng) -> Decl {
    let mut type_api = Vec::new();
    // `bounds` are the ones the derive itself checks: a declared range's.
    let (bounds, (first, last)) = match rng.below(3) {
        0 => (None, (1, u16::MAX)),
        1 => {
            let (path, first, last) = rng.pick(DOMAINS);
            type_api.push(entry("domain", path));
            (None, (first, last))
        }
        _ => {
            let first = rng.range(1, 60_000);
            let last = first + rng.range(10, 200);
            type_api.push(entry("range", format!("{first}..={last}")));
            (Some((first, last)), (first, last))
        }
    };
    let kind = if rng.chance(80) {
        Kind::Enum
    } else {
        Kind::Struct
    };
    let count = if kind == Kind::Struct {
        1
    } else {
        rng.below(6)
    };
    let generics = rng.pick(GENERICS);
    let mut codes: Vec<u16> = Vec::new();
    let mut errors = Vec::new();
    for index in 0..count {
        let fields = match rng.below(4) {
            0 | 1 => Fields::Unit,
            2 => Fields::Tuple(rng.pick(TUPLE_SETS).to_vec()),
            _ => Fields::Named(rng.pick(FIELD_SETS).to_vec()),
        };
        let fields = match (&fields, generics.0.contains('T')) {
            // A field of type `T` only where the declaration has a `T`.
            (Fields::Named(named), false) if named.iter().any(|(_, ty)| *ty == "T") => Fields::Unit,
            _ => fields,
        };
        let name = format!("Variant{index}");
        if kind == Kind::Enum && rng.chance(10) {
            errors.push(Error {
                name,
                doc: None,
                api: vec![vec![flag("transparent")]],
                raw_attrs: Vec::new(),
                fields: Fields::Tuple(vec![rng.pick(&["inner::Inner", "Other", "crate::E"])]),
            });
            continue;
        }
        let mut code = rng.range(first, last);
        while codes.contains(&code) {
            code = if code == last { first } else { code + 1 };
        }
        codes.push(code);
        let mut api = vec![
            entry("code", code.to_string()),
            entry("key", format!("\"KEY_{index}_{}\"", rng.below(1000))),
            entry("status", rng.range(400, 599).to_string()),
        ];
        let placeholders = fields.placeholders();
        let doc = rng
            .chance(60)
            .then(|| format!(" The error number {index}.\n\n More words."));
        if doc.is_none() || rng.chance(50) {
            let message = match placeholders.as_slice() {
                [] => "Nothing to fill in, {{braces}} stay".to_owned(),
                [only] => format!("Value {{{only}}} is wrong"),
                [one, two, ..] => format!("{{{one}:?}} and {{{two}:>8}}, {{{one}}} again"),
            };
            api.push(entry("message", format!("{message:?}")));
        }
        match rng.below(4) {
            0 => api.push(flag("retryable")),
            1 => api.push(entry("retry_after", rng.range(1, 3600).to_string())),
            _ => {}
        }
        // Keys in any order, sometimes split over two attributes.
        for index in (1..api.len()).rev() {
            api.swap(index, rng.below(index + 1));
        }
        let api = if api.len() > 1 && rng.chance(20) {
            let second = api.split_off(api.len() / 2);
            vec![api, second]
        } else {
            vec![api]
        };
        let mut raw_attrs = Vec::new();
        if kind == Kind::Enum && rng.chance(10) {
            raw_attrs.push(
                rng.pick(&["#[cfg(all())]", "#[deprecated]", "#[allow(dead_code)]"])
                    .to_owned(),
            );
        }
        errors.push(Error {
            name,
            doc,
            api,
            raw_attrs,
            fields,
        });
    }
    if kind == Kind::Struct {
        // A struct carries `domain`/`range` next to its error keys, not in a separate list.
        errors[0].api[0].append(&mut type_api);
    }
    Decl {
        kind,
        name: format!("Declared{}", rng.below(100)),
        generics,
        type_api,
        bounds,
        errors,
    }
}

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

/// A well-formed declaration with one definite mistake, which the derive must reject.
fn invalid(rng: &mut Rng) -> Decl {
    let mut decl = valid(rng);
    // Mistakes are made in the first error that declares its own code (if any).
    let own = decl
        .errors
        .iter()
        .position(|error| error.api.iter().flatten().any(|entry| entry.key == "code"));
    let choice = rng.below(24);
    let Some(own) = own else {
        // Nothing to break inside an error: break the type instead.
        match choice % 4 {
            0 => decl.kind = Kind::Union,
            1 => decl.type_api.push(entry("domain", "\"no_such_domain\"")),
            2 => decl.type_api.push(entry("code", "1")),
            _ => {
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
        return decl;
    };
    let error = &mut decl.errors[own];
    let set = |error: &mut Error, key: &str, value: &str| {
        for entry in error.api.iter_mut().flatten() {
            if entry.key == key {
                entry.value = Some(value.to_owned());
            }
        }
    };
    let remove = |error: &mut Error, key: &str| {
        for entries in &mut error.api {
            entries.retain(|entry| entry.key != key);
        }
    };
    match choice {
        0 => set(error, "code", rng.pick(BAD_CODES)),
        1 => set(error, "status", rng.pick(BAD_STATUSES)),
        2 => set(error, "key", rng.pick(BAD_KEYS)),
        3 => error.api[0].push(entry("message", rng.pick(BAD_MESSAGES))),
        4 => remove(error, rng.pick(&["code", "key", "status"])),
        5 => {
            remove(error, "message");
            error.doc = None;
        }
        6 => {
            let key = rng.pick(UNKNOWN_KEYS);
            error.api[0].push(entry(key, "1"));
        }
        7 => {
            let key = rng.pick(&["code", "key", "status", "retryable", "message"]);
            let duplicate = error
                .api
                .iter()
                .flatten()
                .find(|entry| entry.key == key)
                .cloned();
            let duplicate = duplicate.unwrap_or_else(|| flag("retryable"));
            let twice = if duplicate.key == "retryable" { 2 } else { 1 };
            for _ in 0..twice {
                error.api.last_mut().unwrap().push(duplicate.clone());
            }
        }
        8 => error.api[0].push(entry(rng.pick(&["retryable", "transparent"]), "true")),
        9 => error.api[0].push(entry(
            "retry_after",
            rng.pick(&["0", "-5", "\"30\"", "4294967296", "1.5"]),
        )),
        10 => {
            error.api[0].push(flag("transparent"));
            error.fields = Fields::Tuple(vec!["Inner"]);
        }
        11 => {
            error.api = vec![vec![flag("transparent")]];
            error.fields = match rng.below(3) {
                0 => Fields::Unit,
                1 => Fields::Tuple(vec!["Inner", "Other"]),
                _ => Fields::Named(Vec::new()),
            };
        }
        12 => {
            error.api[0].push(entry("domain", "\"trading\""));
            if decl.kind == Kind::Struct {
                // A struct may carry a domain; a repeated one is the mistake there.
                decl.errors[own].api[0].push(entry("domain", "\"generic\""));
            }
        }
        13 => {
            let Some((first, last)) = decl.bounds else {
                decl.type_api.push(entry("domain", "\"no_such_domain\""));
                if decl.kind == Kind::Struct {
                    let moved = std::mem::take(&mut decl.type_api);
                    decl.errors[own].api[0].extend(moved);
                }
                return decl;
            };
            let outside = if first > 1 && rng.chance(50) {
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
        14 => {
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
                if rng.chance(50) {
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
        15 => error.raw_attrs.push(
            rng.pick(&["#[api]", "#[api = 1]", "#[api = \"code\"]"])
                .to_owned(),
        ),
        16 => {
            let mangled = rng.pick(&[
                "code 11",
                "code(11)",
                "key \"X\"",
                "status: 400",
                "= 5",
                "\"code\" = 1",
                ",,",
                "a::b = 1",
                "code = 1 = 2",
            ]);
            error.api[0].push(Entry {
                key: mangled.to_owned(),
                value: None,
            });
        }
        17 => {
            if decl.kind == Kind::Enum {
                decl.type_api.push(entry(
                    rng.pick(&["code", "key", "status", "message", "transparent"]),
                    "1",
                ));
            } else {
                error.api[0].push(entry("colour", "\"blue\""));
            }
        }
        18 => {
            let range = rng.pick(&[
                "5..=1",
                "0..=5",
                "1..5",
                "..=5",
                "\"1..=5\"",
                "1..=65536",
                "1..=",
                "1 ..= 2 ..= 3",
                "-1..=5",
            ]);
            let domain = decl.bounds.is_some() && rng.chance(50);
            let target = if decl.kind == Kind::Enum {
                &mut decl.type_api
            } else {
                &mut decl.errors[own].api[0]
            };
            if domain {
                // A declared range next to an existing domain or range: one of them repeats or conflicts.
                target.push(entry("range", "1..=65535"));
            } else {
                target.retain(|entry| entry.key != "range" && entry.key != "domain");
                target.push(entry("range", range));
            }
        }
        19 => {
            decl.generics = ("<T>", "");
            if decl.kind == Kind::Enum {
                decl.errors.push(Error {
                    name: "Wrapped".to_owned(),
                    doc: None,
                    api: vec![vec![flag("transparent")]],
                    raw_attrs: Vec::new(),
                    fields: Fields::Tuple(vec![rng.pick(&["T", "Vec<T>", "Box<Self>", "[T; 2]"])]),
                });
            } else {
                decl.kind = Kind::Union;
            }
        }
        20 => decl.kind = Kind::Union,
        21 => error.api.clear(),
        22 => {
            // An interpolated field the error does not have.
            error.fields = Fields::Named(vec![("present", "u8")]);
            remove(error, "message");
            error.api[0].push(entry("message", "\"{absent}\""));
        }
        _ => {
            // Several mistakes at once.
            set(error, "code", "0");
            set(error, "status", "700");
            set(error, "key", "\"bad key\"");
        }
    }
    decl
}

/// Random surgery on a token stream, at every nesting level.
fn mutate(rng: &mut Rng, stream: TokenStream, depth: usize) -> TokenStream {
    let mut tokens: Vec<TokenTree> = stream.into_iter().collect();
    let mut out = Vec::with_capacity(tokens.len() + 2);
    let truncate_at = rng.chance(5).then(|| rng.below(tokens.len() + 1));
    if let Some(at) = truncate_at {
        tokens.truncate(at);
    }
    for token in tokens {
        match rng.below(100) {
            0..=2 => continue,
            3..=4 => {
                out.push(token.clone());
                out.push(token);
                continue;
            }
            5..=6 => out.push(foreign_token(rng, depth)),
            _ => {}
        }
        match token {
            TokenTree::Group(group) => {
                let delimiter = if rng.chance(3) {
                    rng.pick(&[
                        Delimiter::Parenthesis,
                        Delimiter::Bracket,
                        Delimiter::Brace,
                        Delimiter::None,
                    ])
                } else {
                    group.delimiter()
                };
                let inner = if rng.chance(70) {
                    mutate(rng, group.stream(), depth + 1)
                } else {
                    group.stream()
                };
                out.push(TokenTree::Group(Group::new(delimiter, inner)));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

fn foreign_token(rng: &mut Rng, depth: usize) -> TokenTree {
    match rng.below(8) {
        0 => TokenTree::Punct(Punct::new(
            rng.pick(&['=', ',', '#', '-', '.', ':', '!', '\'']),
            Spacing::Alone,
        )),
        1 => TokenTree::Literal(Literal::u64_unsuffixed(rng.next() >> rng.below(64))),
        2 => TokenTree::Literal(Literal::string(
            rng.pick(&["", "{", "}", "{x}", "KEY", "x\0y"]),
        )),
        3 => TokenTree::Literal(Literal::f64_unsuffixed(1.5)),
        4 => TokenTree::Literal(Literal::byte_string(b"\xff")),
        5 => TokenTree::Literal(Literal::i32_suffixed(-7)),
        6 if depth < 4 => {
            let inner = TokenStream::from_str(rng.pick(&[
                "code = 1",
                "api(code = 1)",
                "",
                "#[api]",
                "= = ,",
            ]))
            .unwrap_or_default();
            TokenTree::Group(Group::new(
                rng.pick(&[Delimiter::Parenthesis, Delimiter::Bracket, Delimiter::Brace]),
                inner,
            ))
        }
        _ => TokenTree::Ident(proc_macro2::Ident::new(
            rng.pick(&[
                "api",
                "code",
                "key",
                "status",
                "message",
                "transparent",
                "domain",
                "range",
                "retryable",
                "retry_after",
                "enum",
                "union",
                "type",
                "Self",
            ]),
            proc_macro2::Span::call_site(),
        )),
    }
}

/// Cuts the text at a random character and closes what is still open, so literals and keys end
/// mid-way; texts that no longer lex are skipped by the caller.
fn truncate_text(rng: &mut Rng, text: &str) -> String {
    let mut cut = rng.below(text.len() + 1);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut out = text[..cut].to_owned();
    let mut open = Vec::new();
    for ch in out.chars() {
        match ch {
            '(' => open.push(')'),
            '[' => open.push(']'),
            '{' => open.push('}'),
            ')' | ']' | '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    while let Some(close) = open.pop() {
        out.push(close);
    }
    out
}

struct Outcome {
    output: String,
    parses_as_items: bool,
}

fn run(tokens: TokenStream) -> Result<Outcome, String> {
    let result = catch_unwind(AssertUnwindSafe(|| crate::expand::derive(tokens)));
    match result {
        Ok(output) => Ok(Outcome {
            parses_as_items: syn::parse2::<syn::File>(output.clone()).is_ok(),
            output: output.to_string(),
        }),
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
            .unwrap_or_default()),
    }
}

#[derive(Default)]
struct Tally {
    inputs: usize,
    skipped: usize,
    accepted: usize,
    rejected: usize,
}

fn check(tally: &mut Tally, seed: u64, text: &str, verdict: Verdict) {
    let Ok(tokens) = TokenStream::from_str(text) else {
        tally.skipped += 1;
        return;
    };
    tally.inputs += 1;
    let outcome = run(tokens).unwrap_or_else(|panic| {
        panic!("the derive panicked ({panic}) on input from seed {seed}:\n{text}")
    });
    assert!(
        !outcome.output.is_empty(),
        "empty output for seed {seed}:\n{text}"
    );
    assert!(
        outcome.parses_as_items,
        "output is not a sequence of items for seed {seed}:\n{text}\n---\n{}",
        outcome.output
    );
    let has_error = outcome.output.contains("compile_error");
    match verdict {
        Verdict::Accept => assert!(
            !has_error,
            "rejected a valid declaration (seed {seed}):\n{text}\n---\n{}",
            outcome.output
        ),
        Verdict::Reject => {
            assert!(
                has_error,
                "accepted a declaration with a mistake (seed {seed}):\n{text}"
            );
            // The stub impl keeps code that uses the type from adding errors of its own.
            assert!(
                outcome.output.contains("ApiError for"),
                "no stub impl next to the errors (seed {seed}):\n{text}\n---\n{}",
                outcome.output
            );
        }
        Verdict::Unknown => {}
    }
    if has_error {
        tally.rejected += 1;
    } else {
        tally.accepted += 1;
    }
}

#[test]
fn thousands_of_generated_inputs_never_panic() {
    let mut tally = Tally::default();
    for seed in 0..1500u64 {
        let mut rng = Rng::new(seed);
        let good = valid(&mut rng).render();
        let bad = invalid(&mut rng).render();
        check(&mut tally, seed, &good, Verdict::Accept);
        check(&mut tally, seed, &bad, Verdict::Reject);
        for source in [&good, &bad] {
            let tokens = TokenStream::from_str(source).expect("generated declarations lex");
            let mangled = mutate(&mut rng, tokens, 0).to_string();
            check(&mut tally, seed, &mangled, Verdict::Unknown);
            let truncated = truncate_text(&mut rng, source);
            check(&mut tally, seed, &truncated, Verdict::Unknown);
        }
    }
    // The generators must exercise both outcomes, and most texts must lex.
    assert!(tally.inputs >= 4000, "only {} inputs lexed", tally.inputs);
    assert!(
        tally.accepted >= 1000 && tally.rejected >= 2000,
        "accepted {}, rejected {}",
        tally.accepted,
        tally.rejected
    );
    assert!(tally.skipped < tally.inputs);
}

#[test]
fn hand_picked_oddities_never_panic() {
    let cases: &[&str] = &[
        "",
        "enum",
        "enum E",
        "enum E {}",
        "struct S;",
        "union U { a: u8 }",
        "#[api] enum E {}",
        "#[api()] enum E {}",
        "#[api(,)] enum E {}",
        "#[api(domain)] enum E {}",
        "#[api(domain =)] enum E {}",
        "#[api(range = 1..=)] enum E {}",
        "#[api(range = ..)] enum E {}",
        "#[api(range = 65535..=65535)] enum E { #[doc = \"x\"] #[api(code = 65535, key = \"AB\", status = 599)] A }",
        "enum E { #[api(code = 340282366920938463463374607431768211456, key = \"AB\", status = 400)] A }",
        "enum E { #[api(code = 1, key = \"AB\", status = 400, message = \"{0}\")] A() }",
        "enum E { #[api(code = 1, key = \"AB\", status = 400, message = \"{r#type}\")] A { r#type: u8 } }",
        "enum E { #[api(code = 1, key = \"AB\", status = 400, message = \"{4294967296}\")] A(u8) }",
        "enum E { #[api(transparent)] A { inner: Inner } }",
        "enum E { #[api(transparent, transparent)] A(Inner) }",
        "enum E { #[api(code = 1, key = \"AB\", status = 400)] A = 5 }",
        "enum E { #[api(code = 1 key = \"AB\")] A }",
        "enum E { #[api(code = -)] A }",
        "enum E { #[api(code = 'a')] A }",
        "enum E { #[api(message = r#\"{\"#)] A }",
        "enum E { #[api(key = \"\\u{0}\")] A }",
        "enum E { #[api(code = 1_0_0, key = \"AB\", status = 4_0_0)] #[doc = \"d\"] A }",
        "enum E { #[api(code = 0x10, key = \"AB\", status = 0o620)] #[doc = \"d\"] A }",
        "enum E { #[api[code = 1, key = \"AB\", status = 400]] #[doc = \"d\"] A }",
        "enum E { #[api{code = 1}] A }",
        "enum E { #[doc] #[doc = 5] #[doc(hidden)] #[api(code = 1, key = \"AB\", status = 400)] A }",
        "struct S(#[api(code = 1)] u8);",
        "#[api(code = 1, key = \"AB\", status = 400, domain = \"trading\", range = 1..=2)] struct S;",
        "#[api(code = 1, key = \"AB\", status = 400, domain = Domain::TRADING, range = 1..=2)] struct S;",
        "#[api(domain = ::)] enum E {}",
        "#[api(domain = Domain::<>)] enum E {}",
        "#[api(domain = a::b::<c>::d)] enum E {}",
        "enum E<#[api(code = 1)] T> { #[api(code = 1, key = \"AB\", status = 400)] #[doc = \"d\"] A(T) }",
        "enum E { #[api(code = 1, key = \"AB\", status = 400)] #[doc = \"d\"] A(#[api(code = 2)] u8) }",
        "#[api(transparent)] struct S;",
        "#[api(transparent)] struct S<T>(T);",
        "#[api(transparent)] struct S(Box<Self>);",
        "#[api(code = 1, key = \"AB\", status = 400, message = \"{:>width$}\")] struct S { width: usize }",
    ];
    for (index, text) in cases.iter().enumerate() {
        let tokens = TokenStream::from_str(text)
            .unwrap_or_else(|error| panic!("case {index} does not lex: {error}"));
        let outcome =
            run(tokens).unwrap_or_else(|panic| panic!("the derive panicked ({panic}) on {text}"));
        assert!(!outcome.output.is_empty(), "empty output for {text}");
        assert!(
            outcome.parses_as_items,
            "output for {text} is not items:\n{}",
            outcome.output
        );
    }
}
