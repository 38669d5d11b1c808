//! Fixed-capacity ring buffer of the last `capacity` values, plus the mean / population
//! standard deviation over it. Statistics iterate in storage order (not time order) — the
//! TS reference does the same, so sums are rounded identically.

/// Last `capacity` values; pushing into a full window evicts the oldest.
#[derive(Debug, Clone)]
pub struct Window {
    buf: Vec<f64>,
    capacity: usize,
    /// Slot holding the oldest value once full (next to overwrite).
    head: usize,
}

impl Window {
    /// `capacity` must be ≥ 1 (callers validate periods first).
    pub fn new(capacity: usize) -> Self {
        Self {
            buf: Vec::with_capacity(capacity),
            capacity,
            head: 0,
        }
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    pub fn len(&self) -> usize {
        self.buf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    pub fn is_full(&self) -> bool {
        self.buf.len() == self.capacity
    }

    /// Appends `x`; returns the evicted value once the window is full.
    #[inline]
    pub fn push(&mut self, x: f64) -> Option<f64> {
        if self.buf.len() < self.capacity {
            self.buf.push(x);
            return None;
        }
        let old = std::mem::replace(&mut self.buf[self.head], x);
        self.head += 1;
        if self.head == self.capacity {
            self.head = 0; // a branch instead of `%`: no division on the hot path
        }
        Some(old)
    }

    /// Values in storage order (what the statistics iterate over).
    pub fn as_slice(&self) -> &[f64] {
        &self.buf
    }

    /// Values oldest first.
    pub fn to_vec_chronological(&self) -> Vec<f64> {
        let mut out = Vec::with_capacity(self.buf.len());
        out.extend_from_slice(&self.buf[self.head..]);
        out.extend_from_slice(&self.buf[..self.head]);
        out
    }

    pub fn clear(&mut self) {
        self.buf.clear();
        self.head = 0;
    }
}

/// Mean and population standard deviation of `values` (non-empty), two-pass for accuracy.
/// A window whose values are all equal has standard deviation exactly 0 (and that value as
/// its mean), so a flat series never yields a spurious z-score from rounding noise.
pub fn mean_and_stddev(values: &[f64]) -> (f64, f64) {
    let first = values[0];
    let (mut sum, mut min, mut max) = (0.0_f64, first, first);
    for &v in values {
        sum += v;
        if v < min {
            min = v;
        }
        if v > max {
            max = v;
        }
    }
    if min == max {
        return (first, 0.0);
    }
    let n = values.len() as f64;
    let mean = sum / n;
    let mut squares = 0.0_f64;
    for &v in values {
        let d = v - mean;
        squares += d * d;
    }
    (mean, (squares / n).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evicts_oldest_and_reports_chronological_order() {
        let mut w = Window::new(3);
        assert_eq!(w.push(1.0), None);
        assert_eq!(w.push(2.0), None);
        assert!(!w.is_full());
        assert_eq!(w.push(3.0), None);
        assert_eq!(w.push(4.0), Some(1.0));
        assert_eq!(w.to_vec_chronological(), vec![2.0, 3.0, 4.0]);
        assert_eq!(w.as_slice(), &[4.0, 2.0, 3.0]);
        w.clear();
        assert!(w.is_empty());
    }

    #[test]
    fn population_stddev() {
        // mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, /8 = 4 → sd 2
        let (mean, sd) = mean_and_stddev(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        assert_eq!((mean, sd), (5.0, 2.0));
        assert_eq!(mean_and_stddev(&[0.1, 0.1, 0.1]), (0.1, 0.0));
    }
}
