//! `ApiError::message_fields`: the values a message interpolates, by field name, each formatted
//! as the message formats it, for projections that carry them apart from the text (gRPC's
//! `ErrorInfo.metadata`).

use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;

use super::paths::{field_binding, pattern_path, private};
use crate::check::{Checked, Model, Own};

/// The method, or nothing when no declaration interpolates a field (nor wraps an error that may),
/// so the trait's default answers.
pub(crate) fn method(model: &Model) -> TokenStream {
    let private = private();
    let mut arms = Vec::new();
    let mut covers_all = true;
    for checked in &model.errors {
        let decl = checked.decl();
        let pattern = pattern_path(model.shape, decl);
        let cfgs = &decl.cfgs;
        match checked {
            Checked::Own(own) if own.template.is_interpolated() => {
                arms.push(own_arm(own, &pattern));
            }
            Checked::Own(_) => covers_all = false,
            Checked::Transparent(transparent) => {
                let member = &transparent.field.member;
                let ty = transparent.field.ty;
                arms.push(quote!(#(#cfgs)* #pattern { #member: __api_inner, .. } => <#ty as #private::ApiError>::message_fields(__api_inner, __api_visit),));
            }
        }
    }
    if arms.is_empty() {
        return TokenStream::new();
    }
    let default = (!covers_all).then(|| quote!(_ => {}));
    quote! {
        fn message_fields(&self, __api_visit: &mut dyn ::core::ops::FnMut(&'static ::core::primitive::str, #private::String)) {
            match self { #(#arms)* #default }
        }
    }
}

/// `Self::V { f: __api_field_0, .. } => { __api_visit("f", format!("{:spec}", __api_field_0)); }`,
/// each field once, with the format of its first placeholder.
fn own_arm(own: &Own, pattern: &TokenStream) -> TokenStream {
    let private = private();
    let decl = own.decl;
    // Spanned like the message's own bindings, where a field's formatting error points.
    let span = own.template_span.unwrap_or_else(Span::call_site);
    let mut bindings = Vec::new();
    let mut visits = Vec::new();
    for (name, spec) in own.template.params() {
        let Some(index) = decl.fields.iter().position(|field| field.name == name) else {
            continue;
        };
        let member = &decl.fields[index].member;
        let binding = field_binding(index, span);
        bindings.push(quote!(#member: #binding));
        let format = if spec.is_empty() {
            "{}".to_owned()
        } else {
            format!("{{:{spec}}}")
        };
        let mut format = Literal::string(&format);
        format.set_span(span);
        // `format!` through the same path as the message's, under the same span: a field that
        // cannot be formatted is then one diagnostic, which rustc reports once, not twice.
        visits.push(quote!(__api_visit(#name, #private::format!(#format, #binding));));
    }
    let cfgs = &decl.cfgs;
    quote! {
        #(#cfgs)* #pattern { #(#bindings,)* .. } => { #(#visits)* }
    }
}
