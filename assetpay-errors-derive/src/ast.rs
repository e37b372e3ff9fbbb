//! The small syntax tree the derive works on: the type, its error declarations and their fields,
//! each value still carrying the span of the token it came from.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{
    Attribute, Data, DeriveInput, Expr, ExprLit, Fields, Generics, Ident, Lit, Member, Meta, Type,
};

use crate::attr::{self, ErrorAttrs, Position, TypeAttrs};
use crate::ctxt::Ctxt;

pub(crate) struct Input<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    pub(crate) attrs: TypeAttrs,
    pub(crate) shape: Shape,
    pub(crate) errors: Vec<ErrorDecl<'a>>,
}

/// An enum declares one error per variant; a struct declares a single error.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Enum,
    Struct,
}

/// One declared error: an enum variant, or the struct itself.
pub(crate) struct ErrorDecl<'a> {
    /// The variant's identifier, or `None` for a struct.
    pub(crate) variant: Option<&'a Ident>,
    /// The name without `r#`, as catalogues and messages show it.
    pub(crate) name: String,
    pub(crate) span: Span,
    pub(crate) attrs: ErrorAttrs,
    pub(crate) fields: Vec<Field<'a>>,
    /// The first paragraph of the doc comment, lines joined by spaces.
    pub(crate) doc: Option<String>,
    /// `#[cfg(...)]` attributes the derive saw, repeated on everything generated per variant.
    pub(crate) cfgs: Vec<&'a Attribute>,
}

pub(crate) struct Field<'a> {
    pub(crate) member: Member,
    /// What a message template calls it: `type` for `r#type`, `0` for the first tuple field.
    pub(crate) name: String,
    pub(crate) ty: &'a Type,
}

impl<'a> Input<'a> {
    /// `None` for a union, after reporting it.
    pub(crate) fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let (shape, errors, attrs) = match &input.data {
            Data::Enum(data) => {
                // Position::Enum accepts no per-error keys, so the second half is always empty.
                let (attrs, _) = attr::parse(cx, &input.attrs, Position::Enum);
                let errors = data
                    .variants
                    .iter()
                    .map(|variant| {
                        ErrorDecl::new(
                            cx,
                            Some(&variant.ident),
                            &variant.attrs,
                            &variant.fields,
                            Position::Variant,
                        )
                        .1
                    })
                    .collect();
                (Shape::Enum, errors, attrs)
            }
            Data::Struct(data) => {
                let (attrs, decl) =
                    ErrorDecl::new(cx, None, &input.attrs, &data.fields, Position::Struct);
                let mut decl = decl;
                decl.name = input.ident.unraw().to_string();
                decl.span = input.ident.span();
                (Shape::Struct, vec![decl], attrs)
            }
            Data::Union(data) => {
                cx.error_at(
                    data.union_token.span,
                    "`ApiError` cannot be derived for a union, declare an enum with one variant per error",
                );
                return None;
            }
        };
        Some(Input {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            shape,
            errors,
        })
    }
}

impl<'a> ErrorDecl<'a> {
    fn new(
        cx: &Ctxt,
        variant: Option<&'a Ident>,
        attrs: &'a [Attribute],
        fields: &'a Fields,
        position: Position,
    ) -> (TypeAttrs, Self) {
        let (type_attrs, error_attrs) = attr::parse(cx, attrs, position);
        let decl = ErrorDecl {
            variant,
            name: variant
                .map(|ident| ident.unraw().to_string())
                .unwrap_or_default(),
            span: variant.map_or_else(Span::call_site, Ident::span),
            attrs: error_attrs,
            fields: fields
                .iter()
                .enumerate()
                .map(|(index, field)| Field {
                    member: match &field.ident {
                        Some(ident) => Member::Named(ident.clone()),
                        None => Member::Unnamed(index.into()),
                    },
                    name: match &field.ident {
                        Some(ident) => ident.unraw().to_string(),
                        None => index.to_string(),
                    },
                    ty: &field.ty,
                })
                .collect(),
            doc: doc_first_paragraph(attrs),
            cfgs: attrs
                .iter()
                .filter(|attr| attr.path().is_ident("cfg"))
                .collect(),
        };
        (type_attrs, decl)
    }
}

/// The doc comment's first paragraph: its lines trimmed and joined with single spaces. Later
/// paragraphs are for the people reading the code, not for clients.
fn doc_first_paragraph(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        let Meta::NameValue(name_value) = &attr.meta else {
            continue;
        };
        if !name_value.path.is_ident("doc") {
            continue;
        }
        let Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) = &name_value.value
        else {
            continue;
        };
        // `split`, not `lines`: an empty `///` is the empty string, which `lines` drops, and it
        // is exactly the paragraph break.
        lines.extend(text.value().split('\n').map(|line| line.trim().to_owned()));
    }
    let paragraph: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .skip_while(|line| line.is_empty())
        .take_while(|line| !line.is_empty())
        .collect();
    (!paragraph.is_empty()).then(|| paragraph.join(" "))
}
