//! Every method `#[derive(ApiError)]` generates, on enums and structs: codes, keys, statuses,
//! messages (interpolation, format specs, escaped braces, doc comments), the spec and each of its
//! getters, the catalogue's order with transparent variants flattened, the lookups, the
//! conversions of unit-only enums, and the redaction of server errors.

use std::borrow::Cow;
use std::time::Duration;

use assetpay_errors::{ApiError, Domain, Envelope, ErrorSpec, UnknownCode, UnknownKey};
use http::StatusCode;

/// Unit variants only: gets `TryFrom<u16>` and `FromStr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiError)]
#[api(domain = Domain::AUTH)]
pub enum AuthError {
    /// The access token has expired
    #[api(code = 1101, key = "TOKEN_EXPIRED", status = 401)]
    TokenExpired,
    /// Too many login attempts
    ///
    /// Clients see only the first paragraph; this one is for the people reading the code.
    #[api(code = 1102, key = "TOO_MANY_ATTEMPTS", status = 429, retry_after = 30)]
    TooManyAttempts,
    /// The session is being refreshed
    #[api(code = 1103, key = "SESSION_REFRESHING", status = 503, retryable)]
    SessionRefreshing,
    /// Access is denied
    #[api(
        code = 1104,
        key = "ACCESS_DENIED",
        status = 403,
        message = "You may not do this"
    )]
    AccessDenied,
}

/// Every kind of variant and message.
#[derive(Debug, ApiError)]
#[api(domain = Domain::TRADING)]
pub enum TradingError {
    /// Price has changed since you
    /// last fetched it
    #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
    PriceChanged,
    /// Too many items in a single request
    #[api(
        code = 8,
        key = "TOO_MANY_ITEMS",
        status = 400,
        message = "At most {max} items per request, got {given}"
    )]
    TooManyItems { max: usize, given: usize },
    /// An item is not tradeable
    #[api(
        code = 12,
        key = "ITEM_NOT_TRADEABLE",
        status = 422,
        message = "Item {0:?} is not tradeable ({1})"
    )]
    ItemNotTradeable(String, u32),
    /// A price is off
    #[api(
        code = 13,
        key = "PRICE_OFF",
        status = 400,
        message = "Price {price:.2} is off by {delta:+} ({hex:#06x}, [{name:>6}], [{name:<6}], [{name:^7}])"
    )]
    PriceOff {
        price: f64,
        delta: i32,
        hex: u32,
        name: &'static str,
    },
    /// Braces are escaped
    #[api(
        code = 14,
        key = "BRACES",
        status = 400,
        message = "Use {{id}} with {id}, not {{{{id}}}}"
    )]
    Braces { id: u8 },
    /// Braces without fields
    #[api(
        code = 15,
        key = "STATIC_BRACES",
        status = 400,
        message = "Send {{\"id\": 1}}"
    )]
    StaticBraces,
    /// Repeats a field
    #[api(code = 16, key = "REPEATS", status = 400, message = "{0}-{0}-{0:?}")]
    Repeats(&'static str),
    /// Doc braces stay {as written}
    #[api(code = 17, key = "DOC_BRACES", status = 400)]
    DocBraces,
    #[api(
        code = 99,
        key = "UNDOCUMENTED",
        status = 400,
        message = "No doc comment here"
    )]
    Undocumented,
}

/// Wraps other errors transparently between its own.
#[derive(Debug, ApiError)]
pub enum AppError {
    /// The request data is invalid
    #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
    ValidationFailed,
    #[api(transparent)]
    Auth(AuthError),
    /// Rate limited
    #[api(code = 1029, key = "RATE_LIMITED", status = 429, retry_after = 5)]
    RateLimited,
    #[api(transparent)]
    Trading { inner: TradingError },
    #[api(transparent)]
    Nested(Nested),
}

/// A second level of nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiError)]
pub enum Nested {
    #[api(transparent)]
    Auth2(Auth2),
}

