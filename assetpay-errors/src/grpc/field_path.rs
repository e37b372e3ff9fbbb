//! A field violation's place as `BadRequest.FieldViolation.field`, and back.
//!
//! gRPC's `BadRequest` names a field by a path of dot-separated names with indices in brackets
//! (`email_addresses[1].email`, `google/rpc/error_details.proto`); the envelope names a body
//! field by a JSON Pointer (`/email_addresses/1/email`). The conversion, segment by segment:
//!
//! - a segment that is a name (`[A-Za-z_][A-Za-z0-9_]*`) is `.name` (no dot first);
//! - a segment that is an array index (`0`, or digits without a leading zero) is `[N]`;
//! - any other segment (a key with `-`, `/`, `~`, spaces, or one that is all digits but could
//!   also be a key, like `007`) is the key between backticks, a backtick in it doubled, as
//!   AIP-161 escapes map keys in field paths: `` labels.`team-a` ``;
//! - the whole body (the pointer `""`) is the empty path.
//!
//! A violation outside the body, which a gRPC request does not have but an HTTP-first service
//! may still report, keeps its place as `in:name` (`query:page`, `header:x-api-key`): a colon
//! never occurs in a path written from a pointer outside backticks, so the two never collide.
//!
//! A pointer segment that is all digits is ambiguous (an index, or a key of an object): it is
//! written as an index, and read back as the same pointer text, so the round trip is exact
//! either way.

use std::borrow::Cow;

use crate::violation::Location;

/// What separates a location other than the body from the name in a field path.
const LOCATION_SEPARATOR: char = ':';

/// The field path for a violation at `field` of `location`.
pub(crate) fn to_field_path(location: &Location, field: &str) -> String {
    if *location != Location::Body {
        return format!("{}{LOCATION_SEPARATOR}{field}", location.as_str());
    }
    let mut path = String::with_capacity(field.len() + 4);
    // A pointer is `""` or starts with `/`; anything else (never written by `JsonPointer`, but
    // a `FieldViolation::new` may hold it) is one key, so it survives the trip unchanged.
    let Some(rest) = field.strip_prefix('/') else {
        if !field.is_empty() {
            path.push(LOCATION_SEPARATOR);
            push_quoted(&mut path, field);
        }
        return path;
    };
    for segment in rest.split('/') {
        let key = if segment.contains('~') {
            Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
        } else {
            Cow::Borrowed(segment)
        };
        if is_index(&key) {
            path.push('[');
            path.push_str(&key);
            path.push(']');
            continue;
        }
        if !path.is_empty() {
            path.push('.');
        }
        if is_name(&key) {
            path.push_str(&key);
        } else {
            push_quoted(&mut path, &key);
        }
    }
    path
}

/// The location and field (a JSON Pointer for the body) a field path names, or why it is not
/// one this module writes.
pub(crate) fn from_field_path(path: &str) -> Result<(Location, String), String> {
    if let Some(rest) = path.strip_prefix(LOCATION_SEPARATOR) {
        // A non-pointer body field, as `to_field_path` wrote it.
        let (key, tail) = read_quoted(rest).ok_or_else(|| malformed(path))?;
        if !tail.is_empty() {
            return Err(malformed(path));
        }
        return Ok((Location::Body, key));
    }
    if let Some((location, name)) = path.split_once(LOCATION_SEPARATOR)
        && is_name(location)
        && !location.is_empty()
    {
        return Ok((Location::from_wire(location), name.to_owned()));
    }
    let mut pointer = String::with_capacity(path.len() + 4);
    let mut rest = path;
    let mut first = true;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let (digits, tail) = after.split_once(']').ok_or_else(|| malformed(path))?;
            if !is_index(digits) {
                return Err(malformed(path));
            }
            pointer.push('/');
            pointer.push_str(digits);
            rest = tail;
            first = false;
            continue;
        }
        if !first {
            rest = rest.strip_prefix('.').ok_or_else(|| malformed(path))?;
        }
        first = false;
        let key = if rest.starts_with('`') {
            let (key, tail) = read_quoted(rest).ok_or_else(|| malformed(path))?;
            rest = tail;
            key
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            let (name, tail) = rest.split_at(end);
            if !is_name(name) {
                return Err(malformed(path));
            }
            rest = tail;
            name.to_owned()
        };
        pointer.push('/');
        pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
    }
    Ok((Location::Body, pointer))
}

fn malformed(path: &str) -> String {
    let shown: String = path.chars().take(64).collect();
    format!("`{shown}` is not a field path")
}

fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_index(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|byte| byte.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'))
}

fn push_quoted(out: &mut String, key: &str) {
    out.push('`');
    for (index, part) in key.split('`').enumerate() {
        if index > 0 {
            out.push_str("``");
        }
        out.push_str(part);
    }
    out.push('`');
}

/// The key of `` `…` `` at the start of `text`, unescaped, and what follows it.
fn read_quoted(text: &str) -> Option<(String, &str)> {
    let mut rest = text.strip_prefix('`')?;
    let mut key = String::new();
    loop {
        let end = rest.find('`')?;
        key.push_str(&rest[..end]);
        rest = &rest[end + 1..];
        match rest.strip_prefix('`') {
            Some(after) => {
                key.push('`');
                rest = after;
            }
            None => return Some((key, rest)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(location: Location, field: &str) -> String {
        let path = to_field_path(&location, field);
        assert_eq!(
            from_field_path(&path),
            Ok((location, field.to_owned())),
            "{path}"
        );
        path
    }

    #[test]
    fn pointers_become_dotted_paths_with_indices() {
        assert_eq!(round_trip(Location::Body, "/quantity"), "quantity");
        assert_eq!(round_trip(Location::Body, "/items/0/id"), "items[0].id");
        assert_eq!(
            round_trip(Location::Body, "/items/3/type/2"),
            "items[3].type[2]"
        );
        assert_eq!(round_trip(Location::Body, ""), "");
        assert_eq!(round_trip(Location::Body, "/0"), "[0]");
    }

    #[test]
    fn other_keys_are_quoted_and_come_back_exactly() {
        assert_eq!(
            round_trip(Location::Body, "/labels/team-a"),
            "labels.`team-a`"
        );
        assert_eq!(round_trip(Location::Body, "/a~1b/m~0n"), "`a/b`.`m~n`");
        assert_eq!(round_trip(Location::Body, "/x/`tick`"), "x.```tick```");
        assert_eq!(round_trip(Location::Body, "/007"), "`007`");
        assert_eq!(round_trip(Location::Body, "/"), "``");
        assert_eq!(round_trip(Location::Body, "/a//b"), "a.``.b");
        assert_eq!(round_trip(Location::Body, "quantity"), ":`quantity`");
    }

    #[test]
    fn other_locations_keep_their_place() {
        assert_eq!(round_trip(Location::Query, "page"), "query:page");
        assert_eq!(
            round_trip(Location::Header, "x-api-key"),
            "header:x-api-key"
        );
        assert_eq!(round_trip(Location::Path, "id"), "path:id");
    }

    #[test]
    fn malformed_paths_are_refused() {
        for path in [
            "a..b", "a[", "a[01]", "a[x]", ".a", "`open", "a b", "a.`x`y",
        ] {
            assert!(from_field_path(path).is_err(), "{path}");
        }
    }
}
