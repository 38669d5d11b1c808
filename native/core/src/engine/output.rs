//! What the engine hands back: signals, batch results (with optional per-bar indicator
//! columns for differential tests and backtests) and per-symbol indicator snapshots.

use crate::kinds::DetectorKind;

/// A scored pattern signal, emitted at a bar close.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    pub detector: DetectorKind,
    /// In [-1, 1]; positive = bullish.
    pub score: f64,
    /// Short human-readable explanation (identical text on both backends).
    pub reason: String,
    /// Timestamp of the tick that closed the bar (the first tick of a later bucket).
    pub ts: f64,
    /// Close of the bar that produced the signal.
    pub price: f64,
    /// Start (ms, UTC-aligned) of that bar.
    pub bar_start: f64,
}

/// A signal from `PatternEngine::run`, with the index of the tick that produced it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedSignal {
    pub index: usize,
    pub signal: Signal,
}

/// Indicator values maintained by the engine; None while not warm or not enabled.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct IndicatorValues {
    pub sma_fast: Option<f64>,
    pub sma_slow: Option<f64>,
    pub ema: Option<f64>,
    pub rsi: Option<f64>,
    pub atr: Option<f64>,
    pub vwap: Option<f64>,
    pub bollinger_upper: Option<f64>,
    pub bollinger_middle: Option<f64>,
    pub bollinger_lower: Option<f64>,
    pub zscore: Option<f64>,
}

/// One column per field, one row per closed bar (NaN where an indicator is not available).
/// `vwap` is the value the detectors saw at the close (before the closing tick).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BarSeries {
    /// Index of the tick that closed the bar.
    pub close_index: Vec<usize>,
    pub start: Vec<f64>,
    pub open: Vec<f64>,
    pub high: Vec<f64>,
    pub low: Vec<f64>,
    pub close: Vec<f64>,
    pub volume: Vec<f64>,
    pub bid_size: Vec<f64>,
    pub ask_size: Vec<f64>,
    pub sma_fast: Vec<f64>,
    pub sma_slow: Vec<f64>,
    pub ema: Vec<f64>,
    pub rsi: Vec<f64>,
    pub atr: Vec<f64>,
    pub vwap: Vec<f64>,
    pub bollinger_upper: Vec<f64>,
    pub bollinger_middle: Vec<f64>,
    pub bollinger_lower: Vec<f64>,
    pub zscore: Vec<f64>,
}

/// Result of `PatternEngine::run`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchOutput {
    /// Ticks processed (the input length).
    pub ticks: usize,
    pub signals: Vec<IndexedSignal>,
    /// Present when requested with `with_indicators`.
    pub bars: Option<BarSeries>,
}

/// Current state of one symbol, for the strategy engine and diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSnapshot {
    /// Timestamp and price of the last tick.
    pub ts: f64,
    pub last_price: f64,
    pub bars_closed: u64,
    /// Indicators as of the last closed bar (VWAP: as of the last tick).
    pub values: IndicatorValues,
    /// Closes of the last `history_length` closed bars, oldest first.
    pub history: Vec<f64>,
}
