//! `FrameworkErrors`: which catalogue entries answer for failures that are not a handler's.

use http::StatusCode;

use crate::api_error::ApiError;
use crate::axum::status_entry::{entry_for_status, statuses_of};
use crate::spec::ErrorSpec;

/// The entries of a team's own catalogue that answer for the failures no handler returns, one
/// per role. Every field is required, so a team cannot forget one: a struct literal that leaves
/// a role out does not compile, and there is no default to fall back on (a default would have to
/// be some catalogue's codes, sent by a service that never declared them).
///
/// The values are the team's own errors, usually the unit variants of its enum of generic
/// errors; one entry may fill several roles. [`FrameworkErrors::new`] checks each role's status
/// when the service is assembled (see there).
#[derive(Debug, Clone, Copy)]
pub struct FrameworkEntries<E> {
    /// Answers an unknown route (axum's plain 404), and a plain 410: a client error (4xx).
    pub not_found: E,
    /// Answers a known route called with another method (axum's plain 405, whose `Allow`
    /// header is kept): a client error (4xx).
    pub method_not_allowed: E,
    /// Answers axum's rejections of a malformed request (400, 415, 422: syntax errors, missing
    /// fields, a wrong content type, an unparsable path or query), and any plain 4xx the
    /// catalogue has no entry for: a client error (4xx).
    pub validation: E,
    /// Answers a request body over the limit (413, from axum's `DefaultBodyLimit` or
    /// tower-http's `RequestBodyLimitLayer`): a client error (4xx).
    pub payload_too_large: E,
    /// Answers a panic, a plain 500 and any plain 5xx the catalogue has no entry for: a server
    /// error (5xx), because a server's own failure must never look like the client's fault.
    pub server_error: E,
}

