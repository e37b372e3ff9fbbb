//! Which of a type's generic parameters a field's type depends on, found by walking the type
//! (as thiserror's `generics.rs` does) rather than by scanning its tokens: in `other::T` the `T`
//! is an item of the module `other`, not the parameter `T`.

use proc_macro2::{TokenStream, TokenTree};
use syn::{
    Expr, GenericArgument, GenericParam, Generics, Lifetime, Path, PathArguments, ReturnType, Type,
    TypeParamBound,
};

/// The names a type may not depend on: the type's own parameters, and `Self`.
pub(crate) struct ParamsInScope {
    /// Type and const parameters, and `Self`.
    names: Vec<String>,
    /// Lifetime parameters, without the quote.
    lifetimes: Vec<String>,
}

impl ParamsInScope {
    pub(crate) fn new(generics: &Generics) -> ParamsInScope {
        let mut names = vec!["Self".to_owned()];
        let mut lifetimes = Vec::new();
        for param in &generics.params {
            match param {
                GenericParam::Type(param) => names.push(param.ident.to_string()),
                GenericParam::Const(param) => names.push(param.ident.to_string()),
                GenericParam::Lifetime(param) => lifetimes.push(param.lifetime.ident.to_string()),
            }
        }
        ParamsInScope { names, lifetimes }
    }

    /// The first parameter `ty` depends on, as written (`T`, `'a`, `Self`).
    pub(crate) fn first_in(&self, ty: &Type) -> Option<String> {
        match ty {
            Type::Path(path) => match &path.qself {
                Some(qself) => self
                    .first_in(&qself.ty)
                    .or_else(|| self.in_arguments(&path.path)),
                None => self.in_path(&path.path),
            },
            Type::Reference(reference) => reference
                .lifetime
                .as_ref()
                .and_then(|lifetime| self.lifetime(lifetime))
                .or_else(|| self.first_in(&reference.elem)),
            Type::Array(array) => self
                .first_in(&array.elem)
                .or_else(|| self.in_expr(&array.len)),
            Type::Ptr(pointer) => self.first_in(&pointer.elem),
            Type::Slice(slice) => self.first_in(&slice.elem),
            Type::Paren(paren) => self.first_in(&paren.elem),
            Type::Group(group) => self.first_in(&group.elem),
            Type::Tuple(tuple) => tuple.elems.iter().find_map(|elem| self.first_in(elem)),
            Type::FnPtr(function) => function
                .inputs
                .iter()
                .find_map(|input| self.first_in(&input.ty))
                .or_else(|| self.in_return(&function.output)),
            Type::TraitObject(object) => {
                object.bounds.iter().find_map(|bound| self.in_bound(bound))
            }
            Type::ImplTrait(bounds) => bounds.bounds.iter().find_map(|bound| self.in_bound(bound)),
            // A macro's expansion cannot be walked: every identifier in it might be a parameter.
            Type::Macro(mac) => self.in_tokens(mac.mac.tokens.clone()),
            Type::Verbatim(tokens) => self.in_tokens(tokens.clone()),
            Type::Infer(_) | Type::Never(_) => None,
            _ => None,
        }
    }

    /// A path's first segment is a parameter when the path is relative (`T`, `T::Output`,
    /// `Self::Inner`); later segments are items of what precedes them.
    fn in_path(&self, path: &Path) -> Option<String> {
        let head = path
            .segments
            .first()
            .filter(|_| path.leading_colon.is_none())
            .map(|segment| segment.ident.to_string())
            .filter(|ident| self.names.contains(ident));
        head.or_else(|| self.in_arguments(path))
    }

    fn in_arguments(&self, path: &Path) -> Option<String> {
        path.segments
            .iter()
            .find_map(|segment| match &segment.arguments {
                PathArguments::None => None,
                PathArguments::AngleBracketed(arguments) => arguments
                    .args
                    .iter()
                    .find_map(|argument| self.in_argument(argument)),
                PathArguments::Parenthesized(arguments) => arguments
                    .inputs
                    .iter()
                    .find_map(|input| self.first_in(&input.ty))
                    .or_else(|| self.in_return(&arguments.output)),
            })
    }

