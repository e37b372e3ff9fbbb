//! `IntoResponse`, the impl of the one integration so far, emitted when the runtime crate was
//! built with it: decided by the derive crate's features (which `assetpay-errors` forwards),
//! never by a `cfg` in the user's crate, which would test the user's features, not ours.

use proc_macro2::TokenStream;
use quote::quote;

use super::paths::private;
use crate::check::Outline;

/// Which integrations to emit impls for.
#[derive(Clone, Copy)]
pub(crate) struct Integrations {
    /// `impl axum::response::IntoResponse`, through `ApiErrorResponse`.
    pub(crate) axum: bool,
    /// `impl From<…> for tonic::Status`, through `grpc::status_of`.
    pub(crate) tonic: bool,
}

impl Integrations {
    /// What this build of the derive was compiled with.
    pub(crate) const ENABLED: Integrations = Integrations {
        axum: cfg!(feature = "axum"),
        tonic: cfg!(feature = "tonic"),
    };

    /// The impls for the type, the same whether or not its declaration has errors: they need
    /// only the `ApiError` impl, which the fallback stubs, so a handler returning a type with a
    /// mistake in its declaration is not an error of its own.
    pub(crate) fn impls(self, outline: &Outline) -> TokenStream {
        let mut impls = self.tonic_impl(outline);
        if !self.axum || !outline.into_response {
            return impls;
        }
        let private = private();
        let ident = outline.ident;
        let (impl_generics, ty_generics, where_clause) = outline.generics.split_for_impl();
        // No `Debug` bound: a server error's log line carries the `Debug` form where the type
        // has one (the probe asks, see `assetpay_errors::axum::derived`), and the feature must
        // not make `Debug` a requirement of every derived type in the build.
        impls.extend(quote! {
            #[automatically_derived]
            impl #impl_generics #private::axum::IntoResponse for #ident #ty_generics #where_clause {
                fn into_response(self) -> #private::axum::Response {
                    use #private::axum::{WithDebug as _, WithoutDebug as _};
                    let probe = #private::axum::DebugProbe(&self);
                    let described = (&probe).described();
                    #private::axum::into_response(&self, described)
                }
            }
        });
        impls
    }

    /// `From<T> for tonic::Status`, so a gRPC handler answers with `?`. Not subject to
    /// `into_response = false`, which is about axum's trait only.
    fn tonic_impl(self, outline: &Outline) -> TokenStream {
        if !self.tonic {
            return TokenStream::new();
        }
        let private = private();
        let ident = outline.ident;
        let (impl_generics, ty_generics, where_clause) = outline.generics.split_for_impl();
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ident #ty_generics> for #private::grpc::Status #where_clause {
                fn from(error: #ident #ty_generics) -> Self {
                    #private::grpc::status_of(&error)
                }
            }
        }
    }
}