/// The catalogue entries that answer for failures no handler returned: axum's rejections, an
/// unknown route or method, an oversized body, a panic, and the plain error responses of other
/// middleware (an authentication layer's 401, a rate limiter's 429, load shedding's 503, a
/// timeout).
///
/// Build it from the team's own entries with [`new`](Self::new): the five roles of
/// [`FrameworkEntries`] are named, and every other status is answered from the same enum's
/// catalogue. This crate picks no entry on its own: a service answers only with codes its own
/// catalogue declares. (AssetPay's mapping is one such value,
/// `assetpay_errors::assetpay::framework_errors()`.)
///
/// # The status keeps its meaning
///
/// Other middleware's statuses are a table keyed by status, built from the catalogue itself:
/// for each status an enum of generic errors declares, [`new`](Self::new) and
/// [`with_generic_errors`](Self::with_generic_errors) take **the entry with that status, when
/// there is exactly one**. When several share a status, the one whose key spells the status's
/// reason phrase is taken (`UNAUTHORIZED` for `401 Unauthorized`, `SERVICE_UNAVAILABLE` for
/// `503 Service Unavailable`), and when none does the status is left to the rules below: picking
/// one of several entries by declaration order would be a guess, and a guess is how a logged-out
/// user gets told their data is invalid. Entries with interpolated messages are never taken (a
/// plain response has no values to fill them).
///
/// A response is answered by, in this order:
///
/// 1. the entry set last for its exact status, by [`with_status`](Self::with_status), a role
///    (named in [`new`](Self::new) or set by a role setter), or the catalogue table;
/// 2. for a status the table does not answer, the entry that keeps its class (4xx or 5xx) and
///    its retryability, because the client decides what to do from those two alone:
///
/// | plain status without its own entry | answered by | why |
/// | --- | --- | --- |
/// | 410 | [`not_found`](Self::not_found) | "gone" is "not found" for good |
/// | 408, 504 (timeouts) | the table's 503 entry, when it is retryable; else [`server_error`](Self::server_error) | a timeout layer's 408 says the *server* did not finish in time, not that the client was slow to send: it is the server's condition, and it passes |
/// | any other 4xx | [`validation`](Self::validation) | the client must change the request; not retryable |
/// | any other 5xx (502, 501, …) | [`server_error`](Self::server_error) | nothing says waiting helps; not retryable |
///
/// # The status is kept
///
/// The envelope is the entry's; the status is the plain response's own
/// ([`status_for`](Self::status_for)): a 405 stays a 405 with its `Allow` header, a 413 a 413,
/// a 408 or 504 a timeout, a 410 gone, a 502 a bad gateway, whatever entry answers them. The
/// status is what a router or middleware knew about the failure, and HTTP clients, proxies and
/// caches act on it (a 405 with `Allow` tells a client which methods to use; a 404 with `Allow`
/// would contradict itself), so no entry of a catalogue without that status may overwrite it.
/// The one exception is the statuses axum's extractors reject a malformed request with (400,
/// 415, 422): they are the [`validation`](Self::validation) role's own failures, and are sent
/// with its entry's status, so every malformed request reaches the client with the one status
/// the catalogue documents for it (its field violations say what was wrong). A client decoding
/// such an envelope under another status than the entry's sees `is_status_mismatch()`, with the
/// status as received.
///
/// ```
/// use assetpay_errors::ApiError;
/// use assetpay_errors::axum::{FrameworkEntries, FrameworkErrors};
/// use http::StatusCode;
///
/// #[derive(Debug, ApiError)]
/// enum ShopError {
///     /// The request is invalid
///     #[api(code = 5001, key = "INVALID", status = 400)]
///     Invalid,
///     /// No such page
///     #[api(code = 5002, key = "NO_SUCH_PAGE", status = 404)]
///     NoSuchPage,
///     /// The request body is too large
///     #[api(code = 5003, key = "TOO_LARGE", status = 413)]
///     TooLarge,
///     /// Sign in first
///     #[api(code = 5004, key = "SIGN_IN", status = 401)]
///     SignIn,
///     /// Slow down
///     #[api(code = 5005, key = "SLOW_DOWN", status = 429, retryable)]
///     SlowDown,
///     /// Something broke
///     #[api(code = 5006, key = "BROKEN", status = 500)]
///     Broken,
/// }
///
/// let errors = FrameworkErrors::new(FrameworkEntries {
///     not_found: ShopError::NoSuchPage,
///     method_not_allowed: ShopError::NoSuchPage,
///     validation: ShopError::Invalid,
///     payload_too_large: ShopError::TooLarge,
///     server_error: ShopError::Broken,
/// });
/// assert_eq!(errors.spec_for_status(StatusCode::METHOD_NOT_ALLOWED).key(), "NO_SUCH_PAGE");
/// assert_eq!(errors.spec_for_status(StatusCode::UNPROCESSABLE_ENTITY).key(), "INVALID");
/// assert_eq!(errors.spec_for_status(StatusCode::PAYLOAD_TOO_LARGE).key(), "TOO_LARGE");
/// // Other middleware's statuses, from the same catalogue.
/// assert_eq!(errors.spec_for_status(StatusCode::UNAUTHORIZED).key(), "SIGN_IN");
/// assert_eq!(errors.spec_for_status(StatusCode::TOO_MANY_REQUESTS).key(), "SLOW_DOWN");
/// // No entry: the class is kept.
/// assert_eq!(errors.spec_for_status(StatusCode::FORBIDDEN).key(), "INVALID");
/// assert_eq!(errors.spec_for_status(StatusCode::BAD_GATEWAY).key(), "BROKEN");
/// // The status is kept, except for malformed requests: the validation entry's.
/// assert_eq!(errors.status_for(StatusCode::METHOD_NOT_ALLOWED), StatusCode::METHOD_NOT_ALLOWED);
/// assert_eq!(errors.status_for(StatusCode::BAD_GATEWAY), StatusCode::BAD_GATEWAY);
/// assert_eq!(errors.status_for(StatusCode::UNPROCESSABLE_ENTITY), StatusCode::BAD_REQUEST);
/// ```
#[derive(Debug, Clone)]
pub struct FrameworkErrors {
    validation: &'static ErrorSpec,
    not_found: &'static ErrorSpec,
    method_not_allowed: &'static ErrorSpec,
    payload_too_large: &'static ErrorSpec,
    server_error: &'static ErrorSpec,
    by_status: Vec<(StatusCode, &'static ErrorSpec)>,
}

/// The statuses axum's extractors answer a malformed request with.
const REJECTION_STATUSES: [StatusCode; 3] = [
    StatusCode::BAD_REQUEST,
    StatusCode::UNSUPPORTED_MEDIA_TYPE,
    StatusCode::UNPROCESSABLE_ENTITY,
];

impl FrameworkErrors {
    /// The team's entries: each role of `entries` answers its failures, and every other status
    /// `E` declares is answered by `E`'s entry for it (the rule above). A role wins over the
    /// table for its own statuses: the entries you name are the ones that answer.
    ///
    /// # Checked when the service is assembled
    ///
    /// A role's entry must keep the failure's class: `not_found`, `method_not_allowed`,
    /// `validation` and `payload_too_large` are client errors (4xx), `server_error` a server
    /// error (5xx), and none may interpolate fields into its message (a plain response has no
    /// values to fill in). That is checked here, when the router is built, not at compile time:
    /// the entries are values of the team's enum, read through [`ApiError::spec`], which a
    /// `const` cannot call. `new` panics with one message listing every role that breaks a
    /// rule, so a misconfigured service stops at startup, before it answers anything.
    ///
    /// # Panics
    ///
    /// If a role's entry breaks the rules above, for instance:
    ///
    /// ```should_panic
    /// # use assetpay_errors::ApiError;
    /// # use assetpay_errors::axum::{FrameworkEntries, FrameworkErrors};
    /// #[derive(Debug, ApiError)]
    /// enum ShopError {
    ///     /// The request is invalid
    ///     #[api(code = 5001, key = "INVALID", status = 400)]
    ///     Invalid,
    ///     /// Something broke
    ///     #[api(code = 5006, key = "BROKEN", status = 500)]
    ///     Broken,
    /// }
    ///
    /// // panics: "the `server_error` entry `INVALID` has status 400, expected a 5xx status"
    /// FrameworkErrors::new(FrameworkEntries {
    ///     not_found: ShopError::Invalid,
    ///     method_not_allowed: ShopError::Invalid,
    ///     validation: ShopError::Invalid,
    ///     payload_too_large: ShopError::Invalid,
    ///     server_error: ShopError::Invalid,
    /// });
    /// ```
    pub fn new<E: ApiError>(entries: FrameworkEntries<E>) -> Self {
        let roles = [
            (Role::NotFound, entries.not_found.spec()),
            (Role::MethodNotAllowed, entries.method_not_allowed.spec()),
            (Role::Validation, entries.validation.spec()),
            (Role::PayloadTooLarge, entries.payload_too_large.spec()),
            (Role::ServerError, entries.server_error.spec()),
        ];
        let problems: Vec<String> = roles
            .iter()
            .filter_map(|(role, spec)| role.problem_with(spec))
            .collect();
        assert!(
            problems.is_empty(),
            "framework failure entries: {}",
            problems.join("; ")
        );
        let [
            not_found,
            method_not_allowed,
            validation,
            payload_too_large,
            server_error,
        ] = roles.map(|(_, spec)| spec);
        FrameworkErrors {
            validation,
            not_found,
            method_not_allowed,
            payload_too_large,
            server_error,
            by_status: Vec::new(),
        }
        .with_generic_errors::<E>()
        // The named roles last: they win over the table for their own statuses.
        .with_validation(validation)
        .with_not_found(not_found)
        .with_method_not_allowed(method_not_allowed)
        .with_payload_too_large(payload_too_large)
        .with_server_error(server_error)
    }

