//! gRPC's status codes by name (`google.rpc.Code`), for the derive, which checks the names
//! `#[api(grpc = "…")]` gives, and the runtime's `grpc` module, which turns the numbers into
//! `tonic::Code`s: one list for both.

use alloc::string::String;

/// The code that is no error; refused by the derive.
pub const OK: u8 = 0;

/// Every code's name, at its number: `NAMES[9]` is `"FAILED_PRECONDITION"`, as in
/// `google/rpc/code.proto`.
pub const NAMES: [&str; 17] = [
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

/// The number of the code called `name`, exactly as `code.proto` spells it.
pub fn code_named(name: &str) -> Option<u8> {
    NAMES
        .iter()
        .position(|known| *known == name)
        .and_then(|index| u8::try_from(index).ok())
}

/// The name of code `code`, if it is one.
pub fn name_of(code: u8) -> Option<&'static str> {
    NAMES.get(usize::from(code)).copied()
}

/// The error codes, `` `CANCELLED`, `UNKNOWN`, … `` for a message that lists them.
pub fn expected_names() -> String {
    let mut out = String::new();
    for (index, name) in NAMES.iter().enumerate().skip(1) {
        if index > 1 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(name);
        out.push('`');
    }
    out
}

/// The error code `name` most likely means: the same in another case, or with `-` or spaces for
/// `_` (`failed-precondition`), or the name without its `StatusCode`-style spelling
/// (`FailedPrecondition`).
pub fn resembling(name: &str) -> Option<&'static str> {
    let squash = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let wanted = squash(name);
    NAMES[1..]
        .iter()
        .copied()
        .find(|known| squash(known) == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_at_their_numbers() {
        assert_eq!(code_named("OK"), Some(OK));
        assert_eq!(code_named("FAILED_PRECONDITION"), Some(9));
        assert_eq!(code_named("ABORTED"), Some(10));
        assert_eq!(code_named("UNAUTHENTICATED"), Some(16));
        assert_eq!(name_of(14), Some("UNAVAILABLE"));
        assert_eq!(name_of(17), None);
        assert_eq!(code_named("aborted"), None);
    }

    #[test]
    fn near_misses_are_recognised() {
        assert_eq!(
            resembling("FailedPrecondition"),
            Some("FAILED_PRECONDITION")
        );
        assert_eq!(resembling("not-found"), Some("NOT_FOUND"));
        assert_eq!(resembling("ok"), None);
        assert_eq!(resembling("TEAPOT"), None);
        assert!(expected_names().starts_with("`CANCELLED`, `UNKNOWN`"));
    }
}
