//! `errors![…]`: the errors one endpoint can answer with, named by their variants where the
//! endpoint is declared, checked by the compiler, without an enum per endpoint.

use std::marker::PhantomData;

use crate::{ApiError, ErrorSpec};

/// A set of catalogue entries that [`ApiErrors`](super::ApiErrors) documents: every entry of a
/// derived error type, or the subset [`errors!`](crate::errors) names.
pub trait ErrorSet {
    /// The entries, in the order they are named (a type's in catalogue order), each key once.
    fn entries() -> Vec<&'static ErrorSpec>;
}

/// A derived type documents its whole catalogue, with the catalogues of `#[api(transparent)]`
/// variants flattened in.
impl<E: ApiError> ErrorSet for E {
    fn entries() -> Vec<&'static ErrorSpec> {
        E::CATALOG.iter().collect()
    }
}

/// The entries [`errors!`](crate::errors) names: `L` is a list the macro builds, one item per
/// name, `(Item, (Item, ()))`. Write it with the macro.
pub struct Subset<L>(PhantomData<fn() -> L>);

impl<L: EntryList> ErrorSet for Subset<L> {
    fn entries() -> Vec<&'static ErrorSpec> {
        let mut entries: Vec<&'static ErrorSpec> = Vec::new();
        L::push_into(&mut entries);
        // A name given twice, or an entry named both alone and with its whole type, is
        // documented once: examples are keyed by key.
        let mut seen = std::collections::BTreeSet::new();
        entries.retain(|spec| seen.insert(spec.key()));
        entries
    }
}

