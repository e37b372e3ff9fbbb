//! The rules a declaration must keep, each reported at the token that breaks it: the checked
//! declarations the emitters render.

use proc_macro2::Span;

use super::details;
use super::doc_url::DocUrl;
use super::generics::ParamsInScope;
use super::model::{Checked, Own, Transparent};
use crate::parse::{AttrKey, Ctxt, ErrorDecl, Input, Located, Template};

/// Keys are sent to clients and used as identifiers in their code; 63 leaves room for a prefix
/// in systems that cap identifiers at 64.
const MAX_KEY_LEN: usize = 63;

/// Every declaration of `input` that keeps the rules, checked; the others are reported into
/// `cx` and left out.
pub(crate) fn check<'a>(cx: &Ctxt, input: &'a Input<'a>) -> Vec<Checked<'a>> {
    let attrs = &input.attrs;
    if let (Some(_), Some(range)) = (&attrs.domain, &attrs.range) {
        cx.error_at(
            range.span,
            "`range` cannot be combined with `domain`, a domain already fixes the range",
        );
    }
    // A domain's range is a value the derive cannot see: the expansion checks it.
    let range = attrs.range.as_ref().map(|range| RangeRule {
        first: range.value.0,
        last: range.value.1,
    });
    let params = ParamsInScope::new(input.generics);
    // Checked once, where it is written, not once per variant that uses it.
    let doc_url = attrs
        .doc_url
        .as_ref()
        .and_then(|template| DocUrl::check(cx, template));
    let errors: Vec<Checked> = input
        .errors
        .iter()
        .filter_map(|decl| check_decl(cx, input, &params, decl, range.as_ref(), doc_url.as_ref()))
        .collect();
    check_unique(cx, input);
    errors
}

/// The codes `range = A..=B` admits.
struct RangeRule {
    first: u16,
    last: u16,
}

fn check_decl<'a>(
    cx: &Ctxt,
    input: &'a Input<'a>,
    params: &ParamsInScope,
    decl: &'a ErrorDecl<'a>,
    range: Option<&RangeRule>,
    doc_url: Option<&DocUrl>,
) -> Option<Checked<'a>> {
    match decl.attrs.transparent {
        Some(span) => check_transparent(cx, params, decl, span).map(Checked::Transparent),
        None => check_own(cx, input, decl, range, doc_url).map(Checked::Own),
    }
}

fn check_transparent<'a>(
    cx: &Ctxt,
    params: &ParamsInScope,
    decl: &'a ErrorDecl<'a>,
    span: Span,
) -> Option<Transparent<'a>> {
    let attrs = &decl.attrs;
    let conflicts = [
        ("code", attrs.code.as_ref().map(|v| v.span)),
        ("key", attrs.key.as_ref().map(|v| v.span)),
        ("status", attrs.status.as_ref().map(|v| v.span)),
        ("message", attrs.message.as_ref().map(|v| v.span)),
        ("retryable", attrs.retryable),
        ("retry_after", attrs.retry_after.as_ref().map(|v| v.span)),
        ("doc_url", attrs.doc_url.as_ref().map(|v| v.span)),
        ("grpc", attrs.grpc.as_ref().map(|v| v.span)),
    ];
    let mut valid = true;
    details::refuse_in_transparent(cx, decl);
    for (key, conflict) in conflicts {
        if let Some(conflict) = conflict {
            cx.error_at(
                conflict,
                format!(
                    "`{key}` cannot be combined with `transparent`, the wrapped error provides it"
                ),
            );
            valid = false;
        }
    }
    let [field] = decl.fields.as_slice() else {
        cx.error_at(
            span,
            format!(
                "`transparent` needs exactly one field, the wrapped error, and `{}` has {}",
                decl.name,
                decl.fields.len()
            ),
        );
        return None;
    };
    if let Some(param) = params.first_in(field.ty) {
        cx.error_spanned_by(
            field.ty,
            format!(
                "a `transparent` field cannot depend on the generic parameter `{param}`, its catalogue is flattened at compile time"
            ),
        );
        valid = false;
    }
    valid.then_some(Transparent { decl, field, span })
}

