//! `ApiError::details`: the violations an error carries, from the field marked
//! `#[api(details)]`, or from the wrapped error of a transparent declaration.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::paths::{pattern_path, private};
use crate::check::{Checked, Model};

/// The method, or nothing when no declaration has violations (nor wraps an error that may have
/// some), so the trait's default answers.
pub(crate) fn method(model: &Model) -> TokenStream {
    let private = private();
    let mut arms = Vec::new();
    let mut covers_all = true;
    for checked in &model.errors {
        let decl = checked.decl();
        let pattern = pattern_path(model.shape, decl);
        let cfgs = &decl.cfgs;
        let (member, call) = match checked {
            Checked::Own(own) => match &own.details {
                Some(details) => {
                    let ty = details.field.ty;
                    // Spanned at the field's type, so a type that holds no violations is
                    // reported there.
                    let call = quote_spanned!(details.ty_span=> #private::violations_of::<#ty>);
                    (&details.field.member, call)
                }
                None => {
                    covers_all = false;
                    continue;
                }
            },
            Checked::Transparent(transparent) => {
                let ty = transparent.field.ty;
                (
                    &transparent.field.member,
                    quote!(<#ty as #private::ApiError>::details),
                )
            }
        };
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