/// Unit-only, for nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiError)]
#[api(range = 4000..=4009)]
pub enum Auth2 {
    /// First
    #[api(code = 4000, key = "FIRST", status = 400)]
    First,
    /// Last
    #[api(code = 4009, key = "LAST", status = 599)]
    Last,
}

/// Unit-only at every level: the conversions compose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiError)]
pub enum UnitComposite {
    /// Own error
    #[api(code = 3000, key = "OWN", status = 400)]
    Own,
    #[api(transparent)]
    Auth(AuthError),
    #[api(transparent)]
    Nested(Nested),
}

/// No variants at all.
#[derive(Debug, ApiError)]
pub enum Never {}

fn catalog_keys(catalog: &[ErrorSpec]) -> Vec<&'static str> {
    catalog.iter().map(ErrorSpec::key).collect()
}

#[test]
fn code_key_status_and_retry() {
    let error = AuthError::TooManyAttempts;
    assert_eq!(error.code(), 1102);
    assert_eq!(error.key(), "TOO_MANY_ATTEMPTS");
    assert_eq!(error.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(error.is_retryable(), "retry_after implies retryable");
    assert!(AuthError::SessionRefreshing.is_retryable());
    assert!(!AuthError::TokenExpired.is_retryable());
    assert_eq!(AuthError::TokenExpired.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        AppError::RateLimited.spec().retry_after(),
        Some(Duration::from_secs(5))
    );
    assert_eq!(Auth2::Last.status().as_u16(), 599);
}

#[test]
fn messages_from_doc_comments() {
    // The first paragraph, its lines joined with one space.
    assert_eq!(
        TradingError::PriceChanged.message(),
        "Price has changed since you last fetched it"
    );
    assert_eq!(
        AuthError::TooManyAttempts.message(),
        "Too many login attempts"
    );
    assert!(matches!(
        AuthError::TokenExpired.message(),
        Cow::Borrowed(_)
    ));
    // Braces in doc text are not placeholders.
    assert_eq!(
        TradingError::DocBraces.message(),
        "Doc braces stay {as written}"
    );
}

#[test]
fn messages_interpolate_fields_with_format_specs() {
    let too_many = TradingError::TooManyItems { max: 50, given: 51 };
    assert_eq!(too_many.message(), "At most 50 items per request, got 51");
    let not_tradeable = TradingError::ItemNotTradeable("AK \"Redline\"".to_owned(), 7);
    assert_eq!(
        not_tradeable.message(),
        r#"Item "AK \"Redline\"" is not tradeable (7)"#
    );
    let off = TradingError::PriceOff {
        price: 19.999,
        delta: 4,
        hex: 255,
        name: "ab",
    };
    assert_eq!(
        off.message(),
        "Price 20.00 is off by +4 (0x00ff, [    ab], [ab    ], [  ab   ])"
    );
    assert_eq!(TradingError::Repeats("x").message(), "x-x-\"x\"");
    assert!(matches!(too_many.message(), Cow::Owned(_)));
}

/// The message is filled in from the published template and `message_fields`, which visits
/// each field once: a field named again in the same format is written again, wherever it stands.
#[test]
fn messages_repeat_a_field_in_one_format_and_keep_text_between() {
    #[derive(Debug, ApiError)]
    enum Repeating {
        /// Repeats fields out of declaration order
        #[api(
            code = 1,
            key = "SAME_FORMAT_REPEATS",
            status = 400,
            message = "{b:?} and {a}, again {a} and {b:?}, é {{a}} {r#type}{a}"
        )]
        SameFormatRepeats {
            a: u8,
            b: &'static str,
            r#type: char,
        },
    }
    let error = Repeating::SameFormatRepeats {
        a: 1,
        b: "x",
        r#type: 'ü',
    };
    assert_eq!(error.message(), "\"x\" and 1, again 1 and \"x\", é {a} ü1");
    let mut visited = Vec::new();
    error.message_fields(&mut |name, value| visited.push((name, value.to_string())));
    assert_eq!(
        visited,
        [
            ("b", "\"x\"".to_owned()),
            ("a", "1".to_owned()),
            ("type", "ü".to_owned())
        ]
    );
}

