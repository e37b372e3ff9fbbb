//! The catalogue array (`ApiError::CATALOG`) and its lookup tables by code and by key: literal
//! when every entry is the type's own, filled during constant evaluation when some come from
//! wrapped types or may be compiled out.

use assetpay_errors_shared::{envelope, table};
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use super::paths::{private, size_unless_cfg_out};
use crate::check::{Checked, Model, Own};

/// The flattened catalogue array, its lookup tables, and how to find each declaration's place
/// in it.
pub(crate) struct Catalog {
    pub(crate) items: TokenStream,
    /// Literal positions when nothing is flattened or `cfg`'d; otherwise offsets computed during
    /// constant evaluation.
    literal_indices: bool,
}

impl Catalog {
    pub(crate) fn new(model: &Model) -> Catalog {
        let private = private();
        let plain = model
            .errors
            .iter()
            .all(|checked| matches!(checked, Checked::Own(_)) && checked.decl().cfgs.is_empty());
        if plain {
            let specs = model.own().map(spec_expr);
            let len = model.errors.len();
            // Every code and key is known here, so the tables are filled now rather than by
            // the interpreter during constant evaluation, which costs far more per entry.
            let code_table = lookup_table(model.own().map(|own| table::hash_code(own.code.value)));
            let key_table = lookup_table(
                model
                    .own()
                    .map(|own| table::hash_key(own.key.value.as_bytes())),
            );
            let table_len = code_table.len();
            return Catalog {
                items: quote! {
                    const __API_CATALOG_LEN: ::core::primitive::usize = #len;
                    const __API_CATALOG: [#private::ErrorSpec; __API_CATALOG_LEN] = [#(#specs),*];
                    const __API_TABLE_LEN: ::core::primitive::usize = #table_len;
                    static __API_CODE_TABLE: [::core::primitive::u16; __API_TABLE_LEN] = [#(#code_table),*];
                    static __API_KEY_TABLE: [::core::primitive::u16; __API_TABLE_LEN] = [#(#key_table),*];
                },
                literal_indices: true,
            };
        }

        let count = model.errors.len();
        let count_plus_one = count + 1;
        let sizes = model.errors.iter().map(|checked| {
            let size = match checked {
                Checked::Own(_) => quote!(1),
                Checked::Transparent(transparent) => {
                    let ty = transparent.field.ty;
                    quote!(<#ty as #private::ApiError>::CATALOG.len())
                }
            };
            size_unless_cfg_out(&checked.decl().cfgs, size)
        });
        let fills = model.errors.iter().enumerate().map(|(position, checked)| {
            let cfgs = &checked.decl().cfgs;
            match checked {
                Checked::Own(own) => {
                    let spec = spec_expr(own);
                    quote!(#(#cfgs)* { __api_catalog[__API_OFFSETS[#position]] = #spec; })
                }
                Checked::Transparent(transparent) => {
                    let ty = transparent.field.ty;
                    quote!(#(#cfgs)* {
                        #private::copy_into(&mut __api_catalog, __API_OFFSETS[#position], <#ty as #private::ApiError>::CATALOG);
                    })
                }
            }
        });
        Catalog {
            items: quote! {
                const __API_OFFSETS: [::core::primitive::usize; #count_plus_one] =
                    #private::offsets::<#count, #count_plus_one>([#(#sizes),*]);
                const __API_CATALOG_LEN: ::core::primitive::usize = __API_OFFSETS[#count];
                const __API_CATALOG: [#private::ErrorSpec; __API_CATALOG_LEN] = {
                    let mut __api_catalog = [#private::PLACEHOLDER; __API_CATALOG_LEN];
                    #(#fills)*
                    __api_catalog
                };
                const __API_TABLE_LEN: ::core::primitive::usize = #private::table_len(__API_CATALOG_LEN);
                static __API_CODE_TABLE: [::core::primitive::u16; __API_TABLE_LEN] =
                    #private::code_table::<__API_TABLE_LEN>(&__API_CATALOG);
                static __API_KEY_TABLE: [::core::primitive::u16; __API_TABLE_LEN] =
                    #private::key_table::<__API_TABLE_LEN>(&__API_CATALOG);
            },
            literal_indices: false,
        }
    }

    /// The catalogue index of the declaration at `position` in the model; `position` one past
    /// the last is the catalogue's length.
    pub(crate) fn index_of(&self, position: usize) -> TokenStream {
        if self.literal_indices {
            Literal::usize_unsuffixed(position).into_token_stream()
        } else {
            quote!(__API_OFFSETS[#position])
        }
    }
}

/// A filled lookup table for entries with these hashes, in catalogue order, as literals.
fn lookup_table(hashes: impl Iterator<Item = u64>) -> Vec<Literal> {
    let hashes: Vec<u64> = hashes.collect();
    let mut slots = vec![table::EMPTY; table::table_len(hashes.len())];
    for (index, hash) in hashes.into_iter().enumerate() {
        table::insert(&mut slots, hash, index);
    }
    slots.into_iter().map(Literal::u16_unsuffixed).collect()
}

fn spec_expr(own: &Own) -> TokenStream {
    let private = private();
    let code = own.code.value;
    let key = &own.key.value;
    let status = own.status.value;
    let message = &own.message;
    let description = &own.description;
    let retryable = own.retryable;
    let retry_after = match own.retry_after {
        Some(seconds) => quote!(#private::Some(#seconds)),
        None => quote!(#private::None),
    };
    let variant = &own.decl.name;
    let interpolated = own.template.is_interpolated();
    let deprecated = own.decl.deprecated;
    let doc_url = match &own.doc_url {
        Some(url) => quote!(#private::Some(#url)),
        None => quote!(#private::None),
    };
    // A declared static message makes the whole envelope after the request id a constant.
    let json = if interpolated {
        envelope::head(code, key)
    } else {
        envelope::tail(code, key, message)
    };
    // Positional, with the values every entry shares hoisted into constants: the catalogue of
    // a large enum is thousands of these, and each token is type-checked.
    quote! {
        #private::declared_spec(#code, #key, #status, #message, #description, __API_DOMAIN, #retryable, #retry_after, __API_TYPE_NAME, #variant, #interpolated, #deprecated, #json, #doc_url)
    }
}
