//! The wire format, described once: the envelope's members, their order, when each is sent, the
//! members of a field violation in `details`, and the header that carries the request id.
//!
//! ```json
//! {"requestId":"…","success":false,"error":{"code":1001,"key":"VALIDATION_FAILED","message":"…",
//!  "details":[{"in":"body","field":"/quantity","reason":"MISSING","message":"…"}],"detailsOmitted":3}}
//! ```
//!
//! Every projection of an error reads its member names and their order from here, never from a
//! literal of its own: the envelope's serde `Serialize` and `Envelope::write_json`, the byte
//! fragments the derive pre-renders ([`envelope`](crate::envelope), built from these names at
//! compile time), the client decoder's member matching, the TypeScript module's interfaces and
//! checks, and the OpenAPI schema's properties and `required` lists. Each member is an enum
//! variant, so a renderer that matches on them is told by the compiler when a member is added.
//!
//! # The seam for new renderers
//!
//! A new projection of the same errors (problem+json, gRPC status details, localized messages)
//! is one new module that reads the catalogue's model (`ErrorSpec`, the field violations) and
//! this description, and writes its own format; it adds no member name, order or header name
//! anywhere else. A change to the wire itself is a change here, which every renderer then
//! follows (or fails to compile, for a new member), and which the agreement test
//! (`tests/tests/wire_agreement.rs`) holds every renderer to, byte for byte.
//!
//! Member names are plain ASCII identifiers ([`is_plain_name`]): JSON, TypeScript and OpenAPI
//! write them as they are, without escaping or quoting rules of their own.

/// The header that carries the request's id, on requests and responses alike; the envelope's
/// [`EnvelopeMember::RequestId`] carries the same id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// When a member is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// In every envelope.
    Always,
    /// Only when the error carries field violations (never for a server error).
    WithViolations,
    /// Only when some field violations were left out of `details`, after the cap.
    WhenSomeOmitted,
    /// Only when the server opted in to it and the error has a value for it (`docUrl`: a
    /// documentation URL; `params`: an interpolated message's fields), so the published envelope
    /// stays as it is by default.
    WhenOptedIn,
}

