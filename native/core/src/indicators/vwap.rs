//! Volume-weighted average price, cumulative over the UTC day: the sums reset on the first
//! tick at or after UTC midnight. Only tick timestamps define the day (deterministic replays).

use crate::bars::bucket_bounds;

/// Milliseconds in a UTC day.
pub const DAY_MS: f64 = 86_400_000.0;

#[derive(Debug, Clone)]
pub struct Vwap {
    /// Start of the next UTC day (ms); −∞ before the first tick.
    day_end: f64,
    price_volume: f64,
    volume: f64,
}

impl Default for Vwap {
    fn default() -> Self {
        Self::new()
    }
}

impl Vwap {
    pub fn new() -> Self {
        Self {
            day_end: f64::NEG_INFINITY,
            price_volume: 0.0,
            volume: 0.0,
        }
    }

    /// Adds one trade (validated: finite ts ≥ 0, price and size > 0).
    #[inline]
    pub fn update(&mut self, ts: f64, price: f64, size: f64) {
        if ts >= self.day_end {
            self.day_end = bucket_bounds(ts, DAY_MS).1;
            self.price_volume = 0.0;
            self.volume = 0.0;
        }
        self.price_volume += price * size;
        self.volume += size;
    }

    /// `update` for consecutive trades (time-ordered): the sums run in the same order, with
    /// the day check hoisted when the whole run is inside the current day (ts is sorted).
    #[inline(always)]
    pub fn update_segment(&mut self, ts: &[f64], price: &[f64], size: &[f64]) {
        match (ts.first(), ts.last()) {
            (Some(_), Some(&last)) if last >= self.day_end => {
                for i in 0..ts.len() {
                    self.update(ts[i], price[i], size[i]);
                }
            }
            _ => {
                let (mut pv, mut v) = (self.price_volume, self.volume);
                for (&p, &q) in price.iter().zip(size) {
                    pv += p * q;
                    v += q;
                }
                self.price_volume = pv;
                self.volume = v;
            }
        }
    }

    /// VWAP of the current day so far; None before the first trade.
    pub fn value(&self) -> Option<f64> {
        (self.volume > 0.0).then(|| self.price_volume / self.volume)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_by_size_and_resets_at_utc_midnight() {
        let mut vwap = Vwap::new();
        assert_eq!(vwap.value(), None);
        let day = DAY_MS;
        vwap.update(day - 2.0, 10.0, 1.0);
        vwap.update(day - 1.0, 20.0, 3.0);
        assert_eq!(vwap.value(), Some(17.5)); // (10 + 60) / 4
        vwap.update(day, 30.0, 2.0); // midnight: new day
        assert_eq!(vwap.value(), Some(30.0));
        vwap.update(2.0 * day - 1.0, 40.0, 2.0);
        assert_eq!(vwap.value(), Some(35.0));
    }
}