    /// The same entries, with each status `E` declares answered by `E`'s entry for it (the
    /// rule above), in place of what answered it before: a 404 entry becomes
    /// [`not_found`](Self::not_found), a 405 entry [`method_not_allowed`](Self::method_not_allowed),
    /// a 413 entry [`payload_too_large`](Self::payload_too_large), a 500 entry
    /// [`server_error`](Self::server_error), any other its status's entry.
    pub fn with_generic_errors<E: ApiError>(mut self) -> Self {
        for status in statuses_of(E::CATALOG) {
            let Some(spec) = entry_for_status(E::CATALOG, status) else {
                continue;
            };
            self = match status {
                StatusCode::NOT_FOUND => self.with_not_found(spec),
                StatusCode::METHOD_NOT_ALLOWED => self.with_method_not_allowed(spec),
                StatusCode::PAYLOAD_TOO_LARGE => self.with_payload_too_large(spec),
                StatusCode::INTERNAL_SERVER_ERROR => self.with_server_error(spec),
                status => self.with_status(status, spec),
            };
        }
        self
    }

    /// The same entries, answering malformed requests (syntax errors, missing fields, wrong
    /// content type, unparsable path or query: axum's 400, 415 and 422) and any 4xx without an
    /// entry of its own with `spec`.
    ///
    /// # Panics
    ///
    /// If `spec` is not a client error (4xx) or interpolates fields into its message.
    pub fn with_validation(mut self, spec: &'static ErrorSpec) -> Self {
        Role::Validation.assert(spec);
        self.validation = spec;
        for status in REJECTION_STATUSES {
            self = self.with_status(status, spec);
        }
        self
    }