/// Declares an enum of members from one list of `Variant = "name"` pairs, in wire order: the
/// enum, `ALL` in that order, `name()` and `from_name()`, so each list is written once and a
/// name is looked up with a `match` (the decoder does it for every member of every body).
macro_rules! members {
    (
        $(#[$meta:meta])*
        pub enum $members:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $name:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $members {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $members {
            /// Every member, in wire order.
            pub const ALL: [$members; [$($name),+].len()] = [$($members::$variant),+];

            /// The member's name on the wire.
            pub const fn name(self) -> &'static str {
                match self {
                    $($members::$variant => $name,)+
                }
            }

            /// The member called `name`, if there is one.
            pub fn from_name(name: &str) -> Option<$members> {
                match name {
                    $($name => Some($members::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

members! {
    /// The members of the envelope object, in the order they are written.
    pub enum EnvelopeMember {
        /// `requestId`: the request's id, a string, equal to the [`REQUEST_ID_HEADER`] header.
        RequestId = "requestId",
        /// `success`: always `false` in an error envelope.
        Success = "success",
        /// `error`: the object of [`ErrorMember`]s.
        Error = "error",
    }
}

impl EnvelopeMember {
    /// When the member is sent: every envelope member always is.
    pub const fn sent(self) -> Sent {
        Sent::Always
    }
}

members! {
    /// The members of the envelope's `error` object, in the order they are written.
    pub enum ErrorMember {
        /// `code`: the numeric code, an integer in `0..=65535`.
        Code = "code",
        /// `key`: the stable string key.
        Key = "key",
        /// `message`: the client-facing message.
        Message = "message",
        /// `details`: the field violations sent, an array of objects of [`ViolationMember`]s.
        Details = "details",
        /// `detailsOmitted`: how many violations were left out of `details`, a positive integer.
        DetailsOmitted = "detailsOmitted",
        /// `docUrl`: the page documenting the error, an absolute `https` URL; sent only when the
        /// server opts in and the error declares one.
        DocUrl = "docUrl",
        /// `params`: the message's parameters as data, an object of strings by field name
        /// (`{"max":"50"}`), each value formatted as the message formats it; sent only when the
        /// server opts in and the message interpolates fields.
        Params = "params",
    }
}

impl ErrorMember {
    /// When the member is sent.
    pub const fn sent(self) -> Sent {
        match self {
            ErrorMember::Code | ErrorMember::Key | ErrorMember::Message => Sent::Always,
            ErrorMember::Details => Sent::WithViolations,
            ErrorMember::DetailsOmitted => Sent::WhenSomeOmitted,
            ErrorMember::DocUrl | ErrorMember::Params => Sent::WhenOptedIn,
        }
    }
}

members! {
    /// The members of one field violation in `details`, in the order they are written. All four
    /// are strings and always sent.
    pub enum ViolationMember {
        /// `in`: where the value was (`body`, `query`, `path`, `header`).
        In = "in",
        /// `field`: a JSON Pointer into the body, or the parameter's or header's name.
        Field = "field",
        /// `reason`: a stable UPPER_SNAKE word.
        Reason = "reason",
        /// `message`: text for a person.
        Message = "message",
    }
}

/// The media type of the envelope.
pub const ENVELOPE_MEDIA_TYPE: &str = "application/json";

/// The media type of an RFC 9457 problem document.
pub const PROBLEM_MEDIA_TYPE: &str = "application/problem+json";

/// A problem document's `type` for an error that declares no documentation URL: RFC 9457's
/// "no further semantics beyond the status".
pub const ABOUT_BLANK: &str = "about:blank";

/// What a problem document's `instance` is, before the request id: `urn:request-id:<id>`.
///
/// RFC 9457 asks only for a URI reference that identifies the occurrence. A URN is opaque, so no
/// client tries to fetch it (a relative reference would resolve against the API's own URL and
/// look like a route), and every request id is a valid URN body: its characters
/// (`[A-Za-z0-9._:-]`) are all allowed there unencoded.
pub const INSTANCE_PREFIX: &str = "urn:request-id:";

members! {
    /// The members of an RFC 9457 problem document (`application/problem+json`), in the order
    /// they are written: the RFC's five, then the extension members that carry what the
    /// envelope carries, under the envelope's own names (`code`, `key`, `requestId`), then the
    /// field violations as `errors`, the name RFC 9457's own example gives them.
    pub enum ProblemMember {
        /// `type`: the error's documentation URL, or [`ABOUT_BLANK`].
        Type = "type",
        /// `title`: the error's declared, static message.
        Title = "title",
        /// `status`: the HTTP status, an integer.
        Status = "status",
        /// `detail`: this occurrence's message, the envelope's `message`.
        Detail = "detail",
        /// `instance`: [`INSTANCE_PREFIX`] and the request id.
        Instance = "instance",
        /// `code`: the numeric code, the envelope's `error.code`.
        Code = "code",
        /// `key`: the stable string key, the envelope's `error.key`.
        Key = "key",
        /// `requestId`: the request's id, the envelope's `requestId`.
        RequestId = "requestId",
        /// `errors`: the field violations sent, objects of [`ProblemViolationMember`]s.
        Errors = "errors",
        /// `errorsOmitted`: how many violations were left out of `errors`, a positive integer.
        ErrorsOmitted = "errorsOmitted",
        /// `params`: the message's parameters, an extension member carrying the envelope's
        /// `error.params` as it is; sent only when the server opts in and there are some.
        Params = "params",
    }
}

impl ProblemMember {
    /// What makes a body without the envelope's `error` a problem document: one of RFC 9457's
    /// members that say what the problem is (`instance` alone names an occurrence of nothing).
    /// The Rust decoder and the TypeScript module's `isProblemDocument` both read this list.
    pub const MARKERS: [ProblemMember; 4] = [
        ProblemMember::Type,
        ProblemMember::Title,
        ProblemMember::Status,
        ProblemMember::Detail,
    ];

    /// When the member is sent.
    pub const fn sent(self) -> Sent {
        match self {
            ProblemMember::Errors => Sent::WithViolations,
            ProblemMember::ErrorsOmitted => Sent::WhenSomeOmitted,
            ProblemMember::Params => Sent::WhenOptedIn,
            ProblemMember::Type
            | ProblemMember::Title
            | ProblemMember::Status
            | ProblemMember::Detail
            | ProblemMember::Instance
            | ProblemMember::Code
            | ProblemMember::Key
            | ProblemMember::RequestId => Sent::Always,
        }
    }
}

members! {
    /// The members of one entry of a problem document's `errors`, in the order they are written,
    /// after RFC 9457's example (`{"detail": …, "pointer": "#/age"}`): a violation in the body
    /// has `pointer`, the JSON Pointer in its URI fragment form (RFC 6901, section 6); any other
    /// has `in` and `parameter`, the parameter's or header's name. All are strings.
    pub enum ProblemViolationMember {
        /// `detail`: text for a person, the envelope violation's `message`.
        Detail = "detail",
        /// `pointer`: `#` and the JSON Pointer into the body, percent-encoded as a fragment.
        Pointer = "pointer",
        /// `in`: where the value was (`query`, `path`, `header`), for a violation outside the body.
        In = "in",
        /// `parameter`: the parameter's or header's name, for a violation outside the body.
        Parameter = "parameter",
        /// `reason`: a stable UPPER_SNAKE word.
        Reason = "reason",
    }
}

impl ProblemViolationMember {
    /// Whether every violation has the member: `detail` and `reason` are in each, while where
    /// the field is (`pointer`, or `in` and `parameter`) depends on the violation.
    pub const fn always_sent(self) -> bool {
        matches!(
            self,
            ProblemViolationMember::Detail | ProblemViolationMember::Reason
        )
    }
}

/// Whether `name` is a plain ASCII identifier (`[A-Za-z][A-Za-z0-9]*`): written as it is in a
/// JSON string, a TypeScript property and an OpenAPI property name alike.
pub const fn is_plain_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_alphabetic() {
        return false;
    }
    let mut index = 1;
    while index < bytes.len() {
        if !bytes[index].is_ascii_alphanumeric() {
            return false;
        }
        index += 1;
    }
    true
}

/// Checked when the crate compiles: every member name is plain, so the byte fragments built from
/// them need no escaping.
const _: () = {
    let mut index = 0;
    while index < EnvelopeMember::ALL.len() {
        assert!(is_plain_name(EnvelopeMember::ALL[index].name()));
        index += 1;
    }
    let mut index = 0;
    while index < ErrorMember::ALL.len() {
        assert!(is_plain_name(ErrorMember::ALL[index].name()));
        index += 1;
    }
    let mut index = 0;
    while index < ViolationMember::ALL.len() {
        assert!(is_plain_name(ViolationMember::ALL[index].name()));
        index += 1;
    }
    let mut index = 0;
    while index < ProblemMember::ALL.len() {
        assert!(is_plain_name(ProblemMember::ALL[index].name()));
        index += 1;
    }
    let mut index = 0;
    while index < ProblemViolationMember::ALL.len() {
        assert!(is_plain_name(ProblemViolationMember::ALL[index].name()));
        index += 1;
    }
    // The extension members carry the envelope's values under the envelope's names, so a client
    // reads `code`, `key` and `requestId` the same way from both.
    use crate::const_str::str_eq;
    assert!(str_eq(ProblemMember::Code.name(), ErrorMember::Code.name()));
    assert!(str_eq(ProblemMember::Key.name(), ErrorMember::Key.name()));
    assert!(str_eq(
        ProblemMember::RequestId.name(),
        EnvelopeMember::RequestId.name()
    ));
    assert!(str_eq(
        ProblemViolationMember::In.name(),
        ViolationMember::In.name()
    ));
    assert!(str_eq(
        ProblemViolationMember::Reason.name(),
        ViolationMember::Reason.name()
    ));
};

#[cfg(test)]
mod tests {
    extern crate std;

    use std::assert_eq;
    use std::vec::Vec;

    use super::*;

    #[test]
    fn the_description_is_the_published_wire() {
        let names = |names: &[&'static str]| names.to_vec();
        assert_eq!(
            EnvelopeMember::ALL
                .iter()
                .map(|member| member.name())
                .collect::<Vec<_>>(),
            names(&["requestId", "success", "error"])
        );
        assert_eq!(
            ErrorMember::ALL
                .iter()
                .map(|member| member.name())
                .collect::<Vec<_>>(),
            names(&[
                "code",
                "key",
                "message",
                "details",
                "detailsOmitted",
                "docUrl",
                "params"
            ])
        );
        assert_eq!(
            ViolationMember::ALL
                .iter()
                .map(|member| member.name())
                .collect::<Vec<_>>(),
            names(&["in", "field", "reason", "message"])
        );
        assert_eq!(REQUEST_ID_HEADER, "x-request-id");
        assert_eq!(
            ProblemMember::ALL
                .iter()
                .map(|member| member.name())
                .collect::<Vec<_>>(),
            names(&[
                "type",
                "title",
                "status",
                "detail",
                "instance",
                "code",
                "key",
                "requestId",
                "errors",
                "errorsOmitted",
                "params"
            ])
        );
        assert_eq!(
            ProblemViolationMember::ALL
                .iter()
                .map(|member| member.name())
                .collect::<Vec<_>>(),
            names(&["detail", "pointer", "in", "parameter", "reason"])
        );
    }

    #[test]
    fn every_name_reads_back_as_its_member() {
        for member in EnvelopeMember::ALL {
            assert_eq!(EnvelopeMember::from_name(member.name()), Some(member));
        }
        for member in ErrorMember::ALL {
            assert_eq!(ErrorMember::from_name(member.name()), Some(member));
        }
        for member in ViolationMember::ALL {
            assert_eq!(ViolationMember::from_name(member.name()), Some(member));
        }
        assert_eq!(EnvelopeMember::from_name("RequestId"), None);
        assert_eq!(ErrorMember::from_name(""), None);
        assert_eq!(ViolationMember::from_name("in "), None);
    }

    #[test]
    fn only_optional_error_members_are_conditional() {
        let conditional: Vec<ErrorMember> = ErrorMember::ALL
            .iter()
            .copied()
            .filter(|member| member.sent() != Sent::Always)
            .collect();
        assert_eq!(
            conditional,
            [
                ErrorMember::Details,
                ErrorMember::DetailsOmitted,
                ErrorMember::DocUrl,
                ErrorMember::Params
            ]
        );
        assert!(!is_plain_name("a-b") && !is_plain_name("1a") && is_plain_name("a1B"));
    }
}
