//! aitrader-pattern-core: pure-Rust pattern engine for AITrader (no Node/napi dependency;
//! the `aitrader-native-binding` crate only converts JS arguments and calls into it).
//!
//! Pipeline per symbol: ticks → UTC-aligned time bars (`bars`) → streaming indicators
//! (`indicators`: SMA, EMA, RSI, ATR, VWAP, Bollinger, z-score) → detectors (`detectors`)
//! that emit scored signals in [-1, 1] at each bar close. `PatternEngine` (`engine`) holds
//! the per-symbol state and validates every input (`CoreError`, never a panic).
//!
//! The TypeScript reference in `native/src/reference/` mirrors the arithmetic operation for
//! operation, so both backends produce bit-identical values, signals and error messages.

// Validation and detector thresholds are written `!(x > t)` on purpose: NaN must fail them,
// exactly like the mirrored TypeScript.
#![allow(clippy::neg_cmp_op_on_partial_ord)]

pub mod bars;
pub mod config;
pub mod detectors;
pub mod engine;
pub mod error;
pub mod indicators;
pub mod kinds;
pub mod numfmt;
pub mod validate;

pub use config::{ConfigInput, EngineConfig};
pub use engine::{
    BarSeries, BatchOutput, IndexedSignal, IndicatorSnapshot, IndicatorValues, PatternEngine,
    Signal, SymbolId,
};
pub use error::CoreError;
pub use indicators::sma::{sma_batch, Sma};
pub use kinds::{DetectorKind, DetectorSet, IndicatorKind, IndicatorSet};

/// Version of this crate, exposed to JS as `coreVersion()`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
