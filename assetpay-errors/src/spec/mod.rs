//! `ErrorSpec`: everything known about one error at compile time.

use core::fmt;
use core::time::Duration;

use http::StatusCode;

use crate::domain::Domain;

mod reserved;

pub use self::reserved::Reserved;
pub(crate) use self::reserved::{code_is_reserved, key_is_reserved};

/// The static description of one error: what a catalogue row, a docs page or a client needs to
/// know without holding a value of the error.
///
/// Built only by `#[derive(ApiError)]`; read it through [`ApiError::spec`](crate::ApiError::spec),
/// [`ApiError::CATALOG`](crate::ApiError::CATALOG) or the lookups.
#[derive(Clone, Copy)]
pub struct ErrorSpec {
    pub(crate) code: u16,
    pub(crate) key: &'static str,
    pub(crate) status: StatusCode,
    pub(crate) message: &'static str,
    pub(crate) description: &'static str,
    pub(crate) domain: Option<&'static Domain>,
    pub(crate) retryable: bool,
    pub(crate) retry_after: Option<u32>,
    pub(crate) type_name: &'static str,
    pub(crate) variant: &'static str,
    pub(crate) interpolated: bool,
    pub(crate) deprecated: bool,
    /// What follows the request id in the envelope, as far as the declaration fixes it: for a
    /// declared message, everything to the closing braces; for an interpolated one, everything
    /// up to the message's opening quote. Rendered by the derive with
    /// `assetpay_errors_shared::envelope`.
    pub(crate) json: &'static str,
    /// The declaration's `doc_url` template, filled in by the derive.
    pub(crate) doc_url: Option<&'static str>,
    /// `#[api(grpc = "…")]`: the gRPC code (`google.rpc.Code`'s number) in place of the one
    /// the status maps to; read by the `grpc` module.
    #[cfg_attr(not(feature = "tonic"), allow(dead_code))]
    pub(crate) grpc_code: Option<u8>,
    /// The names of the fields the message interpolates, in the order it first names them.
    pub(crate) params: &'static [&'static str],
}

impl ErrorSpec {
    /// The numeric code, such as `1001`.
    pub const fn code(&self) -> u16 {
        self.code
    }

