//! Node binding for `pattern_core`: converts JS arguments, calls the core, and maps
//! `CoreError` to JS errors. No indicator logic lives here.
//!
//! Error contract (relied on by `native/src/index.ts`): input errors are thrown as JS
//! `Error`s with `code === "InvalidArg"` and a message of the form
//! `"<CORE_CODE>: <description>"`, e.g. `"EMPTY_INPUT: input series is empty"`.
//! A panic inside the core is caught and thrown as a `GenericFailure` error instead of
//! unwinding across the FFI boundary (which would abort the Node process).

use std::panic::{catch_unwind, AssertUnwindSafe};

use napi::bindgen_prelude::Float64Array;
use napi::{Error, Status};
use napi_derive::napi;
use pattern_core::CoreError;

/// Runs a core call, turning `CoreError` into an `InvalidArg` JS error and a panic into a
/// `GenericFailure` JS error.
fn guarded<T>(f: impl FnOnce() -> Result<T, CoreError>) -> napi::Result<T> {
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

/// Simple moving average of `values` over `period`. The result has the same length as the
/// input; the first `period - 1` entries are NaN. Throws on period 0, empty input, or any
/// NaN/±Infinity value.
#[napi(js_name = "smaBatch")]
pub fn sma_batch(values: Float64Array, period: u32) -> napi::Result<Float64Array> {
    let out = guarded(|| pattern_core::sma_batch(&values, period as usize))?;
    Ok(Float64Array::new(out))
}

/// Version of the Rust pattern core (`aitrader-pattern-core` crate).
#[napi(js_name = "coreVersion")]
pub fn core_version() -> String {
    pattern_core::VERSION.to_owned()
}
