//! `#[derive(ApiError)]` for the `assetpay-errors` crate; use it through `assetpay_errors`, which
//! re-exports it next to the trait of the same name.
//!
//! The derive is a pipeline, one module per stage: `attr` and `ast` parse the input into a small
//! tree that keeps each literal's span, `valid` checks it into a model (reporting every error
//! into `ctxt`), and `expand` renders the model with code that cannot fail. When validation
//! fails, `fallback` emits the errors plus stub impls. `contract` reads the published catalogue
//! a type names and emits the constants that check it during constant evaluation. Beside the stages, the `tests` module
//! (test builds only) checks the pipeline as a whole, on inputs proptest generates.

mod ast;
mod attr;
mod contract;
mod ctxt;
mod details;
mod domain_check;
mod expand;
mod fallback;
mod field_attr;
mod generics;
mod integrations;
mod message;
mod symbol;
mod valid;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// The derive of `assetpay_errors::ApiError`, defined in `assetpay-errors-derive` and re-exported
/// by `assetpay-errors` as `assetpay_errors::ApiError`, where it is documented: every attribute,
/// every compile error, with examples. Depend on `assetpay-errors`, which the expansion names as
/// `::assetpay_errors`, rather than on this crate.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    expand::derive(input.into()).into()
}
