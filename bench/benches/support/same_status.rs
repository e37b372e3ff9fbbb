//! Whether two `tonic::Status`es say the same: code, message, the `x-request-id` metadata and
//! every error detail, decoded with tonic-types. Shared by `bench/benches/grpc.rs` (checked
//! before it measures) and `tests/tests/grpc.rs` (`#[path]`), which compare ours with the same
//! status built by hand.

use tonic::Status;
use tonic_types::{ErrorDetails, StatusExt as _};

/// Panics unless `ours` and `theirs` carry the same code, message, metadata and details.
pub fn assert_same_status(ours: &Status, theirs: &Status) {
    assert_eq!(
        (ours.code(), ours.message()),
        (theirs.code(), theirs.message())
    );
    assert_eq!(
        ours.metadata().get("x-request-id"),
        theirs.metadata().get("x-request-id")
    );
    let (ours, theirs) = (
        ours.check_error_details().unwrap(),
        theirs.check_error_details().unwrap(),
    );
    assert_eq!(
        format!("{:?}", ours.retry_info()),
        format!("{:?}", theirs.retry_info())
    );
    let info = |details: &ErrorDetails| {
        let info = details.error_info().unwrap();
        (
            info.reason.clone(),
            info.domain.clone(),
            info.metadata.clone(),
        )
    };
    assert_eq!(info(&ours), info(&theirs));
    assert_eq!(
        format!("{:?}", ours.bad_request()),
        format!("{:?}", theirs.bad_request())
    );
    assert_eq!(
        format!("{:?}", ours.request_info()),
        format!("{:?}", theirs.request_info())
    );
    assert_eq!(format!("{:?}", ours.help()), format!("{:?}", theirs.help()));
}
