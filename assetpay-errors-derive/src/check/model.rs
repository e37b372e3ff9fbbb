//! What the check stage hands to the emitters: facts, each with the span an error about it (from
//! rustc, during constant evaluation or type checking) must point at. The emitters read only
//! this, never the attributes the facts were read from.

use proc_macro2::Span;
use syn::{Attribute, Generics, Ident, Path};

use crate::parse::{ErrorDecl, Field, Located, Retired, Shape, Template};

/// What is known of the type whether or not its declaration is valid: enough for the stub impls
/// and for the items emitted either way (the domain checks, the integrations' impls).
pub(crate) struct Outline<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    /// The type gets `TryFrom<u16>` and `FromStr` (see `check::conversions`).
    pub(crate) conversions: bool,
    /// `#[api(domain = PATH)]` and the codes to check against it.
    pub(crate) domain: Option<DomainCodes<'a>>,
    /// The type gets `IntoResponse` when the integration is built: it did not opt out.
    pub(crate) into_response: bool,
}

/// The domain a type names, and every code its own declarations write, valid or not: a code
/// outside the domain is reported in the same compile as the derive's own errors.
pub(crate) struct DomainCodes<'a> {
    /// The path to the `Domain` constant, resolved by rustc in the user's scope.
    pub(crate) path: &'a Path,
    pub(crate) span: Span,
    pub(crate) codes: Vec<DeclaredCode<'a>>,
}

/// One own declaration's code literal.
pub(crate) struct DeclaredCode<'a> {
    pub(crate) code: Located<u16>,
    /// The declaration's `#[cfg(...)]`s, repeated on its check.
    pub(crate) cfgs: &'a [&'a Attribute],
}

/// A declaration without errors.
pub(crate) struct Model<'a> {
    pub(crate) outline: Outline<'a>,
    pub(crate) shape: Shape,
    pub(crate) errors: Vec<Checked<'a>>,
    /// The contract checks, or `None` when the type takes no part in them.
    pub(crate) contract: Option<Contract<'a>>,
}

/// A declaration with errors: what the stub impls are written from.
pub(crate) struct Refused<'a> {
    pub(crate) outline: Outline<'a>,
    pub(crate) errors: syn::Error,
}

pub(crate) enum Checked<'a> {
    Own(Own<'a>),
    Transparent(Transparent<'a>),
}

/// An error the type declares itself.
pub(crate) struct Own<'a> {
    pub(crate) decl: &'a ErrorDecl<'a>,
    pub(crate) code: Located<u16>,
    pub(crate) key: Located<String>,
    pub(crate) status: Located<u16>,
    pub(crate) template: Template,
    /// The `message` literal's span, where a field's formatting error points.
    pub(crate) template_span: Option<Span>,
    /// The template as declared, or the doc text: what `ErrorSpec::message` holds.
    pub(crate) message: String,
    pub(crate) description: String,
    pub(crate) retryable: bool,
    pub(crate) retry_after: Option<u32>,
    /// The field marked `#[api(details)]`.
    pub(crate) details: Option<Details<'a>>,
    /// The documentation URL, its template (`doc_url`) filled in with the code and key.
    pub(crate) doc_url: Option<String>,
    /// `grpc = "…"`: the gRPC code's number (`google.rpc.Code`), in place of the one the
    /// status maps to.
    pub(crate) grpc: Option<u8>,
}

/// The field holding an error's violations.
pub(crate) struct Details<'a> {
    pub(crate) field: &'a Field<'a>,
    /// The field's type, where a type that holds no violations is reported.
    pub(crate) ty_span: Span,
}

/// A declaration wrapping another `ApiError`, whose catalogue it brings.
pub(crate) struct Transparent<'a> {
    pub(crate) decl: &'a ErrorDecl<'a>,
    pub(crate) field: &'a Field<'a>,
    /// The `transparent` key.
    pub(crate) span: Span,
}

impl Checked<'_> {
    pub(crate) fn decl(&self) -> &ErrorDecl<'_> {
        match self {
            Checked::Own(own) => own.decl,
            Checked::Transparent(transparent) => transparent.decl,
        }
    }
}

impl Model<'_> {
    /// The declarations the type makes itself.
    pub(crate) fn own(&self) -> impl Iterator<Item = &Own<'_>> {
        self.errors.iter().filter_map(|checked| match checked {
            Checked::Own(own) => Some(own),
            Checked::Transparent(_) => None,
        })
    }

    /// The declarations that wrap another type's errors.
    pub(crate) fn transparent(&self) -> impl Iterator<Item = &Transparent<'_>> {
        self.errors.iter().filter_map(|checked| match checked {
            Checked::Transparent(transparent) => Some(transparent),
            Checked::Own(_) => None,
        })
    }
}

/// The contract checks of a type that names a published file, reserves something, or composes
/// types that may: which constants to emit, each at the place the break it finds is reported.
pub(crate) struct Contract<'a> {
    /// The published file, read; `None` when the type names none.
    pub(crate) published: Option<Published>,
    /// The type's own `reserved(…)` items.
    pub(crate) reserved: &'a [Located<Retired>],
    /// For each declaration, in the model's order, the checks written at it.
    pub(crate) checks: Vec<Vec<ContractCheck>>,
    /// How many entries of the file can be reported as removed, each by its own check at the
    /// file's path.
    pub(crate) removed: usize,
}

impl Contract<'_> {
    /// Whether any check is emitted: without one, the file is not embedded and nothing is
    /// evaluated.
    pub(crate) fn evaluated(&self) -> bool {
        self.removed > 0 || self.checks.iter().any(|checks| !checks.is_empty())
    }
}

/// The published file as read at expansion time.
pub(crate) struct Published {
    /// The path as written, relative to the crate's manifest directory, and its literal's span.
    pub(crate) path: Located<String>,
    pub(crate) entries: Vec<PublishedEntry>,
}

/// One entry of the published file: what the contract keeps of an error.
pub(crate) struct PublishedEntry {
    pub(crate) code: u16,
    pub(crate) key: String,
    pub(crate) status: u16,
    pub(crate) retryable: bool,
    pub(crate) deprecated: bool,
    /// The names of the published message's parameters.
    pub(crate) params: Vec<String>,
}

impl PublishedEntry {
    /// What the contract rules compare of this entry.
    pub(crate) fn terms(&self) -> assetpay_errors_shared::rules::Terms<'_> {
        assetpay_errors_shared::rules::Terms {
            code: self.code,
            key: &self.key,
            status: self.status,
            retryable: self.retryable,
        }
    }
}

/// One check of a declaration against the contract, written under `span`.
pub(crate) struct ContractCheck {
    pub(crate) part: ContractPart,
    pub(crate) span: Span,
}

/// What a check compares, by the name the runtime's `ContractBreaks` gives it.
#[derive(Clone, Copy)]
pub(crate) enum ContractPart {
    /// The entries a transparent declaration brings.
    Within,
    Code,
    Key,
    Status,
    Declaration,
}
