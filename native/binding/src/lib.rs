//! Node binding for `pattern_core`: converts JS arguments, calls the core, and maps
//! `CoreError` to JS errors. No indicator or detector logic lives here.
//!
//! Error contract (relied on by `native/src/native-errors.ts`): input errors are thrown as JS
//! `Error`s with `code === "InvalidArg"` and a message of the form
//! `"<CORE_CODE>: <description>"`, e.g. `"EMPTY_INPUT: input series is empty"`.
//! A panic inside the core is caught and thrown as a `GenericFailure` error instead of
//! unwinding across the FFI boundary (which would abort the Node process).

mod convert;
mod engine;
mod guard;
mod live_slot;

use napi::bindgen_prelude::Float64Array;
use napi_derive::napi;

use guard::guarded;

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

/// Test hook: panics inside the core-call guard, so the tests can check that a Rust panic
/// surfaces as a JS `GenericFailure` error and the process keeps running.
#[napi(js_name = "__panicForTests")]
pub fn panic_for_tests() -> napi::Result<()> {
    guarded(|| -> Result<(), pattern_core::CoreError> {
        panic!("deliberate panic from the test hook")
    })
}
