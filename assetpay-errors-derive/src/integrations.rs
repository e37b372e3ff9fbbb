//! Impls for the integrations the runtime crate was built with, decided by the derive crate's
//! features (which `assetpay-errors` forwards), never by a `cfg` in the user's crate: a `cfg`
//! there would test the user's features, not ours.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;
use crate::expand::private;

/// Which integrations to emit impls for.
#[derive(Clone, Copy)]
pub(crate) struct Integrations {
    /// `impl axum::response::IntoResponse`, through `ApiErrorResponse`.
    pub(crate) axum: bool,
}

impl Integrations {
    /// What this build of the derive was compiled with.
    pub(crate) const ENABLED: Integrations = Integrations {
        axum: cfg!(feature = "axum"),
    };

    /// The impls for `input`, the same whether or not the declaration has errors: they need
    /// only the `ApiError` impl, which the fallback stubs, so a handler returning a type with a
    /// mistake in its declaration is not an error of its own.
    pub(crate) fn expand(self, input: &Input) -> TokenStream {
        let opted_out = input
            .attrs
            .into_response
            .as_ref()
            .is_some_and(|choice| !choice.value);
        if !self.axum || opted_out {
            return TokenStream::new();
        }
        let private = private();
        let ident = input.ident;
        let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
        // No `Debug` bound: a server error's log line carries the `Debug` form where the type
        // has one (the probe asks, see `assetpay_errors::axum::derived`), and the feature must
        // not make `Debug` a requirement of every derived type in the build.
        quote! {
            #[automatically_derived]
            impl #impl_generics #private::axum::IntoResponse for #ident #ty_generics #where_clause {
                fn into_response(self) -> #private::axum::Response {
                    use #private::axum::{WithDebug as _, WithoutDebug as _};
                    let probe = #private::axum::DebugProbe(&self);
                    let described = (&probe).described();
                    #private::axum::into_response(&self, described)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Integrations;
    use crate::expand::derive_with;

    const INPUT: &str = r#"
        #[api(range = 1..=99)]
        enum TradingError {
            /// Price has changed since you last fetched it
            #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
            PriceChanged,
        }
    "#;

    fn expansion(input: &str, axum: bool) -> String {
        derive_with(input.parse().unwrap(), Integrations { axum }).to_string()
    }

    #[test]
    fn axum_appears_only_with_the_feature() {
        assert!(!expansion(INPUT, false).contains("axum"));
        let with = expansion(INPUT, true);
        assert!(with.contains("IntoResponse for TradingError"), "{with}");
    }

    #[test]
    fn into_response_false_opts_out() {
        let opted_out = INPUT.replace("range = 1..=99", "range = 1..=99, into_response = false");
        assert!(!expansion(&opted_out, true).contains("IntoResponse"));
        let opted_in = INPUT.replace("range = 1..=99", "range = 1..=99, into_response = true");
        assert!(expansion(&opted_in, true).contains("IntoResponse"));
    }

    #[test]
    fn a_declaration_with_errors_still_gets_the_impl() {
        let broken = INPUT.replace("status = 409", "status = 200");
        let expansion = expansion(&broken, true);
        assert!(expansion.contains("compile_error"), "{expansion}");
        assert!(
            expansion.contains("IntoResponse for TradingError"),
            "{expansion}"
        );
    }
}
