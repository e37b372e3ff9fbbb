//! `Decoder::read_reqwest`: the decoder behind the `reqwest` feature, on responses built in
//! memory (no network), including a body that never ends.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use assetpay_errors::assetpay::TradingError;
use assetpay_errors::client::{DecodeError, Decoder, ReadError};
use assetpay_errors::{AssetPayError, Envelope};
use http::header::RETRY_AFTER;
use http_body::Frame;

fn response(status: u16, headers: &[(&str, &str)], body: reqwest::Body) -> reqwest::Response {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    reqwest::Response::from(builder.body(body).unwrap())
}

/// A body of 1 KiB chunks that never ends, counting how many chunks were pulled from it.
struct Endless {
    pulled: Arc<AtomicUsize>,
}

impl http_body::Body for Endless {
    type Data = &'static [u8];
    type Error = std::convert::Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        self.pulled.fetch_add(1, Ordering::Relaxed);
        Poll::Ready(Some(Ok(Frame::data(&[b'x'; 1024][..]))))
    }
}

#[tokio::test]
async fn an_envelope_is_read_and_decoded_with_its_retry_after() {
    let body = Envelope::new("req-1", &TradingError::PriceChanged).to_json_vec();
    let response = response(409, &[(RETRY_AFTER.as_str(), "7")], body.into());
    let error = Decoder::new()
        .read_reqwest::<AssetPayError>(response)
        .await
        .unwrap();
    assert_eq!(
        error.variant(),
        Some(AssetPayError::Trading(TradingError::PriceChanged))
    );
    assert_eq!(error.request_id(), Some("req-1"));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
}

#[tokio::test]
async fn a_proxy_page_is_a_decode_error() {
    let response = response(502, &[], "<html>502 Bad Gateway</html>".into());
    let error = Decoder::new()
        .read_reqwest::<AssetPayError>(response)
        .await
        .unwrap_err();
    let ReadError::Decode(DecodeError::Html { status, snippet }) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        (status.as_u16(), snippet.as_str()),
        (502, "<html>502 Bad Gateway</html>")
    );
    assert_eq!(
        error.to_string(),
        "error response is an HTML page, not JSON (HTTP 502), body: <html>502 Bad Gateway</html>"
    );
}

#[tokio::test]
async fn an_endless_body_is_read_only_up_to_the_limit() {
    let pulled = Arc::new(AtomicUsize::new(0));
    let body = reqwest::Body::wrap(Endless {
        pulled: Arc::clone(&pulled),
    });
    let decoder = Decoder::new().with_max_body_bytes(10 * 1024);
    let error = decoder
        .read_reqwest::<AssetPayError>(response(503, &[], body))
        .await
        .unwrap_err();
    let ReadError::Decode(DecodeError::TooLarge {
        status,
        len,
        limit,
        snippet,
    }) = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(status.as_u16(), 503);
    assert_eq!((*len, *limit), (11 * 1024, 10 * 1024));
    assert_eq!(snippet.as_str(), "x".repeat(256));
    assert!(snippet.is_truncated());
    // Eleven chunks pass the limit; not one more is pulled.
    assert_eq!(pulled.load(Ordering::Relaxed), 11);
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_reported() {
    let body = vec![b' '; 2048];
    let response = response(500, &[("content-length", "2048")], body.into());
    let error = Decoder::new()
        .with_max_body_bytes(1000)
        .read_reqwest::<AssetPayError>(response)
        .await
        .unwrap_err();
    assert!(matches!(
        error,
        ReadError::Decode(DecodeError::TooLarge {
            len: 2048,
            limit: 1000,
            ..
        })
    ));
}