    /// The numeric code's digits, borrowed from the envelope fragment the derive rendered (the
    /// `json` field), for a label that must not allocate per response; `None` only for a spec
    /// built without one.
    pub(crate) fn code_text(&self) -> Option<&'static str> {
        let digits = assetpay_errors_shared::envelope::code_digits_in_head(self.code);
        let after = self.json.as_bytes().get(digits.end);
        let digits = self.json.get(digits)?;
        (digits.bytes().all(|byte| byte.is_ascii_digit()) && after == Some(&b',')).then_some(digits)
    }

    /// The stable string key, such as `"VALIDATION_FAILED"`.
    pub const fn key(&self) -> &'static str {
        self.key
    }

    /// The HTTP status the error is answered with (always 4xx or 5xx).
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The client-facing message. When [`is_interpolated`](Self::is_interpolated) it is a template
    /// such as `"Field {field} is invalid"`, filled in from the error's fields by
    /// [`ApiError::message`](crate::ApiError::message).
    pub const fn message(&self) -> &'static str {
        self.message
    }

    /// The description from the variant's doc comment (its first paragraph), or the message when
    /// the variant has no doc comment.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The domain declared with `#[api(domain = PATH)]`, if any.
    pub const fn domain(&self) -> Option<&'static Domain> {
        self.domain
    }

    /// Whether a client may retry the same request later and expect it to succeed.
    pub const fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// How many seconds to wait before retrying, when the declaration says so
    /// (`retry_after = SECONDS`); servers send it as a `Retry-After` header.
    pub const fn retry_after_secs(&self) -> Option<u32> {
        self.retry_after
    }

    /// [`retry_after_secs`](Self::retry_after_secs) as a `Duration`.
    pub const fn retry_after(&self) -> Option<Duration> {
        match self.retry_after {
            Some(secs) => Some(Duration::from_secs(secs as u64)),
            None => None,
        }
    }

    /// The name of the type that declares the error, such as `"TradingError"`.
    pub const fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The name of the variant that declares the error, such as `"PriceChanged"` (for a struct,
    /// the struct's name).
    pub const fn variant(&self) -> &'static str {
        self.variant
    }

    /// Whether the message is a template that interpolates the error's fields.
    pub const fn is_interpolated(&self) -> bool {
        self.interpolated
    }

    /// Whether the declaration carries `#[deprecated]`. A deprecated error is still answered and
    /// still in the catalogue (its JSON row says `"deprecated": true`); it is on its way out, and
    /// once published it can only be removed by reserving its code and key (see
    /// [`contract`](crate::contract)).
    pub const fn is_deprecated(&self) -> bool {
        self.deprecated
    }

    /// The page documenting the error, when the declaration gives one: the `doc_url` template
    /// of the variant, or else of its type, with `{key}` and `{code}` filled in at compile time,
    /// such as `"https://docs.assetpay.gg/errors#PRICE_CHANGED"`. Always an absolute `https`
    /// URL made of characters a URI holds unencoded (the derive refuses any other template), so
    /// it is written into JSON, a header or an HTML attribute as it is.
    ///
    /// An error brought in by an `#[api(transparent)]` variant keeps the URL its own declaration
    /// gives: the wrapped type documents its errors.
    ///
    /// ```
    /// use assetpay_errors::ApiError;
    ///
    /// #[derive(ApiError)]
    /// #[api(doc_url = "https://docs.example.com/errors#{key}")]
    /// enum ShopError {
    ///     /// The basket is empty
    ///     #[api(code = 501, key = "EMPTY_BASKET", status = 422)]
    ///     EmptyBasket,
    ///     /// The card was declined
    ///     #[api(code = 502, key = "CARD_DECLINED", status = 402, doc_url = "https://docs.example.com/cards/{code}")]
    ///     CardDeclined,
    /// }
    ///
    /// let [basket, card] = ShopError::CATALOG else { unreachable!() };
    /// assert_eq!(basket.doc_url(), Some("https://docs.example.com/errors#EMPTY_BASKET"));
    /// assert_eq!(card.doc_url(), Some("https://docs.example.com/cards/502"));
    /// ```
    pub const fn doc_url(&self) -> Option<&'static str> {
        self.doc_url
    }

    /// The message's parameters: the names of the fields an interpolated message fills in, each
    /// once, in the order the template first names them (a tuple field by its index, `"0"`).
    /// Empty for a message that interpolates nothing.
    ///
    /// They are the names [`ApiError::message_fields`](crate::ApiError::message_fields) visits,
    /// the members of the envelope's opt-in `params` object
    /// ([`Envelope::with_params`](crate::Envelope::with_params)), and the variables a
    /// translation of the message may use; once the key is published they are part of its
    /// contract (see [`contract`](crate::contract)).
    ///
    /// ```
    /// use assetpay_errors::ApiError;
    ///
    /// #[derive(ApiError)]
    /// enum TradingError {
    ///     /// Too many items in a single request
    ///     #[api(code = 8, key = "TOO_MANY_ITEMS", status = 400, message = "At most {max} items, not {given} (max {max})")]
    ///     TooManyItems { max: usize, given: usize },
    ///     /// Price has changed since you last fetched it
    ///     #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    ///     PriceChanged,
    /// }
    ///
    /// let [items, price] = TradingError::CATALOG else { unreachable!() };
    /// assert_eq!(items.params(), ["max", "given"]);
    /// assert!(price.params().is_empty());
    /// ```
    pub const fn params(&self) -> &'static [&'static str] {
        self.params
    }

    /// The declared message escaped for a JSON string, as the derive pre-rendered it into the
    /// envelope's tail; `None` for an interpolated message, which has no tail.
    pub(crate) fn escaped_message(&self) -> Option<&'static str> {
        if self.interpolated {
            return None;
        }
        let head = assetpay_errors_shared::envelope::head_len(self.code, self.key.len());
        let close = assetpay_errors_shared::envelope::CLOSE.len();
        self.json.get(head..self.json.len().checked_sub(close)?)
    }

    /// Whether this is a server error (5xx). Server errors never carry an error source's text in
    /// their message unless the declaration interpolates it explicitly.
    pub const fn is_server_error(&self) -> bool {
        self.status.as_u16() >= 500
    }
}