    /// The same entries, answering unknown routes (404) and 410 with `spec`.
    ///
    /// # Panics
    ///
    /// If `spec` is not a client error (4xx) or interpolates fields into its message.
    pub fn with_not_found(mut self, spec: &'static ErrorSpec) -> Self {
        Role::NotFound.assert(spec);
        self.not_found = spec;
        self.with_status(StatusCode::NOT_FOUND, spec)
    }

    /// The same entries, answering a known route called with another method (405) with `spec`.
    ///
    /// # Panics
    ///
    /// If `spec` is not a client error (4xx) or interpolates fields into its message.
    pub fn with_method_not_allowed(mut self, spec: &'static ErrorSpec) -> Self {
        Role::MethodNotAllowed.assert(spec);
        self.method_not_allowed = spec;
        self.with_status(StatusCode::METHOD_NOT_ALLOWED, spec)
    }

    /// The same entries, answering request bodies over the limit (413) with `spec`.
    ///
    /// # Panics
    ///
    /// If `spec` is not a client error (4xx) or interpolates fields into its message.
    pub fn with_payload_too_large(mut self, spec: &'static ErrorSpec) -> Self {
        Role::PayloadTooLarge.assert(spec);
        self.payload_too_large = spec;
        self.with_status(StatusCode::PAYLOAD_TOO_LARGE, spec)
    }

    /// The same entries, answering panics, plain 500s and any 5xx without an entry of its own
    /// with `spec`.
    ///
    /// # Panics
    ///
    /// If `spec` is not a server error (5xx): a panic must never look like the client's fault;
    /// or if it interpolates fields into its message.
    pub fn with_server_error(mut self, spec: &'static ErrorSpec) -> Self {
        Role::ServerError.assert(spec);
        self.server_error = spec;
        self.with_status(StatusCode::INTERNAL_SERVER_ERROR, spec)
    }

    /// The same entries, answering plain responses with `status` with `spec`, in place of what
    /// answered them before (a `401` from an authentication middleware, say).
    pub fn with_status(mut self, status: StatusCode, spec: &'static ErrorSpec) -> Self {
        self.by_status.retain(|(known, _)| *known != status);
        self.by_status.push((status, spec));
        self
    }

    /// The entry for malformed requests, and for 4xx statuses without an entry of their own.
    pub fn validation(&self) -> &'static ErrorSpec {
        self.validation
    }

    /// The entry for unknown routes.
    pub fn not_found(&self) -> &'static ErrorSpec {
        self.not_found
    }

    /// The entry for a known route called with another method.
    pub fn method_not_allowed(&self) -> &'static ErrorSpec {
        self.method_not_allowed
    }

    /// The entry for oversized request bodies.
    pub fn payload_too_large(&self) -> &'static ErrorSpec {
        self.payload_too_large
    }

    /// The entry for panics, and for 5xx statuses without an entry of their own.
    pub fn server_error(&self) -> &'static ErrorSpec {
        self.server_error
    }

    /// The entry that replaces a plain error response with `status` (4xx or 5xx).
    pub fn spec_for_status(&self, status: StatusCode) -> &'static ErrorSpec {
        if let Some(spec) = self.entry_of(status) {
            return spec;
        }
        match status {
            StatusCode::GONE => self.not_found,
            StatusCode::REQUEST_TIMEOUT | StatusCode::GATEWAY_TIMEOUT => self
                .entry_of(StatusCode::SERVICE_UNAVAILABLE)
                .filter(|spec| spec.is_retryable())
                .unwrap_or(self.server_error),
            status if status.is_client_error() => self.validation,
            _ => self.server_error,
        }
    }

    /// The status a plain error response with `status` is sent with, under the envelope of
    /// [`spec_for_status`](Self::spec_for_status): `status` itself, so that what a router or
    /// middleware said (405 with `Allow`, 413, 408, 410, 502, …) survives, except for axum's
    /// rejections of a malformed request (400, 415, 422), which take their entry's status (see
    /// "The status is kept" above).
    pub fn status_for(&self, status: StatusCode) -> StatusCode {
        if REJECTION_STATUSES.contains(&status) {
            self.spec_for_status(status).status()
        } else {
            status
        }
    }

    /// The entry set for exactly `status`, if any.
    fn entry_of(&self, status: StatusCode) -> Option<&'static ErrorSpec> {
        self.by_status
            .iter()
            .find(|(known, _)| *known == status)
            .map(|(_, spec)| *spec)
    }
}

