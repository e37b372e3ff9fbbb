//! `JsonPointer`: RFC 6901 pointers, built segment by segment with the escapes done.

use std::fmt;

/// A JSON Pointer (RFC 6901) into a request body: `""` is the whole body, `/items/0/id` the `id`
/// of the first of its `items`.
///
/// Keys are escaped as the RFC says (`~` as `~0`, `/` as `~1`), so any member name, however
/// hostile, makes a pointer that names exactly that member.
///
/// ```
/// use assetpay_errors::violation::JsonPointer;
///
/// assert_eq!(JsonPointer::root().as_str(), "");
/// assert_eq!(JsonPointer::root().key("a/b").key("m~n").index(3).as_str(), "/a~1b/m~0n/3");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct JsonPointer(String);

impl JsonPointer {
    /// The pointer to the whole document, `""`.
    pub fn root() -> Self {
        JsonPointer(String::new())
    }

    /// The pointer to member `key` of what `self` points to.
    #[must_use]
    pub fn key(mut self, key: &str) -> Self {
        self.push_key(key);
        self
    }

    /// The pointer to element `index` of what `self` points to.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.push_index(index);
        self
    }

    /// Appends member `key`.
    pub fn push_key(&mut self, key: &str) {
        self.0.reserve(key.len() + 1);
        self.0.push('/');
        for c in key.chars() {
            match c {
                '~' => self.0.push_str("~0"),
                '/' => self.0.push_str("~1"),
                c => self.0.push(c),
            }
        }
    }

    /// Appends element `index`.
    pub fn push_index(&mut self, index: usize) {
        use fmt::Write as _;
        // Writing to a `String` cannot fail.
        let _ = write!(self.0, "/{index}");
    }

    /// The pointer as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The pointer as a `String`.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<JsonPointer> for String {
    fn from(pointer: JsonPointer) -> String {
        pointer.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_before_slash_as_the_rfc_orders() {
        // RFC 6901 section 4: `~1` must not be read back as `/` then `1`, so `~` is escaped first.
        assert_eq!(JsonPointer::root().key("~1").as_str(), "/~01");
        assert_eq!(JsonPointer::root().key("/").as_str(), "/~1");
        assert_eq!(JsonPointer::root().key("").as_str(), "/");
        assert_eq!(
            JsonPointer::root().key("\"quoted\"\n").as_str(),
            "/\"quoted\"\n"
        );
    }
}
