//! The second stage: the parsed declaration judged against every rule, each problem reported at
//! the token that causes it, into the accumulator the parse stage started.
//!
//! What comes out is a [`Model`] when nothing was reported, or else a [`Refused`] declaration:
//! either way an [`Outline`] of what is known of the type regardless (its name and generics,
//! whether it gets conversions, the domain its codes are checked against, whether it gets
//! `IntoResponse`), so that the items emitted with the stubs come from what the check decided,
//! not from the raw input. The model carries every span an emitter needs: nothing after this
//! stage reads an attribute. The published file is read here too (`contract`), reported at its
//! path literal when it cannot be.

mod contract;
mod details;
mod doc_url;
mod generics;
mod model;
mod valid;

use syn::{Generics, Ident};

pub(crate) use self::model::{Checked, ContractPart, Model, Outline, Own, Refused, Transparent};
use self::model::{DeclaredCode, DomainCodes};
use crate::parse::{Ctxt, Input, Located, Shape};

/// The model of `input`, or, when `cx` holds an error (the parse stage's or one found here),
/// every error together with the outline the stubs are written from.
pub(crate) fn check<'a>(cx: Ctxt, input: &'a Input<'a>) -> Result<Model<'a>, Refused<'a>> {
    let outline = outline(input);
    let errors = valid::check(&cx, input);
    let published = contract::read(&cx, input);
    if let Some(published) = &published {
        contract::check_params(&cx, &errors, published);
    }
    if let Err(reported) = cx.check() {
        return Err(Refused {
            outline,
            errors: reported,
        });
    }
    let contract = contract::plan(&errors, published, &input.attrs.reserved);
    Ok(Model {
        outline,
        shape: input.shape,
        errors,
        contract,
    })
}

impl<'a> Refused<'a> {
    /// A type refused before it could be read (a union): nothing is known of it beyond its name
    /// and generics, so it gets the stub `ApiError` impl alone.
    pub(crate) fn outright(ident: &'a Ident, generics: &'a Generics, errors: syn::Error) -> Self {
        Refused {
            outline: Outline {
                ident,
                generics,
                conversions: false,
                domain: None,
                into_response: false,
            },
            errors,
        }
    }
}

fn outline<'a>(input: &'a Input<'a>) -> Outline<'a> {
    let into_response = input
        .attrs
        .into_response
        .as_ref()
        .is_none_or(|choice| choice.value);
    Outline {
        ident: input.ident,
        generics: input.generics,
        conversions: conversions(input),
        domain: domain_codes(input),
        into_response,
    }
}

/// Whether the type gets `TryFrom<u16>` and `FromStr`: an enum whose own variants are all unit
/// variants, the others wrapping one error (which take part through the wrapped type's
/// conversions). Decided on the declarations as written, valid or not, so that a declaration
/// with a mistake gets the stubs of the impls a corrected one would get: a one-field variant
/// whose `#[api(...)]` says `transparent`, even where it cannot be read, is taken for a wrapper
/// (in a valid declaration, exactly the transparent ones say it).
fn conversions(input: &Input) -> bool {
    input.shape == Shape::Enum
        && input.errors.iter().all(|decl| match decl.fields.len() {
            0 => true,
            1 => decl.attrs.says_transparent,
            _ => false,
        })
}

/// The domain and the code literal of every own declaration, valid or not.
fn domain_codes<'a>(input: &'a Input<'a>) -> Option<DomainCodes<'a>> {
    let path = input.attrs.domain.as_ref()?;
    let codes = input
        .errors
        .iter()
        .filter(|decl| decl.attrs.transparent.is_none())
        .filter_map(|decl| {
            let code: &Located<u16> = decl.attrs.code.as_ref()?;
            Some(DeclaredCode {
                code: code.clone(),
                cfgs: &decl.cfgs,
            })
        })
        .collect();
    Some(DomainCodes {
        path,
        span: syn::spanned::Spanned::span(path),
        codes,
    })
}
