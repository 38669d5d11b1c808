//! Volume spike: the bar volume's z-score over the last N bars (including this one) exceeds
//! the threshold. The sign follows the bar (close vs open; a doji does not fire); magnitude =
//! 0.5 × z / threshold, clamped.

use super::{detection, Detection};
use crate::bars::Bar;
use crate::indicators::zscore::ZScore;
use crate::numfmt::fixed;

#[derive(Debug, Clone)]
pub struct VolumeSpike {
    threshold_z: f64,
    volume_z: ZScore,
}

impl VolumeSpike {
    pub fn new(period: usize, threshold_z: f64) -> Self {
        Self {
            threshold_z,
            volume_z: ZScore::new(period),
        }
    }

    pub fn on_bar(&mut self, bar: &Bar, may_fire: bool) -> Option<Detection> {
        let z = self.volume_z.update(bar.volume)?;
        if !may_fire || !(z > self.threshold_z) || bar.close == bar.open {
            return None;
        }
        let up = bar.close > bar.open;
        let magnitude = 0.5 * z / self.threshold_z;
        detection(if up { magnitude } else { -magnitude }, || {
            format!(
                "volume z-score {} on {} bar",
                fixed(z, 2),
                if up { "an up" } else { "a down" }
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_on_outlier_volume_with_bar_direction() {
        let mut d = VolumeSpike::new(4, 1.5);
        let mut bar = Bar::open_at(0.0, 100.0, 10.0);
        for _ in 0..3 {
            assert_eq!(d.on_bar(&bar, true), None);
        }
        // volumes 10,10,10,50: mean 20, sd √300 ≈ 17.32 → z = 30/17.32 ≈ 1.732
        bar.volume = 50.0;
        bar.close = 99.0;
        let spike = d.on_bar(&bar, true).unwrap();
        assert!((spike.score + 0.5 * 3f64.sqrt() / 1.5).abs() < 1e-15);
        assert_eq!(spike.reason, "volume z-score 1.73 on a down bar");
    }
}
