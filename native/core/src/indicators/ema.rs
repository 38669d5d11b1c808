//! Exponential moving average, seeded with the SMA of the first `period` values.
//!
//! Arithmetic (mirrored in TS): alpha = 2 / (period + 1); while warming, `sum += x` and the
//! seed is `sum / period`; afterwards `ema = (x - ema) * alpha + ema` (StockCharts' form).

use crate::{validate, CoreError};

#[derive(Debug, Clone)]
pub struct Ema {
    period: usize,
    alpha: f64,
    count: usize,
    sum: f64,
    value: f64,
}

impl Ema {
    pub fn new(period: usize) -> Result<Self, CoreError> {
        validate::period(period)?;
        Ok(Self {
            period,
            alpha: 2.0 / (period as f64 + 1.0),
            count: 0,
            sum: 0.0,
            value: 0.0,
        })
    }

    /// Feeds one value; `Some(ema)` once `period` values have been seen.
    #[inline]
    pub fn update(&mut self, x: f64) -> Option<f64> {
        if self.count < self.period {
            self.sum += x;
            self.count += 1;
            if self.count < self.period {
                return None;
            }
            self.value = self.sum / self.period as f64;
        } else {
            self.value = (x - self.value) * self.alpha + self.value;
        }
        Some(self.value)
    }

    pub fn value(&self) -> Option<f64> {
        (self.count == self.period).then_some(self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_with_sma_then_smoothed() {
        // period 3 → alpha 0.5; seed (1+2+3)/3 = 2; then (6-2)*0.5+2 = 4; (4-4)*0.5+4 = 4
        let mut ema = Ema::new(3).unwrap();
        assert_eq!(ema.update(1.0), None);
        assert_eq!(ema.update(2.0), None);
        assert_eq!(ema.value(), None);
        assert_eq!(ema.update(3.0), Some(2.0));
        assert_eq!(ema.update(6.0), Some(4.0));
        assert_eq!(ema.update(4.0), Some(4.0));
    }

    #[test]
    fn stockcharts_ema10_example() {
        // StockCharts ChartSchool "Moving Averages - Simple and Exponential", cs-movavg.xls:
        // 10-day EMA of these closes; published 22.22 (first, = SMA), 22.21, 22.24, 22.27.
        let closes = [
            22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39,
            22.38,
        ];
        let mut ema = Ema::new(10).unwrap();
        let out: Vec<f64> = closes.iter().filter_map(|&c| ema.update(c)).collect();
        let published = [22.22, 22.21, 22.24, 22.27];
        assert_eq!(out.len(), published.len());
        for (got, want) in out.iter().zip(published) {
            assert!((got - want).abs() < 0.005, "{got} vs {want}");
        }
    }
}
