//! What the derive's generated constants assemble a catalogue with: the constructor of one
//! declared entry, and the pieces that flatten composed catalogues into one array.

use http::StatusCode;

use crate::domain::Domain;
use crate::spec::ErrorSpec;

/// The [`ErrorSpec`] of one declaration, from its fields in declaration order. Positional
/// because the derive emits one call per error and large catalogues are thousands of them; the
/// derive is its only caller.
#[allow(clippy::too_many_arguments)]
pub const fn declared_spec(
    code: u16,
    key: &'static str,
    status: u16,
    message: &'static str,
    description: &'static str,
    domain: Option<&'static Domain>,
    retryable: bool,
    retry_after: Option<u32>,
    type_name: &'static str,
    variant: &'static str,
    interpolated: bool,
    deprecated: bool,
    json: &'static str,
    doc_url: Option<&'static str>,
) -> ErrorSpec {
    ErrorSpec {
        code,
        key,
        status: match StatusCode::from_u16(status) {
            Ok(status) => status,
            // The derive admits only 400..=599; were it ever called with another status, this
            // fails the compile during constant evaluation instead of answering wrongly.
            Err(_) => panic!("status out of range"),
        },
        message,
        description,
        domain,
        retryable,
        retry_after,
        type_name,
        variant,
        interpolated,
        deprecated,
        json,
        doc_url,
        grpc_code: None,
        params: &[],
    }
}

/// `spec` answering gRPC with code `code` (`google.rpc.Code`'s number), for a declaration with
/// `#[api(grpc = "…")]`; the derive checked the name.
pub const fn with_grpc_code(code: u8, spec: ErrorSpec) -> ErrorSpec {
    ErrorSpec {
        grpc_code: Some(code),
        ..spec
    }
}

/// `spec` with the names of the fields its message interpolates, for an interpolated
/// declaration; the derive lists them in the order the message first names them.
pub const fn with_params(params: &'static [&'static str], spec: ErrorSpec) -> ErrorSpec {
    ErrorSpec { params, ..spec }
}

/// Fills the unwritten tail of a catalogue array under construction; never read.
pub const PLACEHOLDER: ErrorSpec = declared_spec(
    0, "", 500, "", "", None, false, None, "", "", false, false, "", None,
);

/// `sizes` turned into start offsets: `out[i]` is the sum of `sizes[..i]`, `out[N]` the total.
pub const fn offsets<const N: usize, const M: usize>(sizes: [usize; N]) -> [usize; M] {
    assert!(M == N + 1, "offsets need one more slot than sizes");
    let mut out = [0; M];
    let mut index = 0;
    while index < N {
        out[index + 1] = out[index] + sizes[index];
        index += 1;
    }
    out
}

/// Copies `from` into `out` starting at `at`; returns the index after the last copied item. The
/// derive flattens a composed type's catalogue and its reservations with it.
pub const fn copy_into<T: Copy>(out: &mut [T], at: usize, from: &[T]) -> usize {
    let (_, tail) = out.split_at_mut(at);
    let (window, _) = tail.split_at_mut(from.len());
    window.copy_from_slice(from);
    at + from.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_into_appends_and_returns_the_next_index() {
        const FLAT: [u16; 5] = {
            let mut out = [0; 5];
            let at = copy_into(&mut out, 0, &[1, 2]);
            let at = copy_into(&mut out, at, &[]);
            assert!(copy_into(&mut out, at, &[3, 4, 5]) == 5);
            out
        };
        assert_eq!(FLAT, [1, 2, 3, 4, 5]);
    }
}
