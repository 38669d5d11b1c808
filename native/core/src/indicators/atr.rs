//! Average True Range with Wilder's smoothing.
//!
//! True range = max(high − low, |high − prevClose|, |low − prevClose|); the first bar (no
//! previous close) uses high − low. The first ATR is the mean of the first `period` true
//! ranges, then `atr = (atr * (period − 1) + tr) / period` — as in Wilder and StockCharts.

use crate::{validate, CoreError};

/// True range of a bar given the previous close (if any).
#[inline]
pub fn true_range(high: f64, low: f64, prev_close: Option<f64>) -> f64 {
    let mut tr = high - low;
    if let Some(pc) = prev_close {
        let up = (high - pc).abs();
        let down = (low - pc).abs();
        // Explicit comparisons instead of f64::max: identical to the TS reference by construction.
        if up > tr {
            tr = up;
        }
        if down > tr {
            tr = down;
        }
    }
    tr
}

#[derive(Debug, Clone)]
pub struct Atr {
    period: usize,
    prev_close: Option<f64>,
    count: usize,
    sum: f64,
    value: f64,
}

impl Atr {
    pub fn new(period: usize) -> Result<Self, CoreError> {
        validate::period(period)?;
        Ok(Self {
            period,
            prev_close: None,
            count: 0,
            sum: 0.0,
            value: 0.0,
        })
    }

    /// Feeds one bar; `Some(atr)` once `period` bars have been seen.
    #[inline]
    pub fn update(&mut self, high: f64, low: f64, close: f64) -> Option<f64> {
        let tr = true_range(high, low, self.prev_close.replace(close));
        let p = self.period as f64;
        if self.count < self.period {
            self.sum += tr;
            self.count += 1;
            if self.count < self.period {
                return None;
            }
            self.value = self.sum / p;
        } else {
            self.value = (self.value * (p - 1.0) + tr) / p;
        }
        Some(self.value)
    }

    pub fn value(&self) -> Option<f64> {
        (self.count == self.period).then_some(self.value)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// StockCharts ChartSchool, "Average True Range (ATR)", spreadsheet cs-atr.xls (QQQ,
    /// 1-Apr-2010 … 13-May-2010): high, low, close and the published 14-day ATR from the
    /// 14th bar on, to the sheet's 10 significant digits.
    pub(crate) const STOCKCHARTS_HLC: [(f64, f64, f64); 30] = [
        (48.70, 47.79, 48.16),
        (48.72, 48.14, 48.61),
        (48.90, 48.39, 48.75),
        (48.87, 48.37, 48.63),
        (48.82, 48.24, 48.74),
        (49.05, 48.635, 49.03),
        (49.20, 48.94, 49.07),
        (49.35, 48.86, 49.32),
        (49.92, 49.50, 49.91),
        (50.19, 49.87, 50.13),
        (50.12, 49.20, 49.53),
        (49.66, 48.90, 49.50),
        (49.88, 49.43, 49.75),
        (50.19, 49.725, 50.03),
        (50.36, 49.26, 50.31),
        (50.57, 50.09, 50.52),
        (50.65, 50.30, 50.41),
        (50.43, 49.21, 49.34),
        (49.63, 48.98, 49.37),
        (50.33, 49.61, 50.23),
        (50.29, 49.20, 49.2375),
        (50.17, 49.43, 49.93),
        (49.32, 48.08, 48.43),
        (48.50, 47.64, 48.18),
        (48.3201, 41.55, 46.57),
        (46.80, 44.2833, 45.41),
        (47.80, 47.31, 47.77),
        (48.39, 47.20, 47.72),
        (48.66, 47.90, 48.62),
        (48.79, 47.7301, 47.85),
    ];
    pub(crate) const STOCKCHARTS_ATR14: [f64; 17] = [
        0.555,
        0.5939285714,
        0.5857908163,
        0.5689486152,
        0.6154522855,
        0.6179199794,
        0.6423542666,
        0.6743289618,
        0.6927697503,
        0.7754290538,
        0.7814698357,
        1.209229133,
        1.302619909,
        1.380289916,
        1.366697779,
        1.336219366,
        1.316482269,
    ];

    #[test]
    fn matches_stockcharts_published_atr14() {
        let mut atr = Atr::new(14).unwrap();
        let out: Vec<Option<f64>> = STOCKCHARTS_HLC
            .iter()
            .map(|&(h, l, c)| atr.update(h, l, c))
            .collect();
        assert!(out[..13].iter().all(Option::is_none));
        for (i, want) in STOCKCHARTS_ATR14.iter().enumerate() {
            let got = out[13 + i].unwrap();
            // 10 significant digits published → half a unit in the last place.
            assert!(
                (got - want).abs() <= 5e-10 * want.max(1.0),
                "bar {}: {got} vs {want}",
                14 + i
            );
        }
    }

    #[test]
    fn true_range_uses_gaps() {
        assert_eq!(true_range(10.0, 8.0, None), 2.0);
        assert_eq!(true_range(10.0, 8.0, Some(5.0)), 5.0); // gap up: high − prev close
        assert_eq!(true_range(10.0, 8.0, Some(13.0)), 5.0); // gap down: prev close − low
        assert_eq!(true_range(10.0, 8.0, Some(9.0)), 2.0);
    }
}
