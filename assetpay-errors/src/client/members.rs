//! The envelope's members, read in one pass over the body: the members the envelope defines
//! (named by `wire`'s `EnvelopeMember` and `ErrorMember`) as
//! [`Scalar`]s whose types the decoder then checks, every other member kept as it came.
//!
//! Reading the body into a `serde_json::Value` first and taking the members out of its maps cost
//! the decoder more than twice what `serde_json::from_slice` into a plain struct costs: a map
//! entry and its key's allocation for every member, found again by name. Here each key is matched
//! against the envelope's names without being allocated, the defined members are read no further
//! than the decoder looks at them, and only unknown members are stored in maps (in `serde_json::Map`'s
//! order). A repeated member keeps its last value, as a JSON map would. Nothing here rejects a
//! body: a value of the wrong type is left for the decoder to name, so every body serde_json can
//! parse is read.

use crate::client::unknown::UnknownMembers;
use assetpay_errors_shared::wire::{EnvelopeMember, ErrorMember};
use core::fmt;
use core::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, de};
use serde_json::Value;

/// Reads `body` into `members`, as `serde_json::from_slice` would read it (the same errors for
/// the same bodies); `Ok(false)` when the body is JSON but not an object.
///
/// The members are written in place rather than returned: they are a few hundred bytes, and
/// moving them out of each visitor and through each `Result` cost the decoder more time than
/// anything it parses (`BENCHMARKS.md`).
pub(crate) fn read_members(
    body: &[u8],
    members: &mut EnvelopeMembers,
) -> Result<bool, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let is_object = BodySeed(members).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(is_object)
}

/// The members of the envelope object.
#[derive(Default)]
pub(crate) struct EnvelopeMembers {
    pub(crate) success: Option<Scalar>,
    pub(crate) request_id: Option<Scalar>,
    /// What `error` is; its members are in `error_members` when it is an object.
    pub(crate) error: ErrorValue,
    pub(crate) error_members: ErrorMembers,
    pub(crate) extra: UnknownMembers,
}

/// What the `error` member is.
#[derive(Default, Clone, Copy)]
pub(crate) enum ErrorValue {
    /// There is none.
    #[default]
    Missing,
    /// An object.
    Object,
    /// `null`.
    Null,
    /// Any other JSON value.
    NotAnObject,
}

/// The members of the `error` object.
#[derive(Default)]
pub(crate) struct ErrorMembers {
    pub(crate) code: Option<Scalar>,
    pub(crate) key: Option<Scalar>,
    pub(crate) message: Option<Scalar>,
    pub(crate) extra: UnknownMembers,
}

/// A member the envelope defines, as far as the decoder looks at it.
pub(crate) enum Scalar {
    Null,
    Bool(bool),
    /// A number: its value when it is an integer in `0..=u64::MAX`, as
    /// `serde_json::Number::as_u64` reads it.
    Number(Option<u64>),
    String(String),
    /// An array or an object.
    Compound,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
        struct ScalarVisitor;

        impl<'de> Visitor<'de> for ScalarVisitor {
            type Value = Scalar;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }

            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Scalar, E> {
                Ok(Scalar::Number(Some(value)))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Scalar, E> {
                Ok(Scalar::Number(u64::try_from(value).ok()))
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Scalar, E> {
                Ok(Scalar::Number(None))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Scalar, E> {
                Ok(Scalar::String(value.to_owned()))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Scalar, E> {
                Ok(Scalar::String(value))
            }

            // As in `other_values_are!`, `Value`s keep serde_json's nesting limit.
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                while seq.next_element::<Value>()?.is_some() {}
                Ok(Scalar::Compound)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                while map.next_entry::<IgnoredAny, Value>()?.is_some() {}
                Ok(Scalar::Compound)
            }
        }

        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// A member name of an object whose known names are `Self`'s.
trait MemberName: Sized {
    /// The known name `name` is, or `None`.
    fn known(name: &str) -> Option<Self>;
}

impl MemberName for EnvelopeMember {
    fn known(name: &str) -> Option<Self> {
        EnvelopeMember::from_name(name)
    }
}

impl MemberName for ErrorMember {
    fn known(name: &str) -> Option<Self> {
        ErrorMember::from_name(name)
    }
}

/// Reads a member's name: a known one without allocating (`Ok`), any other as a `String` (`Err`).
struct Name<N>(PhantomData<N>);

impl<N> Name<N> {
    fn seed() -> Self {
        Name(PhantomData)
    }
}

impl<'de, N: MemberName> DeserializeSeed<'de> for Name<N> {
    type Value = Result<N, String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<N: MemberName> Visitor<'_> for Name<N> {
    type Value = Result<N, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Ok(N::known(name).ok_or_else(|| name.to_owned()))
    }
}

/// Implements the visits of every non-object JSON value, answering `$other`. Arrays are read to
/// their end, element by element as [`Value`]s dropped at once: serde_json's own skipping
/// (`IgnoredAny`) does not count nesting, and a body nested past serde_json's limit of 128 levels
/// must stay an `InvalidJson` error whatever member it is in.
macro_rules! other_values_are {
    ($other:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<Value>()?.is_some() {}
            Ok($other)
        }
    };
}

/// Reads the body into the members it points at; answers whether the body is an object.
struct BodySeed<'a>(&'a mut EnvelopeMembers);

impl<'de> DeserializeSeed<'de> for BodySeed<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for BodySeed<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    other_values_are!(false);

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let members = self.0;
        while let Some(name) = map.next_key_seed(Name::seed())? {
            match name {
                Ok(EnvelopeMember::Success) => members.success = Some(map.next_value()?),
                Ok(EnvelopeMember::RequestId) => members.request_id = Some(map.next_value()?),
                Ok(EnvelopeMember::Error) => {
                    // A repeated `error` keeps its last value, members and all.
                    members.error_members = ErrorMembers::default();
                    members.error = map.next_value_seed(ErrorSeed(&mut members.error_members))?;
                }
                Err(name) => {
                    members.extra.insert(name, map.next_value()?);
                }
            }
        }
        Ok(true)
    }
}

/// Reads the `error` member into the members it points at; answers what the member is.
struct ErrorSeed<'a>(&'a mut ErrorMembers);

impl<'de> DeserializeSeed<'de> for ErrorSeed<'_> {
    type Value = ErrorValue;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<ErrorValue, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ErrorSeed<'_> {
    type Value = ErrorValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<ErrorValue, E> {
        Ok(ErrorValue::Null)
    }

    other_values_are!(ErrorValue::NotAnObject);

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ErrorValue, A::Error> {
        let members = self.0;
        while let Some(name) = map.next_key_seed(Name::seed())? {
            match name {
                Ok(ErrorMember::Code) => members.code = Some(map.next_value()?),
                Ok(ErrorMember::Key) => members.key = Some(map.next_value()?),
                Ok(ErrorMember::Message) => members.message = Some(map.next_value()?),
                // Kept as they came, where `details::read` reads them and `extra_fields` shows
                // them.
                Ok(
                    member @ (ErrorMember::Details
                    | ErrorMember::DetailsOmitted
                    | ErrorMember::DocUrl
                    | ErrorMember::Params),
                ) => {
                    members
                        .extra
                        .insert(member.name().to_owned(), map.next_value()?);
                }
                Err(name) => {
                    members.extra.insert(name, map.next_value()?);
                }
            }
        }
        Ok(ErrorValue::Object)
    }
}
