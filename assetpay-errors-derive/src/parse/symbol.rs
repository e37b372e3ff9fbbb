//! The keys `#[api(...)]` accepts, as one enum (serde_derive's `symbol.rs` lesson): the parser
//! matches on it exhaustively, so a key cannot be accepted without a parser.

/// One key of `#[api(...)]`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum AttrKey {
    Domain,
    Range,
    IntoResponse,
    Code,
    Key,
    Status,
    Message,
    Retryable,
    RetryAfter,
    Transparent,
    Published,
    Reserved,
    Details,
    DocUrl,
    Grpc,
}

impl AttrKey {
    /// Keys that describe the whole type: on an enum, or on a struct.
    pub(crate) const OF_TYPE: &'static [AttrKey] = &[
        AttrKey::Domain,
        AttrKey::Range,
        AttrKey::IntoResponse,
        AttrKey::Published,
        AttrKey::Reserved,
    ];

    /// Keys that describe one error: on a variant, or on a struct.
    pub(crate) const OF_ERROR: &'static [AttrKey] = &[
        AttrKey::Code,
        AttrKey::Key,
        AttrKey::Status,
        AttrKey::Message,
        AttrKey::Retryable,
        AttrKey::RetryAfter,
        AttrKey::Transparent,
        AttrKey::Grpc,
    ];

    /// Keys written on the type for all its errors and on one error for itself: `doc_url`.
    pub(crate) const OF_TYPE_OR_ERROR: &'static [AttrKey] = &[AttrKey::DocUrl];

    /// Keys on a field: `details` marks the field holding the error's violations.
    pub(crate) const OF_FIELD: &'static [AttrKey] = &[AttrKey::Details];

    /// The key as written.
    pub(crate) fn name(self) -> &'static str {
        match self {
            AttrKey::Domain => "domain",
            AttrKey::Range => "range",
            AttrKey::IntoResponse => "into_response",
            AttrKey::Code => "code",
            AttrKey::Key => "key",
            AttrKey::Status => "status",
            AttrKey::Message => "message",
            AttrKey::Retryable => "retryable",
            AttrKey::RetryAfter => "retry_after",
            AttrKey::Transparent => "transparent",
            AttrKey::Published => "published",
            AttrKey::Reserved => "reserved",
            AttrKey::Details => "details",
            AttrKey::DocUrl => "doc_url",
            AttrKey::Grpc => "grpc",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<AttrKey> {
        // A `match`, not a search of the lists by `name()`: it runs for every key of every
        // variant, in a proc-macro built unoptimised. The test below holds it to `name()`.
        Some(match name {
            "domain" => AttrKey::Domain,
            "range" => AttrKey::Range,
            "into_response" => AttrKey::IntoResponse,
            "code" => AttrKey::Code,
            "key" => AttrKey::Key,
            "status" => AttrKey::Status,
            "message" => AttrKey::Message,
            "retryable" => AttrKey::Retryable,
            "retry_after" => AttrKey::RetryAfter,
            "transparent" => AttrKey::Transparent,
            "published" => AttrKey::Published,
            "reserved" => AttrKey::Reserved,
            "details" => AttrKey::Details,
            "doc_url" => AttrKey::DocUrl,
            "grpc" => AttrKey::Grpc,
            _ => return None,
        })
    }

    pub(crate) fn is_of_type(self) -> bool {
        AttrKey::OF_TYPE.contains(&self)
    }

    /// Whether the key may stand on the type and on each error alike.
    pub(crate) fn is_of_type_or_error(self) -> bool {
        AttrKey::OF_TYPE_OR_ERROR.contains(&self)
    }
}

impl std::fmt::Display for AttrKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::AttrKey;

    #[test]
    fn every_key_is_found_by_its_name() {
        for &key in AttrKey::OF_TYPE
            .iter()
            .chain(AttrKey::OF_ERROR)
            .chain(AttrKey::OF_TYPE_OR_ERROR)
            .chain(AttrKey::OF_FIELD)
        {
            assert_eq!(AttrKey::from_name(key.name()), Some(key));
        }
        assert_eq!(AttrKey::from_name("Code"), None);
    }
}
