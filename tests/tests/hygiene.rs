//! The derive's expansion compiles wherever a user may put the derive, under strict lints: next
//! to local items that shadow the prelude and the crates the expansion uses, inside
//! `#[no_implicit_prelude]`, a function body and a `macro_rules!`, on generic types, with raw
//! identifiers, `#[cfg]`'d and `#[deprecated]` variants, and next to `thiserror`.
//!
//! Compiling is most of the test; each case then checks that the generated methods still answer
//! correctly there. `cargo clippy --all-targets -- -D warnings` holds the expansion to clippy's
//! lints too.

#![deny(
    warnings,
    missing_docs,
    unused_qualifications,
    unused_results,
    unreachable_pub,
    rust_2018_idioms,
    trivial_casts,
    trivial_numeric_casts,
    unused_import_braces,
    single_use_lifetimes
)]

use std::fmt::{Debug, Display};

use assetpay_errors::{ApiError, Envelope};
use http::StatusCode;

/// Items that shadow every name the expansion could reach without a full path.
pub mod shadowed {
    #![allow(dead_code, non_camel_case_types, unused_macros)]

    use ::assetpay_errors::ApiError;

    /// Shadows the prelude's `Result`.
    pub struct Result;
    /// Shadows the prelude's `Option`.
    pub struct Option;
    /// Shadows the prelude's `Some`.
    pub struct Some;
    /// Shadows the prelude's `None`.
    pub struct None;
    /// Shadows the prelude's `Ok`.
    pub struct Ok;
    /// Shadows the prelude's `Err`.
    pub struct Err;
    /// Shadows the prelude's `String`.
    pub struct String;
    /// Shadows the prelude's `Vec`.
    pub struct Vec;
    /// Shadows the prelude's `Box`.
    pub struct Box;
    /// Shadows `u16`.
    pub struct u16;
    /// Shadows `str`.
    pub struct str;
    /// Shadows `usize`.
    pub struct usize;
    /// Shadows the `core` crate.
    pub mod core {}
    /// Shadows the `std` crate.
    pub mod std {}
    /// Shadows the `alloc` crate.
    pub mod alloc {}
    /// Shadows the `serde` crate.
    pub mod serde {}
    /// Shadows the `http` crate.
    pub mod http {}
    /// Shadows the `axum` crate, which the `IntoResponse` impl must not name bare.
    pub mod axum {}
    /// Shadows the trait the `IntoResponse` impl implements.
    pub trait IntoResponse {}
    /// Shadows what `IntoResponse` returns.
    pub struct Response;
    /// Shadows `From`, which the transparent variants implement.
    pub trait From {}
    /// Shadows the runtime crate's name for a module.
    pub mod assetpay_errors {}
    /// Shadows the trait names the expansion implements.
    pub trait TryFrom {}
    /// Shadows `FromStr`.
    pub trait FromStr {}
    /// Shadows `Cow`.
    pub struct Cow;
    /// Shadows `format!`.
    macro_rules! format {
        ($($tokens:tt)*) => {
            compile_error!("the expansion used a local `format!`")
        };
    }
    /// Shadows `unreachable!`.
    macro_rules! unreachable {
        ($($tokens:tt)*) => {
            compile_error!("the expansion used a local `unreachable!`")
        };
    }

    /// Unit-only, so it also gets `TryFrom<u16>` and `FromStr`.
    #[derive(ApiError, PartialEq, Eq, Debug)]
    #[api(domain = ::assetpay_errors::Domain::GENERIC)]
    pub enum Shadowed {
        /// The request data is invalid
        #[api(code = 1001, key = "VALIDATION_FAILED", status = 422)]
        ValidationFailed,
        /// Try again in a minute
        #[api(code = 1002, key = "SLOW_DOWN", status = 429, retry_after = 60)]
        SlowDown,
    }

    /// Fields and interpolation.
    #[derive(ApiError, Debug)]
    #[api(range = 5000..=5099)]
    pub enum WithFields {
        /// A field is invalid
        #[api(
            code = 5000,
            key = "FIELD_INVALID",
            status = 400,
            message = "Field {0} is invalid ({1:?})"
        )]
        FieldInvalid(u8, #[doc = "unused by the message"] ::std::string::String),
        /// Named field
        #[api(
            code = 5001,
            key = "NAMED",
            status = 400,
            message = "Limit is {limit:>4}"
        )]
        Named {
            /// The limit.
            limit: u32,
        },
        /// Wraps another error
        #[api(transparent)]
        Wrapped(Shadowed),
    }

    /// A struct declaring one error.
    #[derive(ApiError, Debug)]
    #[api(
        code = 5100,
        key = "SINGLE",
        status = 503,
        message = "Down for {minutes} minutes"
    )]
    pub struct Single {
        /// How long.
        pub minutes: u8,
    }
}

