//! `#[api(domain = PATH)]`: the domain is a value of the user's crate, whose range only rustc
//! can read, so the expansion checks each code against it during constant evaluation, with one
//! constant per code literal that fails the compile at that literal.
//!
//! The checks are emitted even when the declaration has other errors (with the fallback's stub
//! impls), from the codes `check` collected, so a code outside its domain is reported in the
//! same compile as everything else.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};

use super::paths::private;
use crate::check::Outline;

/// The constant that holds the domain, named by the catalogue's entries too.
fn value() -> TokenStream {
    quote!(__API_DOMAIN_VALUE)
}

/// The domain constant and one check per own code, or nothing without `domain`.
pub(crate) fn checks(outline: &Outline) -> TokenStream {
    let private = private();
    let Some(domain) = &outline.domain else {
        return TokenStream::new();
    };
    let value = value();
    let checks = domain.codes.iter().map(|declared| {
        let code = &declared.code;
        let mut literal = Literal::u16_unsuffixed(code.value);
        literal.set_span(code.span);
        let cfgs = declared.cfgs;
        // Written out under the literal's span so the const-evaluation error points at it.
        quote_spanned! {code.span=>
            #(#cfgs)*
            const _: () = if let ::core::option::Option::Some(problem) = #private::code_outside(#value, #literal) {
                ::core::panic!("{}", problem.as_str())
            };
        }
    });
    // The path is named once, so an unknown domain is one error, rustc's own, at the path; the
    // borrow carries the path's span so that a constant of another type is reported there too.
    let path = domain.path;
    let borrow = quote_spanned!(domain.span=> &#path);
    quote! {
        const #value: &'static #private::Domain = #borrow;
        #(#checks)*
    }
}

/// `__API_DOMAIN`, which every own entry of the catalogue names: the domain, or none.
pub(crate) fn of_catalog(outline: &Outline) -> TokenStream {
    let private = private();
    let domain = if outline.domain.is_some() {
        let value = value();
        quote!(#private::Some(#value))
    } else {
        quote!(#private::None)
    };
    quote! {
        const __API_DOMAIN: #private::Option<&'static #private::Domain> = #domain;
    }
}
