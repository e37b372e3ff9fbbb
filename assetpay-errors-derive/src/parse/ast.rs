//! The small syntax tree the derive works on: the type, its error declarations and their fields,
//! each value still carrying the span of the token it came from.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{
    Attribute, Data, DeriveInput, Expr, ExprLit, Fields, Generics, Ident, Lit, Member, Meta, Type,
};

use super::attr::{self, Attrs, ErrorAttrs, Position, TypeAttrs};
use super::ctxt::Ctxt;
use super::field_attr;
use super::plain::Plain;

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
    /// The declaration carries `#[deprecated]`, which the catalogue publishes.
    pub(crate) deprecated: bool,
}

pub(crate) struct Field<'a> {
    pub(crate) member: Member,
    /// What a message template calls it: `type` for `r#type`, `0` for the first tuple field.
    pub(crate) name: String,
    pub(crate) ty: &'a Type,
    /// The field carries thiserror's `#[from]`, which already implements `From` for it.
    pub(crate) has_from: bool,
    /// The span of `details` in the field's `#[api(details)]`: it holds the error's violations.
    pub(crate) details: Option<Span>,
}

impl<'a> Input<'a> {
    /// The tree of `input`, with misused attributes reported into `cx`; a union, which can
    /// declare no errors at all, is the one input refused outright.
    ///
    /// `#[api]` on a generic parameter needs no check here: rustc itself refuses a derive's
    /// helper attribute there (`tests/ui/api-on-generic-param.rs`).
    pub(crate) fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> syn::Result<Self> {
        let (shape, errors, attrs) = match &input.data {
            Data::Enum(data) => {
                let attrs = attr::parse(cx, &input.attrs, Position::Enum).of_type;
                let errors = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let Attrs { of_error, .. } =
                            attr::parse(cx, &variant.attrs, Position::Variant);
                        ErrorDecl::new(
                            cx,
                            Some(&variant.ident),
                            &variant.ident,
                            of_error,
                            &variant.attrs,
                            &variant.fields,
                        )
                    })
                    .collect();
                (Shape::Enum, errors, attrs)
            }
            Data::Struct(data) => {
                let Attrs { of_type, of_error } = attr::parse(cx, &input.attrs, Position::Struct);
                let decl =
                    ErrorDecl::new(cx, None, &input.ident, of_error, &input.attrs, &data.fields);
                (Shape::Struct, vec![decl], of_type)
            }
            Data::Union(data) => {
                return Err(syn::Error::new(
                    data.union_token.span,
                    "`ApiError` cannot be derived for a union, declare an enum with one variant per error",
                ));
            }
        };
        Ok(Input {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            shape,
            errors,
        })
    }
}

impl<'a> ErrorDecl<'a> {
    /// The declaration named by `ident` (the variant's, or the struct's): `variant` is the
    /// variant to match on, `None` for a struct.
    fn new(
        cx: &Ctxt,
        variant: Option<&'a Ident>,
        ident: &Ident,
        attrs: ErrorAttrs,
        raw_attrs: &'a [Attribute],
        fields: &'a Fields,
    ) -> Self {
        ErrorDecl {
            variant,
            name: ident.unraw().to_string(),
            span: ident.span(),
            attrs,
            fields: fields
                .iter()
                .enumerate()
                .map(|(index, field)| {
                    let details = field_attr::details(cx, &field.attrs);
                    Field {
                        member: match &field.ident {
                            Some(ident) => Member::Named(ident.clone()),
                            None => Member::Unnamed(index.into()),
                        },
                        name: match &field.ident {
                            Some(ident) => ident.unraw().to_string(),
                            None => index.to_string(),
                        },
                        ty: &field.ty,
                        has_from: field.attrs.iter().any(|attr| attr.path().is_ident("from")),
                        details,
                    }
                })
                .collect(),
            doc: doc_first_paragraph(raw_attrs),
            cfgs: raw_attrs
                .iter()
                .filter(|attr| attr.path().is_ident("cfg"))
                .collect(),
            deprecated: raw_attrs
                .iter()
                .any(|attr| attr.path().is_ident("deprecated")),
        }
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
        let text = Plain::string(&text.token()).unwrap_or_else(|| text.value());
        lines.extend(text.split('\n').map(|line| line.trim().to_owned()));
    }
    let paragraph: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .skip_while(|line| line.is_empty())
        .take_while(|line| !line.is_empty())
        .collect();
    (!paragraph.is_empty()).then(|| paragraph.join(" "))
}