#[test]
fn shadowing_items_do_not_reach_the_expansion() {
    use shadowed::{Shadowed, Single, WithFields};

    assert_eq!(Shadowed::ValidationFailed.code(), 1001);
    assert_eq!(Shadowed::SlowDown.spec().retry_after_secs(), Some(60));
    assert_eq!(Shadowed::try_from(1002), Ok(Shadowed::SlowDown));
    assert_eq!("VALIDATION_FAILED".parse(), Ok(Shadowed::ValidationFailed));
    assert_eq!(
        Shadowed::spec_for_key("SLOW_DOWN").map(|spec| spec.code()),
        Some(1002)
    );

    let field_invalid = WithFields::FieldInvalid(7, "name".to_owned());
    assert_eq!(field_invalid.message(), "Field 7 is invalid (\"name\")");
    assert_eq!(WithFields::Named { limit: 12 }.message(), "Limit is   12");
    let wrapped = WithFields::Wrapped(Shadowed::SlowDown);
    assert_eq!((wrapped.code(), wrapped.key()), (1002, "SLOW_DOWN"));
    let keys: Vec<&str> = WithFields::CATALOG.iter().map(|spec| spec.key()).collect();
    assert_eq!(
        keys,
        ["FIELD_INVALID", "NAMED", "VALIDATION_FAILED", "SLOW_DOWN"]
    );

    let single = Single { minutes: 5 };
    assert_eq!(single.message(), "Down for 5 minutes");
    assert_eq!(single.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(Single::CATALOG.len(), 1);
}

/// Nothing from any prelude: the expansion may only use absolute paths.
#[no_implicit_prelude]
pub mod no_prelude {
    /// Unit-only.
    #[derive(::assetpay_errors::ApiError, ::core::fmt::Debug, ::core::cmp::PartialEq)]
    #[api(
        domain = ::assetpay_errors::Domain::AUTH,
        published = "contract/hygiene.json",
        reserved(1103, "OLD_TOKEN")
    )]
    pub enum Bare {
        /// The token has expired
        #[api(code = 1101, key = "TOKEN_EXPIRED", status = 401)]
        TokenExpired,
        /// Too many attempts
        #[api(code = 1102, key = "TOO_MANY_ATTEMPTS", status = 429, retryable)]
        TooManyAttempts,
    }

    /// Fields, interpolation and a transparent variant.
    #[derive(::assetpay_errors::ApiError, ::core::fmt::Debug)]
    #[api(published = "contract/hygiene.json", reserved(2))]
    pub enum Composed {
        /// A field is invalid
        #[api(
            code = 1,
            key = "FIELD_INVALID",
            status = 400,
            message = "Field {name} is invalid, {{sorry}}"
        )]
        FieldInvalid {
            /// Which field.
            name: &'static ::core::primitive::str,
        },
        /// Auth failed
        #[api(transparent)]
        Auth(Bare),
        /// The request data is invalid
        #[api(code = 3, key = "VALIDATION_FAILED", status = 422)]
        ValidationFailed {
            /// Which fields, and why.
            #[api(details)]
            violations: ::std::vec::Vec<::assetpay_errors::FieldViolation>,
        },
    }

    /// A struct.
    #[derive(::assetpay_errors::ApiError, ::core::fmt::Debug)]
    #[api(transparent)]
    pub struct Wrapper(pub Bare);
}

