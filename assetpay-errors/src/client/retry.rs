//! `Retry-After` (RFC 9110, section 10.2.3): how long the server asks the client to wait.

use std::time::{Duration, SystemTime};

use http::HeaderMap;
use http::header::RETRY_AFTER;

/// The longest wait this module reports: one hour. A longer `Retry-After`, whether a typo, a
/// misconfigured proxy or a hostile server, is cut to this, so a client never parks a request
/// for days on one header's word.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60 * 60);

/// Reads a `Retry-After` value in either of its forms, as of `now`:
///
/// - delay-seconds (`"120"`): that many seconds;
/// - an HTTP-date (`"Wed, 21 Oct 2015 07:28:00 GMT"`, or the obsolete RFC 850 and asctime
///   forms): the time from `now` until then, zero if it has passed.
///
/// Either is capped at [`MAX_RETRY_AFTER`]. Anything else (`"-5"`, `"1.5"`, `"soon"`, a date
/// with a bad weekday) is `None`: a broken header is no reason to fail a response.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use assetpay_errors::client::{MAX_RETRY_AFTER, parse_retry_after};
///
/// let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_000); // 2015-10-21 07:20:00
/// assert_eq!(parse_retry_after("120", now), Some(Duration::from_secs(120)));
/// assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(Duration::from_secs(480)));
/// assert_eq!(parse_retry_after("Tue, 20 Oct 2015 07:28:00 GMT", now), Some(Duration::ZERO));
/// assert_eq!(parse_retry_after("86400", now), Some(MAX_RETRY_AFTER));
/// assert_eq!(parse_retry_after("soon", now), None);
/// ```
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim_matches([' ', '\t']);
    let wait = if !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()) {
        // All digits yet not a u64: astronomically many seconds, which the cap absorbs.
        value.parse().map_or(MAX_RETRY_AFTER, Duration::from_secs)
    } else {
        let date = httpdate::parse_http_date(value).ok()?;
        date.duration_since(now).unwrap_or(Duration::ZERO)
    };
    Some(wait.min(MAX_RETRY_AFTER))
}

/// The response's `Retry-After`, read with [`parse_retry_after`] as of `now`; `None` when the
/// header is missing, not text, or unreadable. With several headers, the first one counts.
///
/// It applies to any response, including one whose body is a proxy's HTML page.
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    parse_retry_after(value, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    use http::HeaderValue;

    /// Wed, 21 Oct 2015 07:20:00 GMT.
    fn now() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_000)
    }

    #[test]
    fn delay_seconds() {
        assert_eq!(parse_retry_after("0", now()), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after(" 30\t", now()),
            Some(Duration::from_secs(30))
        );
        assert_eq!(parse_retry_after("3600", now()), Some(MAX_RETRY_AFTER));
        assert_eq!(parse_retry_after("3601", now()), Some(MAX_RETRY_AFTER));
        assert_eq!(
            parse_retry_after("99999999999999999999999", now()),
            Some(MAX_RETRY_AFTER)
        );
    }

    #[test]
    fn http_dates_in_all_three_forms() {
        let eight_minutes = Some(Duration::from_secs(480));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now()),
            eight_minutes
        );
        assert_eq!(
            parse_retry_after("Wednesday, 21-Oct-15 07:28:00 GMT", now()),
            eight_minutes
        );
        assert_eq!(
            parse_retry_after("Wed Oct 21 07:28:00 2015", now()),
            eight_minutes
        );
    }

    #[test]
    fn dates_in_the_past_mean_now_and_far_future_dates_are_capped() {
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:19:59 GMT", now()),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now()),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now()),
            Some(MAX_RETRY_AFTER)
        );
    }

    #[test]
    fn garbage_is_none() {
        for value in [
            "",
            " ",
            "-5",
            "+5",
            "1.5",
            "1e3",
            "soon",
            "5 s",
            "Wed, 32 Oct 2015 07:28:00 GMT",
        ] {
            assert_eq!(parse_retry_after(value, now()), None, "{value:?}");
        }
        // A valid date with the wrong weekday is rejected by the date parser.
        assert_eq!(
            parse_retry_after("Mon, 21 Oct 2015 07:28:00 GMT", now()),
            None
        );
    }

    #[test]
    fn header_lookup_takes_the_first_readable_value() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers, now()), None);
        headers.append(RETRY_AFTER, HeaderValue::from_static("7"));
        headers.append(RETRY_AFTER, HeaderValue::from_static("9"));
        assert_eq!(retry_after(&headers, now()), Some(Duration::from_secs(7)));

        let mut opaque = HeaderMap::new();
        opaque.insert(RETRY_AFTER, HeaderValue::from_bytes(b"\xff7").unwrap());
        assert_eq!(retry_after(&opaque, now()), None);
    }
}
