//! `#[api(domain = PATH)]`: the domain is a value of the user's crate, whose range only rustc
//! can read, so the expansion checks each code against it during constant evaluation, with one
//! constant per code literal that fails the compile at that literal.
//!
//! The checks are emitted even when the declaration has other errors (with the fallback's stub
//! impls), so a code outside its domain is reported in the same compile as everything else.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::Input;
use crate::expand::private;

/// The constant that holds the domain, named by the catalogue's entries too.
pub(crate) fn value() -> TokenStream {
    quote!(__API_DOMAIN_VALUE)
}

/// The domain constant and one check per own code, or nothing without `domain`.
pub(crate) fn expand(input: &Input) -> TokenStream {
    let private = private();
    let Some(path) = &input.attrs.domain else {
        return TokenStream::new();
    };
    let value = value();
    let checks = input
        .errors
        .iter()
        .filter(|decl| decl.attrs.transparent.is_none())
        .filter_map(|decl| {
            let code = decl.attrs.code.as_ref()?;
            let mut literal = Literal::u16_unsuffixed(code.value);
            literal.set_span(code.span);
            let cfgs = &decl.cfgs;
            // Written out under the literal's span so the const-evaluation error points at it.
            Some(quote_spanned! {code.span=>
                #(#cfgs)*
                const _: () = if let ::core::option::Option::Some(problem) = #private::code_outside(#value, #literal) {
                    ::core::panic!("{}", problem.as_str())
                };
            })
        });
    // The path is named once, so an unknown domain is one error, rustc's own, at the path; the
    // borrow carries the path's span so that a constant of another type is reported there too.
    let borrow = quote_spanned!(path.span()=> &#path);
    quote! {
        const #value: &'static #private::Domain = #borrow;
        #(#checks)*
    }
}
