//! `FieldViolation` as JSON: `{"in","field","reason","message"}`, in that order.

use std::borrow::Cow;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::Value;

use crate::violation::{FieldViolation, Location, Reason};

impl Serialize for FieldViolation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut violation = serializer.serialize_struct("FieldViolation", 4)?;
        violation.serialize_field("in", self.location.as_str())?;
        violation.serialize_field("field", &*self.field)?;
        violation.serialize_field("reason", self.reason.as_str())?;
        violation.serialize_field("message", &*self.message)?;
        violation.end()
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
pub(crate) fn from_value(value: &Value) -> Result<FieldViolation, &'static str> {
    let Value::Object(members) = value else {
        return Err("a violation is not an object");
    };
    let text = |name: &str, missing: &'static str, mistyped: &'static str| match members.get(name) {
        Some(Value::String(text)) => Ok(text.clone()),
        None => Err(missing),
        Some(_) => Err(mistyped),
    };
    let location = text("in", "`in` is missing", "`in` is not a string")?;
    let field = text("field", "`field` is missing", "`field` is not a string")?;
    let reason = text("reason", "`reason` is missing", "`reason` is not a string")?;
    let message = text(
        "message",
        "`message` is missing",
        "`message` is not a string",
    )?;
    Ok(FieldViolation {
        location: Location::from_wire(&location),
        field: Cow::Owned(field),
        reason: Reason::from_wire(&reason),
        message: Cow::Owned(message),
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
