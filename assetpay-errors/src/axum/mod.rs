#![doc = include_str!("../../docs/axum.md")]

#[doc(hidden)]
pub mod derived;
mod deserialize;
mod envelope_layer;
mod extract;
mod framework;
#[cfg(feature = "l10n")]
mod localize;
mod negotiate;
mod panic;
mod request_id;
mod response;
mod stack;
mod status_entry;
pub mod telemetry;
#[cfg(feature = "validator")]
mod valid;
mod vary;
mod violations;
pub mod whole_number;

pub use self::envelope_layer::{EnvelopeLayer, EnvelopeService, ResponseFuture};
pub use self::extract::{Form, Json, Path, Query};
pub use self::framework::{FrameworkEntries, FrameworkErrors};
pub use self::negotiate::{ErrorFormat, ResponseOptions};
pub use self::panic::PanicAsEnvelope;
pub use self::request_id::{
    MAX_REQUEST_ID_LEN, REQUEST_ID_HEADER, drop_invalid_request_id, is_valid_request_id,
};
pub use self::response::{AnsweredError, ApiErrorResponse, ApiResult};
pub use self::stack::{ApiErrorLayer, ApiErrorService, RouterExt};
#[cfg(feature = "validator")]
pub use self::valid::{Valid, Validatable};
pub use self::violations::{ExtractionRejection, InvalidRequest};
