//! `Valid`: an extracted value, checked with validator's `Validate` (the `axum` and `validator`
//! features).

use axum::extract::{FromRequest, FromRequestParts, Request};
use http::request::Parts;
use validator::{Validate, ValidationErrors};

use crate::axum::extract::{Form, Json, Path, Query};
use crate::axum::violations::{ExtractionRejection, InvalidRequest};
use crate::validator::violations_in;
use crate::violation::Location;

/// A [`Json`] or [`Form`] body, a [`Query`] string or [`Path`] parameters that deserialized and
/// then passed `T::validate`; a
/// value that fails is rejected with an [`InvalidRequest`] (422) holding validator's errors as
/// violations (see [`crate::validator`] for the reasons), so with
/// [`ApiErrorLayer`](crate::axum::ApiErrorLayer) the client gets `VALIDATION_FAILED` with
/// `details` for a missing member and for a quantity out of range alike.
///
/// ```
/// use assetpay_errors::axum::{Json, Valid};
/// use serde::Deserialize;
/// use validator::Validate;
///
/// #[derive(Deserialize, Validate)]
/// struct NewOrder {
///     #[validate(range(min = 1, max = 100))]
///     quantity: u32,
/// }
///
/// async fn create_order(Valid(Json(order)): Valid<Json<NewOrder>>) -> String {
///     format!("{} ordered", order.quantity)
/// }
/// # let _: axum::Router = axum::Router::new().route("/orders", axum::routing::post(create_order));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Valid<T>(pub T);

/// The extractors whose value [`Valid`] checks, and where their violations are reported (`in`):
/// this crate's [`Json`] and [`Form`] (the body), [`Query`] (the query string) and [`Path`] (the
/// route's parameters). Sealed: a
/// violation's location must be one the client can find, which only these three fix.
pub trait Validatable: sealed::Sealed {
    /// The deserialized value `Valid` validates.
    type Value: Validate;

    /// Where the value came from, the `in` of each violation.
    const LOCATION: Location;

    /// The value to validate.
    fn value(&self) -> &Self::Value;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! validatable {
    ($($extractor:ident in $location:ident),*) => {$(
        impl<T> sealed::Sealed for $extractor<T> {}

        impl<T: Validate> Validatable for $extractor<T> {
            type Value = T;
            const LOCATION: Location = Location::$location;

            fn value(&self) -> &T {
                &self.0
            }
        }
    )*};
}

validatable!(Json in Body, Form in Body, Query in Query, Path in Path);

impl<E, S> FromRequest<S> for Valid<E>
where
    E: FromRequest<S, Rejection = ExtractionRejection> + Validatable,
    S: Send + Sync,
{
    type Rejection = ExtractionRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Ok(validated(E::from_request(request, state).await?)?)
    }
}

impl<E, S> FromRequestParts<S> for Valid<E>
where
    E: FromRequestParts<S, Rejection = ExtractionRejection> + Validatable,
    S: Send + Sync,
{
    type Rejection = ExtractionRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ok(validated(E::from_request_parts(parts, state).await?)?)
    }
}

/// `extracted`, if its value passes validation; else its violations, `in` where it came from.
fn validated<E: Validatable>(extracted: E) -> Result<Valid<E>, InvalidRequest> {
    extracted
        .value()
        .validate()
        .map_err(|errors| InvalidRequest::new(violations_in(&errors, E::LOCATION)))?;
    Ok(Valid(extracted))
}

/// The errors of a validated body: their violations, `in` the body.
impl From<ValidationErrors> for InvalidRequest {
    fn from(errors: ValidationErrors) -> Self {
        InvalidRequest::new(violations_in(&errors, Location::Body))
    }
}
