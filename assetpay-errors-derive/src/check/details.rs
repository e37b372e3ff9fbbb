//! `#[api(details)]`: which field holds an error's violations, and its checks.

use syn::spanned::Spanned;

use super::model::Details;
use crate::parse::{Ctxt, ErrorDecl};

/// The field of an own declaration marked `#[api(details)]`, if any; a second mark, and a mark
/// on a server error (whose body never carries violations), are reported.
pub(crate) fn of_own<'a>(
    cx: &Ctxt,
    decl: &'a ErrorDecl<'a>,
    status: Option<u16>,
) -> Option<Details<'a>> {
    let mut marked = decl.fields.iter().filter(|field| field.details.is_some());
    let first = marked.next()?;
    for repeat in marked {
        if let Some(span) = repeat.details {
            cx.error_at(
                span,
                format!(
                    "only one field can hold the violations, `{}` already does",
                    first.name
                ),
            );
        }
    }
    if let (Some(status @ 500..=599), Some(span)) = (status, first.details) {
        cx.error_at(
            span,
            format!(
                "`details` on a server error (status {status}): a 5xx answer never sends field violations, only its declared message"
            ),
        );
    }
    Some(Details {
        field: first,
        ty_span: first.ty.span(),
    })
}

/// Reports `#[api(details)]` on the field of a transparent declaration: the wrapped error's own
/// violations are sent.
pub(crate) fn refuse_in_transparent(cx: &Ctxt, decl: &ErrorDecl) {
    for span in decl.fields.iter().filter_map(|field| field.details) {
        cx.error_at(
            span,
            "`details` cannot be combined with `transparent`, the wrapped error provides its violations",
        );
    }
}
