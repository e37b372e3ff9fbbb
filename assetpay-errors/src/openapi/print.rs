//! Printing a document with its examples in the wire's member order (see
//! [member order in examples](super#member-order-in-examples)).

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use utoipa::openapi::OpenApi;

use assetpay_errors_shared::wire::{
    EnvelopeMember, ErrorMember, ProblemMember, ProblemViolationMember, Sent, ViolationMember,
};

/// `document` as compact JSON: byte for byte what [`OpenApi::to_json`] prints, except that every
/// example envelope and problem document lists its members in the wire's order, as the server
/// sends them.
///
/// ```
/// use assetpay_errors::openapi::{catalog_document, example_envelope, to_json};
/// use assetpay_errors::{ApiError, AssetPayError, Envelope};
///
/// let document = catalog_document("AssetPay errors", "1.0.0", AssetPayError::CATALOG);
/// let printed = to_json(&document).unwrap();
/// let spec = &AssetPayError::CATALOG[0];
/// let sent = Envelope::from_spec(assetpay_errors::openapi::EXAMPLE_REQUEST_ID, spec, spec.message());
/// let problem = assetpay_errors::problem::Problem::from(sent.clone()).to_json_vec();
/// let sent = String::from_utf8(sent.to_json_vec()).unwrap();
/// assert!(printed.contains(&format!(r#""value":{sent}"#)));
/// let problem = String::from_utf8(problem).unwrap();
/// assert!(printed.contains(&format!(r#""value":{problem}"#)));
/// ```
///
/// # Errors
///
/// When the document does not serialize to JSON, as [`OpenApi::to_json`].
pub fn to_json(document: &OpenApi) -> Result<String, serde_json::Error> {
    print(document, None)
}

/// `document` as pretty JSON (two-space indent): byte for byte what [`OpenApi::to_pretty_json`]
/// prints, except that every example envelope and problem document lists its members in the
/// wire's order.
///
/// # Errors
///
/// When the document does not serialize to JSON, as [`OpenApi::to_pretty_json`].
pub fn to_pretty_json(document: &OpenApi) -> Result<String, serde_json::Error> {
    print(document, Some("  "))
}

fn print(document: &OpenApi, indent: Option<&'static str>) -> Result<String, serde_json::Error> {
    // Read back from utoipa's own compact text into a tree that keeps every object's members in
    // the order they were written, so the document's own members print as utoipa orders them;
    // a `serde_json::Value` would sort them in a build without `preserve_order`.
    let tree: Node = serde_json::from_slice(&serde_json::to_vec(document)?)?;
    let mut printer = Printer {
        out: String::new(),
        indent,
        depth: 0,
    };
    printer.node(&tree, Place::Document)?;
    Ok(printer.out)
}