fn check_own<'a>(
    cx: &Ctxt,
    input: &Input,
    decl: &'a ErrorDecl<'a>,
    range: Option<&RangeRule>,
    type_doc_url: Option<&DocUrl>,
) -> Option<Own<'a>> {
    let attrs = &decl.attrs;
    // Keys written on the enum by mistake were reported there, once for all variants.
    let misplaced = |key: AttrKey| input.attrs.misplaced.contains(&key);
    let Some(attr_span) = attrs.attr_span else {
        if misplaced(AttrKey::Transparent) {
            return None;
        }
        cx.error_at(
            decl.span,
            format!(
                "`{}` has no `#[api(...)]`, declare its error: `#[api(code = …, key = \"…\", status = …)]`",
                decl.name
            ),
        );
        return None;
    };
    let missing = |key: AttrKey, example: &str| {
        if !attrs.mentions(key) && !misplaced(key) {
            cx.error_at(
                attr_span,
                format!("missing `{key}` for `{}`, add `{example}`", decl.name),
            );
        }
    };
    if attrs.code.is_none() {
        missing(AttrKey::Code, "code = 1001");
    }
    if attrs.key.is_none() {
        missing(AttrKey::Key, "key = \"VALIDATION_FAILED\"");
    }
    if attrs.status.is_none() {
        missing(AttrKey::Status, "status = 422");
    }

    let code = attrs
        .code
        .as_ref()
        .filter(|code| check_code(cx, code, range));
    let key = attrs.key.as_ref().filter(|key| check_key(cx, key));
    let status = attrs
        .status
        .as_ref()
        .filter(|status| check_status(cx, status));
    // Every check runs before the first `?`, so all of a declaration's errors are reported.
    let message = message(cx, decl);
    let details = details::of_own(cx, decl, attrs.status.as_ref().map(|s| s.value));
    let own_doc_url = attrs
        .doc_url
        .as_ref()
        .map(|template| DocUrl::check(cx, template));
    let (code, key, status) = (code?, key?, status?);
    // A variant's own template replaces the type's; a refused one was reported.
    let doc_url = match own_doc_url {
        Some(checked) => checked?.fill(code.value, &key.value).into(),
        None => type_doc_url.map(|url| url.fill(code.value, &key.value)),
    };
    let (template, message) = message?;
    Some(Own {
        decl,
        code: code.clone(),
        key: key.clone(),
        status: status.clone(),
        template,
        template_span: attrs.message.as_ref().map(|message| message.span),
        description: decl.doc.clone().unwrap_or_else(|| message.clone()),
        message,
        retryable: attrs.retryable.is_some() || attrs.retry_after.is_some(),
        retry_after: attrs.retry_after.as_ref().map(|seconds| seconds.value),
        details,
        doc_url,
        grpc: attrs.grpc.as_ref().map(|code| code.value),
    })
}

fn check_code(cx: &Ctxt, code: &Located<u16>, range: Option<&RangeRule>) -> bool {
    let Some(range) = range else {
        return true;
    };
    let inside = (range.first..=range.last).contains(&code.value);
    if !inside {
        cx.error_at(
            code.span,
            format!(
                "code `{}` is outside the declared range, which owns {}..={}",
                code.value, range.first, range.last
            ),
        );
    }
    inside
}

fn check_key(cx: &Ctxt, key: &Located<String>) -> bool {
    let text = &key.value;
    let bytes = text.as_bytes();
    let shaped = bytes.len() >= 2
        && bytes[0].is_ascii_uppercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
        && bytes.last() != Some(&b'_');
    if !shaped {
        cx.error_at(
            key.span,
            format!("key `{text}` is not UPPER_SNAKE_CASE (`[A-Z][A-Z0-9_]*[A-Z0-9]`)"),
        );
        return false;
    }
    if bytes.len() > MAX_KEY_LEN {
        cx.error_at(
            key.span,
            format!(
                "key is {} characters long, at most {MAX_KEY_LEN} are allowed",
                bytes.len()
            ),
        );
        return false;
    }
    true
}

fn check_status(cx: &Ctxt, status: &Located<u16>) -> bool {
    let valid = (400..=599).contains(&status.value);
    if !valid {
        cx.error_at(
            status.span,
            format!(
                "status `{}` is not an error status, expected 400..=599",
                status.value
            ),
        );
    }
    valid
}

