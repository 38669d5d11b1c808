//! Error type of the pattern core: every rejected input maps to a stable code that the Node
//! layer surfaces as `NativeInputError.code`, with a message identical to the TS reference's.

use std::fmt;

use crate::numfmt::js_number;

/// Invalid input rejected by an indicator, the engine or its configuration.
#[derive(Debug, Clone, PartialEq)]
pub enum CoreError {
    /// A window length / period that is not an integer in `[1, max]` (`name` is the field).
    InvalidPeriod {
        name: &'static str,
        value: f64,
        max: f64,
    },
    /// Any other invalid configuration value (threshold, name list, combination).
    InvalidConfig { field: &'static str, reason: String },
    /// A batch call with no input values.
    EmptyInput,
    /// A NaN or ±Infinity in a plain value series (`sma_batch`).
    NonFiniteValue { index: usize, value: f64 },
    /// Tick price not finite or not in (0, MAX_VALUE].
    InvalidPrice { index: Option<usize>, value: f64 },
    /// Trade size not in (0, MAX_VALUE], or book size (`bidSize`/`askSize`) not in [0, MAX_VALUE].
    InvalidSize {
        field: &'static str,
        index: Option<usize>,
        value: f64,
    },
    /// Timestamp not finite or outside [0, MAX_TIMESTAMP_MS].
    InvalidTimestamp { index: Option<usize>, value: f64 },
    /// Timestamp earlier than the symbol's previous tick.
    TimeBackwards {
        index: Option<usize>,
        value: f64,
        last: f64,
    },
    /// Batch arrays of different lengths (`field` compared with `ts`).
    LengthMismatch {
        field: &'static str,
        expected: usize,
        actual: usize,
    },
    /// Symbol empty, too long, or not printable ASCII.
    InvalidSymbol,
}

impl CoreError {
    /// Stable code, identical to the TypeScript reference's `NativeInputError.code`.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::InvalidPeriod { .. } => "INVALID_PERIOD",
            CoreError::InvalidConfig { .. } => "INVALID_CONFIG",
            CoreError::EmptyInput => "EMPTY_INPUT",
            CoreError::NonFiniteValue { .. } => "NON_FINITE_VALUE",
            CoreError::InvalidPrice { .. } => "INVALID_PRICE",
            CoreError::InvalidSize { .. } => "INVALID_SIZE",
            CoreError::InvalidTimestamp { .. } => "INVALID_TIMESTAMP",
            CoreError::TimeBackwards { .. } => "TIME_WENT_BACKWARDS",
            CoreError::LengthMismatch { .. } => "LENGTH_MISMATCH",
            CoreError::InvalidSymbol => "INVALID_SYMBOL",
        }
    }
}

/// " at index 3" for batch errors, "" for single-tick ones.
fn at(index: &Option<usize>) -> String {
    index.map(|i| format!(" at index {i}")).unwrap_or_default()
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoreError::InvalidPeriod { name, value, max } => write!(
                f,
                "{name} must be an integer in [1, {}] (got {})",
                js_number(*max),
                js_number(*value)
            ),
            CoreError::InvalidConfig { field, reason } => write!(f, "{field} {reason}"),
            CoreError::EmptyInput => write!(f, "input series is empty"),
            CoreError::NonFiniteValue { index, value } => {
                write!(f, "non-finite value {} at index {index}", js_number(*value))
            }
            CoreError::InvalidPrice { index, value } => write!(
                f,
                "price must be a finite number in (0, 1e15] (got {}){}",
                js_number(*value),
                at(index)
            ),
            CoreError::InvalidSize {
                field,
                index,
                value,
            } => {
                let range = if *field == "size" {
                    "(0, 1e15]"
                } else {
                    "[0, 1e15]"
                };
                write!(
                    f,
                    "{field} must be a finite number in {range} (got {}){}",
                    js_number(*value),
                    at(index)
                )
            }
            CoreError::InvalidTimestamp { index, value } => write!(
                f,
                "ts must be a finite number of ms in [0, 8640000000000000] (got {}){}",
                js_number(*value),
                at(index)
            ),
            CoreError::TimeBackwards { index, value, last } => write!(
                f,
                "ts {} is before the previous tick's ts {}{}",
                js_number(*value),
                js_number(*last),
                at(index)
            ),
            CoreError::LengthMismatch {
                field,
                expected,
                actual,
            } => write!(f, "{field} has {actual} elements but ts has {expected}"),
            CoreError::InvalidSymbol => {
                write!(
                    f,
                    "symbol must be 1-64 printable ASCII characters without spaces"
                )
            }
        }
    }
}

impl std::error::Error for CoreError {}