/// A failure [`FrameworkErrors`] answers for, and what its entry must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    NotFound,
    MethodNotAllowed,
    Validation,
    PayloadTooLarge,
    ServerError,
    /// The panic handler's entry, [`PanicAsEnvelope`](crate::axum::PanicAsEnvelope).
    Panic,
}

impl Role {
    /// The role's name, as [`FrameworkEntries`] spells it.
    fn name(self) -> &'static str {
        match self {
            Role::NotFound => "not_found",
            Role::MethodNotAllowed => "method_not_allowed",
            Role::Validation => "validation",
            Role::PayloadTooLarge => "payload_too_large",
            Role::ServerError => "server_error",
            Role::Panic => "panic",
        }
    }

    /// Why `spec` cannot fill this role, if it cannot: a server's own failure is a 5xx, a
    /// client's a 4xx, and a plain response has no values for an interpolated message.
    fn problem_with(self, spec: &ErrorSpec) -> Option<String> {
        let server = matches!(self, Role::ServerError | Role::Panic);
        let status = spec.status();
        let (expected, class_kept) = if server {
            ("5xx", status.is_server_error())
        } else {
            ("4xx", status.is_client_error())
        };
        if !class_kept {
            return Some(format!(
                "the `{}` entry `{}` has status {}, expected a {expected} status",
                self.name(),
                spec.key(),
                status.as_u16(),
            ));
        }
        spec.is_interpolated().then(|| {
            format!(
                "the `{}` entry `{}` interpolates fields into its message, which a framework \
                 failure has no values for",
                self.name(),
                spec.key(),
            )
        })
    }

    /// Panics with [`problem_with`](Self::problem_with)'s message unless `spec` fills this role.
    pub(crate) fn assert(self, spec: &ErrorSpec) {
        if let Some(problem) = self.problem_with(spec) {
            panic!("{problem}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A team's generic errors: two 404 entries, one named after the status.
    #[derive(Debug, crate::ApiError)]
    // Only the catalogue and a few unit variants are used.
    #[allow(dead_code)]
    enum GatewayError {
        /// The request is invalid
        #[api(code = 7001, key = "INVALID", status = 422)]
        Invalid,
        /// No such route
        #[api(code = 7002, key = "NO_ROUTE", status = 404)]
        NoRoute,
        /// No such resource
        #[api(code = 7003, key = "NOT_FOUND", status = 404)]
        NotFound,
        /// Not with this method
        #[api(code = 7004, key = "METHOD_REFUSED", status = 405)]
        MethodRefused,
        /// The body is too large
        #[api(code = 7005, key = "TOO_LARGE", status = 413)]
        TooLarge,
        /// Sign in first
        #[api(code = 7006, key = "SIGN_IN", status = 401)]
        SignIn,
        /// Something broke
        #[api(code = 7007, key = "BROKEN", status = 500)]
        Broken,
        /// Down for now
        #[api(code = 7008, key = "DOWN", status = 503)]
        Down,
        /// Item is held
        #[api(
            code = 7009,
            key = "HELD",
            status = 409,
            message = "Item {sku} is held"
        )]
        Held { sku: String },
    }

    fn gateway_errors() -> FrameworkErrors {
        FrameworkErrors::new(FrameworkEntries {
            not_found: GatewayError::NoRoute,
            method_not_allowed: GatewayError::MethodRefused,
            validation: GatewayError::Invalid,
            payload_too_large: GatewayError::TooLarge,
            server_error: GatewayError::Broken,
        })
    }

    fn key_for(errors: &FrameworkErrors, status: u16) -> &'static str {
        errors
            .spec_for_status(StatusCode::from_u16(status).unwrap())
            .key()
    }

    #[test]
    fn each_named_role_answers_its_failures_ahead_of_the_table() {
        let errors = gateway_errors();
        // The table would take `NOT_FOUND` for 404 (its key spells the status): the role wins.
        assert_eq!(key_for(&errors, 404), "NO_ROUTE");
        assert_eq!(key_for(&errors, 410), "NO_ROUTE");
        assert_eq!(key_for(&errors, 405), "METHOD_REFUSED");
        for rejection in [400, 415, 422] {
            assert_eq!(key_for(&errors, rejection), "INVALID");
        }
        assert_eq!(key_for(&errors, 413), "TOO_LARGE");
        assert_eq!(key_for(&errors, 500), "BROKEN");
        assert_eq!(errors.method_not_allowed().key(), "METHOD_REFUSED");
        // Other statuses from the catalogue; an interpolated entry is never taken.
        assert_eq!(key_for(&errors, 401), "SIGN_IN");
        assert_eq!(key_for(&errors, 503), "DOWN");
        assert_eq!(key_for(&errors, 409), "INVALID");
    }

    #[test]
    fn a_later_call_replaces_what_answered_a_status() {
        let errors =
            gateway_errors().with_status(StatusCode::UNAUTHORIZED, GatewayError::Invalid.spec());
        assert_eq!(key_for(&errors, 401), "INVALID");
        let errors = errors.with_generic_errors::<GatewayError>();
        assert_eq!(key_for(&errors, 401), "SIGN_IN");
        // `with_generic_errors` takes the catalogue's own 404 entry for `not_found`.
        assert_eq!(key_for(&errors, 404), "NOT_FOUND");
        let errors = errors
            .with_not_found(GatewayError::SignIn.spec())
            .with_method_not_allowed(GatewayError::SignIn.spec());
        for status in [404, 405, 410] {
            assert_eq!(key_for(&errors, status), "SIGN_IN");
        }
    }

    #[test]
    fn a_plain_status_is_kept_except_for_the_rejections_of_a_malformed_request() {
        let errors = gateway_errors();
        for kept in [
            401, 403, 404, 405, 408, 409, 410, 413, 418, 429, 500, 501, 502, 503, 504,
        ] {
            let status = StatusCode::from_u16(kept).unwrap();
            assert_eq!(errors.status_for(status), status);
        }
        for rejection in [400, 415, 422] {
            let status = StatusCode::from_u16(rejection).unwrap();
            assert_eq!(errors.status_for(status), StatusCode::UNPROCESSABLE_ENTITY);
        }
    }

    #[test]
    fn a_timeout_without_a_retryable_503_entry_is_a_server_error() {
        let errors = gateway_errors();
        assert_eq!(key_for(&errors, 504), "BROKEN");
        assert_eq!(key_for(&errors, 408), "BROKEN");
    }

    #[test]
    fn entries_that_do_not_fit_their_role_are_refused_all_at_once() {
        let refused = std::panic::catch_unwind(|| {
            FrameworkErrors::new(FrameworkEntries {
                not_found: GatewayError::Held { sku: "a".into() },
                method_not_allowed: GatewayError::MethodRefused,
                validation: GatewayError::Broken,
                payload_too_large: GatewayError::TooLarge,
                server_error: GatewayError::Invalid,
            })
        })
        .expect_err("three roles are broken");
        let message = refused
            .downcast_ref::<String>()
            .expect("a formatted message");
        assert_eq!(
            message,
            "framework failure entries: \
             the `not_found` entry `HELD` interpolates fields into its message, which a framework \
             failure has no values for; \
             the `validation` entry `BROKEN` has status 500, expected a 4xx status; \
             the `server_error` entry `INVALID` has status 422, expected a 5xx status"
        );
    }

    #[test]
    #[should_panic(
        expected = "the `server_error` entry `INVALID` has status 422, expected a 5xx status"
    )]
    fn a_role_setter_checks_its_entry_too() {
        let _ = gateway_errors().with_server_error(GatewayError::Invalid.spec());
    }
}
