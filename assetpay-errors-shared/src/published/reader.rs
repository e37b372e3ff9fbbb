//! The reader of a published catalogue file: JSON, read for exactly the catalogue's shape.
//!
//! Why it exists, what it accepts and how it reports problems: the [module documentation](super).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Entry, FileError};

/// The entries of `json`, in file order, before the check for repeated codes and keys.
pub(super) fn read_entries(json: &[u8]) -> Result<Vec<Entry>, FileError> {
    let mut reader = Reader { bytes: json, at: 0 };
    reader.catalogue().map_err(|stop| stop.located(json))
}

/// Why reading stopped, and at which byte.
struct Stop {
    at: usize,
    message: String,
}

impl Stop {
    fn new(at: usize, message: impl Into<String>) -> Stop {
        Stop {
            at,
            message: message.into(),
        }
    }

    /// As a [`FileError::Json`], with `at` turned into a 1-based line and column (in bytes).
    fn located(self, json: &[u8]) -> FileError {
        let before = &json[..self.at.min(json.len())];
        let line_start = before
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |newline| newline + 1);
        let line = 1 + before[..line_start]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count();
        FileError::Json {
            message: self.message,
            line,
            column: self.at - line_start + 1,
        }
    }
}

/// What a value was expected to be, in serde's words, which the messages quote.
const SEQUENCE: &str = "a sequence";
const ERROR_OBJECT: &str = "an error object with `code`, `key` and `status`";
const U16: &str = "u16";
const U32: &str = "u32";
const STRING: &str = "a string";
const BOOLEAN: &str = "a boolean";

/// A number, as far as the catalogue's fields care, and as serde_json classifies it.
enum Number<'a> {
    /// An integer that fits a `u64`.
    Unsigned(u64),
    /// A negative integer that fits an `i64`.
    Negative(i64),
    /// Anything else: with a fraction or exponent, `-0`, or an integer too large for the
    /// above; its text as written.
    Float(&'a str),
}

