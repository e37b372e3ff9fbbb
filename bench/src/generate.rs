//! Generates the 2,000-variant enums the benchmarks compare: with our derive, hand-written as
//! `match`es, and with thiserror. Used by `build.rs` (runtime benchmarks) and by the
//! `compile-cost` binary (build-time benchmarks), so both measure the same declarations.

use std::fmt::Write;

/// How many variants the big enum has.
pub const VARIANTS: usize = 2000;

/// Realistic key stems, so keys have the lengths real keys have.
const STEMS: &[&str] = &[
    "PRICE_CHANGED",
    "VALIDATION_FAILED",
    "ITEMS_UNAVAILABLE",
    "TOO_MANY_ACTIVE_TRADES",
    "MERCHANT_BALANCE_LOW",
    "NOT_FOUND",
    "RATE_LIMITED",
    "API_KEY_SCOPE_DENIED",
    "VERIFICATION_WEBHOOK_SIGNATURE_INVALID",
    "INVALID_TRADEURL",
];

/// The three field shapes the enum cycles through.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// `V0`: message from the doc comment.
    Unit,
    /// `V1(u32, String)`: message interpolating both fields.
    Tuple,
    /// `V2 { id: u64, name: String }`: message interpolating both fields.
    Named,
}

/// The shape of variant `index`.
pub fn kind(index: usize) -> Kind {
    match index % 3 {
        0 => Kind::Unit,
        1 => Kind::Tuple,
        _ => Kind::Named,
    }
}

/// The code of variant `index`.
pub fn code(index: usize) -> u16 {
    u16::try_from(index + 1).expect("fewer than 65535 variants")
}

/// The key of variant `index`.
pub fn key(index: usize) -> String {
    format!("E{index:04}_{}", STEMS[index % STEMS.len()])
}

/// The status of variant `index` (always 400..=499).
pub fn status(index: usize) -> u16 {
    400 + u16::try_from(index % 100).expect("below 100")
}

/// The static message of a unit variant, or the template of the others.
pub fn message(index: usize) -> String {
    match kind(index) {
        Kind::Unit => format!("Error {index} happened in the marketplace"),
        Kind::Tuple => "Item {0} named {1} failed".to_owned(),
        Kind::Named => "Listing {id} for {name} is gone".to_owned(),
    }
}

fn fields(index: usize) -> &'static str {
    match kind(index) {
        Kind::Unit => "",
        Kind::Tuple => "(u32, String)",
        Kind::Named => " { id: u64, name: String }",
    }
}

fn pattern(index: usize) -> String {
    match kind(index) {
        Kind::Unit => format!("V{index}"),
        Kind::Tuple => format!("V{index}(..)"),
        Kind::Named => format!("V{index} {{ .. }}"),
    }
}

/// `#[derive(ApiError)]` over `count` variants starting at `first`, codes in `range` if given.
pub fn derive_enum(name: &str, first: usize, count: usize, range: Option<(u16, u16)>) -> String {
    let mut out = String::new();
    let range = range.map_or_else(String::new, |(a, b)| format!("#[api(range = {a}..={b})]\n"));
    let _ = writeln!(
        out,
        "/// Generated.\n#[derive(Debug, ::assetpay_errors::ApiError)]\n{range}pub enum {name} {{"
    );
    for index in first..first + count {
        let (code, key, status) = (code(index), key(index), status(index));
        match kind(index) {
            Kind::Unit => {
                let _ = writeln!(
                    out,
                    "    /// {}\n    #[api(code = {code}, key = \"{key}\", status = {status})]\n    V{index},",
                    message(index)
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "    /// Generated.\n    #[api(code = {code}, key = \"{key}\", status = {status}, message = \"{}\")]\n    V{index}{},",
                    message(index),
                    fields(index)
                );
            }
        }
    }
    out.push_str("}\n");
    out
}

