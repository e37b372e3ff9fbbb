//! Field violations: which part of a request failed validation, and why, as data a client can
//! act on (highlight the field of a form, say) rather than free text.
//!
//! An error whose type declares them sends its violations in the envelope's optional `details`
//! member, inside `error`:
//!
//! ```json
//! {"requestId":"r1","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"The request data is invalid",
//!  "details":[{"in":"body","field":"/quantity","reason":"MISSING","message":"quantity is required"}]}}
//! ```
//!
//! - `in`: where the value was, [`Location`]: `body`, `query`, `path` or `header`;
//! - `field`: for the body, a JSON Pointer (RFC 6901) into it (`/items/0/id`; `""` is the whole
//!   body; build one with [`JsonPointer`]); for the others, the parameter's or header's name;
//! - `reason`: a stable UPPER_SNAKE word, [`Reason`], for code to branch on;
//! - `message`: text for a person, which may change between versions.
//!
//! An envelope without violations has no `details` member at all: its bytes are exactly those of
//! an envelope from before violations existed.
//!
//! # Limits
//!
//! An envelope carries at most [`MAX_DETAILS`] violations; when an error holds more, the first
//! [`MAX_DETAILS`] are sent and `"detailsOmitted":N` after `details` counts the rest. Each
//! violation's `field` and `message` are cut to [`MAX_FIELD_BYTES`] and
//! [`MAX_DETAIL_MESSAGE_BYTES`] bytes *as escaped in the JSON*, at a character boundary, ending
//! in `…` when cut (a cut pointer never ends inside a `~0`/`~1` escape); `in` and `reason` are
//! cut to [`MAX_WORD_BYTES`]. So the largest envelope a list of violations can produce stays far
//! below the client decoder's default 64 KiB limit, whatever field names a request used.
//!
//! # Server errors
//!
//! A server error (5xx) never sends violations, whatever its value holds: violations describe the
//! client's input, and a server error's body carries its declared message only (the derive
//! refuses `#[api(details)]` on a 5xx variant; [`Envelope`](crate::Envelope) drops them for a
//! hand-written `ApiError` that returns some anyway).

mod pointer;
mod reason;
pub(crate) mod render;
mod value;

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

pub use self::pointer::JsonPointer;
pub use self::reason::{Location, Reason};
pub use self::render::{MAX_DETAIL_MESSAGE_BYTES, MAX_DETAILS, MAX_FIELD_BYTES, MAX_WORD_BYTES};
pub(crate) use self::value::from_value;

/// One part of a request that failed validation: where it was ([`Location`]), which field, why
/// ([`Reason`]) and a message for a person. See the [module documentation](self) for the wire
/// format.
///
/// ```
/// use assetpay_errors::violation::{FieldViolation, JsonPointer, Location, Reason};
///
/// let pointer = JsonPointer::root().key("items").index(0).key("id");
/// let violation = FieldViolation::body(pointer, Reason::Missing, "id is required");
/// assert_eq!(violation.location(), &Location::Body);
/// assert_eq!(violation.field(), "/items/0/id");
/// assert_eq!(
///     serde_json::to_string(&violation).unwrap(),
///     r#"{"in":"body","field":"/items/0/id","reason":"MISSING","message":"id is required"}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldViolation {
    location: Location,
    field: Cow<'static, str>,
    reason: Reason,
    message: Cow<'static, str>,
}

impl FieldViolation {
    /// A violation at `field` of `location`: a JSON Pointer for [`Location::Body`], the
    /// parameter's or header's name otherwise.
    pub fn new(
        location: Location,
        field: impl Into<Cow<'static, str>>,
        reason: Reason,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldViolation {
            location,
            field: field.into(),
            reason,
            message: message.into(),
        }
    }

    /// A violation in the body, at `pointer`.
    pub fn body(
        pointer: impl Into<JsonPointer>,
        reason: Reason,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldViolation::new(
            Location::Body,
            pointer.into().into_string(),
            reason,
            message,
        )
    }

    /// A violation of the query parameter `name`.
    pub fn query(
        name: impl Into<Cow<'static, str>>,
        reason: Reason,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldViolation::new(Location::Query, name, reason, message)
    }

    /// A violation of the path parameter `name`.
    pub fn path(
        name: impl Into<Cow<'static, str>>,
        reason: Reason,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldViolation::new(Location::Path, name, reason, message)
    }

    /// A violation of the header `name`.
    pub fn header(
        name: impl Into<Cow<'static, str>>,
        reason: Reason,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldViolation::new(Location::Header, name, reason, message)
    }

    /// Where the value was.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The JSON Pointer into the body, or the parameter's or header's name.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Why the value was refused.
    pub fn reason(&self) -> &Reason {
        &self.reason
    }

    /// The explanation for a person.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// `` body `/quantity`: MISSING (quantity is required) ``, for logs and test failures.
impl fmt::Display for FieldViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} `{}`: {} ({})",
            self.location, self.field, self.reason, self.message
        )
    }
}

/// What a field marked `#[api(details)]` holds: a list of [`FieldViolation`]s.
///
/// Implemented for `Vec<FieldViolation>`, boxed and shared slices, arrays, and `Option` of any of
/// them (`None` is no violations).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the field violations of `#[api(details)]`",
    label = "not a list of `FieldViolation`s",
    note = "declare the field as `Vec<FieldViolation>` (or a boxed or shared slice of them)"
)]
pub trait Violations {
    /// The violations, in the order they are sent.
    fn violations(&self) -> &[FieldViolation];
}

impl Violations for Vec<FieldViolation> {
    fn violations(&self) -> &[FieldViolation] {
        self
    }
}

impl Violations for [FieldViolation] {
    fn violations(&self) -> &[FieldViolation] {
        self
    }
}

impl<const N: usize> Violations for [FieldViolation; N] {
    fn violations(&self) -> &[FieldViolation] {
        self
    }
}

impl Violations for Box<[FieldViolation]> {
    fn violations(&self) -> &[FieldViolation] {
        self
    }
}

impl Violations for Arc<[FieldViolation]> {
    fn violations(&self) -> &[FieldViolation] {
        self
    }
}

impl<V: Violations + ?Sized> Violations for &V {
    fn violations(&self) -> &[FieldViolation] {
        (**self).violations()
    }
}

impl<V: Violations> Violations for Option<V> {
    fn violations(&self) -> &[FieldViolation] {
        self.as_ref().map_or(&[], Violations::violations)
    }
}

#[doc(hidden)]
/// What the derive's `ApiError::details` calls for the field marked `#[api(details)]`.
pub fn violations_of<V: Violations + ?Sized>(field: &V) -> &[FieldViolation] {
    field.violations()
}
