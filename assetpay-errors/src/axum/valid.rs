//! `Valid`: an extracted value, checked with validator's `Validate` (the `axum` and `validator`
//! features).

use axum::extract::{FromRequest, FromRequestParts, Request};
use http::request::Parts;
use serde::de::DeserializeOwned;
use validator::{Validate, ValidationErrors};

use crate::axum::extract::{Form, Json, Query};
use crate::axum::violations::{ExtractionRejection, InvalidRequest};
use crate::validator::violations_in;
use crate::violation::Location;

/// A [`Json`] or [`Form`] body or a [`Query`] string that deserialized and then passed `T::validate`; a
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

impl<T, S> FromRequest<S> for Valid<Json<T>>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = ExtractionRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(value) = Json::<T>::from_request(request, state).await?;
        value.validate().map_err(InvalidRequest::from)?;
        Ok(Valid(Json(value)))
    }
}

impl<T, S> FromRequest<S> for Valid<Form<T>>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = ExtractionRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Form(value) = Form::<T>::from_request(request, state).await?;
        value.validate().map_err(InvalidRequest::from)?;
        Ok(Valid(Form(value)))
    }
}

impl<T, S> FromRequestParts<S> for Valid<Query<T>>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = ExtractionRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(value) = Query::<T>::from_request_parts(parts, state).await?;
        value
            .validate()
            .map_err(|errors| InvalidRequest::new(violations_in(&errors, Location::Query)))?;
        Ok(Valid(Query(value)))
    }
}

/// The errors of a validated body: their violations, `in` the body.
impl From<ValidationErrors> for InvalidRequest {
    fn from(errors: ValidationErrors) -> Self {
        InvalidRequest::new(violations_in(&errors, Location::Body))
    }
}
