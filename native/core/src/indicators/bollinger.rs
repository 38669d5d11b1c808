//! Bollinger bands: middle = mean of the last `period` closes, upper/lower = middle ± k ×
//! population standard deviation (two-pass over the window, see `window::mean_and_stddev`).

use super::window::{mean_and_stddev, Window};

/// Upper, middle and lower band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    pub upper: f64,
    pub middle: f64,
    pub lower: f64,
}

#[derive(Debug, Clone)]
pub struct Bollinger {
    window: Window,
    k: f64,
    /// Mean and population standard deviation of the window at the last update (cached:
    /// computing them is O(period)); the bands derive from them, and a z-score over the same
    /// window reuses them.
    stats: Option<(f64, f64)>,
}

impl Bollinger {
    /// `period` ≥ 1 and finite `k` > 0 (validated by the engine config).
    pub fn new(period: usize, k: f64) -> Self {
        Self {
            window: Window::new(period),
            k,
            stats: None,
        }
    }

    /// Feeds one close; the bands once `period` closes have been seen.
    pub fn update(&mut self, close: f64) -> Option<Bands> {
        self.window.push(close);
        if !self.window.is_full() {
            return None;
        }
        self.stats = Some(mean_and_stddev(self.window.as_slice()));
        self.value()
    }

    pub fn value(&self) -> Option<Bands> {
        let (mean, sd) = self.stats?;
        let width = self.k * sd;
        Some(Bands {
            upper: mean + width,
            middle: mean,
            lower: mean - width,
        })
    }

    /// Window length.
    pub fn period(&self) -> usize {
        self.window.capacity()
    }

    /// Mean and population standard deviation of the window at the last update (once full).
    pub fn stats(&self) -> Option<(f64, f64)> {
        self.stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_mean_plus_minus_k_sd() {
        let mut bb = Bollinger::new(8, 2.0);
        let mut last = None;
        for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] {
            last = bb.update(x);
        }
        // mean 5, sd 2 → 9 / 5 / 1
        assert_eq!(
            last,
            Some(Bands {
                upper: 9.0,
                middle: 5.0,
                lower: 1.0
            })
        );
        assert_eq!(Bollinger::new(2, 2.0).update(1.0), None);
    }
}
