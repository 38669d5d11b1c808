//! Indicator implementations; one module per indicator (streaming struct + batch fn).

pub mod sma;
