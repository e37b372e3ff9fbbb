//! The gRPC code an error answers with, and the HTTP status a received code stands for.

use http::StatusCode;
use tonic::Code;

use crate::spec::ErrorSpec;

/// The gRPC code `spec` answers with: its `#[api(grpc = "…")]`, else [`code_for_status`] of its
/// HTTP status.
pub fn code_for(spec: &ErrorSpec) -> Code {
    match spec.grpc_code {
        Some(code) => Code::from_i32(i32::from(code)),
        None => code_for_status(spec.status()),
    }
}

/// The gRPC code for an HTTP error status, by the table in the [module documentation](super):
/// the inverse of Google's code-to-HTTP mapping (`google/rpc/code.proto`), then a few statuses
/// that mapping does not name, by their meaning, then the class: another 4xx is
/// `FAILED_PRECONDITION`, another 5xx (or anything else) `INTERNAL`.
pub fn code_for_status(status: StatusCode) -> Code {
    match status.as_u16() {
        400 | 422 => Code::InvalidArgument,
        401 => Code::Unauthenticated,
        403 => Code::PermissionDenied,
        404 | 410 => Code::NotFound,
        // See "409 Conflict" in the module documentation.
        409 => Code::Aborted,
        405 | 501 => Code::Unimplemented,
        408 | 504 => Code::DeadlineExceeded,
        412 => Code::FailedPrecondition,
        429 => Code::ResourceExhausted,
        499 => Code::Cancelled,
        502 | 503 => Code::Unavailable,
        400..=499 => Code::FailedPrecondition,
        _ => Code::Internal,
    }
}

/// The HTTP status Google's mapping (`google/rpc/code.proto`) gives a gRPC code: what a
/// decoded [`ErrorResponse::status`](crate::client::ErrorResponse::status) says when the
/// catalogue does not know the error (or declares it with another code).
pub fn status_for_code(code: Code) -> StatusCode {
    match code {
        Code::Ok => StatusCode::OK,
        Code::Cancelled => StatusCode::from_u16(499).unwrap_or(StatusCode::BAD_REQUEST),
        Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => {
            StatusCode::BAD_REQUEST
        }
        Code::DeadlineExceeded => StatusCode::GATEWAY_TIMEOUT,
        Code::NotFound => StatusCode::NOT_FOUND,
        Code::AlreadyExists | Code::Aborted => StatusCode::CONFLICT,
        Code::PermissionDenied => StatusCode::FORBIDDEN,
        Code::Unauthenticated => StatusCode::UNAUTHORIZED,
        Code::ResourceExhausted => StatusCode::TOO_MANY_REQUESTS,
        Code::Unimplemented => StatusCode::NOT_IMPLEMENTED,
        Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Code::Unknown | Code::Internal | Code::DataLoss => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of code.proto's mapping whose status names one code comes back to that code:
    /// the table is the mapping's inverse where the inverse is a function.
    #[test]
    fn the_table_inverts_googles_mapping() {
        for number in 1..=16 {
            let code = Code::from_i32(number);
            let status = status_for_code(code);
            let sharing = (1..=16)
                .map(Code::from_i32)
                .filter(|other| status_for_code(*other) == status)
                .count();
            if sharing == 1 {
                assert_eq!(code_for_status(status), code, "{status}");
            } else {
                assert_eq!(status_for_code(code_for_status(status)), status, "{status}");
            }
        }
    }

    #[test]
    fn shared_statuses_pick_the_documented_code() {
        assert_eq!(
            code_for_status(StatusCode::BAD_REQUEST),
            Code::InvalidArgument
        );
        assert_eq!(code_for_status(StatusCode::CONFLICT), Code::Aborted);
        assert_eq!(
            code_for_status(StatusCode::INTERNAL_SERVER_ERROR),
            Code::Internal
        );
        assert_eq!(
            code_for_status(StatusCode::PAYMENT_REQUIRED),
            Code::FailedPrecondition
        );
        assert_eq!(
            code_for_status(StatusCode::from_u16(418).unwrap()),
            Code::FailedPrecondition
        );
        assert_eq!(
            code_for_status(StatusCode::from_u16(507).unwrap()),
            Code::Internal
        );
        assert_eq!(
            code_for_status(StatusCode::UNPROCESSABLE_ENTITY),
            Code::InvalidArgument
        );
        assert_eq!(code_for_status(StatusCode::BAD_GATEWAY), Code::Unavailable);
    }

    /// The derive's names and tonic's numbers agree: `NAMES[n]` is `Code::from_i32(n)`.
    #[test]
    fn the_shared_names_are_tonics_codes() {
        for (number, name) in assetpay_errors_shared::grpc::NAMES.iter().enumerate() {
            let code = Code::from_i32(number as i32);
            let described = format!("{code:?}");
            let squashed: String = name
                .split('_')
                .map(|word| {
                    let mut word = word.to_ascii_lowercase();
                    word[..1].make_ascii_uppercase();
                    word
                })
                .collect();
            assert_eq!(described, squashed, "{name}");
        }
    }
}