#[test]
fn messages_unescape_braces() {
    assert_eq!(
        TradingError::Braces { id: 3 }.message(),
        "Use {id} with 3, not {{id}}"
    );
    assert_eq!(TradingError::StaticBraces.message(), "Send {\"id\": 1}");
    // A template without fields is published unescaped; one with fields as declared.
    assert_eq!(
        TradingError::StaticBraces.spec().message(),
        "Send {\"id\": 1}"
    );
    assert!(!TradingError::StaticBraces.spec().is_interpolated());
    assert_eq!(
        TradingError::Braces { id: 3 }.spec().message(),
        "Use {{id}} with {id}, not {{{{id}}}}"
    );
}

#[test]
fn spec_getters() {
    let spec = TradingError::TooManyItems { max: 1, given: 2 }.spec();
    assert_eq!(spec.code(), 8);
    assert_eq!(spec.key(), "TOO_MANY_ITEMS");
    assert_eq!(spec.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        spec.message(),
        "At most {max} items per request, got {given}"
    );
    assert_eq!(spec.description(), "Too many items in a single request");
    assert_eq!(spec.domain(), Some(&Domain::TRADING));
    assert!(!spec.is_retryable());
    assert_eq!(spec.retry_after_secs(), None);
    assert_eq!(spec.retry_after(), None);
    assert_eq!(spec.type_name(), "TradingError");
    assert_eq!(spec.variant(), "TooManyItems");
    assert!(spec.is_interpolated());
    assert!(!spec.is_server_error());

    let spec = AuthError::TooManyAttempts.spec();
    assert_eq!(spec.retry_after_secs(), Some(30));
    assert_eq!(spec.retry_after(), Some(Duration::from_secs(30)));
    assert!(spec.is_retryable());
    assert_eq!(spec.domain().map(Domain::name), Some("auth"));

    let spec = AuthError::SessionRefreshing.spec();
    assert!(spec.is_server_error());
    assert!(spec.is_retryable());
    assert_eq!(spec.retry_after_secs(), None);

    // `message` declared: the description still comes from the doc comment.
    let spec = AuthError::AccessDenied.spec();
    assert_eq!(spec.message(), "You may not do this");
    assert_eq!(spec.description(), "Access is denied");
    // No doc comment: the description is the message.
    let spec = TradingError::Undocumented.spec();
    assert_eq!(spec.description(), "No doc comment here");

    // Declared ranges and no declaration at all carry no domain.
    assert_eq!(Auth2::First.spec().domain(), None);
    assert_eq!(AppError::ValidationFailed.spec().domain(), None);

    // Every value's spec is its own catalogue row.
    for (value, row) in [AuthError::TokenExpired, AuthError::TooManyAttempts]
        .iter()
        .zip(AuthError::CATALOG)
    {
        assert_eq!(value.spec(), row);
        assert_eq!(value.spec().variant(), row.variant());
    }
}

#[test]
fn spec_serializes_as_a_catalog_row() {
    let row = serde_json::to_string(AuthError::TooManyAttempts.spec()).unwrap();
    assert_eq!(
        row,
        r#"{"code":1102,"key":"TOO_MANY_ATTEMPTS","status":429,"description":"Too many login attempts","message":"Too many login attempts","domain":"auth","retryable":true,"retryAfter":30}"#
    );
}

