//! What every emitter writes the same way: the path to the runtime's items for generated code,
//! the pattern that names a declaration, and the size of a part that a `#[cfg]` may remove.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Attribute;

use crate::parse::{ErrorDecl, Shape};

/// [`private`] as source text, for the parts written as text (`source`).
pub(crate) const PRIVATE: &str = "::assetpay_errors::__private";

/// `::assetpay_errors::__private`, where every runtime item the expansion names is re-exported.
pub(crate) fn private() -> TokenStream {
    quote!(::assetpay_errors::__private)
}

/// `Self::Variant` for an enum, `Self` for a struct.
pub(crate) fn pattern_path(shape: Shape, decl: &ErrorDecl) -> TokenStream {
    match (shape, decl.variant) {
        (Shape::Enum, Some(variant)) => quote!(Self::#variant),
        _ => quote!(Self),
    }
}

/// [`pattern_path`] as source text.
pub(crate) fn pattern_source(shape: Shape, decl: &ErrorDecl) -> String {
    match (shape, decl.variant) {
        (Shape::Enum, Some(variant)) => format!("Self::{variant}"),
        _ => "Self".to_owned(),
    }
}

/// The variable an arm binds the declaration's field at `index` to, spanned at `span` (the
/// message template's, so that the arm's uses of it name the same variable under hygiene).
pub(crate) fn field_binding(index: usize, span: Span) -> syn::Ident {
    syn::Ident::new(&format!("__api_field_{index}"), span)
}

/// `size` as a constant expression, or zero when the declaration's `#[cfg]`s compile it out.
pub(crate) fn size_unless_cfg_out(cfgs: &[&Attribute], size: TokenStream) -> TokenStream {
    if cfgs.is_empty() {
        size
    } else {
        quote!({
            let mut __api_size = 0;
            #(#cfgs)* { __api_size = #size; }
            __api_size
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runtime_path_as_text_is_the_path_as_tokens() {
        assert_eq!(
            super::super::source::tokens(PRIVATE).to_string(),
            private().to_string()
        );
    }
}
