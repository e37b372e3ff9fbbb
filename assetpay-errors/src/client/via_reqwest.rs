//! Reading an error response from reqwest, with the body's size limit enforced while reading.

use core::fmt;

use crate::api_error::ApiError;
use crate::client::decode::Decoder;
use crate::client::error::DecodeError;
use crate::client::response::ErrorResponse;
use crate::client::snippet::Snippet;

/// Why [`Decoder::read_reqwest`] produced no [`ErrorResponse`].
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadError {
    /// Reading the body failed: the connection dropped, a timeout fired.
    Transport(reqwest::Error),
    /// The body was read, or read up to the limit, and is not an error envelope.
    Decode(DecodeError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Transport(_) => f.write_str("reading the error response body failed"),
            ReadError::Decode(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Transport(error) => Some(error),
            ReadError::Decode(error) => error.source(),
        }
    }
}

impl From<DecodeError> for ReadError {
    fn from(error: DecodeError) -> ReadError {
        ReadError::Decode(error)
    }
}

impl Decoder {
    /// Reads the body of `response` and decodes it as
    /// [`decode_with_headers`](Decoder::decode_with_headers) does.
    ///
    /// Reading stops as soon as the body passes [`max_body_bytes`](Decoder::max_body_bytes):
    /// a body that never ends costs at most the limit in memory and is reported as
    /// [`DecodeError::TooLarge`], whose `len` is then the bytes read or the `Content-Length`,
    /// whichever is larger.
    ///
    /// ```no_run
    /// use assetpay_errors::AssetPayError;
    /// use assetpay_errors::client::Decoder;
    ///
    /// # async fn run(response: reqwest::Response) -> Result<(), Box<dyn std::error::Error>> {
    /// if !response.status().is_success() {
    ///     let error = Decoder::new().read_reqwest::<AssetPayError>(response).await?;
    ///     eprintln!("deposit failed: {error}");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ReadError::Transport`] if reading fails, [`ReadError::Decode`] if the body is no
    /// error envelope.
    #[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
    pub async fn read_reqwest<E: ApiError>(
        &self,
        mut response: reqwest::Response,
    ) -> Result<ErrorResponse<E>, ReadError> {
        let status = response.status();
        let declared_len = response.content_length();
        let limit = self.max_body_bytes();
        let mut body = Vec::new();
        let mut read = 0usize;
        while let Some(chunk) = response.chunk().await.map_err(ReadError::Transport)? {
            read = read.saturating_add(chunk.len());
            // One byte past the limit is enough for the decoder to reject the body.
            let keep = chunk.len().min(limit.saturating_add(1) - body.len());
            body.extend_from_slice(&chunk[..keep]);
            if read > limit {
                let len = declared_len.map_or(read, |declared| {
                    usize::try_from(declared).unwrap_or(usize::MAX).max(read)
                });
                return Err(ReadError::Decode(DecodeError::TooLarge {
                    status,
                    len,
                    limit,
                    snippet: Snippet::of(&body),
                }));
            }
        }
        Ok(self.decode_with_headers(status, response.headers(), &body)?)
    }
}