#[test]
fn catalog_in_declaration_order_with_transparent_flattened() {
    assert_eq!(
        catalog_keys(AuthError::CATALOG),
        [
            "TOKEN_EXPIRED",
            "TOO_MANY_ATTEMPTS",
            "SESSION_REFRESHING",
            "ACCESS_DENIED"
        ]
    );
    assert_eq!(TradingError::CATALOG.len(), 9);
    assert_eq!(TradingError::CATALOG[0].code(), 11);
    assert_eq!(TradingError::CATALOG[1].code(), 8);
    let mut expected = vec!["VALIDATION_FAILED"];
    expected.extend(catalog_keys(AuthError::CATALOG));
    expected.push("RATE_LIMITED");
    expected.extend(catalog_keys(TradingError::CATALOG));
    expected.extend(["FIRST", "LAST"]);
    assert_eq!(catalog_keys(AppError::CATALOG), expected);
    // Flattened rows keep the type and variant that declare them.
    let row = AppError::spec_for_key("LAST").unwrap();
    assert_eq!((row.type_name(), row.variant()), ("Auth2", "Last"));
    assert_eq!(catalog_keys(Nested::CATALOG), ["FIRST", "LAST"]);
    assert!(Never::CATALOG.is_empty());
}

#[test]
fn transparent_variants_delegate_everything() {
    let error = AppError::Trading {
        inner: TradingError::TooManyItems { max: 2, given: 3 },
    };
    assert_eq!(error.code(), 8);
    assert_eq!(error.key(), "TOO_MANY_ITEMS");
    assert_eq!(error.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error.message(), "At most 2 items per request, got 3");
    assert_eq!(error.spec().type_name(), "TradingError");
    let error = AppError::Auth(AuthError::TooManyAttempts);
    assert!(error.is_retryable());
    assert_eq!(error.spec().retry_after_secs(), Some(30));
    let error = AppError::Nested(Nested::Auth2(Auth2::Last));
    assert_eq!(
        (error.code(), error.message()),
        (4009, Cow::Borrowed("Last"))
    );
    assert_eq!(error.spec(), &Auth2::CATALOG[1]);
}

/// The lookups agree with a scan of the catalogue for every possible code, and for every key
/// plus near misses.
fn assert_lookups_agree<E: ApiError>() {
    for code in 0..=u16::MAX {
        let scanned = E::CATALOG.iter().find(|spec| spec.code() == code);
        assert_eq!(E::spec_for_code(code), scanned, "code {code}");
    }
    for spec in E::CATALOG {
        assert_eq!(E::spec_for_key(spec.key()), Some(spec));
        let key = spec.key();
        for near in [
            key.to_lowercase(),
            format!("{key}_"),
            format!("_{key}"),
            key[..key.len() - 1].to_owned(),
            format!("{key}\0"),
        ] {
            let scanned = E::CATALOG.iter().find(|spec| spec.key() == near);
            assert_eq!(E::spec_for_key(&near), scanned, "{near:?}");
        }
    }
    assert_eq!(E::spec_for_key(""), None);
    assert_eq!(E::spec_for_key("NOT_DECLARED_ANYWHERE"), None);
}

#[test]
fn spec_for_code_and_key_hit_and_miss() {
    assert_eq!(
        AuthError::spec_for_code(1102).map(ErrorSpec::key),
        Some("TOO_MANY_ATTEMPTS")
    );
    assert_eq!(AuthError::spec_for_code(1105), None);
    assert_eq!(
        AuthError::spec_for_key("ACCESS_DENIED").map(ErrorSpec::code),
        Some(1104)
    );
    assert_eq!(AuthError::spec_for_key("access_denied"), None);
    assert_eq!(
        AppError::spec_for_code(4000).map(ErrorSpec::key),
        Some("FIRST")
    );
    assert_eq!(
        AppError::spec_for_key("PRICE_CHANGED").map(ErrorSpec::code),
        Some(11)
    );
    assert_eq!(Never::spec_for_code(1), None);
    assert_eq!(Never::spec_for_key("A"), None);
    assert_lookups_agree::<AuthError>();
    assert_lookups_agree::<TradingError>();
    assert_lookups_agree::<AppError>();
    assert_lookups_agree::<Never>();
    assert_lookups_agree::<Single>();
}