/// A list of named entries, as [`errors!`](crate::errors) builds it.
#[doc(hidden)]
pub trait EntryList {
    /// Appends the list's entries to `entries`, in order.
    fn push_into(entries: &mut Vec<&'static ErrorSpec>);
}

impl EntryList for () {
    fn push_into(_: &mut Vec<&'static ErrorSpec>) {}
}

impl<Head: EntryList, Tail: EntryList> EntryList for (Head, Tail) {
    fn push_into(entries: &mut Vec<&'static ErrorSpec>) {
        Head::push_into(entries);
        Tail::push_into(entries);
    }
}

/// The entry at `INDEX` of `E::CATALOG`: one variant named in [`errors!`](crate::errors).
#[doc(hidden)]
pub struct Variant<E, const INDEX: usize>(PhantomData<fn() -> E>);

impl<E: ApiError, const INDEX: usize> EntryList for Variant<E, INDEX> {
    fn push_into(entries: &mut Vec<&'static ErrorSpec>) {
        entries.push(&E::CATALOG[INDEX]);
    }
}

/// Every entry of `E`: `Type::*` in [`errors!`](crate::errors).
#[doc(hidden)]
pub struct All<E>(PhantomData<fn() -> E>);

impl<E: ApiError> EntryList for All<E> {
    fn push_into(entries: &mut Vec<&'static ErrorSpec>) {
        entries.extend(E::CATALOG);
    }
}

/// The index in `catalog` of the entry `type_name::variant` declares, evaluated by the compiler:
/// the entry the type declares itself first, else the one entry of that variant name (the type
/// was named through an alias). A variant that wraps another type (`#[api(transparent)]`) or is
/// compiled out has no entry of its own, and naming it fails to compile here.
#[doc(hidden)]
pub const fn entry_index(catalog: &[ErrorSpec], type_name: &str, variant: &str) -> usize {
    let mut index = 0;
    let mut by_variant = None;
    let mut variants_named = 0;
    while index < catalog.len() {
        let spec = &catalog[index];
        if same(spec.variant(), variant) {
            if same(spec.type_name(), type_name) {
                return index;
            }
            by_variant = Some(index);
            variants_named += 1;
        }
        index += 1;
    }
    match by_variant {
        Some(index) if variants_named == 1 => index,
        _ => panic!(
            "`errors!` names a variant without an entry of its own: a variant that wraps another \
             error type (`#[api(transparent)]`) is named through that type's variants or `Type::*`"
        ),
    }
}

const fn same(left: &str, right: &str) -> bool {
    let (left, right) = (left.as_bytes(), right.as_bytes());
    if left.len() != right.len() {
        return false;
    }
    let mut index = 0;
    while index < left.len() {
        if left[index] != right[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// The errors one endpoint can answer with, named where the endpoint is declared: a type for
/// [`ApiErrors`](crate::openapi::ApiErrors) (`ApiErrors<errors![…]>`), so no enum is declared
/// for the endpoint. Each name is checked by the compiler: a misspelt or removed variant is a
/// compile error at the name.
///
/// Name entries as in a `use` list, by the variants of one or several derived error types:
///
/// - `Type::Variant`, one entry;
/// - `Type::{VariantA, VariantB}`, several entries of one type;
/// - `Type::*`, every entry of the type (a composed type's flattened in).
///
/// A variant with fields is named the same way (`TradingError::TooManyItems`). A variant that
/// wraps another type (`#[api(transparent)]`) has no entry of its own: name the wrapped type's
/// variants, or `Wrapped::*`. The responses keep [`ApiErrors`](crate::openapi::ApiErrors)'
/// grouping: one per status, one example per key, entries in the order they are named. A key
/// named twice is documented once.
///
/// ```
/// use assetpay_errors::openapi::ApiErrors;
/// use assetpay_errors::{ApiError, errors};
/// use utoipa::IntoResponses as _;
///
/// #[derive(Debug, ApiError)]
/// #[api(range = 1..=99)]
/// enum TradeError {
///     /// Price has changed since you last fetched it
///     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
///     PriceChanged,
///     /// A deposit is already processing for this user
///     #[api(code = 19, key = "DEPOSIT_IN_PROGRESS", status = 409)]
///     DepositInProgress,
///     /// Too many items in a single request
///     #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400, message = "At most {max} items")]
///     TooManyItems { max: usize },
/// }
///
/// /// Trade an item.
/// #[utoipa::path(post, path = "/trades", responses(
///     (status = 201, description = "The trade was created"),
///     ApiErrors<errors![TradeError::{PriceChanged, TooManyItems}]>,
/// ))]
/// async fn create_trade() {}
///
/// type CreateTrade = ApiErrors<errors![TradeError::{PriceChanged, TooManyItems}]>;
/// let responses = CreateTrade::responses();
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["400", "409"]);
/// ```
///
/// A misspelt variant does not compile:
///
/// ```compile_fail
/// # use assetpay_errors::{ApiError, errors};
/// # #[derive(Debug, ApiError)]
/// # #[api(range = 1..=99)]
/// # enum TradeError {
/// #     /// Price has changed since you last fetched it
/// #     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
/// #     PriceChanged,
/// # }
/// type CreateTrade = assetpay_errors::openapi::ApiErrors<errors![TradeError::PriceChanges]>;
/// ```
#[macro_export]
macro_rules! errors {
    ($($names:tt)*) => {
        $crate::openapi::Subset<$crate::__errors_list!([] $($names)*)>
    };
}

/// The list type of [`errors!`]: `[segments so far] names…`.
#[doc(hidden)]
#[macro_export]
macro_rules! __errors_list {
    ([]) => { () };
    ([] ,) => { () };
    ([$($path:ident)*] $type:ident :: * $(, $($rest:tt)*)?) => {
        (
            $crate::openapi::__subset::All<$($path::)* $type>,
            $crate::__errors_list!([] $($($rest)*)?)
        )
    };
    ([$($path:ident)*] $type:ident :: { $($variant:ident),* $(,)? } $(, $($rest:tt)*)?) => {
        $crate::__errors_variants!(
            [$($path)* $type] [$($variant)*] [$($($rest)*)?]
        )
    };
    ([$($path:ident)*] $type:ident :: $variant:ident $(, $($rest:tt)*)?) => {
        $crate::__errors_variants!([$($path)* $type] [$variant] [$($($rest)*)?])
    };
    ([$($path:ident)*] $segment:ident :: $($rest:tt)+) => {
        $crate::__errors_list!([$($path)* $segment] $($rest)+)
    };
}

/// One list item per variant of one type, then the rest of the names.
#[doc(hidden)]
#[macro_export]
macro_rules! __errors_variants {
    ([$($type:ident)*] [] [$($rest:tt)*]) => {
        $crate::__errors_list!([] $($rest)*)
    };
    ([$($type:ident)*] [$variant:ident $($variants:ident)*] [$($rest:tt)*]) => {
        (
            $crate::openapi::__subset::Variant<$($type)::*, {
                // The name check: a variant that does not exist is an error at its name.
                let _ = ::core::matches!(
                    ::core::option::Option::<&$($type)::*>::None,
                    ::core::option::Option::Some($($type)::* :: $variant { .. })
                );
                $crate::openapi::__subset::entry_index(
                    <$($type)::* as $crate::ApiError>::CATALOG,
                    $crate::__errors_last!($($type)*),
                    ::core::stringify!($variant),
                )
            }>,
            $crate::__errors_variants!([$($type)*] [$($variants)*] [$($rest)*])
        )
    };
}

/// The last segment of a path, as a string.
#[doc(hidden)]
#[macro_export]
macro_rules! __errors_last {
    ($last:ident) => { ::core::stringify!($last) };
    ($first:ident $($rest:ident)+) => { $crate::__errors_last!($($rest)+) };
}