/// The parsed template and the text `ErrorSpec::message` holds.
fn message(cx: &Ctxt, decl: &ErrorDecl) -> Option<(Template, String)> {
    if let Some(message) = &decl.attrs.message {
        let template = match Template::parse(&message.value) {
            Ok(template) => template,
            Err(problem) => {
                cx.error_at(message.span, problem);
                return None;
            }
        };
        let mut valid = true;
        for name in template.fields() {
            if !decl.fields.iter().any(|field| field.name == name) {
                cx.error_at(message.span, unknown_field(decl, name));
                valid = false;
            }
        }
        if !template.is_interpolated() && template.plain_text().trim().is_empty() {
            cx.error_at(
                message.span,
                "`message` is empty, write the text clients see or use a doc comment",
            );
            valid = false;
        }
        if !valid {
            return None;
        }
        let text = if template.is_interpolated() {
            template.published()
        } else {
            template.plain_text()
        };
        return Some((template, text));
    }
    match &decl.doc {
        // Doc text is never a template: braces in it are shown as written.
        Some(doc) => Some((Template::plain(doc), doc.clone())),
        // A `message` with a bad value was reported where it stands.
        None if decl.attrs.mentions(AttrKey::Message) => None,
        None => {
            cx.error_at(
                decl.span,
                format!(
                    "`{}` needs a doc comment or `message = \"…\"`, it is the message clients see",
                    decl.name
                ),
            );
            None
        }
    }
}

fn unknown_field(decl: &ErrorDecl, name: &str) -> String {
    if decl.fields.is_empty() {
        return format!(
            "message interpolates `{{{name}}}`, but `{}` has no fields",
            decl.name
        );
    }
    let fields: Vec<String> = decl
        .fields
        .iter()
        .map(|f| format!("`{}`", f.name))
        .collect();
    format!(
        "message interpolates `{{{name}}}`, but `{}` has no field `{name}`, its fields are {}",
        decl.name,
        fields.join(", ")
    )
}

/// Each code and each key names one error: a repeat is reported at the second use. Every
/// declaration takes part, even one rejected for another reason, so all clashes show at once.
fn check_unique(cx: &Ctxt, input: &Input) {
    let own: Vec<&ErrorDecl> = input
        .errors
        .iter()
        .filter(|decl| decl.attrs.transparent.is_none())
        .collect();
    let code_of = first_uses(
        own.iter()
            .map(|decl| decl.attrs.code.as_ref().map(|code| code.value)),
    );
    let key_of = first_uses(
        own.iter()
            .map(|decl| decl.attrs.key.as_ref().map(|key| key.value.as_str())),
    );
    for (position, decl) in own.iter().enumerate() {
        let attrs = &decl.attrs;
        if let (Some(code), Some(first)) = (&attrs.code, code_of[position]) {
            cx.error_at(
                code.span,
                format!(
                    "duplicate code `{}`, first used by `{}`",
                    code.value, own[first].name
                ),
            );
        }
        if let (Some(key), Some(first)) = (&attrs.key, key_of[position]) {
            cx.error_at(
                key.span,
                format!(
                    "duplicate key `{}`, first used by `{}`",
                    key.value, own[first].name
                ),
            );
        }
    }
}

/// For each value (by position), the position of the value's first use when this is a later
/// one. By sorting, not hashing: SipHash and a map in this unoptimised crate cost most of the
/// checks of a large enum.
fn first_uses<T: Ord + Copy>(values: impl Iterator<Item = Option<T>>) -> Vec<Option<usize>> {
    let mut uses: Vec<(T, usize)> = Vec::new();
    let mut count = 0;
    for (position, value) in values.enumerate() {
        count = position + 1;
        if let Some(value) = value {
            uses.push((value, position));
        }
    }
    // Within one value, by position: the first of each run is its first use.
    uses.sort_unstable();
    let mut first_use = vec![None; count];
    for pair in uses.windows(2) {
        let ((first_value, first), (value, position)) = (pair[0], pair[1]);
        if value == first_value {
            first_use[position] = Some(first_use[first].unwrap_or(first));
        }
    }
    first_use
}

#[cfg(test)]
mod tests {
    use super::first_uses;

    #[test]
    fn every_later_use_points_at_the_first() {
        let values = [Some(7), None, Some(3), Some(7), Some(3), Some(7), Some(1)];
        assert_eq!(
            first_uses(values.into_iter()),
            [None, None, None, Some(0), Some(2), Some(0), None]
        );
        assert_eq!(first_uses(std::iter::empty::<Option<u16>>()), []);
        assert_eq!(
            first_uses([Some("b"), Some("a"), Some("b")].into_iter()),
            [None, None, Some(0)]
        );
    }
}