#[test]
fn try_from_and_from_str_on_unit_only_enums() {
    assert_eq!(AuthError::try_from(1101), Ok(AuthError::TokenExpired));
    assert_eq!(AuthError::try_from(1104), Ok(AuthError::AccessDenied));
    assert_eq!(AuthError::try_from(1105), Err(UnknownCode(1105)));
    assert_eq!(AuthError::try_from(0), Err(UnknownCode(0)));
    assert_eq!("TOO_MANY_ATTEMPTS".parse(), Ok(AuthError::TooManyAttempts));
    assert_eq!(
        "too_many_attempts".parse::<AuthError>(),
        Err(UnknownKey("too_many_attempts".to_owned()))
    );
    assert_eq!("".parse::<AuthError>(), Err(UnknownKey(String::new())));
    for spec in AuthError::CATALOG {
        let from_code = AuthError::try_from(spec.code()).unwrap();
        let from_key: AuthError = spec.key().parse().unwrap();
        assert_eq!(from_code, from_key);
        assert_eq!(from_code.spec().variant(), spec.variant());
    }
    assert_eq!(
        Never::try_from(1).map(|never| never.code()),
        Err(UnknownCode(1))
    );
    assert_eq!(
        "A".parse::<Never>().map(|never| never.code()),
        Err(UnknownKey("A".to_owned()))
    );
    assert_eq!(UnknownCode(7).to_string(), "unknown error code `7`");
    assert_eq!(
        UnknownKey("X".to_owned()).to_string(),
        "unknown error key `X`"
    );
}

#[test]
fn try_from_and_from_str_through_transparent_variants() {
    assert_eq!(UnitComposite::try_from(3000), Ok(UnitComposite::Own));
    assert_eq!(
        UnitComposite::try_from(1103),
        Ok(UnitComposite::Auth(AuthError::SessionRefreshing))
    );
    assert_eq!(
        UnitComposite::try_from(4009),
        Ok(UnitComposite::Nested(Nested::Auth2(Auth2::Last)))
    );
    assert_eq!(UnitComposite::try_from(4001), Err(UnknownCode(4001)));
    assert_eq!(
        "FIRST".parse(),
        Ok(UnitComposite::Nested(Nested::Auth2(Auth2::First)))
    );
    assert_eq!(
        "TOKEN_EXPIRED".parse(),
        Ok(UnitComposite::Auth(AuthError::TokenExpired))
    );
    assert_eq!("OWN".parse(), Ok(UnitComposite::Own));
    assert_eq!(
        "NOPE".parse::<UnitComposite>(),
        Err(UnknownKey("NOPE".to_owned()))
    );
    assert_eq!(Nested::try_from(4000), Ok(Nested::Auth2(Auth2::First)));
    // Every catalogue row converts back to the value that produces it.
    for spec in UnitComposite::CATALOG {
        let value = UnitComposite::try_from(spec.code()).unwrap();
        assert_eq!(value.spec(), spec);
        assert_eq!(value.spec().type_name(), spec.type_name());
        assert_eq!(spec.key().parse::<UnitComposite>(), Ok(value));
    }
}

/// A struct with named fields declaring one error.
#[derive(Debug, ApiError)]
#[api(
    code = 1900,
    key = "API_KEY_REVOKED",
    status = 401,
    domain = Domain::API_KEYS,
    message = "Key {prefix}… was revoked"
)]
pub struct ApiKeyRevoked {
    prefix: &'static str,
}

/// The wallet is frozen
#[derive(Debug, ApiError)]
#[api(code = 3333, key = "WALLET_FROZEN", status = 423, range = 3000..=3999, retry_after = 600)]
pub struct Single;

/// A tuple struct
#[derive(Debug, ApiError)]
#[api(code = 12, key = "TUPLE_STRUCT", status = 400, message = "{0}/{1}")]
pub struct TupleStruct(u8, u8);

