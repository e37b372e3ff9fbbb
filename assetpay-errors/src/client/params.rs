//! The optional `params` member (an envelope's `error.params`, a problem document's `params`),
//! read into the message's parameters by name.

use serde_json::{Map, Value};

/// What a body says about its message's parameters.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReadParams {
    /// Each parameter's name and value, in `serde_json::Map`'s order.
    pub(crate) params: Vec<(String, String)>,
    /// Why `params` could not be read; the member then stays where it was, as sent.
    pub(crate) problem: Option<String>,
}

/// Reads `members[name]`, leaving it in `members` as it came; problems name it after `prefix`
/// (`error.` in an envelope).
///
/// Read whole or not at all, as `details` is: a member that is not an object, or one value that
/// is not a string, makes [`ReadParams::problem`] say which, and no parameter is returned, so a
/// client never renders a message with some of its values missing.
pub(crate) fn read(members: &Map<String, Value>, name: &str, prefix: &str) -> ReadParams {
    let mut read = ReadParams::default();
    match members.get(name) {
        None | Some(Value::Null) => {}
        Some(Value::Object(object)) => {
            let parsed: Result<Vec<(String, String)>, String> = object
                .iter()
                .map(|(param, value)| match value {
                    Value::String(text) => Ok((param.clone(), text.clone())),
                    _ => Err(format!("`{prefix}{name}.{param}` is not a string")),
                })
                .collect();
            match parsed {
                Ok(params) => read.params = params,
                Err(problem) => read.problem = Some(problem),
            }
        }
        Some(_) => read.problem = Some(format!("`{prefix}{name}` is not an object")),
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn strings_are_read_and_anything_else_is_named() {
        let ok = read(&members(r#"{"params":{"max":"50"}}"#), "params", "error.");
        assert_eq!(ok.params, [("max".to_owned(), "50".to_owned())]);
        assert_eq!(ok.problem, None);
        let number = read(
            &members(r#"{"params":{"max":"5","given":6}}"#),
            "params",
            "error.",
        );
        assert!(number.params.is_empty());
        assert_eq!(
            number.problem.as_deref(),
            Some("`error.params.given` is not a string")
        );
        let list = read(&members(r#"{"params":["50"]}"#), "params", "");
        assert_eq!(list.problem.as_deref(), Some("`params` is not an object"));
        assert!(read(&members("{}"), "params", "").problem.is_none());
    }
}