impl Number<'_> {
    /// How serde words this number when it is not what a field wants.
    fn unexpected(&self) -> String {
        match self {
            Number::Unsigned(value) => format!("integer `{value}`"),
            Number::Negative(value) => format!("integer `{value}`"),
            Number::Float(text) => format!("floating point `{text}`"),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    /// The next byte to read.
    at: usize,
}

impl<'a> Reader<'a> {
    /// The next byte that is not whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        while let Some(&byte) = self.bytes.get(self.at) {
            if !matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(byte);
            }
            self.at += 1;
        }
        None
    }

    fn here(&self, message: impl Into<String>) -> Stop {
        Stop::new(self.at, message)
    }

    /// `[ entry, … ]` and nothing after it.
    fn catalogue(&mut self) -> Result<Vec<Entry>, Stop> {
        match self.peek() {
            Some(b'[') => self.at += 1,
            Some(_) => return Err(self.wrong_type(SEQUENCE)),
            None => return Err(self.here("EOF while parsing a value")),
        }
        let entries = self.items(|reader| match reader.peek() {
            Some(b'{') => reader.entry(),
            _ => Err(reader.wrong_type(ERROR_OBJECT)),
        })?;
        match self.peek() {
            Some(_) => Err(self.here("trailing characters")),
            None => Ok(entries),
        }
    }

    /// One error object; the reader is at its `{`.
    fn entry(&mut self) -> Result<Entry, Stop> {
        self.at += 1;
        let (mut code, mut key, mut status) = (None, None, None);
        let mut entry = Entry::defaults();
        let mut first = true;
        loop {
            match self.peek() {
                Some(b'}') => break,
                Some(b',') if !first => {
                    self.at += 1;
                    match self.peek() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.here("trailing comma")),
                        Some(_) => return Err(self.here("key must be a string")),
                        None => return Err(self.here("EOF while parsing a value")),
                    }
                }
                Some(b'"') if first => {}
                Some(_) if first => return Err(self.here("key must be a string")),
                Some(_) => return Err(self.here("expected `,` or `}`")),
                None => return Err(self.here("EOF while parsing an object")),
            }
            first = false;
            let name = self.string()?;
            self.colon()?;
            match name.as_str() {
                "code" => code = Some(self.integer(U16, u16::MAX.into())? as u16),
                "key" => key = Some(self.text()?),
                "status" => status = Some(self.integer(U16, u16::MAX.into())? as u16),
                "description" => entry.description = self.optional(Self::text)?,
                "message" => entry.message = self.optional(Self::text)?,
                "domain" => entry.domain = self.optional(Self::text)?,
                "retryable" => entry.retryable = self.boolean()?,
                "retryAfter" => {
                    entry.retry_after = self
                        .optional(|reader| reader.integer(U32, u32::MAX.into()))?
                        .map(|seconds| seconds as u32);
                }
                "deprecated" => entry.deprecated = self.boolean()?,
                "params" => entry.params = self.optional(Self::texts)?.unwrap_or_default(),
                _ => self.skip_value()?,
            }
        }
        let close = self.at;
        self.at += 1;
        let missing = |field: &str| Stop::new(close, format!("missing field `{field}`"));
        entry.code = code.ok_or_else(|| missing("code"))?;
        entry.key = key.ok_or_else(|| missing("key"))?;
        entry.status = status.ok_or_else(|| missing("status"))?;
        Ok(entry)
    }

    /// The `:` after a member's name.
    fn colon(&mut self) -> Result<(), Stop> {
        match self.peek() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(self.here("expected `:`")),
            None => Err(self.here("EOF while parsing an object")),
        }
    }

    /// `null` as `None`, anything else read by `read`.
    fn optional<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, Stop>,
    ) -> Result<Option<T>, Stop> {
        if self.peek() == Some(b'n') {
            self.literal("null")?;
            Ok(None)
        } else {
            read(self).map(Some)
        }
    }

    /// A non-negative integer at most `max`.
    fn integer(&mut self, expected: &str, max: u64) -> Result<u64, Stop> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {}
            _ => return Err(self.wrong_type(expected)),
        }
        let number = self.number()?;
        let problem = match number {
            Number::Unsigned(value) if value <= max => return Ok(value),
            // An integer out of range is a wrong value; a fraction is a wrong type.
            Number::Unsigned(_) | Number::Negative(_) => "invalid value",
            Number::Float(_) => "invalid type",
        };
        let unexpected = number.unexpected();
        Err(Stop::new(
            self.at - 1,
            format!("{problem}: {unexpected}, expected {expected}"),
        ))
    }

    fn text(&mut self) -> Result<String, Stop> {
        match self.peek() {
            Some(b'"') => self.string(),
            _ => Err(self.wrong_type(STRING)),
        }
    }

    /// `[ "…", … ]`.
    fn texts(&mut self) -> Result<Vec<String>, Stop> {
        match self.peek() {
            Some(b'[') => self.at += 1,
            _ => return Err(self.wrong_type(SEQUENCE)),
        }
        self.items(Self::text)
    }

    /// The items of a list whose `[` was read, each read by `item`, up to and with its `]`.
    fn items<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, Stop>,
    ) -> Result<Vec<T>, Stop> {
        let mut items = Vec::new();
        loop {
            match self.peek() {
                Some(b']') => break,
                Some(b',') if !items.is_empty() => {
                    self.at += 1;
                    match self.peek() {
                        Some(b']') => return Err(self.here("trailing comma")),
                        Some(_) => {}
                        None => return Err(self.here("EOF while parsing a value")),
                    }
                }
                Some(_) if items.is_empty() => {}
                Some(_) => return Err(self.here("expected `,` or `]`")),
                None => return Err(self.here("EOF while parsing a list")),
            }
            items.push(item(self)?);
        }
        self.at += 1;
        Ok(items)
    }

    fn boolean(&mut self) -> Result<bool, Stop> {
        match self.peek() {
            Some(b't') => self.literal("true").map(|()| true),
            Some(b'f') => self.literal("false").map(|()| false),
            _ => Err(self.wrong_type(BOOLEAN)),
        }
    }

    /// `true`, `false` or `null`, whose first byte is next.
    fn literal(&mut self, word: &str) -> Result<(), Stop> {
        for &expected in word.as_bytes() {
            match self.bytes.get(self.at) {
                Some(&byte) if byte == expected => self.at += 1,
                Some(_) => return Err(self.here("expected ident")),
                None => return Err(self.here("EOF while parsing a value")),
            }
        }
        Ok(())
    }

    /// The error for a value that is not `expected`: a scalar is read whole first (so a
    /// malformed one reports its own problem) and reported at its last byte; an array or an
    /// object at its opening bracket.
    fn wrong_type(&mut self, expected: &str) -> Stop {
        let unexpected = match self.peek() {
            None => return self.here("EOF while parsing a value"),
            Some(b'[') => return self.here(format!("invalid type: sequence, expected {expected}")),
            Some(b'{') => return self.here(format!("invalid type: map, expected {expected}")),
            Some(b'"') => self.string().map(|text| format!("string {text:?}")),
            Some(b't') => self.literal("true").map(|()| "boolean `true`".into()),
            Some(b'f') => self.literal("false").map(|()| "boolean `false`".into()),
            Some(b'n') => self.literal("null").map(|()| "null".into()),
            Some(b'-' | b'0'..=b'9') => self.number().map(|number| number.unexpected()),
            Some(_) => return self.here("expected value"),
        };
        match unexpected {
            Ok(unexpected) => Stop::new(
                self.at - 1,
                format!("invalid type: {unexpected}, expected {expected}"),
            ),
            Err(stop) => stop,
        }
    }

    /// A number, checked for JSON's syntax; the reader is at its first byte.
    fn number(&mut self) -> Result<Number<'a>, Stop> {
        let start = self.at;
        let negative = self.bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        match self.bytes.get(self.at) {
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.bytes.get(self.at) {
                    return Err(self.here("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.here("invalid number")),
        }
        let integer_end = self.at;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !matches!(self.bytes.get(self.at), Some(b'0'..=b'9')) {
                return Err(self.here("invalid number"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if !matches!(self.bytes.get(self.at), Some(b'0'..=b'9')) {
                return Err(self.here("invalid number"));
            }
            self.digits();
        }
        // What was read is ASCII, so it is UTF-8.
        let text = core::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default();
        let number = if integer_end != self.at {
            Number::Float(text)
        } else if negative {
            match text.parse() {
                Ok(0) | Err(_) => Number::Float(text),
                Ok(value) => Number::Negative(value),
            }
        } else {
            text.parse().map_or(Number::Float(text), Number::Unsigned)
        };
        Ok(number)
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// A string, decoded; the reader is at its opening quote.
    fn string(&mut self) -> Result<String, Stop> {
        self.at += 1;
        let mut decoded = String::new();
        loop {
            let run_start = self.at;
            while let Some(&byte) = self.bytes.get(self.at) {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            match core::str::from_utf8(&self.bytes[run_start..self.at]) {
                Ok(run) => decoded.push_str(run),
                Err(error) => {
                    return Err(Stop::new(
                        run_start + error.valid_up_to(),
                        "invalid unicode code point",
                    ));
                }
            }
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(decoded);
                }
                Some(b'\\') => {
                    self.at += 1;
                    decoded.push(self.escape()?);
                }
                Some(_) => {
                    return Err(self
                        .here("control character (\\u0000-\\u001F) found while parsing a string"));
                }
                None => return Err(self.here("EOF while parsing a string")),
            }
        }
    }

    /// The character an escape stands for; the reader is after its `\`. A UTF-16 surrogate
    /// must come in a pair, `\uD83D\uDE00`, as serde_json requires for text.
    fn escape(&mut self) -> Result<char, Stop> {
        let Some(&byte) = self.bytes.get(self.at) else {
            return Err(self.here("EOF while parsing a string"));
        };
        self.at += 1;
        let simple = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(Stop::new(self.at - 1, "invalid escape")),
        };
        Ok(simple)
    }

    fn unicode_escape(&mut self) -> Result<char, Stop> {
        let lone = |at: usize| Stop::new(at, "lone leading surrogate in hex escape");
        let high = self.hex4()?;
        if let Some(scalar) = char::from_u32(high.into()) {
            return Ok(scalar);
        }
        if (0xDC00..=0xDFFF).contains(&high) {
            return Err(lone(self.at - 1));
        }
        for expected in [b'\\', b'u'] {
            match self.bytes.get(self.at) {
                Some(&byte) if byte == expected => self.at += 1,
                Some(_) => return Err(self.here("unexpected end of hex escape")),
                None => return Err(self.here("EOF while parsing a string")),
            }
        }
        let low = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return Err(lone(self.at - 1));
        }
        let scalar = 0x1_0000 + ((u32::from(high) - 0xD800) << 10 | (u32::from(low) - 0xDC00));
        char::from_u32(scalar).ok_or_else(|| lone(self.at - 1))
    }

    /// The four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u16, Stop> {
        let mut value = 0;
        for _ in 0..4 {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.here("EOF while parsing a string"));
            };
            let digit = match byte {
                b'0'..=b'9' => byte - b'0',
                b'a'..=b'f' => byte - b'a' + 10,
                b'A'..=b'F' => byte - b'A' + 10,
                _ => return Err(self.here("invalid escape")),
            };
            value = value << 4 | u16::from(digit);
            self.at += 1;
        }
        Ok(value)
    }

    /// A string checked for syntax only, as serde_json skips an unknown member's strings: any
    /// bytes but quotes, backslashes and control characters, and well-formed escapes (a lone
    /// surrogate included).
    fn skip_string(&mut self) -> Result<(), Stop> {
        self.at += 1;
        loop {
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.bytes.get(self.at) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.at += 1;
                        }
                        Some(b'u') => {
                            self.at += 1;
                            self.hex4()?;
                        }
                        Some(_) => return Err(self.here("invalid escape")),
                        None => return Err(self.here("EOF while parsing a string")),
                    }
                }
                Some(&byte) if byte < 0x20 => {
                    return Err(self
                        .here("control character (\\u0000-\\u001F) found while parsing a string"));
                }
                Some(_) => self.at += 1,
                None => return Err(self.here("EOF while parsing a string")),
            }
        }
    }

    /// An unknown member's value, checked for syntax and skipped. Iterative, with the closing
    /// bracket each open container waits for on a stack, so nesting cannot exhaust the stack.
    fn skip_value(&mut self) -> Result<(), Stop> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                None => return Err(self.here("EOF while parsing a value")),
                Some(b'[') => {
                    self.at += 1;
                    if self.peek() == Some(b']') {
                        self.at += 1;
                    } else {
                        open.push(b']');
                        continue;
                    }
                }
                Some(b'{') => {
                    self.at += 1;
                    if self.peek() == Some(b'}') {
                        self.at += 1;
                    } else {
                        open.push(b'}');
                        self.skip_member_name()?;
                        continue;
                    }
                }
                Some(b'"') => self.skip_string()?,
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(b't') => self.literal("true")?,
                Some(b'f') => self.literal("false")?,
                Some(b'n') => self.literal("null")?,
                Some(_) => return Err(self.here("expected value")),
            }
            // A value is done: close the containers it completes, up to the next `,`.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(());
                };
                let in_object = close == b'}';
                match self.peek() {
                    Some(b',') => {
                        self.at += 1;
                        if in_object {
                            self.skip_member_name()?;
                        }
                        break;
                    }
                    Some(byte) if byte == close => {
                        self.at += 1;
                        open.pop();
                    }
                    Some(_) if in_object => return Err(self.here("expected `,` or `}`")),
                    Some(_) => return Err(self.here("expected `,` or `]`")),
                    None if in_object => return Err(self.here("EOF while parsing an object")),
                    None => return Err(self.here("EOF while parsing a list")),
                }
            }
        }
    }

    /// `"name":` inside a skipped object.
    fn skip_member_name(&mut self) -> Result<(), Stop> {
        match self.peek() {
            Some(b'"') => self.skip_string()?,
            Some(_) => return Err(self.here("key must be a string")),
            None => return Err(self.here("EOF while parsing an object")),
        }
        self.colon()
    }
}
