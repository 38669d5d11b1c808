//! Error mapping shared by every binding entry point: core errors become `InvalidArg` JS
//! errors "<CODE>: <text>"; panics are caught and become `GenericFailure` errors instead of
//! unwinding across the FFI boundary (which would abort the Node process).

use std::panic::{catch_unwind, AssertUnwindSafe};

use napi::{Error, Status};
use pattern_core::CoreError;

/// Runs a core call, turning `CoreError` into an `InvalidArg` JS error and a panic into a
/// `GenericFailure` JS error.
pub fn guarded<T>(f: impl FnOnce() -> Result<T, CoreError>) -> napi::Result<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(Error::new(
            Status::InvalidArg,
            format!("{}: {}", err.code(), err),
        )),
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic payload".to_owned());
            Err(Error::new(
                Status::GenericFailure,
                format!("pattern core panicked: {detail}"),
            ))
        }
    }
}