#[test]
fn no_implicit_prelude_module() {
    use no_prelude::{Bare, Composed, Wrapper};
    // With the `axum` feature (on for these tests) the expansion also holds `IntoResponse` and,
    // for transparent declarations, `From`: both resolve here too.
    fn is_response<T: axum::response::IntoResponse>() {}
    is_response::<Bare>();
    is_response::<Composed>();
    is_response::<Wrapper>();
    let _: Composed = Bare::TokenExpired.into();
    let _: Wrapper = Bare::TokenExpired.into();

    assert_eq!(
        Bare::TooManyAttempts.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    assert!(Bare::TooManyAttempts.is_retryable());
    assert_eq!(Bare::try_from(1101), Ok(Bare::TokenExpired));
    assert_eq!("TOO_MANY_ATTEMPTS".parse(), Ok(Bare::TooManyAttempts));
    let violations = vec![assetpay_errors::FieldViolation::query(
        "limit",
        assetpay_errors::violation::Reason::Missing,
        "limit is required",
    )];
    let with_details = Composed::ValidationFailed {
        violations: violations.clone(),
    };
    assert_eq!(with_details.details(), violations);
    assert!(Composed::Auth(Bare::TokenExpired).details().is_empty());
    let invalid = Composed::FieldInvalid { name: "email" };
    assert_eq!(invalid.message(), "Field email is invalid, {sorry}");
    assert_eq!(Composed::Auth(Bare::TokenExpired).code(), 1101);
    assert_eq!(Composed::CATALOG.len(), 4);
    assert_eq!(Wrapper(Bare::TokenExpired).key(), "TOKEN_EXPIRED");
    assert_eq!(Wrapper::CATALOG, Bare::CATALOG);
    assert_eq!(Composed::RESERVED.len(), 3);
    assert_eq!(Wrapper::RESERVED, Bare::RESERVED);
}

#[test]
fn inside_a_function_body() {
    #[derive(ApiError, Debug, PartialEq)]
    #[api(domain = ::assetpay_errors::Domain::EMAIL)]
    enum Local {
        /// The address bounced
        #[api(code = 1800, key = "BOUNCED", status = 422)]
        Bounced,
        /// Mailbox full
        #[api(code = 1899, key = "MAILBOX_FULL", status = 507, retry_after = 3600)]
        MailboxFull,
    }

    #[derive(ApiError, Debug)]
    #[api(
        code = 1850,
        key = "LOCAL_STRUCT",
        status = 400,
        message = "{0} and {1}"
    )]
    struct LocalStruct(u8, char);

    assert_eq!(Local::MailboxFull.spec().retry_after_secs(), Some(3600));
    assert_eq!(Local::try_from(1800), Ok(Local::Bounced));
    assert_eq!(
        Local::spec_for_code(1899).map(|spec| spec.key()),
        Some("MAILBOX_FULL")
    );
    assert_eq!(LocalStruct(1, 'x').message(), "1 and x");
    assert_eq!(LocalStruct::CATALOG[0].type_name(), "LocalStruct");
}

/// Declares an error enum from a `macro_rules!`: every token the derive sees comes through the
/// macro, with its hygiene.
macro_rules! declare_error {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[doc = $doc:literal])* $variant:ident $({ $field:ident : $ty:ty })? = ($code:literal, $key:literal, $status:literal $(, $message:literal)?),)*
    }) => {
        $(#[$meta])*
        #[derive(ApiError, Debug)]
        #[api(domain = ::assetpay_errors::Domain::WALLET)]
        $vis enum $name {
            $(
                $(#[doc = $doc])*
                #[api(code = $code, key = $key, status = $status $(, message = $message)?)]
                $variant $({
                    #[doc = "A field declared through the macro."]
                    $field: $ty
                })?,
            )*
        }
    };
}

declare_error! {
    /// Declared through `macro_rules!`.
    pub enum FromMacro {
        /// The wallet is locked
        Locked = (1600, "WALLET_LOCKED", 423),
        /// Not enough funds
        Insufficient { missing: u64 } = (1699, "INSUFFICIENT_FUNDS", 402, "Missing {missing} cents"),
    }
}

#[test]
fn inside_a_macro_rules() {
    assert_eq!(FromMacro::Locked.code(), 1600);
    assert_eq!(FromMacro::Locked.message(), "The wallet is locked");
    let insufficient = FromMacro::Insufficient { missing: 250 };
    assert_eq!(insufficient.message(), "Missing 250 cents");
    assert_eq!(insufficient.spec().description(), "Not enough funds");
    assert_eq!(
        FromMacro::spec_for_key("INSUFFICIENT_FUNDS").map(|spec| spec.code()),
        Some(1699)
    );
}

/// Generic parameters, a lifetime, a const parameter and a where clause.
#[derive(ApiError, Debug)]
#[api(domain = ::assetpay_errors::Domain::BOOKING)]
pub enum Generic<'a, T: Display, U, const N: usize>
where
    U: Debug + Clone,
{
    /// A value is wrong
    #[api(
        code = 2200,
        key = "VALUE_WRONG",
        status = 400,
        message = "Value {value} is wrong"
    )]
    ValueWrong {
        /// The value.
        value: T,
    },
    /// Something else
    #[api(
        code = 2201,
        key = "OTHER",
        status = 409,
        message = "Other: {0:?} in {1}"
    )]
    Other(U, &'a str),
    /// Fixed size
    #[api(
        code = 2202,
        key = "FIXED",
        status = 413,
        message = "At most {0:?} bytes"
    )]
    Fixed([u8; N]),
    /// Wraps a concrete error
    #[api(transparent)]
    Email(EmailError),
}

