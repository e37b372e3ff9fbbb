//! `#[api(details)]`: which field holds an error's violations, its checks, and the
//! `ApiError::details` the expansion renders from it.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{ErrorDecl, Field, Input};
use crate::ctxt::Ctxt;
use crate::expand::{pattern_path, private};
use crate::valid::{Checked, Model};

/// The field of an own declaration marked `#[api(details)]`, if any; a second mark, and a mark
/// on a server error (whose body never carries violations), are reported.
pub(crate) fn of_own<'a>(
    cx: &Ctxt,
    decl: &'a ErrorDecl<'a>,
    status: Option<u16>,
) -> Option<&'a Field<'a>> {
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
    Some(first)
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

/// The body of `ApiError::details`, or nothing when no declaration has violations (nor wraps an
/// error that may have some), so the trait's default answers.
pub(crate) fn method(model: &Model) -> TokenStream {
    let private = private();
    let input: &Input = model.input;
    let mut arms = Vec::new();
    let mut covers_all = true;
    for checked in &model.errors {
        let decl = checked.decl();
        let pattern = pattern_path(input, decl);
        let cfgs = &decl.cfgs;
        let (member, ty, call) = match checked {
            Checked::Own(own) => match own.details {
                Some(field) => (&field.member, field.ty, None),
                None => {
                    covers_all = false;
                    continue;
                }
            },
            Checked::Transparent(transparent) => {
                let ty = transparent.field.ty;
                (
                    &transparent.field.member,
                    ty,
                    Some(quote!(<#ty as #private::ApiError>::details)),
                )
            }
        };
        // Spanned at the field's type, so a type that holds no violations is reported there.
        let call =
            call.unwrap_or_else(|| quote_spanned!(ty.span()=> #private::violations_of::<#ty>));
        arms.push(
            quote!(#(#cfgs)* #pattern { #member: __api_details, .. } => #call(__api_details),),
        );
    }
    if arms.is_empty() {
        return TokenStream::new();
    }
    let default = (!covers_all).then(|| quote!(_ => &[],));
    quote! {
        fn details(&self) -> &[#private::FieldViolation] {
            match self { #(#arms)* #default }
        }
    }
}
