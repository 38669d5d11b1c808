//! Input validation shared by the indicators and the engine: periods, series and ticks.
//! The TypeScript reference (`src/reference/validate.ts`) applies the same checks in the
//! same order, so both backends reject a bad input with the same code and message.

use crate::CoreError;

/// Largest window / period the engine accepts (bounds per-symbol memory).
pub const MAX_PERIOD: usize = 100_000;
/// Largest price or size accepted; keeps price × size sums far from overflow.
pub const MAX_VALUE: f64 = 1e15;
/// Largest timestamp (ms since the Unix epoch) accepted: JavaScript's `Date` limit, < 2^53.
pub const MAX_TIMESTAMP_MS: f64 = 8.64e15;
/// Largest bar length: one UTC day.
pub const MAX_BAR_MS: u64 = 86_400_000;
/// Longest symbol accepted.
pub const MAX_SYMBOL_LEN: usize = 64;

/// Converts a JS number to a period: an integer in `[1, max]`, else `INVALID_PERIOD`.
pub fn period_from_f64(name: &'static str, value: f64, max: usize) -> Result<usize, CoreError> {
    if value.is_finite() && value.fract() == 0.0 && value >= 1.0 && value <= max as f64 {
        Ok(value as usize)
    } else {
        Err(CoreError::InvalidPeriod {
            name,
            value,
            max: max as f64,
        })
    }
}

/// Rejects a zero period for the plain-series functions (`sma_batch`, `Sma::new`).
pub(crate) fn period(period: usize) -> Result<(), CoreError> {
    if period == 0 {
        return Err(CoreError::InvalidPeriod {
            name: "period",
            value: 0.0,
            max: u32::MAX as f64,
        });
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

/// Symbols are 1-64 printable ASCII characters without spaces (so byte and UTF-16 lengths agree).
pub fn symbol(name: &str) -> Result<(), CoreError> {
    let ok = !name.is_empty()
        && name.len() <= MAX_SYMBOL_LEN
        && name.bytes().all(|b| (0x21..=0x7e).contains(&b));
    if ok {
        Ok(())
    } else {
        Err(CoreError::InvalidSymbol)
    }
}

/// Checks one tick's fields in the fixed order ts, price, size, bidSize, askSize. `index` is
/// the position in a batch (None for a single tick). Time order is checked by the caller.
#[inline]
pub fn tick(
    index: Option<usize>,
    ts: f64,
    price: f64,
    size: f64,
    bid_size: Option<f64>,
    ask_size: Option<f64>,
) -> Result<(), CoreError> {
    // Negated "in range" tests, so NaN fails every one of them.
    if !(0.0..=MAX_TIMESTAMP_MS).contains(&ts) {
        return Err(CoreError::InvalidTimestamp { index, value: ts });
    }
    if !(price > 0.0 && price <= MAX_VALUE) {
        return Err(CoreError::InvalidPrice {
            index,
            value: price,
        });
    }
    if !(size > 0.0 && size <= MAX_VALUE) {
        return Err(CoreError::InvalidSize {
            field: "size",
            index,
            value: size,
        });
    }
    if let Some(bid) = bid_size {
        if !(0.0..=MAX_VALUE).contains(&bid) {
            return Err(CoreError::InvalidSize {
                field: "bidSize",
                index,
                value: bid,
            });
        }
    }
    if let Some(ask) = ask_size {
        if !(0.0..=MAX_VALUE).contains(&ask) {
            return Err(CoreError::InvalidSize {
                field: "askSize",
                index,
                value: ask,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_must_be_integers_in_range() {
        assert_eq!(period_from_f64("p", 3.0, 10), Ok(3));
        for bad in [0.0, -1.0, 2.5, 11.0, f64::NAN, f64::INFINITY] {
            let err = period_from_f64("p", bad, 10).unwrap_err();
            assert_eq!(err.code(), "INVALID_PERIOD");
        }
        assert_eq!(
            period_from_f64("smaFastPeriod", 2.5, 100_000)
                .unwrap_err()
                .to_string(),
            "smaFastPeriod must be an integer in [1, 100000] (got 2.5)"
        );
    }

    #[test]
    fn tick_fields_are_checked_in_order() {
        assert!(tick(None, 0.0, 1.0, 1.0, Some(0.0), None).is_ok());
        let code = |r: Result<(), CoreError>| r.unwrap_err().code();
        assert_eq!(
            code(tick(None, -1.0, f64::NAN, 0.0, None, None)),
            "INVALID_TIMESTAMP"
        );
        assert_eq!(
            code(tick(None, f64::NAN, 1.0, 1.0, None, None)),
            "INVALID_TIMESTAMP"
        );
        assert_eq!(
            code(tick(None, 9e15, 1.0, 1.0, None, None)),
            "INVALID_TIMESTAMP"
        );
        assert_eq!(code(tick(None, 1.0, 0.0, 1.0, None, None)), "INVALID_PRICE");
        assert_eq!(
            code(tick(None, 1.0, f64::INFINITY, 1.0, None, None)),
            "INVALID_PRICE"
        );
        assert_eq!(code(tick(None, 1.0, 1.0, 0.0, None, None)), "INVALID_SIZE");
        assert_eq!(
            code(tick(None, 1.0, 1.0, 1.0, Some(-1.0), None)),
            "INVALID_SIZE"
        );
        assert_eq!(
            code(tick(None, 1.0, 1.0, 1.0, None, Some(f64::NAN))),
            "INVALID_SIZE"
        );
        assert_eq!(
            tick(Some(7), 1.0, 1.0, -2.0, None, None)
                .unwrap_err()
                .to_string(),
            "size must be a finite number in (0, 1e15] (got -2) at index 7"
        );
        assert_eq!(
            tick(None, 1.0, 1.0, 1.0, None, Some(-0.5))
                .unwrap_err()
                .to_string(),
            "askSize must be a finite number in [0, 1e15] (got -0.5)"
        );
    }

    #[test]
    fn symbols_are_printable_ascii() {
        assert!(symbol("AAPL").is_ok());
        assert!(symbol("BRK.B").is_ok());
        for bad in ["", "A B", "Ä", &"X".repeat(65)] {
            assert_eq!(symbol(bad), Err(CoreError::InvalidSymbol));
        }
    }
}
