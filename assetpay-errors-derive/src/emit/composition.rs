//! The composition check: a composed type's codes and keys, its own and those its transparent
//! variants bring, are known only to rustc, so a clash among them is found during constant
//! evaluation and reported at the declaration that brought the second use.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::catalog::Catalog;
use super::paths::private;
use crate::check::{Checked, Model, Transparent};

/// One const check per declaration that can bring a clash the derive cannot see: each
/// transparent variant, and each own variant declared after one.
pub(crate) fn checks(model: &Model, catalog: &Catalog, type_name: &str) -> TokenStream {
    let private = private();
    let Some(first_transparent) = model
        .errors
        .iter()
        .position(|checked| matches!(checked, Checked::Transparent(_)))
    else {
        return TokenStream::new();
    };
    let checks = model.errors.iter().enumerate().skip(first_transparent).map(|(position, checked)| {
        let span = match checked {
            Checked::Transparent(Transparent { span, .. }) => *span,
            Checked::Own(own) => own.decl.span,
        };
        let start = catalog.index_of(position);
        let end = catalog.index_of(position + 1);
        let cfgs = &checked.decl().cfgs;
        // The path is written out under `span` (not interpolated) so the const-evaluation
        // error points at the declaration that brought the clash.
        quote_spanned! {span=>
            #(#cfgs)*
            const _: () = if let ::core::option::Option::Some(clash) = __API_CLASHES.within(#start, #end) {
                ::core::panic!("{}", clash)
            };
        }
    });
    quote! {
        const __API_CLASHES: #private::Clashes =
            #private::find_clashes::<__API_TABLE_LEN>(&__API_CATALOG, #type_name);
        #(#checks)*
    }
}
