//! Reading a printed OpenAPI document as text: an example's bytes as the printer wrote them,
//! which a parse into `serde_json::Value` would re-order.

use serde_json::Value;

/// The printed text of the member at `path` in the printed `json`: each step is the first
/// member of that name inside the previous step's value.
pub fn printed_at<'a>(json: &'a str, path: &[&str]) -> &'a str {
    path.iter().fold(json, |json, name| {
        let label = format!("{}:", Value::from(*name));
        let start = json
            .find(&label)
            .unwrap_or_else(|| panic!("no member {name} in {json}"))
            + label.len();
        let mut values =
            serde_json::Deserializer::from_str(&json[start..]).into_iter::<serde::de::IgnoredAny>();
        values.next().expect("a value").expect("valid JSON");
        &json[start..start + values.byte_offset()]
    })
}