/// [`derive_enum`] over `count` variants from 0 that names its published catalogue,
/// `published.json` beside its `Cargo.toml`: the subject of the contract check's cost. The
/// compile-cost binary writes that file with `contract::catalog_json` of the same declarations,
/// so the check finds nothing and only its cost is measured.
pub fn derive_enum_published(name: &str, count: usize) -> String {
    derive_enum(name, 0, count, None).replacen(
        "#[derive(Debug, ::assetpay_errors::ApiError)]\n",
        "#[derive(Debug, ::assetpay_errors::ApiError)]\n#[api(published = \"published.json\")]\n",
        1,
    )
}

/// [`derive_enum`] over `count` variants from 0 in which every named-field variant also holds
/// its field violations (`#[api(details)] violations: Vec<FieldViolation>`): the subject of
/// the violations' build cost, against [`derive_enum`] itself.
pub fn derive_enum_with_details(name: &str, count: usize) -> String {
    derive_enum(name, 0, count, None).replace(
        " { id: u64, name: String },",
        " { id: u64, name: String, #[api(details)] violations: ::std::vec::Vec<::assetpay_errors::violation::FieldViolation> },",
    )
}

/// The same enum with `code`, `key` and `status` hand-written as `match`es (the reference's
/// "hand-written code/key/status").
pub fn handwritten_core(name: &str) -> String {
    let mut out = plain_enum(name);
    let _ = writeln!(out, "impl {name} {{");
    method(&mut out, "code", "u16", |i| code(i).to_string());
    method(&mut out, "key", "&'static str", |i| format!("{:?}", key(i)));
    method(&mut out, "status", "::http::StatusCode", |i| {
        format!("::http::StatusCode::from_u16({}).unwrap()", status(i))
    });
    out.push_str("}\n");
    out
}

/// Hand-written with everything the derive provides: code, key, status, message with
/// interpolation, a static catalogue, lookups by code and by key.
pub fn handwritten_full(name: &str) -> String {
    let mut out = handwritten_core(name);
    let _ = writeln!(out, "impl {name} {{");
    let _ = writeln!(
        out,
        "    /// Generated.\n    pub fn message(&self) -> ::std::borrow::Cow<'_, str> {{\n        match self {{"
    );
    for index in 0..VARIANTS {
        let arm = match kind(index) {
            Kind::Unit => format!(
                "Self::V{index} => ::std::borrow::Cow::Borrowed({:?}),",
                message(index)
            ),
            Kind::Tuple => format!(
                "Self::V{index}(a, b) => ::std::borrow::Cow::Owned(format!(\"Item {{a}} named {{b}} failed\")),"
            ),
            Kind::Named => format!(
                "Self::V{index} {{ id, name }} => ::std::borrow::Cow::Owned(format!(\"Listing {{id}} for {{name}} is gone\")),"
            ),
        };
        let _ = writeln!(out, "            {arm}");
    }
    out.push_str("        }\n    }\n");
    let _ = writeln!(
        out,
        "    /// Generated: (code, key, status, message).\n    pub const CATALOG: &'static [(u16, &'static str, u16, &'static str)] = &["
    );
    for index in 0..VARIANTS {
        let _ = writeln!(
            out,
            "        ({}, {:?}, {}, {:?}),",
            code(index),
            key(index),
            status(index),
            message(index)
        );
    }
    out.push_str("    ];\n");
    let _ = writeln!(
        out,
        "    /// Generated.\n    pub fn index_of_code(code: u16) -> Option<usize> {{\n        match code {{"
    );
    for index in 0..VARIANTS {
        let _ = writeln!(out, "            {} => Some({index}),", code(index));
    }
    out.push_str("            _ => None,\n        }\n    }\n");
    let _ = writeln!(
        out,
        "    /// Generated.\n    pub fn index_of_key(key: &str) -> Option<usize> {{\n        match key {{"
    );
    for index in 0..VARIANTS {
        let _ = writeln!(out, "            {:?} => Some({index}),", key(index));
    }
    out.push_str("            _ => None,\n        }\n    }\n}\n");
    out
}