/// A struct wrapping an enum transparently.
#[derive(Debug, ApiError)]
#[api(transparent)]
pub struct Wrapped {
    inner: AppError,
}

#[test]
fn structs_declare_one_error() {
    let revoked = ApiKeyRevoked { prefix: "ak_12" };
    assert_eq!(revoked.code(), 1900);
    assert_eq!(revoked.message(), "Key ak_12… was revoked");
    assert_eq!(revoked.spec().domain(), Some(&Domain::API_KEYS));
    assert_eq!(revoked.spec().variant(), "ApiKeyRevoked");
    assert_eq!(revoked.spec().type_name(), "ApiKeyRevoked");
    assert_eq!(
        revoked.spec().description(),
        "A struct with named fields declaring one error."
    );

    assert_eq!(Single.message(), "The wallet is frozen");
    assert_eq!(Single.status(), StatusCode::LOCKED);
    assert_eq!(Single.spec().retry_after_secs(), Some(600));
    assert_eq!(catalog_keys(Single::CATALOG), ["WALLET_FROZEN"]);
    assert_eq!(
        Single::spec_for_code(3333).map(ErrorSpec::key),
        Some("WALLET_FROZEN")
    );
    assert_eq!(
        Single::spec_for_key("WALLET_FROZEN").map(ErrorSpec::code),
        Some(3333)
    );
    assert_eq!(TupleStruct(3, 4).message(), "3/4");

    let wrapped = Wrapped {
        inner: AppError::Auth(AuthError::AccessDenied),
    };
    assert_eq!(wrapped.key(), "ACCESS_DENIED");
    assert_eq!(wrapped.message(), "You may not do this");
    assert_eq!(Wrapped::CATALOG, AppError::CATALOG);
    assert_eq!(
        Wrapped::spec_for_code(4009).map(ErrorSpec::key),
        Some("LAST")
    );
}

/// A source error whose text must never reach a client.
#[derive(Debug)]
pub struct DatabaseError {
    detail: String,
}

impl std::fmt::Display for DatabaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "connection to {} failed", self.detail)
    }
}

impl std::error::Error for DatabaseError {}

const SECRET: &str = "postgres://admin:hunter2@10.0.0.7/ledger";

/// Server errors wrapping a source; only `Interpolated` shows it, because its author asked.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(domain = Domain::GENERIC)]
pub enum ServerError {
    /// Something went wrong on our side
    #[error("database failure: {0}")]
    #[api(code = 1050, key = "INTERNAL", status = 500)]
    Internal(#[source] DatabaseError),
    /// The ledger is unavailable
    #[error("ledger unavailable: {source}")]
    #[api(
        code = 1051,
        key = "LEDGER_UNAVAILABLE",
        status = 503,
        message = "The ledger is unavailable, try again in {retry_in} seconds"
    )]
    LedgerUnavailable {
        source: DatabaseError,
        retry_in: u32,
    },
    /// Upstream failed
    #[error("upstream: {0}")]
    #[api(
        code = 1052,
        key = "UPSTREAM",
        status = 502,
        message = "Upstream said: {0}"
    )]
    Interpolated(DatabaseError),
}

/// A composition must not leak either.
#[derive(Debug, ApiError)]
pub enum Outer {
    #[api(transparent)]
    Server(ServerError),
}

fn secret_source() -> DatabaseError {
    DatabaseError {
        detail: SECRET.to_owned(),
    }
}

fn bodies<E: ApiError>(error: &E) -> (String, String) {
    let envelope = Envelope::new("req-500", error);
    let serde = serde_json::to_string(&envelope).unwrap();
    let fast = String::from_utf8(envelope.to_json_vec()).unwrap();
    assert_eq!(serde, fast);
    (serde, fast)
}

