//! Error type shared by all indicators in the pattern core.

use std::fmt;

/// Invalid input rejected by an indicator. `code()` gives a stable machine-readable
/// identifier that the Node layer surfaces as `NativeInputError.code`.
#[derive(Debug, Clone, PartialEq)]
pub enum CoreError {
    /// A window length / period of zero.
    InvalidPeriod { period: usize },
    /// A batch call with no input values.
    EmptyInput,
    /// A NaN or ±Infinity in the input series.
    NonFiniteValue { index: usize, value: f64 },
}

impl CoreError {
    /// Stable code, identical to the TypeScript reference's `NativeInputError.code`.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::InvalidPeriod { .. } => "INVALID_PERIOD",
            CoreError::EmptyInput => "EMPTY_INPUT",
            CoreError::NonFiniteValue { .. } => "NON_FINITE_VALUE",
        }
    }
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoreError::InvalidPeriod { period } => {
                write!(f, "period must be a positive integer (got {period})")
            }
            CoreError::EmptyInput => write!(f, "input series is empty"),
            CoreError::NonFiniteValue { index, value } => {
                write!(f, "non-finite value {value} at index {index}")
            }
        }
    }
}

impl std::error::Error for CoreError {}
