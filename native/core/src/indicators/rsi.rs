//! Relative Strength Index with Wilder's smoothing (the classic definition).
//!
//! Arithmetic (mirrored in TS): change = close − prev; the first `period` changes are summed
//! and averaged (`sum / period`); afterwards `avg = (avg * (period − 1) + x) / period`.
//! RSI = 100 − 100 / (1 + avgGain / avgLoss); avgLoss 0 → 100 (or 50 when avgGain is 0 too).

use crate::{validate, CoreError};

#[derive(Debug, Clone)]
pub struct Rsi {
    period: usize,
    prev: Option<f64>,
    changes: usize,
    gain_sum: f64,
    loss_sum: f64,
    avg_gain: f64,
    avg_loss: f64,
}

impl Rsi {
    pub fn new(period: usize) -> Result<Self, CoreError> {
        validate::period(period)?;
        Ok(Self {
            period,
            prev: None,
            changes: 0,
            gain_sum: 0.0,
            loss_sum: 0.0,
            avg_gain: 0.0,
            avg_loss: 0.0,
        })
    }

    /// Feeds one close; `Some(rsi)` once `period` changes (period + 1 closes) have been seen.
    #[inline]
    pub fn update(&mut self, close: f64) -> Option<f64> {
        let prev = self.prev.replace(close)?;
        let change = close - prev;
        let gain = if change > 0.0 { change } else { 0.0 };
        let loss = if change < 0.0 { -change } else { 0.0 };
        let p = self.period as f64;
        if self.changes < self.period {
            self.gain_sum += gain;
            self.loss_sum += loss;
            self.changes += 1;
            if self.changes < self.period {
                return None;
            }
            self.avg_gain = self.gain_sum / p;
            self.avg_loss = self.loss_sum / p;
        } else {
            self.avg_gain = (self.avg_gain * (p - 1.0) + gain) / p;
            self.avg_loss = (self.avg_loss * (p - 1.0) + loss) / p;
        }
        Some(self.current())
    }

    pub fn value(&self) -> Option<f64> {
        (self.changes == self.period).then(|| self.current())
    }

    fn current(&self) -> f64 {
        if self.avg_loss == 0.0 {
            return if self.avg_gain == 0.0 { 50.0 } else { 100.0 };
        }
        100.0 - 100.0 / (1.0 + self.avg_gain / self.avg_loss)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// StockCharts ChartSchool, "Relative Strength Index (RSI)", spreadsheet cs-rsi.xls:
    /// QQQQ closes 14-Dec-2009 … 1-Feb-2010 (the sheet's 4-decimal values) and the published
    /// 14-day RSI, rounded to 2 decimals, from 5-Jan-2010 (15th close) on.
    pub(crate) const STOCKCHARTS_CLOSES: [f64; 33] = [
        44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826,
        45.8931, 46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439,
        46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672,
        43.4205, 42.6628, 43.1314,
    ];
    pub(crate) const STOCKCHARTS_RSI14: [f64; 19] = [
        70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99,
        41.46, 41.87, 45.46, 37.30, 33.08, 37.77,
    ];

    #[test]
    fn matches_stockcharts_published_rsi14() {
        let mut rsi = Rsi::new(14).unwrap();
        let out: Vec<Option<f64>> = STOCKCHARTS_CLOSES.iter().map(|&c| rsi.update(c)).collect();
        assert!(
            out[..14].iter().all(Option::is_none),
            "warm after 15 closes"
        );
        for (i, want) in STOCKCHARTS_RSI14.iter().enumerate() {
            let got = out[14 + i].unwrap();
            assert!(
                (got - want).abs() <= 0.005,
                "row {}: {got} vs {want}",
                15 + i
            );
        }
        assert_eq!(rsi.value(), out[32]);
    }

    #[test]
    fn flat_and_one_sided_series() {
        let mut rsi = Rsi::new(2).unwrap();
        for x in [5.0, 5.0, 5.0] {
            rsi.update(x);
        }
        assert_eq!(rsi.value(), Some(50.0));
        let mut rsi = Rsi::new(2).unwrap();
        for x in [1.0, 2.0, 3.0] {
            rsi.update(x);
        }
        assert_eq!(rsi.value(), Some(100.0));
        // one loss of 3 after gains 1,1 → avgGain (1*1+0)/2 = .5, avgLoss (0*1+3)/2 = 1.5
        // RS = 1/3 → RSI = 100 − 100/(4/3) = 25
        assert_eq!(rsi.update(0.0), Some(25.0));
    }
}
