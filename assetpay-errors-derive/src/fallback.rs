//! What the derive emits when the declaration has errors: the errors, plus impls with the right
//! signatures, so code using the type does not add a second error for every mistake.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use syn::{Attribute, Data, DeriveInput, Meta};

/// `independent` holds the items that need no valid declaration (the domain checks and the
/// integrations' impls), emitted here too.
pub(crate) fn expand(
    input: &DeriveInput,
    errors: syn::Error,
    independent: TokenStream,
) -> TokenStream {
    let errors = errors.to_compile_error();
    let private = quote!(::assetpay_errors::__private);
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // The stubs mirror the impls a correct declaration gets: the conversions go to enums whose
    // variants are units or (as far as can be told here) transparent wrappers, so code that
    // converts a composed enum does not add an error either.
    let unit_only = match &input.data {
        Data::Enum(data) => data.variants.iter().all(|variant| {
            variant.fields.is_empty()
                || (variant.fields.len() == 1 && mentions_transparent(&variant.attrs))
        }),
        Data::Struct(_) | Data::Union(_) => false,
    };
    let conversions = unit_only.then(|| {
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
            #independent
            #[automatically_derived]
            impl #impl_generics #private::ApiError for #ident #ty_generics #where_clause {
                const CATALOG: &'static [#private::ErrorSpec] = &[];
                fn spec(&self) -> &'static #private::ErrorSpec {
                    ::core::unreachable!()
                }
                fn message(&self) -> #private::Cow<'_, ::core::primitive::str> {
                    ::core::unreachable!()
                }
            }
            #conversions
        };
    }
}

/// Whether an `#[api(...)]` among `attrs` holds the word `transparent`, without parsing it: the
/// attribute may be the broken one.
fn mentions_transparent(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| match &attr.meta {
        Meta::List(list) if list.path.is_ident("api") => list
            .tokens
            .clone()
            .into_iter()
            .any(|token| matches!(token, TokenTree::Ident(ident) if ident == "transparent")),
        _ => false,
    })
}