/// A concrete error for `Generic` to wrap.
#[derive(ApiError, Debug, PartialEq)]
#[api(domain = ::assetpay_errors::Domain::EMAIL, reserved(1899))]
pub enum EmailError {
    /// The address is invalid
    #[api(code = 1801, key = "EMAIL_INVALID", status = 422)]
    Invalid,
}

/// A generic struct.
#[derive(ApiError, Debug)]
#[api(
    code = 2299,
    key = "GENERIC_STRUCT",
    status = 400,
    message = "{inner}",
    domain = ::assetpay_errors::Domain::BOOKING
)]
pub struct GenericStruct<T>
where
    T: Display,
{
    /// The wrapped value.
    pub inner: T,
}

#[test]
fn generics_lifetimes_and_where_clauses() {
    type Concrete = Generic<'static, f64, Option<u8>, 2>;
    let wrong: Concrete = Generic::ValueWrong { value: 1.5 };
    assert_eq!(wrong.message(), "Value 1.5 is wrong");
    let borrowed = String::from("the basket");
    let other = Generic::<'_, f64, Option<u8>, 2>::Other(Some(3), &borrowed);
    assert_eq!(other.message(), "Other: Some(3) in the basket");
    let fixed: Concrete = Generic::Fixed([1, 2]);
    assert_eq!(fixed.message(), "At most [1, 2] bytes");
    assert_eq!(fixed.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let email: Concrete = Generic::Email(EmailError::Invalid);
    assert_eq!(email.key(), "EMAIL_INVALID");
    assert_eq!(Concrete::CATALOG.len(), 4);
    assert_eq!(
        <Generic<'_, String, (), 0>>::spec_for_code(1801).map(|spec| spec.type_name()),
        Some("EmailError")
    );
    assert_eq!(GenericStruct { inner: 'x' }.message(), "x");
    assert_eq!(
        GenericStruct::<u8>::CATALOG[0]
            .domain()
            .map(|domain| domain.name()),
        Some("booking")
    );
}

/// Raw identifiers as the type, variant and field names.
#[derive(ApiError, Debug, PartialEq)]
pub enum r#Raw {
    /// A match failed
    #[api(
        code = 1,
        key = "MATCH_FAILED",
        status = 400,
        message = "Match on {type} by {r#fn}"
    )]
    r#Match {
        /// A field called `type`.
        r#type: &'static str,
        /// A field called `fn`.
        r#fn: u8,
    },
    /// A unit variant with a raw name
    #[api(code = 2, key = "RAW_UNIT", status = 404)]
    r#Struct,
}

/// Unit-only with raw names, for the conversions.
#[derive(ApiError, Debug, PartialEq)]
pub enum RawUnit {
    /// A unit variant with a raw name
    #[api(code = 3, key = "RAW_ENUM", status = 404)]
    r#Enum,
}

#[test]
fn raw_identifiers_show_without_r_hash() {
    let matched = Raw::Match {
        r#type: "price",
        r#fn: 4,
    };
    assert_eq!(matched.message(), "Match on price by 4");
    for spec in Raw::CATALOG.iter().chain(RawUnit::CATALOG) {
        for text in [
            spec.key(),
            spec.message(),
            spec.description(),
            spec.variant(),
            spec.type_name(),
        ] {
            assert!(
                !text.contains("r#"),
                "{text:?} shows a raw identifier prefix"
            );
        }
    }
    assert_eq!(Raw::CATALOG[0].variant(), "Match");
    assert_eq!(Raw::CATALOG[0].type_name(), "Raw");
    // The published template names the field as the message does, without `r#`.
    assert_eq!(Raw::CATALOG[0].message(), "Match on {type} by {fn}");
    assert_eq!(Raw::Struct.spec().variant(), "Struct");
    assert_eq!(RawUnit::try_from(3), Ok(RawUnit::Enum));
    assert_eq!("RAW_ENUM".parse(), Ok(RawUnit::Enum));
}

