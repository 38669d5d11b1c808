//! Input validation shared by batch indicators (period and series checks).

use crate::CoreError;

/// Rejects a zero period.
pub(crate) fn period(period: usize) -> Result<(), CoreError> {
    if period == 0 {
        return Err(CoreError::InvalidPeriod { period });
    }
    Ok(())
}

/// Rejects an empty series or one containing NaN / ±Infinity (reports the first offender).
pub(crate) fn series(values: &[f64]) -> Result<(), CoreError> {
    if values.is_empty() {
        return Err(CoreError::EmptyInput);
    }
    match values.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(CoreError::NonFiniteValue {
            index,
            value: values[index],
        }),
        None => Ok(()),
    }
}