/// A JSON value whose objects keep their members in the order they were read.
enum Node {
    Scalar(Value),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Scalar(Value::Bool(value)))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Scalar(Value::from(value)))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Node, E> {
        Ok(Node::Scalar(Value::from(value)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Node, E> {
        Ok(Node::Scalar(Value::from(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Scalar(Value::from(value)))
    }

    fn visit_string<E>(self, value: String) -> Result<Node, E> {
        Ok(Node::Scalar(Value::String(value)))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Value::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Node, A::Error> {
        let mut nodes = Vec::new();
        while let Some(node) = items.next_element()? {
            nodes.push(node);
        }
        Ok(Node::Array(nodes))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Node, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = entries.next_entry()? {
            members.push(member);
        }
        Ok(Node::Object(members))
    }
}

/// Where a value sits in the document, which decides the order its members print in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Outside every example: members print as they were written.
    Document,
    /// An `examples` member: named examples in a media type, parameter or header, or example
    /// values in a schema.
    Examples,
    /// A named example object (`examples/<name>`), whose `value` is an example.
    NamedExample,
    /// An example value, before its members say what it is: an envelope when it has every
    /// member an envelope always has, a problem document when it has every member a problem
    /// document always has (the two share only `requestId`).
    Example,
    /// An example envelope.
    Envelope,
    /// The envelope's `error` object.
    Error,
    /// The error's `details`: an array of violations.
    Details,
    /// One violation of `details`.
    Violation,
    /// An example problem document.
    Problem,
    /// The problem document's `errors`: an array of its violations.
    ProblemErrors,
    /// One violation of `errors`.
    ProblemViolation,
    /// Inside an example, in nothing the wire describes.
    Plain,
}

impl Place {
    /// The place of the member `name` of an object at this place.
    fn of_member(self, name: &str) -> Place {
        match self {
            Place::Document => match name {
                "example" => Place::Example,
                "examples" => Place::Examples,
                _ => Place::Document,
            },
            Place::Examples => Place::NamedExample,
            Place::NamedExample => match name {
                "value" => Place::Example,
                _ => Place::Document,
            },
            Place::Envelope if EnvelopeMember::from_name(name) == Some(EnvelopeMember::Error) => {
                Place::Error
            }
            Place::Error if ErrorMember::from_name(name) == Some(ErrorMember::Details) => {
                Place::Details
            }
            Place::Problem if ProblemMember::from_name(name) == Some(ProblemMember::Errors) => {
                Place::ProblemErrors
            }
            _ => Place::Plain,
        }
    }

    /// The place of the items of an array at this place: `examples` is a list of example values
    /// in a schema, `details` and `errors` lists of violations.
    fn of_item(self) -> Place {
        match self {
            Place::Document => Place::Document,
            Place::Examples => Place::Example,
            Place::Details => Place::Violation,
            Place::ProblemErrors => Place::ProblemViolation,
            _ => Place::Plain,
        }
    }

    /// The order to print `members` of an object at this place in, once
    /// [`of_object`](Self::of_object) has said what it is.
    fn order(self, members: &[(String, Node)]) -> Vec<&(String, Node)> {
        match self {
            Place::Envelope => wire_order::<EnvelopeMember>(members),
            Place::Error => wire_order::<ErrorMember>(members),
            Place::Violation => wire_order::<ViolationMember>(members),
            Place::Problem => wire_order::<ProblemMember>(members),
            Place::ProblemViolation => wire_order::<ProblemViolationMember>(members),
            _ => members.iter().collect(),
        }
    }

    /// The place for the object's members once its own kind is known: an object at a described
    /// place that is no such object is plain all the way down.
    fn of_object(self, members: &[(String, Node)]) -> Place {
        let described = match self {
            Place::Example if is_described::<EnvelopeMember>(members) => return Place::Envelope,
            Place::Example if is_described::<ProblemMember>(members) => return Place::Problem,
            Place::Example => false,
            Place::Error => is_described::<ErrorMember>(members),
            Place::Violation => is_described::<ViolationMember>(members),
            Place::ProblemViolation => is_described::<ProblemViolationMember>(members),
            _ => true,
        };
        if described { self } else { Place::Plain }
    }
}

/// An object the wire describes: its members in wire order, and which are always sent.
trait WireObject: Copy + 'static {
    const MEMBERS: &'static [Self];
    fn wire_name(self) -> &'static str;
    fn always_sent(self) -> bool;
}

/// [`WireObject`] for member enums of the wire description, each with how it says a member is
/// always sent.
macro_rules! wire_objects {
    ($($members:ident: |$member:ident| $always_sent:expr;)+) => {$(
        impl WireObject for $members {
            const MEMBERS: &'static [$members] = &$members::ALL;
            fn wire_name(self) -> &'static str {
                self.name()
            }
            fn always_sent(self) -> bool {
                let $member = self;
                $always_sent
            }
        }
    )+};
}

wire_objects! {
    EnvelopeMember: |member| member.sent() == Sent::Always;
    ErrorMember: |member| member.sent() == Sent::Always;
    // The wire sends every member of a violation.
    ViolationMember: |_member| true;
    ProblemMember: |member| member.sent() == Sent::Always;
    ProblemViolationMember: |member| member.always_sent();
}

/// Whether `members` are an object of `W`: every member it always has is there.
fn is_described<W: WireObject>(members: &[(String, Node)]) -> bool {
    W::MEMBERS
        .iter()
        .filter(|member| member.always_sent())
        .all(|member| members.iter().any(|(name, _)| name == member.wire_name()))
}

/// `members` in `W`'s wire order, then any member the wire does not describe in the order it
/// was written.
fn wire_order<W: WireObject>(members: &[(String, Node)]) -> Vec<&(String, Node)> {
    let described = W::MEMBERS
        .iter()
        .filter_map(|member| members.iter().find(|(name, _)| name == member.wire_name()));
    let others = members
        .iter()
        .filter(|(name, _)| !W::MEMBERS.iter().any(|member| name == member.wire_name()));
    described.chain(others).collect()
}

/// Writes nodes as serde_json's compact or pretty formatter does.
struct Printer {
    out: String,
    /// `None` for compact output.
    indent: Option<&'static str>,
    depth: usize,
}

impl Printer {
    fn node(&mut self, node: &Node, place: Place) -> Result<(), serde_json::Error> {
        match node {
            Node::Scalar(value) => self.out.push_str(&serde_json::to_string(value)?),
            Node::Array(items) => {
                self.open('[', items.is_empty());
                for (index, item) in items.iter().enumerate() {
                    self.separate(index);
                    self.node(item, place.of_item())?;
                }
                self.close(']', items.is_empty());
            }
            Node::Object(members) => {
                let place = place.of_object(members);
                self.open('{', members.is_empty());
                for (index, (name, member)) in place.order(members).into_iter().enumerate() {
                    self.separate(index);
                    self.out.push_str(&serde_json::to_string(name)?);
                    self.out
                        .push_str(if self.indent.is_some() { ": " } else { ":" });
                    self.node(member, place.of_member(name))?;
                }
                self.close('}', members.is_empty());
            }
        }
        Ok(())
    }

    fn open(&mut self, bracket: char, empty: bool) {
        self.out.push(bracket);
        if !empty {
            self.depth += 1;
        }
    }

    /// Before the item at `index`: a comma after the previous one, and in pretty output a new
    /// line at the current depth.
    fn separate(&mut self, index: usize) {
        if index > 0 {
            self.out.push(',');
        }
        self.new_line();
    }

    fn close(&mut self, bracket: char, empty: bool) {
        if !empty {
            self.depth -= 1;
            self.new_line();
        }
        self.out.push(bracket);
    }

    fn new_line(&mut self) {
        if let Some(indent) = self.indent {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str(indent);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use utoipa::openapi::example::ExampleBuilder;
    use utoipa::openapi::{
        ComponentsBuilder, ContentBuilder, InfoBuilder, OpenApiBuilder, Paths, ResponseBuilder,
    };

    use super::*;
    use crate::openapi::{EXAMPLE_REQUEST_ID, catalog_document, example_envelope, example_problem};
    use crate::problem::Problem;
    use crate::violation::{JsonPointer, Reason};
    use crate::{ApiError, AssetPayError, Envelope, FieldViolation};

    /// A document with one response whose examples are `examples`, by name.
    fn document_with(examples: Vec<(&str, Value)>) -> OpenApi {
        let content = ContentBuilder::new()
            .examples_from_iter(
                examples
                    .into_iter()
                    .map(|(name, value)| (name, ExampleBuilder::new().value(Some(value)))),
            )
            .build();
        let response = ResponseBuilder::new()
            .description("An error")
            .content("application/json", content);
        OpenApiBuilder::new()
            .info(InfoBuilder::new().title("t").version("1"))
            .paths(Paths::new())
            .components(Some(
                ComponentsBuilder::new()
                    .response("Error", response.build())
                    .build(),
            ))
            .build()
    }

    #[test]
    fn without_examples_it_prints_what_utoipa_prints() {
        let document = document_with(Vec::new());
        assert_eq!(to_json(&document).unwrap(), document.to_json().unwrap());
        assert_eq!(
            to_pretty_json(&document).unwrap(),
            document.to_pretty_json().unwrap()
        );
        // The document's own members keep utoipa's order, which is not sorted.
        assert!(
            to_json(&document)
                .unwrap()
                .starts_with(r#"{"openapi":"3.1.0","info":"#)
        );
    }

    #[test]
    fn an_example_envelope_prints_in_the_wire_order() {
        let spec = AssetPayError::CATALOG
            .iter()
            .find(|spec| spec.key() == "VALIDATION_FAILED")
            .unwrap();
        let details = [FieldViolation::body(
            JsonPointer::root().key("quantity"),
            Reason::Missing,
            "required",
        )];
        let envelope =
            Envelope::from_spec(EXAMPLE_REQUEST_ID, spec, spec.message()).with_details(&details);
        let wire = String::from_utf8(envelope.to_json_vec()).unwrap();
        let value: Value = serde_json::from_str(&wire).unwrap();
        let document = document_with(vec![("VALIDATION_FAILED", value)]);

        let pretty = to_pretty_json(&document).unwrap();
        let at = |needle: &str| pretty.find(needle).unwrap_or_else(|| panic!("{needle}"));
        assert!(at(r#""requestId""#) < at(r#""success""#));
        assert!(at(r#""success""#) < at(r#""error""#));
        assert!(at(r#""code""#) < at(r#""key""#));
        assert!(at(r#""key""#) < at(r#""message""#));
        assert!(at(r#""message""#) < at(r#""details""#));
        assert!(at(r#""in""#) < at(r#""field""#) && at(r#""field""#) < at(r#""reason""#));
        // Everything else as serde_json prints it: the same text once the example's members
        // are put back in sorted order.
        let sorted: Value = serde_json::from_str(&pretty).unwrap();
        assert_eq!(sorted, serde_json::to_value(&document).unwrap());

        let compact = to_json(&document).unwrap();
        assert!(compact.contains(&format!(r#""value":{wire}"#)), "{compact}");
    }

    #[test]
    fn the_catalog_document_is_utoipas_text_with_the_wire_bytes_as_examples() {
        let document = catalog_document("AssetPay errors", "1.0.0", AssetPayError::CATALOG);
        let mut expected = document.to_json().unwrap();
        for spec in AssetPayError::CATALOG {
            let envelope = Envelope::from_spec(EXAMPLE_REQUEST_ID, spec, spec.message());
            for (sorted, wire) in [
                (example_envelope(spec), envelope.to_json_vec()),
                (example_problem(spec), Problem::from(envelope).to_json_vec()),
            ] {
                let sorted = serde_json::to_string(&sorted).unwrap();
                assert!(expected.contains(&sorted), "{sorted}");
                expected = expected.replace(&sorted, std::str::from_utf8(&wire).unwrap());
            }
        }
        assert_eq!(to_json(&document).unwrap(), expected);
    }

    #[test]
    fn an_example_problem_document_prints_in_the_wire_order() {
        let spec = AssetPayError::CATALOG
            .iter()
            .find(|spec| spec.key() == "VALIDATION_FAILED")
            .unwrap();
        let details = [
            FieldViolation::body(JsonPointer::root().key("a b"), Reason::Missing, "required"),
            FieldViolation::query("page", Reason::InvalidFormat, "not a number"),
        ];
        let envelope =
            Envelope::from_spec(EXAMPLE_REQUEST_ID, spec, spec.message()).with_details(&details);
        let wire = String::from_utf8(Problem::from(envelope).to_json_vec()).unwrap();
        let value: Value = serde_json::from_str(&wire).unwrap();
        let document = document_with(vec![("VALIDATION_FAILED", value)]);

        let compact = to_json(&document).unwrap();
        assert!(compact.contains(&format!(r#""value":{wire}"#)), "{compact}");
        let pretty = to_pretty_json(&document).unwrap();
        // The document's own `info` has a `title`: look in the example only.
        let example = &pretty[pretty.find(r#""value""#).unwrap()..];
        let at = |needle: &str| example.find(needle).unwrap_or_else(|| panic!("{needle}"));
        assert!(at(r#""type""#) < at(r#""title""#) && at(r#""title""#) < at(r#""status""#));
        assert!(at(r#""requestId""#) < at(r#""errors""#));
        assert!(at(r#""pointer""#) < at(r#""reason""#));
        let sorted: Value = serde_json::from_str(&pretty).unwrap();
        assert_eq!(sorted, serde_json::to_value(&document).unwrap());
    }

    #[test]
    fn an_example_with_only_some_problem_members_keeps_its_order() {
        let value = serde_json::json!({ "title": "t", "type": "about:blank", "status": 400 });
        let document = document_with(vec![("other", value.clone())]);
        let printed = to_json(&document).unwrap();
        assert!(
            printed.contains(&format!(r#""value":{value}"#)),
            "{printed}"
        );
    }

    #[test]
    fn an_example_that_is_no_envelope_keeps_its_order() {
        let value = serde_json::json!({ "success": true, "error": { "key": "K", "code": 1 } });
        let document = document_with(vec![("other", value.clone())]);
        let printed = to_json(&document).unwrap();
        assert!(
            printed.contains(&format!(r#""value":{value}"#)),
            "{printed}"
        );
    }
}
