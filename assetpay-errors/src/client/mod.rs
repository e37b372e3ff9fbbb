#![doc = include_str!("../../docs/client.md")]

mod decode;
mod details;
mod error;
mod members;
mod params;
mod problem;
mod response;
mod retry;
mod snippet;
mod unknown;
#[cfg(feature = "reqwest")]
mod via_reqwest;
#[cfg(feature = "tonic")]
mod via_tonic;

pub use decode::{Decoder, decode};
pub use error::DecodeError;
pub use response::{CatalogMatch, ErrorResponse};
pub use retry::{MAX_RETRY_AFTER, parse_retry_after, retry_after};
pub use snippet::Snippet;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub use via_reqwest::ReadError;
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub use via_tonic::{DOMAIN_MEMBER, UNREAD_DETAILS_MEMBER, decode_status};
