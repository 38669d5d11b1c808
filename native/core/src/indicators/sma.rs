//! Simple moving average: streaming `Sma` and `sma_batch`.
//!
//! Arithmetic contract (mirrored by `native/src/reference.ts`): keep a running sum;
//! for each new value first add it, then — once the window is full — subtract the
//! value leaving the window; the output is `sum / period`.

use crate::{validate, CoreError};

/// Streaming SMA over a fixed window, O(1) per update.
#[derive(Debug, Clone)]
pub struct Sma {
    period: usize,
    window: Vec<f64>,
    /// Next slot in `window` to overwrite (oldest value once full).
    head: usize,
    sum: f64,
}

impl Sma {
    /// Creates an SMA with the given window length. Errors on `period == 0`.
    pub fn new(period: usize) -> Result<Self, CoreError> {
        validate::period(period)?;
        Ok(Self {
            period,
            window: Vec::with_capacity(period),
            head: 0,
            sum: 0.0,
        })
    }

    /// Window length.
    pub fn period(&self) -> usize {
        self.period
    }

    /// True once `period` values have been seen.
    pub fn is_warm(&self) -> bool {
        self.window.len() == self.period
    }

    /// Feeds one value; returns the average once the window is full, `None` before.
    /// The caller is responsible for passing finite values (a NaN would poison the sum).
    #[inline]
    pub fn update(&mut self, x: f64) -> Option<f64> {
        self.sum += x;
        if self.window.len() < self.period {
            self.window.push(x);
            if self.window.len() < self.period {
                return None;
            }
        } else {
            let old = std::mem::replace(&mut self.window[self.head], x);
            self.sum -= old;
            self.head += 1;
            if self.head == self.period {
                self.head = 0; // a branch instead of `%`: no division on the hot path
            }
        }
        Some(self.sum / self.period as f64)
    }

    /// Current average if warm.
    pub fn value(&self) -> Option<f64> {
        self.is_warm().then(|| self.sum / self.period as f64)
    }

    /// Clears all state, keeping the period.
    pub fn reset(&mut self) {
        self.window.clear();
        self.head = 0;
        self.sum = 0.0;
    }
}

/// SMA of a whole series. Output has the same length as the input; the first
/// `period - 1` entries are NaN (warm-up). A period longer than the series yields
/// all NaN. Errors: period 0, empty input, any non-finite input value.
pub fn sma_batch(values: &[f64], period: usize) -> Result<Vec<f64>, CoreError> {
    validate::period(period)?;
    validate::series(values)?;
    let mut out = vec![f64::NAN; values.len()];
    if period > values.len() {
        return Ok(out);
    }
    let p = period as f64;
    let mut sum = 0.0_f64;
    // Same operation order as `Sma::update`, reading the leaving value from the input
    // instead of a ring buffer.
    for (i, &x) in values.iter().enumerate() {
        sum += x;
        if i >= period {
            sum -= values[i - period];
        }
        if i + 1 >= period {
            out[i] = sum / p;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_series_eq(actual: &[f64], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len(), "length");
        for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
            if e.is_nan() {
                assert!(a.is_nan(), "index {i}: expected NaN, got {a}");
            } else {
                assert!(
                    (a - e).abs() <= 1e-12 * e.abs().max(1.0),
                    "index {i}: {a} != {e}"
                );
            }
        }
    }

    #[test]
    fn hand_computed_period_3() {
        // windows: [1,2,3]=2, [2,3,4]=3, [3,4,8]=5, [4,8,6]=6
        let out = sma_batch(&[1.0, 2.0, 3.0, 4.0, 8.0, 6.0], 3).unwrap();
        assert_series_eq(&out, &[f64::NAN, f64::NAN, 2.0, 3.0, 5.0, 6.0]);
    }

    #[test]
    fn period_one_is_identity() {
        let v = [1.5, -2.25, 3.0];
        assert_eq!(sma_batch(&v, 1).unwrap(), v.to_vec());
    }

    #[test]
    fn period_longer_than_series_is_all_nan() {
        let out = sma_batch(&[1.0, 2.0], 5).unwrap();
        assert!(out.iter().all(|v| v.is_nan()));
    }

    #[test]
    fn streaming_matches_batch_bitwise() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let values: Vec<f64> = (0..10_000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                100.0 + (seed % 10_000) as f64 / 100.0
            })
            .collect();
        for period in [1, 2, 7, 50, 333] {
            let batch = sma_batch(&values, period).unwrap();
            let mut sma = Sma::new(period).unwrap();
            for (i, &x) in values.iter().enumerate() {
                match sma.update(x) {
                    None => assert!(batch[i].is_nan() && i + 1 < period),
                    Some(v) => {
                        assert_eq!(v.to_bits(), batch[i].to_bits(), "period {period} index {i}")
                    }
                }
            }
        }
    }

    #[test]
    fn streaming_warm_up_and_reset() {
        let mut sma = Sma::new(2).unwrap();
        assert_eq!(sma.update(1.0), None);
        assert!(!sma.is_warm());
        assert_eq!(sma.update(3.0), Some(2.0));
        assert_eq!(sma.update(5.0), Some(4.0));
        assert_eq!(sma.value(), Some(4.0));
        sma.reset();
        assert_eq!(sma.value(), None);
        assert_eq!(sma.update(7.0), None);
    }

    #[test]
    fn rejects_bad_inputs() {
        assert_eq!(Sma::new(0).unwrap_err().code(), "INVALID_PERIOD");
        assert_eq!(
            Sma::new(0).unwrap_err().to_string(),
            "period must be an integer in [1, 4294967295] (got 0)"
        );
        assert_eq!(sma_batch(&[1.0], 0).unwrap_err().code(), "INVALID_PERIOD");
        assert_eq!(sma_batch(&[], 3).unwrap_err(), CoreError::EmptyInput);
        let err = sma_batch(&[1.0, 2.0, f64::NAN, f64::INFINITY], 2).unwrap_err();
        assert!(matches!(err, CoreError::NonFiniteValue { index: 2, .. }));
        assert_eq!(err.code(), "NON_FINITE_VALUE");
        assert_eq!(err.to_string(), "non-finite value NaN at index 2");
        let err = sma_batch(&[f64::NEG_INFINITY], 1).unwrap_err();
        assert_eq!(err.to_string(), "non-finite value -Infinity at index 0");
    }
}
