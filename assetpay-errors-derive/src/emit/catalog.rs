//! The catalogue array (`ApiError::CATALOG`) and its lookup tables by code and by key: literal
//! when every entry is the type's own, filled during constant evaluation when some come from
//! wrapped types or may be compiled out.

use std::fmt::Write as _;

use assetpay_errors_shared::{envelope, table};
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use super::paths::{PRIVATE, private, size_unless_cfg_out};
use super::source;
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
            let mut data = String::new();
            data.push('[');
            for own in model.own() {
                push_spec(&mut data, own);
                data.push(',');
            }
            data.push(']');
            let specs = source::tokens(&data);
            let code_table = source::tokens(&table_source(&code_table));
            let key_table = source::tokens(&table_source(&key_table));
            return Catalog {
                items: quote! {
                    const __API_CATALOG_LEN: ::core::primitive::usize = #len;
                    const __API_CATALOG: [#private::ErrorSpec; __API_CATALOG_LEN] = #specs;
                    const __API_TABLE_LEN: ::core::primitive::usize = #table_len;
                    static __API_CODE_TABLE: [::core::primitive::u16; __API_TABLE_LEN] = #code_table;
                    static __API_KEY_TABLE: [::core::primitive::u16; __API_TABLE_LEN] = #key_table;
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
                    let mut spec = String::new();
                    push_spec(&mut spec, own);
                    let spec = source::tokens(&spec);
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

    /// The catalogue index of the declaration at `position` when it is known now (nothing
    /// flattened or `cfg`'d), for arms written as source text.
    pub(crate) fn literal_index(&self, position: usize) -> Option<usize> {
        self.literal_indices.then_some(position)
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

/// A filled lookup table for entries with these hashes, in catalogue order.
fn lookup_table(hashes: impl Iterator<Item = u64>) -> Vec<u16> {
    let hashes: Vec<u64> = hashes.collect();
    let mut slots = vec![table::EMPTY; table::table_len(hashes.len())];
    for (index, hash) in hashes.into_iter().enumerate() {
        table::insert(&mut slots, hash, index);
    }
    slots
}

/// `[slot, slot, …]`, the source of a filled lookup table.
fn table_source(slots: &[u16]) -> String {
    let mut out = String::with_capacity(slots.len() * 6 + 2);
    out.push('[');
    for slot in slots {
        let _ = write!(out, "{slot},");
    }
    out.push(']');
    out
}

/// Appends the source of `own`'s catalogue entry to `out`.
fn push_spec(out: &mut String, own: &Own) {
    let interpolated = own.template.is_interpolated();
    // A declared static message makes the whole envelope after the request id a constant.
    let json = if interpolated {
        envelope::head(own.code.value, &own.key.value)
    } else {
        envelope::tail(own.code.value, &own.key.value, &own.message)
    };
    // Positional, with the values every entry shares hoisted into constants: the catalogue of
    // a large enum is thousands of these, and each token is type-checked.
    // An override wraps the entry, so every other entry's text stays what it was.
    if let Some(code) = own.grpc {
        let _ = write!(out, "{PRIVATE}::with_grpc_code({code}u8,");
    }
    let params = own.template.params();
    if !params.is_empty() {
        let _ = write!(out, "{PRIVATE}::with_params(&[");
        for (name, _) in &params {
            source::push_str_literal(out, name);
            out.push(',');
        }
        out.push_str("],");
    }
    let _ = write!(out, "{PRIVATE}::declared_spec({}u16,", own.code.value);
    source::push_str_literal(out, &own.key.value);
    let _ = write!(out, ",{}u16,", own.status.value);
    source::push_str_literal(out, &own.message);
    out.push(',');
    source::push_str_literal(out, &own.description);
    let _ = write!(out, ",__API_DOMAIN,{},", own.retryable);
    match own.retry_after {
        Some(seconds) => {
            let _ = write!(out, "{PRIVATE}::Some({seconds}u32),");
        }
        None => {
            let _ = write!(out, "{PRIVATE}::None,");
        }
    }
    out.push_str("__API_TYPE_NAME,");
    source::push_str_literal(out, &own.decl.name);
    let _ = write!(out, ",{interpolated},{},", own.decl.deprecated);
    source::push_str_literal(out, &json);
    match &own.doc_url {
        Some(url) => {
            let _ = write!(out, ",{PRIVATE}::Some(");
            source::push_str_literal(out, url);
            out.push_str("))");
        }
        None => {
            let _ = write!(out, ",{PRIVATE}::None)");
        }
    }
    if !params.is_empty() {
        out.push(')');
    }
    if own.grpc.is_some() {
        out.push(')');
    }
}
