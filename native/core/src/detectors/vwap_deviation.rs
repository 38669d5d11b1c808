//! VWAP deviation: when |close − VWAP| > threshold × ATR, expects mean reversion: the score
//! is −sign(close − VWAP) × 0.5 × deviation / threshold (in ATR), clamped — 0.5 at the
//! threshold, 1 at twice it. Needs a warm, positive ATR.

use super::{detection, Detection};
use crate::numfmt::{fixed, js_number};

#[derive(Debug, Clone)]
pub struct VwapDeviation {
    threshold_atr: f64,
}

impl VwapDeviation {
    pub fn new(threshold_atr: f64) -> Self {
        Self { threshold_atr }
    }

    pub fn on_bar(
        &mut self,
        close: f64,
        vwap: Option<f64>,
        atr: Option<f64>,
        may_fire: bool,
    ) -> Option<Detection> {
        let (Some(vwap), Some(atr)) = (vwap, atr) else {
            return None;
        };
        if !may_fire || !(atr > 0.0) {
            return None;
        }
        let deviation = close - vwap;
        let in_atr = deviation.abs() / atr;
        if !(in_atr > self.threshold_atr) {
            return None;
        }
        let magnitude = 0.5 * in_atr / self.threshold_atr;
        let above = deviation > 0.0;
        detection(if above { -magnitude } else { magnitude }, || {
            format!(
                "close {} ATR {} VWAP {} (mean reversion)",
                fixed(in_atr, 2),
                if above { "above" } else { "below" },
                js_number(vwap)
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_against_the_deviation() {
        let mut d = VwapDeviation::new(2.0);
        assert_eq!(d.on_bar(103.0, Some(100.0), Some(2.0), true), None); // 1.5 ATR
        assert_eq!(d.on_bar(103.0, Some(100.0), None, true), None);
        let above = d.on_bar(105.0, Some(100.0), Some(2.0), true).unwrap(); // 2.5 ATR
        assert_eq!(above.score, -0.625);
        assert_eq!(
            above.reason,
            "close 2.50 ATR above VWAP 100 (mean reversion)"
        );
        let below = d.on_bar(90.0, Some(100.0), Some(2.0), true).unwrap();
        assert_eq!(below.score, 1.0);
        assert_eq!(d.on_bar(90.0, Some(100.0), Some(2.0), false), None);
    }
}
