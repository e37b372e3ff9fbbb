//! Rendering of a validated model. Nothing here can fail: every check happened in `valid`.
//!
//! Everything is emitted inside `const _: () = { … };` so the helper items (the catalogue array,
//! its lookup tables, the cross-enum checks) are invisible to the user's namespace. Paths go
//! through `::assetpay_errors::__private` and `::core`, never the prelude.

use assetpay_errors_shared::{envelope, table};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::DeriveInput;
use syn::ext::IdentExt;

use crate::ast::{ErrorDecl, Input, Shape};
use crate::contract::{self, Published};
use crate::ctxt::Ctxt;
use crate::details;
use crate::domain_check;
use crate::fallback;
use crate::integrations::Integrations;
use crate::message::Piece;
use crate::valid::{self, Checked, Model, Own, Transparent};

/// The derive's whole work on proc_macro2 tokens, with the integrations this build enables; the
/// entry point and the robustness tests call it.
pub(crate) fn derive(input: TokenStream) -> TokenStream {
    derive_with(input, Integrations::ENABLED)
}

/// [`derive`] with the integrations chosen by the caller, so tests see both expansions.
pub(crate) fn derive_with(input: TokenStream, integrations: Integrations) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let cx = Ctxt::default();
    let ast = match Input::from_syn(&cx, &input) {
        Ok(ast) => ast,
        Err(refused) => return fallback::expand(&input, refused, TokenStream::new()),
    };
    let model = valid::check(&cx, &ast);
    let published = contract::read(&cx, &ast);
    // Items that need no valid model, emitted with the stubs too.
    let mut independent = domain_check::expand(&ast);
    independent.extend(integrations.expand(&ast));
    match cx.check() {
        Ok(()) => expand(&model, independent, published.as_ref()),
        Err(errors) => fallback::expand(&input, errors, independent),
    }
}

pub(crate) fn private() -> TokenStream {
    quote!(::assetpay_errors::__private)
}

