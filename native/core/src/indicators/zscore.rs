//! Rolling z-score: (x − mean) / stddev over the last `period` values including x
//! (population stddev); a window with zero spread yields 0.

use super::window::{mean_and_stddev, Window};

#[derive(Debug, Clone)]
pub struct ZScore {
    window: Window,
    value: f64,
}

impl ZScore {
    /// `period` ≥ 1 (validated by the engine config).
    pub fn new(period: usize) -> Self {
        Self {
            window: Window::new(period),
            value: 0.0,
        }
    }

    /// Feeds one value; its z-score once `period` values have been seen.
    pub fn update(&mut self, x: f64) -> Option<f64> {
        self.update_with(x, mean_and_stddev)
    }

    /// `update` with the window's mean and standard deviation already computed by an indicator
    /// fed the same values over the same period (Bollinger bands at the default settings): the
    /// same numbers, without a second O(period) pass.
    pub fn update_from(&mut self, x: f64, stats: Option<(f64, f64)>) -> Option<f64> {
        self.update_with(x, |window| {
            stats.unwrap_or_else(|| mean_and_stddev(window)) // None only if misused; still correct
        })
    }

    #[inline(always)]
    fn update_with(&mut self, x: f64, stats: impl FnOnce(&[f64]) -> (f64, f64)) -> Option<f64> {
        self.window.push(x);
        if !self.window.is_full() {
            return None;
        }
        let (mean, sd) = stats(self.window.as_slice());
        self.value = if sd > 0.0 { (x - mean) / sd } else { 0.0 };
        Some(self.value)
    }

    /// Window length.
    pub fn period(&self) -> usize {
        self.window.capacity()
    }

    pub fn value(&self) -> Option<f64> {
        self.window.is_full().then_some(self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn z_of_latest_value() {
        let mut z = ZScore::new(8);
        let mut last = None;
        for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] {
            last = z.update(x);
        }
        assert_eq!(last, Some(2.0)); // (9 − 5) / 2
        let mut flat = ZScore::new(3);
        for _ in 0..3 {
            flat.update(0.1);
        }
        assert_eq!(flat.value(), Some(0.0));
    }

    #[test]
    fn bollinger_stats_over_the_same_window_give_the_same_bits() {
        use crate::indicators::bollinger::Bollinger;
        let (mut own, mut shared, mut bands) =
            (ZScore::new(20), ZScore::new(20), Bollinger::new(20, 2.0));
        let mut x = 100.0_f64;
        for i in 0..500 {
            x += ((i * 7919 % 23) as f64 - 11.0) * 0.013; // a deterministic wiggle
            bands.update(x);
            let a = own.update(x);
            let b = shared.update_from(x, bands.stats());
            assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits), "close {i}");
            assert_eq!(a.is_some(), i >= 19);
        }
        // Without stats it computes them itself.
        assert_eq!(shared.update_from(x, None), own.update(x));
    }
}
