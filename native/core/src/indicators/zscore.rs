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
        self.window.push(x);
        if !self.window.is_full() {
            return None;
        }
        let (mean, sd) = mean_and_stddev(self.window.as_slice());
        self.value = if sd > 0.0 { (x - mean) / sd } else { 0.0 };
        Some(self.value)
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
}
