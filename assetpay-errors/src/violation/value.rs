//! `FieldViolation` as JSON: `{"in","field","reason","message"}`, the members and order of
//! `wire::ViolationMember`.

use std::borrow::Cow;

use assetpay_errors_shared::wire::ViolationMember;
use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Serialize, Serializer};
use serde_json::Value;

use crate::violation::render::{Caps, ViolationJson};
use crate::violation::{FieldViolation, Location, Reason};

/// The violation as it is, uncut: its members in the wire's order, rendered as inside an
/// envelope but without the caps.
impl Serialize for FieldViolation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ViolationJson {
            violation: self,
            caps: Caps::Uncapped,
        }
        .serialize(serializer)
    }
}

/// Reads what [`Serialize`] writes. The four members are required and must be strings; members
/// besides them are ignored, so a newer server may add some.
impl<'de> Deserialize<'de> for FieldViolation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        from_value(&value).map_err(D::Error::custom)
    }
}

/// The violation `value` holds, or what is wrong with it, such as ``"`reason` is missing"``.
pub(crate) fn from_value(value: &Value) -> Result<FieldViolation, String> {
    let Value::Object(members) = value else {
        return Err("a violation is not an object".to_owned());
    };
    let [location, field, reason, message] = ViolationMember::ALL.map(|member| {
        let name = member.name();
        match members.get(name) {
            Some(Value::String(text)) => Ok(text.clone()),
            None => Err(format!("`{name}` is missing")),
            Some(_) => Err(format!("`{name}` is not a string")),
        }
    });
    Ok(FieldViolation {
        location: Location::from_wire(&location?),
        field: Cow::Owned(field?),
        reason: Reason::from_wire(&reason?),
        message: Cow::Owned(message?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes_with_unknown_words_kept() {
        let violation = FieldViolation::new(
            Location::Other("cookie".to_owned()),
            "session",
            Reason::Other("EXPIRED".to_owned()),
            "the session \"expired\"",
        );
        let json = serde_json::to_string(&violation).unwrap();
        assert_eq!(
            json,
            r#"{"in":"cookie","field":"session","reason":"EXPIRED","message":"the session \"expired\""}"#
        );
        assert_eq!(
            serde_json::from_str::<FieldViolation>(&json).unwrap(),
            violation
        );
    }

    #[test]
    fn a_malformed_violation_is_an_error_saying_which_member() {
        let read = |json: &str| serde_json::from_str::<FieldViolation>(json).unwrap_err();
        assert!(
            read(r#"{"in":"body","field":"/a","message":"m"}"#)
                .to_string()
                .contains("`reason` is missing")
        );
        assert!(
            read(r#"{"in":"body","field":7,"reason":"MISSING","message":"m"}"#)
                .to_string()
                .contains("`field` is not a string")
        );
        assert!(read("[1]").to_string().contains("not an object"));
    }
}
