//! The contract check: the published file's entries and the reservations as constants, and one
//! tiny check per place `check` found a break can be reported, written under that place's span
//! so the const-evaluation error points there. `ApiError::RESERVED` is emitted here too.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};

use super::catalog::Catalog;
use super::paths::{private, size_unless_cfg_out};
use crate::check::{ContractPart, Model};
use crate::parse::Retired;

/// The contract's items (inside the expansion's `const _`), or nothing when the type takes no
/// part in the contract checks.
pub(crate) fn items(model: &Model, catalog: &Catalog) -> TokenStream {
    let Some(contract) = &model.contract else {
        return TokenStream::new();
    };
    let private = private();
    let reserved = reserved_items(model);
    // Tracks the file, so editing it recompiles the crate.
    let track = contract.published.as_ref().map(|published| {
        let path = &published.path.value;
        quote! {
            const _: &[::core::primitive::u8] = ::core::include_bytes!(::core::concat!(::core::env!("CARGO_MANIFEST_DIR"), "/", #path));
        }
    });
    let checks = model.errors.iter().zip(&contract.checks).enumerate().map(
        |(position, (checked, checks))| {
            let index = catalog.index_of(position);
            let cfgs = &checked.decl().cfgs;
            let checks = checks.iter().map(|check| {
                let problem = match check.part {
                    ContractPart::Within => {
                        let end = catalog.index_of(position + 1);
                        quote!(__API_CONTRACT.within(#index, #end))
                    }
                    part => {
                        let name = syn::Ident::new(part_name(part), Span::call_site());
                        quote!(__API_CONTRACT.#name(#index))
                    }
                };
                let check = panic_if(problem, check.span);
                quote!(#(#cfgs)* #check)
            });
            quote!(#(#checks)*)
        },
    );
    // One check per entry the file can lose, at the file's path.
    let removed = contract.published.as_ref().map(|published| {
        let checks = (0..contract.removed)
            .map(|nth| panic_if(quote!(__API_CONTRACT.removed(#nth)), published.path.span));
        quote!(#(#checks)*)
    });
    let evaluated = contract.evaluated().then(|| {
        let entries = contract
            .published
            .as_ref()
            .map_or(&[][..], |published| &published.entries[..]);
        let published_len = entries.len();
        let published_specs = entries.iter().map(|entry| {
            let (code, key, status) = (entry.code, &entry.key, entry.status);
            let (retryable, deprecated) = (entry.retryable, entry.deprecated);
            quote!(#private::published_spec(#code, #key, #status, #retryable, #deprecated))
        });
        quote! {
            const __API_PUBLISHED: [#private::PublishedSpec; #published_len] = [#(#published_specs),*];
            const __API_CONTRACT: #private::ContractBreaks =
                #private::check_contract(&__API_CATALOG, &__API_PUBLISHED, &__API_RESERVED, __API_TYPE_NAME);
        }
    });
    quote! {
        #track
        #reserved
        #evaluated
        #(#checks)*
        #removed
    }
}

/// `ApiError::RESERVED`, when the type takes part in the contract checks.
pub(crate) fn reserved_item(model: &Model) -> TokenStream {
    if model.contract.is_none() {
        return TokenStream::new();
    }
    let private = private();
    quote! {
        const RESERVED: &'static [#private::Reserved] = &__API_RESERVED;
    }
}

/// The method of `ContractBreaks` that answers for `part` of one declaration.
fn part_name(part: ContractPart) -> &'static str {
    match part {
        ContractPart::Within => "within",
        ContractPart::Code => "at_code",
        ContractPart::Key => "at_key",
        ContractPart::Status => "at_status",
        ContractPart::Declaration => "at_declaration",
    }
}

/// `__API_RESERVED`: the type's own reservations, then those of each transparent declaration's
/// type, flattened like the catalogue.
fn reserved_items(model: &Model) -> TokenStream {
    let private = private();
    let own_reserved = model
        .contract
        .as_ref()
        .map_or(&[][..], |contract| contract.reserved);
    let own: Vec<TokenStream> = own_reserved
        .iter()
        .map(|item| match &item.value {
            Retired::Codes { first, last } => {
                quote!(#private::Reserved::codes(#first, #last, __API_TYPE_NAME))
            }
            Retired::Key(key) => quote!(#private::Reserved::key(#key, __API_TYPE_NAME)),
        })
        .collect();
    let own_len = Literal::usize_unsuffixed(own.len());
    let (sizes, copies): (Vec<TokenStream>, Vec<TokenStream>) = model
        .transparent()
        .map(|transparent| {
            let ty = transparent.field.ty;
            let cfgs = &transparent.decl.cfgs;
            let reserved = quote!(<#ty as #private::ApiError>::RESERVED);
            let size = size_unless_cfg_out(cfgs, quote!(#reserved.len()));
            let copy = quote!(#(#cfgs)* {
                __api_at = #private::copy_into(&mut __api_reserved, __api_at, #reserved);
            });
            (size, copy)
        })
        .unzip();
    quote! {
        const __API_RESERVED_LEN: ::core::primitive::usize = #own_len #(+ #sizes)*;
        const __API_RESERVED: [#private::Reserved; __API_RESERVED_LEN] = {
            let mut __api_reserved = [#private::RESERVED_PLACEHOLDER; __API_RESERVED_LEN];
            let mut __api_at = 0;
            #( __api_reserved[__api_at] = #own; __api_at += 1; )*
            #(#copies)*
            ::core::assert!(__api_at == __API_RESERVED_LEN);
            __api_reserved
        };
    }
}

/// A constant that fails the compile with `problem`'s text, written under `span` so the error
/// points there.
fn panic_if(problem: TokenStream, span: Span) -> TokenStream {
    quote_spanned! {span=>
        const _: () = if let ::core::option::Option::Some(problem) = #problem {
            ::core::panic!("{}", problem)
        };
    }
}
