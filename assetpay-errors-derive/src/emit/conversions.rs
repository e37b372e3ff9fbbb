//! The conversions: `TryFrom<u16>` and `FromStr` for an enum whose own variants are all unit
//! variants (`check` decides which types get them), and `From<Wrapped>` for each transparent
//! declaration.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

use super::paths::{pattern_path, private};
use crate::check::{Checked, Model};

/// `TryFrom<u16>` and `FromStr`. Transparent variants take part through the wrapped type's
/// `TryFrom<u16>`; the bound is higher-ranked so an enum wrapping a type without it simply gets
/// no conversions instead of an error.
pub(crate) fn from_code_and_key(model: &Model) -> TokenStream {
    if !model.outline.conversions {
        return TokenStream::new();
    }
    let private = private();
    let ident = model.outline.ident;
    let (impl_generics, ty_generics, where_clause) = model.outline.generics.split_for_impl();
    let mut predicates: Vec<TokenStream> = where_clause
        .map(|clause| {
            clause
                .predicates
                .iter()
                .map(ToTokens::to_token_stream)
                .collect()
        })
        .unwrap_or_default();
    let mut own_arms = Vec::new();
    let mut delegations = Vec::new();
    for checked in &model.errors {
        let decl = checked.decl();
        let cfgs = &decl.cfgs;
        let pattern = pattern_path(model.shape, decl);
        match checked {
            Checked::Own(own) => {
                let code = own.code.value;
                own_arms.push(quote!(#(#cfgs)* #code => return #private::Ok(#pattern),));
            }
            Checked::Transparent(transparent) => {
                let ty = transparent.field.ty;
                let member = &transparent.field.member;
                predicates.push(quote!(for<'__api> #ty: #private::TryFrom<::core::primitive::u16>));
                delegations.push(quote! {
                    #(#cfgs)* {
                        if let #private::Ok(inner) = <#ty as #private::TryFrom<::core::primitive::u16>>::try_from(code) {
                            return #private::Ok(#pattern { #member: inner });
                        }
                    }
                });
            }
        }
    }
    let where_clause = (!predicates.is_empty()).then(|| quote!(where #(#predicates),*));
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::TryFrom<::core::primitive::u16> for #ident #ty_generics #where_clause {
            type Error = #private::UnknownCode;

            fn try_from(code: ::core::primitive::u16) -> #private::Result<Self, #private::UnknownCode> {
                match code {
                    #(#own_arms)*
                    _ => {}
                }
                #(#delegations)*
                #private::Err(#private::UnknownCode(code))
            }
        }

        #[automatically_derived]
        impl #impl_generics #private::FromStr for #ident #ty_generics #where_clause {
            type Err = #private::UnknownKey;

            fn from_str(key: &::core::primitive::str) -> #private::Result<Self, #private::UnknownKey> {
                let code = match <Self as #private::ApiError>::spec_for_key(key) {
                    #private::Some(spec) => spec.code(),
                    #private::None => return #private::Err(#private::unknown_key(key)),
                };
                match <Self as #private::TryFrom<::core::primitive::u16>>::try_from(code) {
                    #private::Ok(found) => #private::Ok(found),
                    #private::Err(_) => #private::Err(#private::unknown_key(key)),
                }
            }
        }
    }
}

/// `From<Wrapped>` for each `#[api(transparent)]` declaration, so `?` lifts a domain's error into
/// the composed type a handler returns. Two declarations cannot wrap the same type: their codes
/// would clash, which the composition check reports. A field with thiserror's `#[from]` gets
/// its `From` from thiserror, so none is emitted for it.
pub(crate) fn from_wrapped(model: &Model) -> TokenStream {
    let private = private();
    let ident = model.outline.ident;
    let (impl_generics, ty_generics, where_clause) = model.outline.generics.split_for_impl();
    let impls = model
        .transparent()
        .filter(|transparent| !transparent.field.has_from)
        .map(|transparent| {
            let ty = transparent.field.ty;
            let member = &transparent.field.member;
            let pattern = pattern_path(model.shape, transparent.decl);
            let cfgs = &transparent.decl.cfgs;
            quote! {
                #(#cfgs)*
                #[automatically_derived]
                impl #impl_generics #private::From<#ty> for #ident #ty_generics #where_clause {
                    fn from(wrapped: #ty) -> Self {
                        #pattern { #member: wrapped }
                    }
                }
            }
        });
    quote!(#(#impls)*)
}
