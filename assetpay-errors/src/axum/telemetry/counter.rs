//! The error-response counter, through the `metrics` facade.

use axum::extract::MatchedPath;
use http::Request;
use http::StatusCode;
use metrics::SharedString;

use crate::spec::ErrorSpec;

/// The counter of error responses, labelled `key`, `code`, `status` (and `route`, opted into).
pub const ERROR_RESPONSES_TOTAL: &str = "api_error_responses_total";

/// The `route` label of a request no route matched: an unknown path, answered by the fallback.
/// It cannot be a route's path, which starts with `/`.
pub const UNMATCHED_ROUTE: &str = "unmatched";

/// The value of the `route` label: the matched path as the router declares it.
#[derive(Debug, Clone)]
pub(crate) struct Route(Option<MatchedPath>);

/// The route `request` was matched to, as axum records it before the route's layers run.
pub(crate) fn route_of<B>(request: &Request<B>) -> Route {
    Route(request.extensions().get::<MatchedPath>().cloned())
}

impl Route {
    fn label(&self) -> SharedString {
        match &self.0 {
            Some(path) => SharedString::from_owned(path.as_str().to_owned()),
            None => SharedString::const_str(UNMATCHED_ROUTE),
        }
    }
}

/// Counts one response answered with `spec` and sent with `status`: the key and code are the
/// entry's, the status the one sent (an error status, so at most 200 values; a 405 keeps its own
/// under whatever entry answers it), the route the matched one.
///
/// Every label borrows a `'static` string (the key, the code's digits from the derive's rendered
/// envelope, the status's from a table), so that counting allocates none per response.
pub(super) fn count(spec: &'static ErrorSpec, status: StatusCode, route: Option<&Route>) {
    let key = SharedString::const_str(spec.key());
    let code = match spec.code_text() {
        Some(digits) => SharedString::const_str(digits),
        None => SharedString::from_owned(spec.code().to_string()),
    };
    let status = status_label(status);
    let counter = match route {
        None => {
            metrics::counter!(ERROR_RESPONSES_TOTAL, "key" => key, "code" => code, "status" => status)
        }
        Some(route) => metrics::counter!(
            ERROR_RESPONSES_TOTAL,
            "key" => key,
            "code" => code,
            "status" => status,
            "route" => route.label(),
        ),
    };
    counter.increment(1);
}

/// `status`'s three digits as a `'static` string.
fn status_label(status: StatusCode) -> SharedString {
    /// Every number below 1,000 as three digits: a status is 100 to 999.
    static DIGITS: [[u8; 3]; 1000] = {
        let mut digits = [[0; 3]; 1000];
        let mut number = 0;
        while number < 1000 {
            digits[number] = [
                b'0' + (number / 100) as u8,
                b'0' + (number / 10 % 10) as u8,
                b'0' + (number % 10) as u8,
            ];
            number += 1;
        }
        digits
    };
    match DIGITS
        .get(usize::from(status.as_u16()))
        .and_then(|digits| std::str::from_utf8(digits).ok())
    {
        Some(digits) => SharedString::const_str(digits),
        None => SharedString::from_owned(status.as_str().to_owned()),
    }
}

/// Tells the installed recorder what the counter counts (Prometheus's `# HELP` line). The layer
/// calls it when it is built, so a recorder installed before the service is assembled has it.
pub(crate) fn describe() {
    metrics::describe_counter!(
        ERROR_RESPONSES_TOTAL,
        metrics::Unit::Count,
        "Error responses, by the catalogue entry (key, code, status) they answered with"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_labels_say_the_code_and_status_in_decimal() {
        for status in 100..=999 {
            let status = StatusCode::from_u16(status).unwrap();
            assert_eq!(&*status_label(status), status.as_str());
        }
        for spec in <crate::assetpay::AssetPayError as crate::ApiError>::CATALOG {
            assert_eq!(
                spec.code_text(),
                Some(&*spec.code().to_string()),
                "{spec:?}"
            );
        }
    }

    #[test]
    fn the_reference_page_names_the_counter() {
        let note = crate::reference::ERROR_TYPES_NOTE;
        assert!(
            note.contains(&format!("`{ERROR_RESPONSES_TOTAL}`")),
            "{note}"
        );
    }
}
