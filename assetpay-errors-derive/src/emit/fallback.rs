//! What the derive emits when the declaration has errors: the errors, plus impls with the right
//! signatures, so code using the type does not add a second error for every mistake.

use proc_macro2::TokenStream;
use quote::quote;

use super::domain;
use super::into_response::Integrations;
use super::paths::private;
use crate::check::Refused;

/// The errors, the stub impls, and the items emitted whether or not the declaration is valid
/// (the domain checks, the integrations' impls).
pub(crate) fn expand(refused: &Refused, integrations: Integrations) -> TokenStream {
    let outline = &refused.outline;
    let errors = refused.errors.to_compile_error();
    let private = private();
    let ident = outline.ident;
    let (impl_generics, ty_generics, where_clause) = outline.generics.split_for_impl();
    let domain_checks = domain::checks(outline);
    let integrations = integrations.impls(outline);
    // The stubs mirror the impls a correct declaration gets, so code that converts the type
    // does not add an error either.
    let conversions = outline.conversions.then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics #private::TryFrom<::core::primitive::u16> for #ident #ty_generics #where_clause {
                type Error = #private::UnknownCode;
                fn try_from(_: ::core::primitive::u16) -> #private::Result<Self, #private::UnknownCode> {
                    ::core::unreachable!()
                }
            }
            #[automatically_derived]
            impl #impl_generics #private::FromStr for #ident #ty_generics #where_clause {
                type Err = #private::UnknownKey;
                fn from_str(_: &::core::primitive::str) -> #private::Result<Self, #private::UnknownKey> {
                    ::core::unreachable!()
                }
            }
        }
    });
    quote! {
        #errors
        #[allow(deprecated, unused_qualifications)]
        const _: () = {
            #domain_checks
            #integrations
            #[automatically_derived]
            impl #impl_generics #private::ApiError for #ident #ty_generics #where_clause {
                const CATALOG: &'static [#private::ErrorSpec] = &[];
                fn spec(&self) -> &'static #private::ErrorSpec {
                    ::core::unreachable!()
                }
                fn message(&self) -> #private::Cow<'_, ::core::primitive::str> {
                    ::core::unreachable!()
                }
                fn spec_for_code(_: ::core::primitive::u16) -> #private::Option<&'static #private::ErrorSpec> {
                    #private::None
                }
                fn spec_for_key(_: &::core::primitive::str) -> #private::Option<&'static #private::ErrorSpec> {
                    #private::None
                }
            }
            #[automatically_derived]
            impl #impl_generics #private::Sealed for #ident #ty_generics #where_clause {}
            #conversions
        };
    }
}
