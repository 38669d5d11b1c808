//! Order-book imbalance: (bidSize − askSize) / (bidSize + askSize) from the last known book
//! sizes at the bar close; fires when its magnitude exceeds the threshold, with the
//! imbalance itself as the score (more bids → positive).

use super::{detection, Detection};
use crate::numfmt::{fixed, js_number};

#[derive(Debug, Clone)]
pub struct BookImbalance {
    threshold: f64,
}

impl BookImbalance {
    pub fn new(threshold: f64) -> Self {
        Self { threshold }
    }

    /// `bid_size` / `ask_size` are NaN while the book sizes have never been given.
    pub fn on_bar(&mut self, bid_size: f64, ask_size: f64, may_fire: bool) -> Option<Detection> {
        let total = bid_size + ask_size;
        if !may_fire || !(total > 0.0) {
            return None; // NaN (unknown sizes) fails the comparison too
        }
        let imbalance = (bid_size - ask_size) / total;
        if !(imbalance.abs() > self.threshold) {
            return None;
        }
        detection(imbalance, || {
            format!(
                "book imbalance {} (bid size {}, ask size {})",
                fixed(imbalance, 2),
                js_number(bid_size),
                js_number(ask_size)
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_beyond_the_threshold() {
        let mut d = BookImbalance::new(0.6);
        assert_eq!(d.on_bar(f64::NAN, 10.0, true), None);
        assert_eq!(d.on_bar(0.0, 0.0, true), None);
        assert_eq!(d.on_bar(70.0, 30.0, true), None); // 0.4
        let bid_heavy = d.on_bar(90.0, 10.0, true).unwrap();
        assert_eq!(bid_heavy.score, 0.8);
        assert_eq!(
            bid_heavy.reason,
            "book imbalance 0.80 (bid size 90, ask size 10)"
        );
        assert_eq!(d.on_bar(0.0, 5.0, true).unwrap().score, -1.0);
    }
}