/// The same enum with thiserror's `#[error]` messages.
pub fn thiserror_enum(name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// Generated.\n#[derive(Debug, ::thiserror::Error)]\npub enum {name} {{"
    );
    for index in 0..VARIANTS {
        let _ = writeln!(
            out,
            "    /// Generated.\n    #[error(\"{}\")]\n    V{index}{},",
            message(index),
            fields(index)
        );
    }
    out.push_str("}\n");
    out
}

/// `enums` derived enums of `per_enum` variants each, with distinct codes, and optionally one
/// enum composing all of them with `#[api(transparent)]`.
pub fn composed(enums: usize, per_enum: usize, with_composer: bool) -> String {
    let mut out = String::new();
    for part in 0..enums {
        out.push_str(&derive_enum(
            &format!("Part{part}"),
            part * per_enum,
            per_enum,
            None,
        ));
    }
    if with_composer {
        let _ = writeln!(
            out,
            "/// Generated.\n#[derive(Debug, ::assetpay_errors::ApiError)]\npub enum All {{"
        );
        for part in 0..enums {
            let _ = writeln!(
                out,
                "    /// Generated.\n    #[api(transparent)]\n    Part{part}(Part{part}),"
            );
        }
        out.push_str("}\n");
    }
    out
}

/// [`composed`] with the composing enum naming its published catalogue, `published.json`: the
/// contract check of a composed type, which runs during constant evaluation over the flattened
/// catalogue. The catalogue is the same 2,000 declarations as [`derive_enum`]'s, so the file
/// [`derive_enum_published`]'s subject uses serves here too.
pub fn composed_published(enums: usize, per_enum: usize) -> String {
    composed(enums, per_enum, true).replacen(
        "#[derive(Debug, ::assetpay_errors::ApiError)]\npub enum All {",
        "#[derive(Debug, ::assetpay_errors::ApiError)]\n#[api(published = \"published.json\")]\npub enum All {",
        1,
    )
}

/// The same enum with no derive but `Debug`, and none of the derives' attributes: what the
/// derived subjects cost beyond it is their expansion plus the checking of the code it
/// generated (the `expand` group of `compile-cost`).
pub fn plain_enum(name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "/// Generated.\n#[derive(Debug)]\npub enum {name} {{");
    for index in 0..VARIANTS {
        let _ = writeln!(out, "    /// Generated.\n    V{index}{},", fields(index));
    }
    out.push_str("}\n");
    out
}

fn method(out: &mut String, name: &str, returns: &str, value: impl Fn(usize) -> String) {
    let _ = writeln!(
        out,
        "    /// Generated.\n    pub fn {name}(&self) -> {returns} {{\n        match self {{"
    );
    for index in 0..VARIANTS {
        let _ = writeln!(
            out,
            "            Self::{} => {},",
            pattern(index),
            value(index)
        );
    }
    out.push_str("        }\n    }\n");
}

/// `impl Name { pub fn sample(index) -> Option<Self> }`: a value of variant `index` with fixed
/// field values, so benchmarks and tests can hold every variant.
pub fn samples(name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "impl {name} {{\n    /// A value of variant `index`.\n    pub fn sample(index: usize) -> Option<Self> {{\n        Some(match index {{"
    );
    for index in 0..VARIANTS {
        let value = match kind(index) {
            Kind::Unit => format!("Self::V{index}"),
            Kind::Tuple => {
                format!("Self::V{index}({index}, \"widget \\\"{index}\\\"\".to_owned())")
            }
            Kind::Named => {
                format!("Self::V{index} {{ id: {index}, name: \"stall-{index}\".to_owned() }}")
            }
        };
        let _ = writeln!(out, "            {index} => {value},");
    }
    out.push_str("            _ => return None,\n        })\n    }\n}\n");
    out
}
