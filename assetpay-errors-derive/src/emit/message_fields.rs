//! `ApiError::message_fields`: the values a message interpolates, by field name, each displayed
//! as the message formats it, for projections that carry them apart from the text (gRPC's
//! `ErrorInfo.metadata`, the envelope's `params`, translations).
//!
//! The method is one `match` that yields, per variant, an array of `&dyn Display`, and one loop
//! that visits it with the names the catalogue entry lists in the same order
//! (`ErrorSpec::params`), so the names are written once (why an array:
//! `__private::message_field`). The arms are source text
//! except the parts that carry the template's span: the pattern's bindings and the values, which
//! are spelled as the message's own arguments are, so a field that cannot be formatted is one
//! diagnostic, not one per method.

use proc_macro2::{Delimiter, Group, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens as _, quote};

use super::paths::{field_binding, pattern_path, pattern_source, private};
use super::source;
use crate::check::{Checked, Model, Own};

/// The method, or nothing when no declaration interpolates a field (nor wraps an error that may),
/// so the trait's default answers.
pub(crate) fn method(model: &Model) -> TokenStream {
    let private = private();
    let mut arms = Arms::default();
    let mut covers_all = true;
    // With no array to yield (every arm delegates), the arms are the whole body: a `let` after
    // a `match` whose every arm returns would be unreachable code.
    let yields_arrays = model
        .errors
        .iter()
        .any(|checked| matches!(checked, Checked::Own(own) if own.template.is_interpolated()));
    let delegate = if yields_arrays {
        quote!(return)
    } else {
        TokenStream::new()
    };
    for checked in &model.errors {
        let decl = checked.decl();
        match checked {
            Checked::Own(own) if own.template.is_interpolated() => {
                if decl.cfgs.is_empty() {
                    arms.own(own, &pattern_source(model.shape, decl));
                } else {
                    arms.tokens(cfg_arm(own, &pattern_path(model.shape, decl)));
                }
            }
            Checked::Own(_) => covers_all = false,
            Checked::Transparent(transparent) => {
                let pattern = pattern_path(model.shape, decl);
                let cfgs = &decl.cfgs;
                let member = &transparent.field.member;
                let ty = transparent.field.ty;
                arms.tokens(quote!(#(#cfgs)* #pattern { #member: __api_inner, .. } => #delegate <#ty as #private::ApiError>::message_fields(__api_inner, __api_visit),));
            }
        }
    }
    if arms.is_empty() {
        return TokenStream::new();
    }
    let arms = arms.finish();
    if !yields_arrays {
        let default = (!covers_all).then(|| quote!(_ => {}));
        return quote! {
            fn message_fields(&self, __api_visit: &mut dyn ::core::ops::FnMut(&'static ::core::primitive::str, &dyn ::core::fmt::Display)) {
                match self { #arms #default }
            }
        };
    }
    let default = (!covers_all).then(|| quote!(_ => &[],));
    quote! {
        fn message_fields(&self, __api_visit: &mut dyn ::core::ops::FnMut(&'static ::core::primitive::str, &dyn ::core::fmt::Display)) {
            let __api_fields: &[&dyn ::core::fmt::Display] = match self { #arms #default };
            let __api_names = <Self as #private::ApiError>::spec(self).params();
            for (&__api_name, &__api_value) in ::core::iter::Iterator::zip(__api_names.iter(), __api_fields) {
                __api_visit(__api_name, __api_value);
            }
        }
    }
}

/// The value tokens of a field the message formats with `spec`: the binding itself for a plain
/// `{name}` (`&T` coerced to `&dyn Display`), else `&formatted(|f| write!(f, "{:spec}", binding))`,
/// written straight into the caller's formatter, under the template's span, so a field without
/// `Debug` is reported at the message that asks for it.
fn value(spec: &str, binding: TokenTree, span: Span) -> TokenStream {
    if spec.is_empty() {
        // A coercion, not a call: in an arm of thousands, a generic call per field cost the
        // borrow checker a third more of the whole `cargo check`.
        return binding.into();
    }
    let private = private();
    let mut format = Literal::string(&format!("{{:{spec}}}"));
    format.set_span(span);
    quote!(&#private::formatted(move |__api_formatter| #private::write!(__api_formatter, #format, #binding)))
}

/// The arms, as text where they carry no span of the input and as tokens where they do.
#[derive(Default)]
struct Arms {
    tokens: TokenStream,
    text: String,
}

impl Arms {
    fn is_empty(&self) -> bool {
        self.tokens.is_empty() && self.text.is_empty()
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.tokens
                .extend(source::tokens(&std::mem::take(&mut self.text)));
        }
    }

    fn tokens(&mut self, arm: TokenStream) {
        self.flush();
        self.tokens.extend(arm);
    }

    /// `Self::V { f: __api_field_0, .. } => &[__api_field_0],`, each field once, with the format
    /// of its first placeholder.
    fn own(&mut self, own: &Own, pattern: &str) {
        let span = own.template_span.unwrap_or_else(Span::call_site);
        self.text.push_str(pattern);
        self.flush();
        let (bindings, values) = bindings_and_values(own, span);
        let mut fields = TokenStream::new();
        for (member, binding) in bindings {
            fields.extend(member);
            fields.extend([
                TokenTree::Punct(Punct::new(':', Spacing::Alone)),
                binding,
                TokenTree::Punct(Punct::new(',', Spacing::Alone)),
            ]);
        }
        fields.extend([
            TokenTree::Punct(Punct::new('.', Spacing::Joint)),
            TokenTree::Punct(Punct::new('.', Spacing::Alone)),
        ]);
        // `=> &` as tokens: the text is empty here, and lexing three characters costs a call
        // into rustc, per arm.
        self.tokens.extend([
            TokenTree::Group(Group::new(Delimiter::Brace, fields)),
            TokenTree::Punct(Punct::new('=', Spacing::Joint)),
            TokenTree::Punct(Punct::new('>', Spacing::Alone)),
            TokenTree::Punct(Punct::new('&', Spacing::Alone)),
            TokenTree::Group(Group::new(Delimiter::Bracket, values)),
        ]);
        self.text.push(',');
    }

    fn finish(mut self) -> TokenStream {
        self.flush();
        self.tokens
    }
}

/// The pattern's `member: binding` pairs and the array's `value,` entries of `own`, in the order
/// of its catalogue entry's `params`.
fn bindings_and_values(own: &Own, span: Span) -> (Vec<(TokenStream, TokenTree)>, TokenStream) {
    let decl = own.decl;
    let mut bindings = Vec::new();
    let mut values = TokenStream::new();
    for (name, spec) in own.template.params() {
        let Some(index) = decl.fields.iter().position(|field| field.name == name) else {
            continue;
        };
        let binding = TokenTree::Ident(field_binding(index, span));
        bindings.push((decl.fields[index].member.to_token_stream(), binding.clone()));
        values.extend(value(spec, binding, span));
        values.extend([TokenTree::Punct(Punct::new(',', Spacing::Alone))]);
    }
    (bindings, values)
}

/// [`Arms::own`] as tokens, for an arm under `#[cfg]`.
fn cfg_arm(own: &Own, pattern: &TokenStream) -> TokenStream {
    let span = own.template_span.unwrap_or_else(Span::call_site);
    let (bindings, values) = bindings_and_values(own, span);
    let bindings = bindings
        .into_iter()
        .map(|(member, binding)| quote!(#member: #binding));
    let cfgs = &own.decl.cfgs;
    quote! {
        #(#cfgs)* #pattern { #(#bindings,)* .. } => &[#values],
    }
}