/// `independent` holds the items emitted whether or not the declaration is valid: the domain
/// checks and the integrations' impls. `published` is the contract file the type names, read.
fn expand(model: &Model, independent: TokenStream, published: Option<&Published>) -> TokenStream {
    let private = private();
    let input = model.input;
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let type_name = ident.unraw().to_string();

    let catalog = Catalog::new(model);
    let catalog_items = &catalog.items;
    let composition_checks = composition_checks(model, &catalog, &type_name);
    let (contract_items, reserved_impl) =
        contract::expand(model, published, &|position| catalog.index_of(position));
    // The match yields an index and `CATALOG` is named once: rustc lowers the whole catalogue
    // constant to LLVM at every place that names it, which for thousands of arms cost seconds.
    let spec_arms = model.errors.iter().enumerate().map(|(position, checked)| {
        let pattern = pattern_path(input, checked.decl());
        let cfgs = &checked.decl().cfgs;
        match checked {
            Checked::Own(_) => {
                let index = catalog.index_of(position);
                quote!(#(#cfgs)* #pattern { .. } => #index,)
            }
            Checked::Transparent(transparent) => {
                let member = &transparent.field.member;
                // Through the field's type, so a type that is no `ApiError` is reported once, at
                // the field, like the catalogue's use of it.
                let ty = transparent.field.ty;
                quote!(#(#cfgs)* #pattern { #member: __api_inner, .. } => return <#ty as #private::ApiError>::spec(__api_inner),)
            }
        }
    });
    let spec_body = if model.errors.is_empty() {
        quote!(match *self {})
    } else if model
        .errors
        .iter()
        .all(|checked| matches!(checked, Checked::Transparent(_)))
    {
        quote!(match self { #(#spec_arms)* })
    } else {
        quote! {
            let index: ::core::primitive::usize = match self { #(#spec_arms)* };
            &<Self as #private::ApiError>::CATALOG[index]
        }
    };
    let message_body = message_body(model);
    let details_method = details::method(model);
    let conversions = conversions(model);
    let from_wrapped = from_wrapped(model);

    let domain = if input.attrs.domain.is_some() {
        let value = domain_check::value();
        quote!(#private::Some(#value))
    } else {
        quote!(#private::None)
    };

    quote! {
        #[allow(deprecated, unused_qualifications, non_upper_case_globals)]
        const _: () = {
            #independent
            const __API_DOMAIN: #private::Option<&'static #private::Domain> = #domain;
            const __API_TYPE_NAME: &::core::primitive::str = #type_name;
            #catalog_items
            #composition_checks
            #contract_items

            #[automatically_derived]
            impl #impl_generics #private::ApiError for #ident #ty_generics #where_clause {
                const CATALOG: &'static [#private::ErrorSpec] = &__API_CATALOG;
                #reserved_impl

                #[inline]
                fn spec(&self) -> &'static #private::ErrorSpec {
                    #spec_body
                }

                fn message(&self) -> #private::Cow<'_, ::core::primitive::str> {
                    #message_body
                }

                #details_method

                #[inline]
                fn spec_for_code(code: ::core::primitive::u16) -> #private::Option<&'static #private::ErrorSpec> {
                    #private::find_code(&__API_CODE_TABLE, <Self as #private::ApiError>::CATALOG, code)
                }

                #[inline]
                fn spec_for_key(key: &::core::primitive::str) -> #private::Option<&'static #private::ErrorSpec> {
                    #private::find_key(&__API_KEY_TABLE, <Self as #private::ApiError>::CATALOG, key)
                }
            }

            #conversions
            #from_wrapped
        };
    }
}

/// `From<Wrapped>` for each `#[api(transparent)]` declaration, so `?` lifts a domain's error into
/// the composed type a handler returns. Two declarations cannot wrap the same type: their codes
/// would clash, which the composition check reports. A field with thiserror's `#[from]` gets
/// its `From` from thiserror, so none is emitted for it.
fn from_wrapped(model: &Model) -> TokenStream {
    let private = private();
    let input = model.input;
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let impls = model.errors.iter().filter_map(|checked| {
        let Checked::Transparent(transparent) = checked else {
            return None;
        };
        if transparent.field.has_from {
            return None;
        }
        let ty = transparent.field.ty;
        let member = &transparent.field.member;
        let pattern = pattern_path(input, transparent.decl);
        let cfgs = &transparent.decl.cfgs;
        Some(quote! {
            #(#cfgs)*
            #[automatically_derived]
            impl #impl_generics #private::From<#ty> for #ident #ty_generics #where_clause {
                fn from(wrapped: #ty) -> Self {
                    #pattern { #member: wrapped }
                }
            }
        })
    });
    quote!(#(#impls)*)
}

/// `Self::Variant` for an enum, `Self` for a struct.
pub(crate) fn pattern_path(input: &Input, decl: &ErrorDecl) -> TokenStream {
    match (input.shape, decl.variant) {
        (Shape::Enum, Some(variant)) => quote!(Self::#variant),
        _ => quote!(Self),
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

/// The flattened catalogue array, its lookup tables, and how to find each declaration's place
/// in it.
struct Catalog {
    items: TokenStream,
    /// Literal positions when nothing is flattened or `cfg`'d; otherwise offsets computed during
    /// constant evaluation.
    literal_indices: bool,
}

impl Catalog {
    fn new(model: &Model) -> Catalog {
        let private = private();
        let plain = model
            .errors
            .iter()
            .all(|checked| matches!(checked, Checked::Own(_)) && checked.decl().cfgs.is_empty());
        if plain {
            let specs = model.errors.iter().filter_map(|checked| match checked {
                Checked::Own(own) => Some(spec_expr(own)),
                Checked::Transparent(_) => None,
            });
            let len = model.errors.len();
            let own = || {
                model.errors.iter().filter_map(|checked| match checked {
                    Checked::Own(own) => Some(own),
                    Checked::Transparent(_) => None,
                })
            };
            // Every code and key is known here, so the tables are filled now rather than by
            // the interpreter during constant evaluation, which costs far more per entry.
            let code_table = lookup_table(own().map(|own| table::hash_code(own.code)));
            let key_table = lookup_table(own().map(|own| table::hash_key(own.key.as_bytes())));
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
            let cfgs = &checked.decl().cfgs;
            if cfgs.is_empty() {
                size
            } else {
                quote!({
                    let mut __api_size = 0;
                    #(#cfgs)* { __api_size = #size; }
                    __api_size
                })
            }
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
                        #private::copy_specs(&mut __api_catalog, __API_OFFSETS[#position], <#ty as #private::ApiError>::CATALOG);
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

    fn index_of(&self, position: usize) -> TokenStream {
        if self.literal_indices {
            Literal::usize_unsuffixed(position).into_token_stream()
        } else {
            quote!(__API_OFFSETS[#position])
        }
    }
}

fn spec_expr(own: &Own) -> TokenStream {
    let private = private();
    let code = own.code;
    let key = &own.key;
    let status = own.status;
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
    // A declared static message makes the whole envelope after the request id a constant.
    let json = if interpolated {
        envelope::head(code, key)
    } else {
        envelope::tail(code, key, message)
    };
    // Positional, with the values every entry shares hoisted into constants: the catalogue of
    // a large enum is thousands of these, and each token is type-checked.
    quote! {
        #private::declared_spec(#code, #key, #status, #message, #description, __API_DOMAIN, #retryable, #retry_after, __API_TYPE_NAME, #variant, #interpolated, #deprecated, #json)
    }
}

/// One const check per declaration that can bring a clash the derive cannot see: each
/// transparent variant, and each own variant declared after one. A clash is reported at the
/// declaration that brought the second use.
fn composition_checks(model: &Model, catalog: &Catalog, type_name: &str) -> TokenStream {
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

fn message_body(model: &Model) -> TokenStream {
    let private = private();
    if model.errors.is_empty() {
        return quote!(match *self {});
    }
    let input = model.input;
    let mut needs_default = false;
    let arms: Vec<TokenStream> = model
        .errors
        .iter()
        .filter_map(|checked| {
            let pattern = pattern_path(input, checked.decl());
            let cfgs = &checked.decl().cfgs;
            match checked {
                Checked::Transparent(transparent) => {
                    let member = &transparent.field.member;
                    let ty = transparent.field.ty;
                    Some(quote!(#(#cfgs)* #pattern { #member: __api_inner, .. } => <#ty as #private::ApiError>::message(__api_inner),))
                }
                Checked::Own(own) if own.template.is_interpolated() => {
                    Some(interpolated_arm(own, &pattern))
                }
                Checked::Own(_) => {
                    needs_default = true;
                    None
                }
            }
        })
        .collect();
    let default = needs_default
        .then(|| quote!(_ => #private::Cow::Borrowed(#private::ApiError::spec(self).message()),));
    quote!(match self { #(#arms)* #default })
}

fn interpolated_arm(own: &Own, pattern: &TokenStream) -> TokenStream {
    let private = private();
    let decl = own.decl;
    // Bindings carry the message's span, so an error about a field's formatting (a missing
    // `Display` or `Debug`) points at the message that asks for it.
    let span = decl
        .attrs
        .message
        .as_ref()
        .map_or_else(Span::call_site, |message| message.span);
    let binding = |index: usize| syn::Ident::new(&format!("__api_field_{index}"), span);
    let used: Vec<usize> = decl
        .fields
        .iter()
        .enumerate()
        .filter(|(_, field)| own.template.fields().any(|name| name == field.name))
        .map(|(index, _)| index)
        .collect();
    let bindings = used.iter().map(|&index| {
        let member = &decl.fields[index].member;
        let name = binding(index);
        quote!(#member: #name)
    });
    let arguments = own.template.pieces.iter().filter_map(|piece| match piece {
        Piece::Field { name, .. } => decl
            .fields
            .iter()
            .position(|field| field.name == *name)
            .map(binding),
        Piece::Text(_) => None,
    });
    let mut format = Literal::string(&own.template.format_string());
    format.set_span(span);
    let cfgs = &decl.cfgs;
    quote! {
        #(#cfgs)* #pattern { #(#bindings,)* .. } => #private::Cow::Owned(#private::format!(#format #(, #arguments)*)),
    }
}

/// `TryFrom<u16>` and `FromStr` for enums whose own variants are all unit variants. Transparent
/// variants take part through the wrapped type's `TryFrom<u16>`; the bound is higher-ranked so
/// an enum wrapping a type without it simply gets no conversions instead of an error.
fn conversions(model: &Model) -> TokenStream {
    let private = private();
    let input = model.input;
    let unit_only = input.shape == Shape::Enum
        && model.errors.iter().all(|checked| match checked {
            Checked::Own(own) => own.decl.fields.is_empty(),
            Checked::Transparent(_) => true,
        });
    if !unit_only {
        return TokenStream::new();
    }
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let mut predicates: Vec<TokenStream> = where_clause
        .map(|clause| {
            clause
                .predicates
                .iter()
                .map(ToTokens::to_token_stream)
                .collect()
        })
        .unwrap_or_default();
    let mut own_arms = Vec::new();
    let mut delegations = Vec::new();
    for checked in &model.errors {
        let decl = checked.decl();
        let cfgs = &decl.cfgs;
        let pattern = pattern_path(input, decl);
        match checked {
            Checked::Own(own) => {
                let code = own.code;
                own_arms.push(quote!(#(#cfgs)* #code => return #private::Ok(#pattern),));
            }
            Checked::Transparent(transparent) => {
                let ty = transparent.field.ty;
                let member = &transparent.field.member;
                predicates.push(quote!(for<'__api> #ty: #private::TryFrom<::core::primitive::u16>));
                delegations.push(quote! {
                    #(#cfgs)* {
                        if let #private::Ok(inner) = <#ty as #private::TryFrom<::core::primitive::u16>>::try_from(code) {
                            return #private::Ok(#pattern { #member: inner });
                        }
                    }
                });
            }
        }
    }
    let where_clause = (!predicates.is_empty()).then(|| quote!(where #(#predicates),*));
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::TryFrom<::core::primitive::u16> for #ident #ty_generics #where_clause {
            type Error = #private::UnknownCode;

            fn try_from(code: ::core::primitive::u16) -> #private::Result<Self, #private::UnknownCode> {
                match code {
                    #(#own_arms)*
                    _ => {}
                }
                #(#delegations)*
                #private::Err(#private::UnknownCode(code))
            }
        }

        #[automatically_derived]
        impl #impl_generics #private::FromStr for #ident #ty_generics #where_clause {
            type Err = #private::UnknownKey;

            fn from_str(key: &::core::primitive::str) -> #private::Result<Self, #private::UnknownKey> {
                let code = match <Self as #private::ApiError>::spec_for_key(key) {
                    #private::Some(spec) => spec.code(),
                    #private::None => return #private::Err(#private::unknown_key(key)),
                };
                match <Self as #private::TryFrom<::core::primitive::u16>>::try_from(code) {
                    #private::Ok(found) => #private::Ok(found),
                    #private::Err(_) => #private::Err(#private::unknown_key(key)),
                }
            }
        }
    }
}
