//! `DecodeError`: a response that carries no error envelope the decoder can read.

use core::fmt;

use http::StatusCode;

use crate::client::snippet::Snippet;

/// Why a response body is not an error envelope. Every variant keeps the HTTP status and a
/// [`Snippet`] of the body, so what came is never lost, only bounded.
///
/// An envelope whose code or key the client does not know is *not* a decode error: it decodes
/// to an [`ErrorResponse`](crate::client::ErrorResponse) whose catalogue match is
/// [`Unknown`](crate::client::CatalogMatch::Unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// The body is longer than the decoder's limit; it was not parsed.
    TooLarge {
        /// The HTTP status of the response.
        status: StatusCode,
        /// The body's length in bytes. When the body is read as a stream, which stops past the
        /// limit, the bytes read or the `Content-Length`, whichever is larger.
        len: usize,
        /// The decoder's limit in bytes.
        limit: usize,
        /// The start of the body.
        snippet: Snippet,
    },
    /// The body is empty or blank.
    Empty {
        /// The HTTP status of the response.
        status: StatusCode,
        /// Empty: kept so every variant answers [`DecodeError::snippet`].
        snippet: Snippet,
    },
    /// The body is markup (its first non-blank character is `<`): typically the 502 or 504 page
    /// of a proxy or load balancer in front of the API.
    Html {
        /// The HTTP status of the response.
        status: StatusCode,
        /// The start of the page.
        snippet: Snippet,
    },
    /// The body is neither JSON nor markup: a `text/plain` answer such as `Bad Gateway`, a JSON
    /// scalar cut short, or bytes that are not text at all.
    NotJson {
        /// The HTTP status of the response.
        status: StatusCode,
        /// The start of the body.
        snippet: Snippet,
    },
    /// The body starts as a JSON object or array but ends before it closes: cut short in transit.
    TruncatedJson {
        /// The HTTP status of the response.
        status: StatusCode,
        /// The start of the body.
        snippet: Snippet,
    },
    /// The body starts as a JSON object or array but is not valid JSON, or nests deeper than the
    /// parser's limit of 128 levels.
    InvalidJson {
        /// The HTTP status of the response.
        status: StatusCode,
        /// The parser's complaint, with line and column.
        reason: String,
        /// The start of the body.
        snippet: Snippet,
    },
    /// The body is an envelope that reports success (`"success": true`), not an error.
    NotAnError {
        /// The HTTP status of the response.
        status: StatusCode,
        /// The start of the body.
        snippet: Snippet,
    },
    /// The body is valid JSON but not an error envelope: a field is missing or has the wrong
    /// type, or the value is not an object at all.
    WrongShape {
        /// The HTTP status of the response.
        status: StatusCode,
        /// What does not fit, such as ``"`error.code` is not an integer in 0..=65535"``.
        reason: String,
        /// The start of the body.
        snippet: Snippet,
    },
}

impl DecodeError {
    /// The HTTP status of the response.
    pub fn status(&self) -> StatusCode {
        match self {
            DecodeError::TooLarge { status, .. }
            | DecodeError::Empty { status, .. }
            | DecodeError::Html { status, .. }
            | DecodeError::NotJson { status, .. }
            | DecodeError::TruncatedJson { status, .. }
            | DecodeError::InvalidJson { status, .. }
            | DecodeError::NotAnError { status, .. }
            | DecodeError::WrongShape { status, .. } => *status,
        }
    }

    /// A bounded, sanitized excerpt of the body, safe to log.
    pub fn snippet(&self) -> &Snippet {
        match self {
            DecodeError::TooLarge { snippet, .. }
            | DecodeError::Empty { snippet, .. }
            | DecodeError::Html { snippet, .. }
            | DecodeError::NotJson { snippet, .. }
            | DecodeError::TruncatedJson { snippet, .. }
            | DecodeError::InvalidJson { snippet, .. }
            | DecodeError::NotAnError { snippet, .. }
            | DecodeError::WrongShape { snippet, .. } => snippet,
        }
    }

    /// Whether the HTTP status says the failure is temporary: 429, 502, 503 or 504, the answers
    /// of an overloaded server or of a gateway that could not reach it. No catalogue entry
    /// backs this up, so retry only requests that are safe to repeat, with backoff, and honour
    /// [`retry_after`](crate::client::retry_after) when the response has the header.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.status(),
            StatusCode::TOO_MANY_REQUESTS
                | StatusCode::BAD_GATEWAY
                | StatusCode::SERVICE_UNAVAILABLE
                | StatusCode::GATEWAY_TIMEOUT
        )
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge { len, limit, .. } => {
                write!(
                    f,
                    "error response body of {len} bytes is over the limit of {limit} bytes"
                )?;
            }
            DecodeError::Empty { .. } => f.write_str("error response body is empty")?,
            DecodeError::Html { .. } => f.write_str("error response is an HTML page, not JSON")?,
            DecodeError::NotJson { .. } => f.write_str("error response body is not JSON")?,
            DecodeError::TruncatedJson { .. } => f.write_str("error response JSON is truncated")?,
            DecodeError::InvalidJson { reason, .. } => {
                write!(f, "error response body is invalid JSON: {reason}")?;
            }
            DecodeError::NotAnError { .. } => {
                f.write_str("response reports `success: true`, not an error")?;
            }
            DecodeError::WrongShape { reason, .. } => {
                write!(f, "error response JSON is not an error envelope: {reason}")?;
            }
        }
        write!(f, " (HTTP {})", self.status().as_u16())?;
        if !self.snippet().is_empty() {
            write!(f, ", body: {}", self.snippet())?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}
