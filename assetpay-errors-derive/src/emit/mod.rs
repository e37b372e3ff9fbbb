//! The last stage: the checked model rendered as items, one module per generated item, with code
//! that cannot fail (every check happened in `check`). The emitters read the model alone: every
//! span they write under comes from it.
//!
//! Everything is emitted inside `const _: () = { … };` so the helper items (the catalogue array,
//! its lookup tables, the cross-enum checks) are invisible to the user's namespace. Paths go
//! through `::assetpay_errors::__private` and `::core`, never the prelude (`paths`). When the
//! declaration has errors, `fallback` emits them with stub impls instead.

mod api_error;
mod catalog;
mod composition;
mod contract;
mod conversions;
mod details;
mod domain;
mod fallback;
mod into_response;
mod message_fields;
mod paths;
mod source;

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use self::catalog::Catalog;
pub(crate) use self::fallback::expand as fallback;
pub(crate) use self::into_response::Integrations;
use crate::check::Model;

/// Every item the derive generates for a valid declaration.
pub(crate) fn expand(model: &Model, integrations: Integrations) -> TokenStream {
    let outline = &model.outline;
    // Emitted for a declaration with errors too (see `fallback`).
    let domain_checks = domain::checks(outline);
    let integrations = integrations.impls(outline);
    let domain = domain::of_catalog(outline);
    let type_name = outline.ident.unraw().to_string();
    let catalog = Catalog::new(model);
    let catalog_items = &catalog.items;
    let composition_checks = composition::checks(model, &catalog, &type_name);
    let contract_items = contract::items(model, &catalog);
    let api_error = api_error::impl_api_error(model, &catalog);
    let conversions = conversions::from_code_and_key(model);
    let from_wrapped = conversions::from_wrapped(model);

    quote! {
        #[allow(deprecated, unused_qualifications, non_upper_case_globals)]
        const _: () = {
            #domain_checks
            #integrations
            #domain
            const __API_TYPE_NAME: &::core::primitive::str = #type_name;
            #catalog_items
            #composition_checks
            #contract_items

            #api_error

            #conversions
            #from_wrapped
        };
    }
}
