//! A generated declaration as a small tree, so a strategy can place a mistake exactly where it
//! means to, and its rendering as the source text a user would write.

use std::fmt::Write as _;

#[derive(Clone, Debug)]
pub(super) enum Fields {
    Unit,
    Tuple(Vec<&'static str>),
    Named(Vec<(&'static str, &'static str)>),
}

impl Fields {
    /// How a message template names each field.
    pub(super) fn placeholders(&self) -> Vec<String> {
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
#[derive(Clone, Debug)]
pub(super) struct Entry {
    pub(super) key: String,
    pub(super) value: Option<String>,
}

pub(super) fn entry(key: &str, value: impl Into<String>) -> Entry {
    Entry {
        key: key.to_owned(),
        value: Some(value.into()),
    }
}

pub(super) fn flag(key: &str) -> Entry {
    Entry {
        key: key.to_owned(),
        value: None,
    }
}

#[derive(Clone, Debug)]
pub(super) struct Error {
    pub(super) name: String,
    pub(super) doc: Option<String>,
    /// One `#[api(...)]` per inner vector; empty for no attribute at all.
    pub(super) api: Vec<Vec<Entry>>,
    /// Attributes written verbatim, such as `#[api]` or `#[cfg(all())]`.
    pub(super) raw_attrs: Vec<String>,
    pub(super) fields: Fields,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Enum,
    Struct,
    Union,
}

#[derive(Clone, Debug)]
pub(super) struct Decl {
    pub(super) kind: Kind,
    pub(super) name: String,
    /// Generic parameters, and the where clause that goes after them (or after tuple fields).
    pub(super) generics: (&'static str, &'static str),
    pub(super) type_api: Vec<Entry>,
    /// Inclusive code range the declaration's own codes must use, if it declares one.
    pub(super) bounds: Option<(u16, u16)>,
    pub(super) errors: Vec<Error>,
}

impl Decl {
    pub(super) fn render(&self) -> String {
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
