//! Moving-average crossover: fires when the fast SMA crosses the slow SMA. Score = gap /
//! (unit × fullScoreAtr), clamped, where gap = fast − slow and unit = ATR (or 1% of price
//! while ATR is unavailable); the sign is the direction of the cross.

use super::{detection, price_unit, Detection};
use crate::numfmt::fixed;

#[derive(Debug, Clone)]
pub struct MaCrossover {
    fast_period: usize,
    slow_period: usize,
    full_score_atr: f64,
    /// fast − slow at the previous bar (None until both SMAs are warm).
    prev_gap: Option<f64>,
}

impl MaCrossover {
    pub fn new(fast_period: usize, slow_period: usize, full_score_atr: f64) -> Self {
        Self {
            fast_period,
            slow_period,
            full_score_atr,
            prev_gap: None,
        }
    }

    pub fn on_bar(
        &mut self,
        fast: Option<f64>,
        slow: Option<f64>,
        atr: Option<f64>,
        close: f64,
        may_fire: bool,
    ) -> Option<Detection> {
        let (Some(fast), Some(slow)) = (fast, slow) else {
            return None;
        };
        let gap = fast - slow;
        let prev = self.prev_gap.replace(gap)?;
        let up = prev <= 0.0 && gap > 0.0;
        let down = prev >= 0.0 && gap < 0.0;
        if !(up || down) || !may_fire {
            return None;
        }
        let (unit, is_atr) = price_unit(atr, close);
        let gap_units = gap / unit;
        detection(gap_units / self.full_score_atr, || {
            format!(
                "SMA{} crossed {} SMA{} (gap {}{})",
                self.fast_period,
                if up { "above" } else { "below" },
                self.slow_period,
                fixed(gap_units, 2),
                if is_atr { " ATR" } else { "% of price" }
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_on_the_cross_only() {
        let mut d = MaCrossover::new(10, 20, 0.5);
        assert_eq!(d.on_bar(Some(99.0), None, None, 100.0, true), None);
        assert_eq!(
            d.on_bar(Some(99.0), Some(100.0), Some(2.0), 100.0, true),
            None
        ); // first gap
        assert_eq!(
            d.on_bar(Some(99.5), Some(100.0), Some(2.0), 100.0, true),
            None
        ); // still below
        let up = d
            .on_bar(Some(100.5), Some(100.0), Some(2.0), 100.0, true)
            .unwrap();
        assert_eq!(up.score, 0.5); // gap 0.5 = 0.25 ATR; full score at 0.5 ATR
        assert_eq!(up.reason, "SMA10 crossed above SMA20 (gap 0.25 ATR)");
        assert_eq!(
            d.on_bar(Some(101.0), Some(100.0), Some(2.0), 100.0, true),
            None
        );
        let down = d
            .on_bar(Some(90.0), Some(100.0), None, 100.0, true)
            .unwrap();
        assert_eq!(down.score, -1.0); // gap −10 = −10% of price → clamped
        assert_eq!(
            down.reason,
            "SMA10 crossed below SMA20 (gap -10.00% of price)"
        );
        // a cross during cooldown updates state but emits nothing
        assert_eq!(
            d.on_bar(Some(101.0), Some(100.0), Some(2.0), 100.0, false),
            None
        );
        assert_eq!(
            d.on_bar(Some(102.0), Some(100.0), Some(2.0), 100.0, true),
            None
        );
    }
}
