//! The `ApiError` trait.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;

use crate::spec::{ErrorSpec, Reserved};
use crate::violation::FieldViolation;

/// What seals [`ApiError`]: implemented by the derive beside each `ApiError` impl, and nameable
/// only through the hidden `__private` module that generated code uses.
#[diagnostic::on_unimplemented(
    message = "`ApiError` is implemented by `#[derive(ApiError)]` only",
    label = "`{Self}` is not derived",
    note = "derive it: the derive checks codes, keys, statuses and the contract at compile time, which a hand-written impl would skip"
)]
pub trait Sealed {}

/// An error an HTTP API answers with: a numeric code, a string key, an HTTP status and a
/// client-facing message, plus a static catalogue of every error the type can produce.
///
/// Derive it; the derive checks codes, keys and statuses at compile time and generates the
/// lookups. See the [crate documentation](crate) for the attributes.
///
/// # Derive-only
///
/// The trait is sealed: `#[derive(ApiError)]` is the only way to implement it, and a hand-written
/// `impl ApiError for …` does not compile. Everything a user of an `ApiError` type relies on is
/// established by the derive at compile time, and a hand-written impl could break each of them
/// without a word: codes and keys unique across the catalogue (composed types included), codes
/// inside their domain, statuses that are error statuses, the published contract, the lookup
/// tables [`spec_for_code`](Self::spec_for_code) and [`spec_for_key`](Self::spec_for_key) answer
/// from, and the rule [`message`](Self::message) keeps for [`Envelope`](crate::Envelope). A type
/// whose errors come from elsewhere wraps a derived type (`#[api(transparent)]`) instead.
///
/// ```compile_fail
/// use assetpay_errors::{ApiError, ErrorSpec};
/// use std::borrow::Cow;
///
/// struct ByHand;
///
/// impl ApiError for ByHand {
///     const CATALOG: &'static [ErrorSpec] = &[];
///     fn spec(&self) -> &'static ErrorSpec { unimplemented!() }
///     fn message(&self) -> Cow<'_, str> { unimplemented!() }
///     fn spec_for_code(_: u16) -> Option<&'static ErrorSpec> { None }
///     fn spec_for_key(_: &str) -> Option<&'static ErrorSpec> { None }
/// }
/// ```
///
/// ```
/// use assetpay_errors::{ApiError, Domain};
///
/// #[derive(Debug, ApiError)]
/// #[api(domain = Domain::TRADING)]
/// pub enum TradingError {
///     /// Price has changed since you last fetched it
///     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
///     PriceChanged,
///     /// Too many items in a single request
///     #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400, message = "At most {max} items per request")]
///     TooManyItems { max: usize },
/// }
///
/// let error = TradingError::TooManyItems { max: 50 };
/// assert_eq!(error.code(), 8);
/// assert_eq!(error.key(), "TOO_MANY_ITEMS");
/// assert_eq!(error.status(), http::StatusCode::BAD_REQUEST);
/// assert_eq!(error.message(), "At most 50 items per request");
/// assert_eq!(TradingError::CATALOG.len(), 2);
/// assert_eq!(TradingError::spec_for_key("PRICE_CHANGED").unwrap().code(), 11);
/// ```
pub trait ApiError: Sealed {
    /// Every error the type can produce, in declaration order, with the catalogues of
    /// `#[api(transparent)]` variants flattened in place.
    const CATALOG: &'static [ErrorSpec];

    /// The codes and keys retired with `#[api(reserved(…))]`, by the type and by the types its
    /// `#[api(transparent)]` variants wrap: none of them may be declared again (see
    /// [`contract`](crate::contract)). Empty unless the derive fills it.
    const RESERVED: &'static [Reserved] = &[];

    /// The static description of this error.
    fn spec(&self) -> &'static ErrorSpec;

    /// The client-facing message: the declared template with the error's fields filled in, or the
    /// doc comment's text.
    ///
    /// When [`spec().is_interpolated()`](ErrorSpec::is_interpolated) is false this is exactly
    /// [`spec().message()`](ErrorSpec::message); [`Envelope`](crate::Envelope) relies on that and
    /// does not call this method for such errors. The derive keeps the rule by construction.
    fn message(&self) -> Cow<'_, str>;

    /// The field violations the envelope sends in `details` (see [`violation`](crate::violation)):
    /// none unless the error's declaration marks a field `#[api(details)]`, whose violations the
    /// derive returns here.
    ///
    /// A server error's violations are never sent, whatever this returns.
    fn details(&self) -> &[FieldViolation] {
        &[]
    }

    /// The values the message interpolates, each given to `visit` with its field's name and
    /// formatted as the message formats it (`{price:.2}` as `12.50`), in the order the message
    /// first names them: for projections that carry them apart from the text, such as the
    /// `tonic` feature's `ErrorInfo.metadata`. Nothing for a message that interpolates nothing.
    ///
    /// ```
    /// use assetpay_errors::ApiError;
    ///
    /// #[derive(ApiError)]
    /// enum TradingError {
    ///     /// Too many items in a single request
    ///     #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400, message = "At most {max} items, not {given}")]
    ///     TooManyItems { max: usize, given: usize },
    /// }
    ///
    /// let mut fields = Vec::new();
    /// TradingError::TooManyItems { max: 50, given: 51 }
    ///     .message_fields(&mut |name, value| fields.push((name, value.to_string())));
    /// assert_eq!(fields, [("max", "50".to_owned()), ("given", "51".to_owned())]);
    /// ```
    fn message_fields(&self, visit: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {
        let _ = visit;
    }

    /// The numeric code, such as `1001`.
    fn code(&self) -> u16 {
        self.spec().code()
    }

    /// The stable string key, such as `"VALIDATION_FAILED"`.
    fn key(&self) -> &'static str {
        self.spec().key()
    }

    /// The HTTP status to answer with.
    fn status(&self) -> StatusCode {
        self.spec().status()
    }

    /// Whether a client may retry the request later and expect it to succeed.
    fn is_retryable(&self) -> bool {
        self.spec().is_retryable()
    }

    /// The catalogue entry with this numeric code, if the type declares one.
    ///
    /// The derive answers from a hash table built at compile time.
    fn spec_for_code(code: u16) -> Option<&'static ErrorSpec>
    where
        Self: Sized;

    /// The catalogue entry with this key, if the type declares one.
    ///
    /// The derive answers from a hash table built at compile time.
    fn spec_for_key(key: &str) -> Option<&'static ErrorSpec>
    where
        Self: Sized;
}