impl fmt::Debug for ErrorSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorSpec")
            .field("code", &self.code)
            .field("key", &self.key)
            .field("status", &self.status.as_u16())
            .field("message", &self.message)
            .field("description", &self.description)
            .field("domain", &self.domain.map(Domain::name))
            .field("retryable", &self.retryable)
            .field("retry_after", &self.retry_after)
            .field("type_name", &self.type_name)
            .field("variant", &self.variant)
            .field("deprecated", &self.deprecated)
            .field("doc_url", &self.doc_url)
            .field("grpc_code", &self.grpc_code)
            .field("params", &self.params)
            .finish()
    }
}

/// Two specs are equal when they describe the same error: code and key.
impl PartialEq for ErrorSpec {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code && self.key == other.key
    }
}

impl Eq for ErrorSpec {}

/// Serializes as one row of the published catalogue:
/// `{"code","key","status","description","message","domain","retryable","retryAfter"}`, plus
/// `"deprecated": true` for a deprecated error, `"docUrl": "…"` for an error with a
/// [`doc_url`](ErrorSpec::doc_url), and `"params": ["…"]` for an interpolated message's
/// [`params`](ErrorSpec::params). (The catalogue file,
/// [`catalog_json`](crate::contract::catalog_json), adds `errorType` to each row.)
///
/// `deprecated` is written only when true, and `docUrl` and `params` only when there are some: catalogues
/// published before the fields existed stay byte for byte what they were, and a reader that
/// misses a field reads `false` or "no page", which is what it meant.
impl serde::Serialize for ErrorSpec {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_row(serializer, false)
    }
}

/// One row of the catalogue file (`contract::catalog_json`): the entry as [`ErrorSpec`]
/// serializes it, with `"errorType"` after `"retryAfter"`.
///
/// `errorType` is the value a service answering with the entry reports as `error.type` on the
/// request's span and as the `key` label of its error counter (`axum::telemetry`): the key. It is
/// written out so that the catalogue file is itself the documented list of `error.type` values
/// dashboards are built from, as OpenTelemetry asks of instrumentations; readers of older files
/// (and the published-file reader, which ignores members it does not know) need nothing new.
pub(crate) struct CatalogRow<'a>(pub(crate) &'a ErrorSpec);

impl serde::Serialize for CatalogRow<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_row(serializer, true)
    }
}

impl ErrorSpec {
    /// The row, with `errorType` when `error_type`.
    fn serialize_row<S: serde::Serializer>(
        &self,
        serializer: S,
        error_type: bool,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let fields = 8
            + usize::from(self.deprecated)
            + usize::from(error_type)
            + usize::from(self.doc_url.is_some())
            + usize::from(!self.params.is_empty());
        let mut row = serializer.serialize_struct("ErrorSpec", fields)?;
        row.serialize_field("code", &self.code)?;
        row.serialize_field("key", self.key)?;
        row.serialize_field("status", &self.status.as_u16())?;
        row.serialize_field("description", self.description)?;
        row.serialize_field("message", self.message)?;
        row.serialize_field("domain", &self.domain.map(Domain::name))?;
        row.serialize_field("retryable", &self.retryable)?;
        row.serialize_field("retryAfter", &self.retry_after)?;
        if error_type {
            row.serialize_field("errorType", self.key)?;
        }
        if self.deprecated {
            row.serialize_field("deprecated", &true)?;
        }
        if let Some(url) = self.doc_url {
            row.serialize_field("docUrl", url)?;
        }
        if !self.params.is_empty() {
            row.serialize_field("params", self.params)?;
        }
        row.end()
    }
}
