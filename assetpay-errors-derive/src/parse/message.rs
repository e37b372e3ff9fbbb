//! Message templates: `"Item {id} costs {price:.2}"`, checked against the variant's fields the way
//! thiserror checks `#[error("…")]`, and rewritten into positional `format!` arguments.

/// A parsed template.
#[derive(Clone)]
pub(crate) struct Template {
    pub(crate) pieces: Vec<Piece>,
}

#[derive(Clone)]
pub(crate) enum Piece {
    /// Text, with `{{` and `}}` already unescaped.
    Text(String),
    /// `{name}` or `{name:spec}`: a field by name (`type` for `r#type`) or tuple index.
    Field { name: String, spec: String },
}

impl Template {
    /// A template of plain text, for messages taken from doc comments.
    pub(crate) fn plain(text: &str) -> Template {
        Template {
            pieces: vec![Piece::Text(text.to_owned())],
        }
    }

    pub(crate) fn parse(template: &str) -> Result<Template, String> {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut chars = template.chars().peekable();
        while let Some(ch) = chars.next() {
            match ch {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    text.push('}');
                }
                '}' => {
                    return Err("unmatched `}` in message, write `}}` for a literal brace".into());
                }
                '{' => {
                    let mut inside = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some('{') => {
                                return Err("unexpected `{` inside a placeholder, write `{{` for a literal brace".into());
                            }
                            Some(ch) => inside.push(ch),
                            None => {
                                return Err(
                                    "unmatched `{` in message, write `{{` for a literal brace"
                                        .into(),
                                );
                            }
                        }
                    }
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(parse_placeholder(&inside)?);
                }
                ch => text.push(ch),
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(Template { pieces })
    }

    pub(crate) fn fields(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Field { name, .. } => Some(name.as_str()),
            Piece::Text(_) => None,
        })
    }

    /// The message's parameters: each field the template names, once, in the order it first
    /// names it, with the format of that first placeholder. `ErrorSpec::params` lists the names
    /// and `ApiError::message_fields` visits the values in this order.
    pub(crate) fn params(&self) -> Vec<(&str, &str)> {
        let mut params: Vec<(&str, &str)> = Vec::new();
        for piece in &self.pieces {
            if let Piece::Field { name, spec } = piece
                && !params.iter().any(|(seen, _)| seen == name)
            {
                params.push((name, spec));
            }
        }
        params
    }

    /// Whether the template names a field twice with two formats (`{id} {id:?}`), so one value
    /// per field, as `ApiError::message_fields` visits them, cannot fill it.
    pub(crate) fn formats_a_field_twice(&self) -> bool {
        let params = self.params();
        self.pieces.iter().any(|piece| match piece {
            Piece::Field { name, spec } => params
                .iter()
                .any(|(first, first_spec)| first == name && first_spec != spec),
            Piece::Text(_) => false,
        })
    }

    pub(crate) fn is_interpolated(&self) -> bool {
        self.fields().next().is_some()
    }

    /// The text of a template without placeholders.
    pub(crate) fn plain_text(&self) -> String {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => text.as_str(),
                Piece::Field { .. } => "",
            })
            .collect()
    }

    /// The template as `ErrorSpec::message` publishes it: as declared, except that placeholders
    /// name fields the way clients read them, `{type}` for `{r#type}`, without stray spaces.
    pub(crate) fn published(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(&text.replace('{', "{{").replace('}', "}}")),
                Piece::Field { name, spec } => {
                    out.push('{');
                    out.push_str(name);
                    if !spec.is_empty() {
                        out.push(':');
                        out.push_str(spec);
                    }
                    out.push('}');
                }
            }
        }
        out
    }

    /// The template as a `format!` string with one positional `{}` per placeholder, in order.
    pub(crate) fn format_string(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(&text.replace('{', "{{").replace('}', "}}")),
                Piece::Field { spec, .. } if spec.is_empty() => out.push_str("{}"),
                Piece::Field { spec, .. } => {
                    out.push_str("{:");
                    out.push_str(spec);
                    out.push('}');
                }
            }
        }
        out
    }
}

fn parse_placeholder(inside: &str) -> Result<Piece, String> {
    let (name, spec) = match inside.split_once(':') {
        Some((name, spec)) => (name.trim(), spec),
        None => (inside.trim(), ""),
    };
    if name.is_empty() {
        return Err("empty placeholder `{}` in message, name the field: `{field}` or `{0}`".into());
    }
    let name = name.strip_prefix("r#").unwrap_or(name);
    let is_index = name.bytes().all(|byte| byte.is_ascii_digit());
    let is_identifier = name.starts_with(|ch: char| ch == '_' || ch.is_alphabetic())
        && name.chars().all(|ch| ch == '_' || ch.is_alphanumeric());
    if !is_index && !is_identifier {
        return Err(format!(
            "invalid placeholder `{{{inside}}}` in message, expected a field name or index"
        ));
    }
    if spec.contains('$') {
        return Err(format!(
            "placeholder `{{{inside}}}` takes a width or precision from an argument, which messages do not support"
        ));
    }
    Ok(Piece::Field {
        name: name.to_owned(),
        spec: spec.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_named_and_indexed_placeholders_positionally() {
        let template = Template::parse("{{x}} item {id} at {0:>5} {type}").unwrap();
        assert_eq!(template.format_string(), "{{x}} item {} at {:>5} {}");
        assert_eq!(template.fields().collect::<Vec<_>>(), ["id", "0", "type"]);
        assert!(template.is_interpolated());
        assert!(!template.formats_a_field_twice());
    }

    #[test]
    fn a_field_formatted_two_ways_is_told_apart() {
        assert!(
            Template::parse("{id} {id:?}")
                .unwrap()
                .formats_a_field_twice()
        );
        assert!(
            !Template::parse("{id} {id} {name:?} {name:?}")
                .unwrap()
                .formats_a_field_twice()
        );
    }

    #[test]
    fn publishes_placeholders_without_raw_prefixes() {
        let template = Template::parse("{{x}} {r#type} at { id :>5} {0}").unwrap();
        assert_eq!(template.published(), "{{x}} {type} at {id:>5} {0}");
    }

    #[test]
    fn unescapes_static_text() {
        let template = Template::parse("use {{braces}}").unwrap();
        assert!(!template.is_interpolated());
        assert_eq!(template.plain_text(), "use {braces}");
    }

    #[test]
    fn rejects_malformed_templates() {
        for bad in [
            "{", "}", "a {b", "{}", "{ }", "{a{b}}", "{a-b}", "{x:1$}", "{:?}",
        ] {
            assert!(Template::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