    fn in_argument(&self, argument: &GenericArgument) -> Option<String> {
        match argument {
            GenericArgument::Lifetime(lifetime) => self.lifetime(lifetime),
            GenericArgument::Type(ty) => self.first_in(ty),
            GenericArgument::Const(expr) => self.in_expr(expr),
            GenericArgument::AssocType(assoc) => self.first_in(&assoc.ty),
            GenericArgument::AssocConst(assoc) => self.in_expr(&assoc.value),
            GenericArgument::Constraint(constraint) => constraint
                .bounds
                .iter()
                .find_map(|bound| self.in_bound(bound)),
            _ => None,
        }
    }

    fn in_bound(&self, bound: &TypeParamBound) -> Option<String> {
        match bound {
            TypeParamBound::Trait(bound) => self.in_arguments(&bound.path),
            TypeParamBound::Lifetime(lifetime) => self.lifetime(lifetime),
            TypeParamBound::Verbatim(tokens) => self.in_tokens(tokens.clone()),
            _ => None,
        }
    }

    fn in_return(&self, output: &ReturnType) -> Option<String> {
        match output {
            ReturnType::Default => None,
            ReturnType::Type(_, ty) => self.first_in(ty),
        }
    }

    /// A const argument or array length: a lone path (`N`) is walked as a path; anything more
    /// (`{ N + 1 }`) is kept as tokens by syn without `full`, and searched as tokens.
    fn in_expr(&self, expr: &Expr) -> Option<String> {
        match expr {
            Expr::Path(path) if path.qself.is_none() => self.in_path(&path.path),
            Expr::Lit(_) => None,
            other => self.in_tokens(quote::ToTokens::to_token_stream(other)),
        }
    }

    fn lifetime(&self, lifetime: &Lifetime) -> Option<String> {
        let name = lifetime.ident.to_string();
        self.lifetimes.contains(&name).then(|| format!("'{name}"))
    }

    /// The conservative search, for tokens syn leaves unparsed: any identifier that names a
    /// parameter counts.
    fn in_tokens(&self, tokens: TokenStream) -> Option<String> {
        let mut after_quote = false;
        for token in tokens {
            let found = match &token {
                TokenTree::Ident(ident) if after_quote => {
                    let name = ident.to_string();
                    self.lifetimes.contains(&name).then(|| format!("'{name}"))
                }
                TokenTree::Ident(ident) => {
                    let name = ident.to_string();
                    self.names.contains(&name).then_some(name)
                }
                TokenTree::Group(group) => self.in_tokens(group.stream()),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
            after_quote = matches!(&token, TokenTree::Punct(punct) if punct.as_char() == '\'');
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::ParamsInScope;

    fn first(generics: &str, ty: &str) -> Option<String> {
        let item: syn::DeriveInput =
            syn::parse_str(&format!("struct S{generics} {{ field: {ty} }}")).unwrap();
        let syn::Data::Struct(data) = &item.data else {
            unreachable!("parsed a struct")
        };
        let field = data.fields.iter().next().unwrap();
        ParamsInScope::new(&item.generics).first_in(&field.ty)
    }

    #[test]
    fn finds_parameters_where_types_use_them() {
        let generics = "<'a, T, const N: usize>";
        for (ty, expected) in [
            ("T", Some("T")),
            ("Vec<T>", Some("T")),
            ("&'a str", Some("'a")),
            ("[u8; N]", Some("N")),
            ("Option<&'static [T]>", Some("T")),
            ("<T as Iterator>::Item", Some("T")),
            ("T::Output", Some("T")),
            ("Self", Some("Self")),
            ("Box<dyn Fn(T) -> u8>", Some("T")),
            ("fn() -> T", Some("T")),
            ("(u8, (T,))", Some("T")),
            ("Box<dyn Iterator<Item = T> + 'a>", Some("T")),
        ] {
            assert_eq!(first(generics, ty).as_deref(), expected, "{ty}");
        }
    }

    #[test]
    fn paths_through_modules_are_not_parameters() {
        let generics = "<'a, T, const N: usize>";
        for ty in [
            "other::T",
            "crate::inner::T",
            "::T",
            "u8",
            "&'static str",
            "[u8; 4]",
            "std::vec::Vec<other::T>",
            "Inner",
        ] {
            assert_eq!(first(generics, ty), None, "{ty}");
        }
    }
}
