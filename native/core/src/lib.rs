//! aitrader-pattern-core: pure-Rust indicator and pattern engine for AITrader.
//!
//! This crate has no Node/napi dependency; the `aitrader-native-binding` crate only
//! converts JS arguments and calls into it. Every indicator comes in two shapes:
//! a streaming struct (`update(x) -> Option<f64>`, `None` until warm) and a batch
//! function (`*_batch(&[f64], ..) -> Result<Vec<f64>, CoreError>`, NaN during warm-up).
//! The TypeScript reference in `native/src/reference.ts` mirrors the arithmetic order
//! exactly so both backends give bit-identical results.

pub mod error;
pub mod indicators;
mod validate;

pub use error::CoreError;
pub use indicators::sma::{sma_batch, Sma};

/// Version of this crate, exposed to JS as `coreVersion()`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
