//! The `ApiError` impl: each value's entry of the catalogue, its message, its violations, and the
//! lookups by code and by key. A message is filled in at run time from the published template
//! and `message_fields` (`__private::interpolated_message`); only a template that formats one
//! field two ways gets a `format!` arm here.

use std::fmt::Write as _;

use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;

use super::catalog::Catalog;
use super::paths::{field_binding, pattern_path, pattern_source, private};
use super::{contract, details, message_fields, source};
use crate::check::{Checked, Model, Own};
use crate::parse::Piece;

pub(crate) fn impl_api_error(model: &Model, catalog: &Catalog) -> TokenStream {
    let private = private();
    let ident = model.outline.ident;
    let (impl_generics, ty_generics, where_clause) = model.outline.generics.split_for_impl();
    let reserved = contract::reserved_item(model);
    let spec_body = spec_body(model, catalog);
    let message_body = message_body(model);
    let details_method = details::method(model);
    let message_fields_method = message_fields::method(model);
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::ApiError for #ident #ty_generics #where_clause {
            const CATALOG: &'static [#private::ErrorSpec] = &__API_CATALOG;
            #reserved

            #[inline]
            fn spec(&self) -> &'static #private::ErrorSpec {
                #spec_body
            }

            fn message(&self) -> #private::Cow<'_, ::core::primitive::str> {
                #message_body
            }

            #details_method

            #message_fields_method

            #[inline]
            fn spec_for_code(code: ::core::primitive::u16) -> #private::Option<&'static #private::ErrorSpec> {
                #private::find_code(&__API_CODE_TABLE, <Self as #private::ApiError>::CATALOG, code)
            }

            #[inline]
            fn spec_for_key(key: &::core::primitive::str) -> #private::Option<&'static #private::ErrorSpec> {
                #private::find_key(&__API_KEY_TABLE, <Self as #private::ApiError>::CATALOG, key)
            }
        }

        #[automatically_derived]
        impl #impl_generics #private::Sealed for #ident #ty_generics #where_clause {}
    }
}

fn spec_body(model: &Model, catalog: &Catalog) -> TokenStream {
    let private = private();
    // The match yields an index and `CATALOG` is named once: rustc lowers the whole catalogue
    // constant to LLVM at every place that names it, which for thousands of arms cost seconds.
    // Runs of plain arms (`Self::V { .. } => 7,`) are written as source text (`source`).
    let mut spec_arms = TokenStream::new();
    let mut plain_arms = String::new();
    for (position, checked) in model.errors.iter().enumerate() {
        let decl = checked.decl();
        let cfgs = &decl.cfgs;
        let literal_index = catalog.literal_index(position).filter(|_| cfgs.is_empty());
        match (checked, literal_index) {
            (Checked::Own(_), Some(index)) => {
                let pattern = pattern_source(model.shape, decl);
                let _ = write!(plain_arms, "{pattern} {{ .. }} => {index},");
            }
            (Checked::Own(_), None) => {
                let pattern = pattern_path(model.shape, decl);
                let index = catalog.index_of(position);
                spec_arms.extend(quote!(#(#cfgs)* #pattern { .. } => #index,));
            }
            (Checked::Transparent(transparent), _) => {
                spec_arms.extend(source::tokens(&std::mem::take(&mut plain_arms)));
                let pattern = pattern_path(model.shape, decl);
                let member = &transparent.field.member;
                // Through the field's type, so a type that is no `ApiError` is reported once, at
                // the field, like the catalogue's use of it.
                let ty = transparent.field.ty;
                spec_arms.extend(quote!(#(#cfgs)* #pattern { #member: __api_inner, .. } => return <#ty as #private::ApiError>::spec(__api_inner),));
            }
        }
    }
    spec_arms.extend(source::tokens(&plain_arms));
    if model.errors.is_empty() {
        quote!(match *self {})
    } else if model
        .errors
        .iter()
        .all(|checked| matches!(checked, Checked::Transparent(_)))
    {
        quote!(match self { #spec_arms })
    } else {
        quote! {
            let index: ::core::primitive::usize = match self { #spec_arms };
            &<Self as #private::ApiError>::CATALOG[index]
        }
    }
}

fn message_body(model: &Model) -> TokenStream {
    let private = private();
    if model.errors.is_empty() {
        return quote!(match *self {});
    }
    let mut needs_default = false;
    // Tokens, not text: these arms are the exceptions, a few in any enum.
    let mut arms = TokenStream::new();
    for checked in &model.errors {
        let decl = checked.decl();
        match checked {
            Checked::Transparent(transparent) => {
                let pattern = pattern_path(model.shape, decl);
                let cfgs = &decl.cfgs;
                let member = &transparent.field.member;
                let ty = transparent.field.ty;
                arms.extend(quote!(#(#cfgs)* #pattern { #member: __api_inner, .. } => <#ty as #private::ApiError>::message(__api_inner),));
            }
            // The rest are filled in at run time from the template and `message_fields`
            // (`__private::interpolated_message`), which only these cannot be.
            Checked::Own(own) if own.template.formats_a_field_twice() => {
                arms.extend(interpolated_arm(own, &pattern_path(model.shape, decl)));
            }
            Checked::Own(_) => needs_default = true,
        }
    }
    let interpolated = quote!(#private::interpolated_message(self));
    if arms.is_empty() {
        return interpolated;
    }
    let default = needs_default.then(|| quote!(_ => #interpolated,));
    quote!(match self { #arms #default })
}

/// The positions of the fields the message names, in declaration order: the ones its pattern
/// binds.
fn used_fields(own: &Own) -> Vec<usize> {
    own.decl
        .fields
        .iter()
        .enumerate()
        .filter(|(_, field)| own.template.fields().any(|name| name == field.name))
        .map(|(index, _)| index)
        .collect()
}

/// `Self::V { 0: __api_field_0, .. } => Cow::Owned(format!("…", __api_field_0)),` for a
/// template that formats one field two ways. The format string and the arguments carry the
/// template's span, so an error about a field's formatting (a missing `Display` or `Debug`) points
/// at the message that asks for it, and so do the pattern's bindings, which must share the
/// arguments' span to name the same variables when the declaration comes from a `macro_rules!`
/// (hygiene). A plain `{name}`'s argument is coerced to `&dyn Display`, as `message_fields`
/// coerces it, so a field without `Display` is one diagnostic, not one per method.
fn interpolated_arm(own: &Own, pattern: &TokenStream) -> TokenStream {
    let private = private();
    let decl = own.decl;
    let span = own.template_span.unwrap_or_else(Span::call_site);
    let bindings = used_fields(own).into_iter().map(|index| {
        let member = &decl.fields[index].member;
        let name = field_binding(index, span);
        quote!(#member: #name)
    });
    let arguments = own.template.pieces.iter().filter_map(|piece| {
        let Piece::Field { name, spec } = piece else {
            return None;
        };
        let index = decl.fields.iter().position(|field| field.name == *name)?;
        let binding = field_binding(index, span);
        Some(if spec.is_empty() {
            quote!(#binding as &dyn ::core::fmt::Display)
        } else {
            quote!(#binding)
        })
    });
    let mut format = Literal::string(&own.template.format_string());
    format.set_span(span);
    let cfgs = &decl.cfgs;
    quote! {
        #(#cfgs)* #pattern { #(#bindings,)* .. } => #private::Cow::Owned(#private::format!(#format #(, #arguments)*)),
    }
}