#[test]
fn server_errors_never_carry_a_source_unless_interpolated() {
    let internal = ServerError::Internal(secret_source());
    assert!(
        internal.to_string().contains(SECRET),
        "the Display (for logs) has the secret"
    );
    assert!(internal.spec().is_server_error());
    assert_eq!(internal.message(), "Something went wrong on our side");
    let (serde, fast) = bodies(&internal);
    assert_eq!(
        serde,
        r#"{"requestId":"req-500","success":false,"error":{"code":1050,"key":"INTERNAL","message":"Something went wrong on our side"}}"#
    );
    assert!(!fast.contains("hunter2"));

    let ledger = ServerError::LedgerUnavailable {
        source: secret_source(),
        retry_in: 30,
    };
    assert!(ledger.to_string().contains(SECRET));
    assert_eq!(
        ledger.message(),
        "The ledger is unavailable, try again in 30 seconds"
    );
    let (serde, _) = bodies(&ledger);
    assert_eq!(
        serde,
        r#"{"requestId":"req-500","success":false,"error":{"code":1051,"key":"LEDGER_UNAVAILABLE","message":"The ledger is unavailable, try again in 30 seconds"}}"#
    );

    let outer = Outer::Server(ServerError::Internal(secret_source()));
    let (serde, _) = bodies(&outer);
    assert!(
        !serde.contains("hunter2") && !serde.contains("10.0.0.7"),
        "{serde}"
    );
    for spec in ServerError::CATALOG {
        assert!(!spec.message().contains("hunter2"));
    }

    // Interpolating the source is a deliberate choice, and then it is shown.
    let interpolated = ServerError::Interpolated(secret_source());
    assert_eq!(
        interpolated.message(),
        format!("Upstream said: connection to {SECRET} failed")
    );
    let (serde, _) = bodies(&interpolated);
    assert!(serde.contains("hunter2"));
}

/// A copy of the first example of the derive's documentation (`assetpay-errors/docs/derive.md`),
/// run as a test so the example it shows keeps working; update both together.
mod guide {
    use assetpay_errors::{ApiError, Domain, Envelope};

    #[derive(Debug, ApiError)]
    #[api(domain = Domain::TRADING)] // every code must lie in 1..=99
    pub enum TradingError {
        /// Price has changed since you last fetched it
        #[api(code = 11, key = "PRICE_CHANGED", status = 409)]
        PriceChanged,

        /// Too many items in a single request
        #[api(
            code = 8,
            key = "TOO_MANY_ITEMS",
            status = 400,
            message = "At most {max} items per request"
        )]
        TooManyItems { max: usize },

        /// The market is busy, try again shortly
        #[api(code = 30, key = "MARKET_BUSY", status = 503, retry_after = 5)]
        MarketBusy,
    }

    #[derive(Debug, ApiError)]
    pub enum AppError {
        /// The request data is invalid
        #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
        ValidationFailed,
        #[api(transparent)] // code, key, status and message come from the wrapped error
        Trading(TradingError),
    }

    #[test]
    fn guide_example() {
        let error = AppError::Trading(TradingError::TooManyItems { max: 50 });
        assert_eq!(
            (error.code(), error.key(), error.status().as_u16()),
            (8, "TOO_MANY_ITEMS", 400)
        );
        assert_eq!(error.message(), "At most 50 items per request");
        assert_eq!(AppError::CATALOG.len(), 4); // own errors and TradingError's, in declaration order
        assert_eq!(
            AppError::spec_for_key("MARKET_BUSY")
                .unwrap()
                .retry_after_secs(),
            Some(5)
        );
        let body = serde_json::to_string(&Envelope::new("req-7", &error)).unwrap();
        assert_eq!(
            body,
            r#"{"requestId":"req-7","success":false,"error":{"code":8,"key":"TOO_MANY_ITEMS","message":"At most 50 items per request"}}"#
        );
        // The guide's other variants, constructed so they are not dead code.
        assert_eq!(AppError::ValidationFailed.code(), 1001);
        assert_eq!(TradingError::PriceChanged.code(), 11);
        assert!(TradingError::MarketBusy.is_retryable());
    }
}
