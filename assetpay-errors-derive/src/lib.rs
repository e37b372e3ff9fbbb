//! `#[derive(ApiError)]` for the `assetpay-errors` crate; use it through `assetpay_errors`, which
//! re-exports it next to the trait of the same name.
//!
//! The derive is a pipeline that runs one way, one folder per stage, each importing only the
//! stages before it:
//!
//! - `parse` reads the input into a small tree that keeps each literal's span: every `#[api]`
//!   key (`reserved(…)` and the field's `details` included), the message templates, and the
//!   error accumulator every stage reports into, so one compile shows every mistake.
//! - `check` applies every rule and reads the published file a type names, producing a model
//!   that carries each fact with the span an error about it points at, or, when anything was
//!   reported, the errors with an outline of the type.
//! - `emit` renders the model with code that cannot fail, one module per generated item, or,
//!   for a refused declaration, the errors with stub impls.
//!
//! This file is the driver. Beside the stages, the `tests` module (test builds only) checks the
//! pipeline as a whole, on inputs proptest generates.

mod check;
mod emit;
mod parse;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;
use syn::DeriveInput;

use crate::check::Refused;
use crate::emit::Integrations;
use crate::parse::{Ctxt, Input};

/// The derive of `assetpay_errors::ApiError`, defined in `assetpay-errors-derive` and re-exported
/// by `assetpay-errors` as `assetpay_errors::ApiError`, where it is documented: every attribute,
/// every compile error, with examples. Depend on `assetpay-errors`, which the expansion names as
/// `::assetpay_errors`, rather than on this crate.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    derive(input.into()).into()
}

/// The derive's whole work on proc_macro2 tokens, with the integrations this build enables; the
/// entry point and the robustness tests call it.
pub(crate) fn derive(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    derive_with(input, Integrations::ENABLED)
}

/// [`derive`] with the integrations chosen by the caller, so tests see both expansions.
pub(crate) fn derive_with(
    input: proc_macro2::TokenStream,
    integrations: Integrations,
) -> proc_macro2::TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let cx = Ctxt::default();
    let ast = match Input::from_syn(&cx, &input) {
        Ok(ast) => ast,
        Err(refused) => {
            let refused = Refused::outright(&input.ident, &input.generics, refused);
            return emit::fallback(&refused, integrations);
        }
    };
    match check::check(cx, &ast) {
        Ok(model) => emit::expand(&model, integrations),
        Err(refused) => emit::fallback(&refused, integrations),
    }
}