/// `#[cfg]`'d and `#[deprecated]` variants.
#[derive(ApiError, Debug, PartialEq)]
#[api(domain = ::assetpay_errors::Domain::IDEMPOTENCY)]
pub enum Configured {
    /// Always there
    #[api(code = 1500, key = "ALWAYS", status = 409)]
    Always,
    /// Compiled out
    #[cfg(not(test))]
    #[api(code = 1501, key = "NEVER", status = 409)]
    Never,
    /// Compiled in by a true `cfg`
    #[cfg(test)]
    #[api(code = 1502, key = "CONFIGURED_IN", status = 409)]
    ConfiguredIn,
    /// Old, replaced by `Always`
    #[deprecated(note = "use `Always`")]
    #[api(code = 1503, key = "OLD", status = 410)]
    Old,
    /// Compiled out and wrapping
    #[cfg(not(test))]
    #[api(transparent)]
    WrappedNever(EmailError),
    /// Compiled in and wrapping
    #[cfg(test)]
    #[api(transparent)]
    WrappedIn(EmailError),
}

#[test]
#[allow(deprecated)]
fn cfg_and_deprecated_variants() {
    let keys: Vec<&str> = Configured::CATALOG.iter().map(|spec| spec.key()).collect();
    assert_eq!(keys, ["ALWAYS", "CONFIGURED_IN", "OLD", "EMAIL_INVALID"]);
    assert_eq!(Configured::Old.code(), 1503);
    assert_eq!(Configured::ConfiguredIn.spec(), &Configured::CATALOG[1]);
    assert_eq!(Configured::WrappedIn(EmailError::Invalid).code(), 1801);
    assert_eq!(Configured::spec_for_code(1501), None);
    assert_eq!(Configured::spec_for_key("NEVER"), None);
    assert_eq!(Configured::try_from(1503), Ok(Configured::Old));
    assert_eq!(
        Configured::try_from(1801),
        Ok(Configured::WrappedIn(EmailError::Invalid))
    );
    assert_eq!("CONFIGURED_IN".parse(), Ok(Configured::ConfiguredIn));
    // The compiled-out transparent variant brings no reservations, the compiled-in one does.
    assert_eq!(Configured::RESERVED, EmailError::RESERVED);
    assert!(Configured::Old.spec().is_deprecated());
}

/// A source error for the `thiserror` case.
#[derive(Debug, thiserror::Error)]
#[error("disk on fire")]
pub struct DiskError;

/// Both derives on one enum, each reading its own attributes.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(domain = ::assetpay_errors::Domain::LEDGER)]
pub enum LedgerError {
    /// The ledger is out of balance
    #[error("ledger out of balance by {delta}")]
    #[api(
        code = 2400,
        key = "OUT_OF_BALANCE",
        status = 409,
        message = "Ledger out of balance by {delta}"
    )]
    OutOfBalance {
        /// By how much.
        delta: i64,
    },
    /// The ledger could not be written
    #[error("ledger write failed")]
    #[api(code = 2499, key = "WRITE_FAILED", status = 500)]
    WriteFailed(#[from] DiskError),
    /// Email trouble
    #[error(transparent)]
    #[api(transparent)]
    Email(#[from] EmailError),
}

// `thiserror::Error` requires `Display` on the wrapped error.
impl Display for EmailError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for EmailError {}

#[test]
fn side_by_side_with_thiserror() {
    use std::error::Error as _;

    let unbalanced = LedgerError::OutOfBalance { delta: -3 };
    assert_eq!(unbalanced.to_string(), "ledger out of balance by -3");
    assert_eq!(unbalanced.message(), "Ledger out of balance by -3");
    let failed = LedgerError::from(DiskError);
    assert_eq!(failed.to_string(), "ledger write failed");
    assert_eq!(
        failed.source().map(ToString::to_string),
        Some("disk on fire".to_owned())
    );
    assert_eq!(failed.message(), "The ledger could not be written");
    assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let email = LedgerError::from(EmailError::Invalid);
    assert_eq!(email.to_string(), "The address is invalid");
    assert_eq!(email.code(), 1801);
    let body = serde_json::to_string(&Envelope::new("r", &failed)).unwrap();
    assert_eq!(
        body,
        r#"{"requestId":"r","success":false,"error":{"code":2499,"key":"WRITE_FAILED","message":"The ledger could not be written"}}"#
    );
}
