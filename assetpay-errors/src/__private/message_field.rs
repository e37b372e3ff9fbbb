//! A message's field with a format spec as the `&dyn Display` `ApiError::message_fields` hands
//! out (a plain `{name}`'s field is itself coerced to one), in the array the derive writes per
//! variant.
//!
//! Why an array of `&dyn Display` and not a call per field with a formatted `String`: a call
//! through the visitor per field, in one function of thousands of arms, cost rustc's borrow
//! checker more than the rest of the expansion together (a 2,000-variant enum: 5.8 G of 14.4 G
//! instructions in `cargo check`); an array per arm and one loop cost a quarter of that, and
//! formatting is left to the caller, which may not need a `String`.

use core::fmt;

/// A field whose placeholder has a format spec (`{price:.2}`, `{id:?}`): displayed as `write`
/// formats it, which the derive writes as a `write!` with the spec, under the template's span.
pub struct Formatted<F>(F);

/// [`Formatted`], its closure's signature given by the bound.
#[inline]
pub fn formatted<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result>(write: F) -> Formatted<F> {
    Formatted(write)
}

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Formatted<F> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(formatter)
    }
}
