//! Streaming indicators: one struct per indicator with `update(..) -> Option<value>` (None
//! until warm) and `value()`. `sma` also keeps the plain-series `sma_batch`.

pub mod atr;
pub mod bollinger;
pub mod ema;
pub mod rsi;
pub mod sma;
pub mod vwap;
pub mod window;
pub mod zscore;
